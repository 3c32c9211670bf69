/**
 * The whole pipeline on files, as a user runs it: a folder built from NTREX-128 stories (each
 * story as separate en/ru/be/uk files with random names, some sides missing, leading date lines,
 * trailing "latest news" blocks, Russian files in Windows-1251, KOI8-R, UTF-16 or UTF-8 with BOM),
 * then `palign run` in-process. Measures language ID, document pairs, sentence links against the
 * NTREX gold, and the time of a first run and of an unchanged re-run.
 *
 * Run: npx tsx bench/pipeline.ts [seed]   (reads ../shared/eval; says so when it is absent)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalize } from '../src/ingest/normalize.js';
import { run } from '../src/pipeline/run.js';
import { listDocuments } from '../src/store/documents.js';
import { openStore } from '../src/store/open.js';
import { listPairs, type StoredPair } from '../src/store/pairs.js';
import { explain } from '../src/pipeline/match.js';
import type { Db } from '../src/store/open.js';
import { listSegments, listUnits } from '../src/store/units.js';
import type { Lang } from '../src/types.js';
import { rng, type Story } from './lib/match-corpus.js';
import { ENDS_SENTENCE, loadNtrex } from './lib/ntrex.js';

type Side = 'en' | 'ru' | 'be' | 'uk';
const SIDES: Side[] = ['en', 'ru', 'be', 'uk'];
/** Share of stories missing their English, or their Russian, file. */
const MISSING = 0.2;

const NEWS_LIST: Record<Side, [string, string]> = {
  en: ['Latest news', 'Read more'],
  ru: ['Последние новости', 'Читать новость'],
  be: ['Апошнія навіны', 'Чытаць навіну'],
  uk: ['Останні новини', 'Читати новину'],
};
const MONTHS: Record<Side, string> = { en: 'August', ru: 'августа', be: 'жніўня', uk: 'серпня' };

/** Bytes of `text` in a single-byte Cyrillic code page, from the decoder's own table. */
function singleByte(text: string, encoding: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => table.get(ch) ?? 0x3f));
}

/** The encoding a file is written in: Russian files vary, as real ones do. */
function pickEncoding(side: Side, random: () => number): string {
  const r = random();
  if (side !== 'ru') return r < 0.2 ? 'utf-8-bom' : 'utf-8';
  if (r < 0.15) return 'windows-1251';
  if (r < 0.25) return 'koi8-r';
  if (r < 0.35) return 'utf-16le';
  return r < 0.5 ? 'utf-8-bom' : 'utf-8';
}

function encode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf-8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'windows-1251':
    case 'koi8-r':
      return singleByte(text, encoding);
    default:
      return Buffer.from(text, 'utf8');
  }
}

/** A gold sentence as palign will see it: through the file's encoding (KOI8-R has no «») and normalisation. */
function asIngested(sentence: string, encoding: string): string {
  const bytes = encode(sentence, encoding);
  const decoded = encoding === 'windows-1251' || encoding === 'koi8-r' ? new TextDecoder(encoding).decode(bytes) : sentence;
  return normalize(decoded).trim();
}

/** A news page: optional date line, headline, paragraphs of 1–4 sentences, optional news list. */
function page(sentences: string[], side: Side, others: Story[], random: () => number): string {
  const lines: string[] = [];
  const day = 1 + Math.floor(random() * 28);
  const date = `${day} ${MONTHS[side]} 2024`;
  if (random() < 0.3) lines.push(date, '');
  lines.push(sentences[0], '');
  // Paragraphs of 1-4 sentences; a line without final punctuation (a sub-headline) stands alone,
  // as it does on a real page.
  let paragraph: string[] = [];
  let size = 1 + Math.floor(random() * 4);
  for (const sentence of sentences.slice(1)) {
    paragraph.push(sentence);
    if (paragraph.length >= size || !ENDS_SENTENCE.test(sentence)) {
      lines.push(paragraph.join(' '), '');
      paragraph = [];
      size = 1 + Math.floor(random() * 4);
    }
  }
  if (paragraph.length) lines.push(paragraph.join(' '), '');
  if (random() < 0.3) {
    lines.push(NEWS_LIST[side][0], '');
    for (const other of others) lines.push(other[side][0], '', date, NEWS_LIST[side][1]);
  }
  return `${lines.join('\n')}\n`;
}

interface Gold {
  lang: Map<string, Side>;
  pairs: Map<string, string>;
  sentences: Map<string, string[]>;
}

function buildCorpus(stories: Story[], dir: string, seed: number): Gold {
  const random = rng(seed);
  const gold: Gold = { lang: new Map(), pairs: new Map(), sentences: new Map() };
  stories.forEach((story, s) => {
    const drop = random();
    const present = SIDES.filter((side) => !(side === 'en' && drop < MISSING) && !(side === 'ru' && drop > 1 - MISSING));
    const files: Partial<Record<Side, string>> = {};
    for (const side of present) {
      const file = `${random() < 0.3 ? `section${s % 5}/` : ''}${Math.floor(random() * 2 ** 48).toString(16)}.txt`;
      const others = [1, 2, 3].map((k) => stories[(s + k * 17) % stories.length]);
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      const encoding = pickEncoding(side, random);
      fs.writeFileSync(path.join(dir, file), encode(page(story[side], side, others, random), encoding));
      gold.lang.set(file, side);
      gold.sentences.set(file, story[side].map((sentence) => asIngested(sentence, encoding)));
      files[side] = file;
    }
    if (files.en && files.ru) gold.pairs.set(files.en, files.ru);
  });
  return gold;
}

/**
 * The gold sentence indices each segment overlaps: gold sentences are found in order in the
 * cleaned text (so repeated sentences map to the right occurrence), then compared by offsets.
 */
function goldIndices(text: string, segments: Array<{ start: number; end: number }>, sentences: string[]): number[][] {
  const ranges: Array<[number, number] | null> = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, cursor);
    if (at < 0) ranges.push(null);
    else {
      ranges.push([at, at + sentence.length]);
      cursor = at + sentence.length;
    }
  }
  return segments.map((seg) =>
    ranges.flatMap((r, i) => (r && seg.start < r[1] && seg.end > r[0] ? [i] : [])),
  );
}

/** DEBUG: prints each wrong document pair with both documents' explanations and headlines. */
function debugWrongPairs(db: Db, gold: Gold, when: string): void {
  const ruToEn = new Map([...gold.pairs].map(([e, r]) => [r, e]));
  const headline = (file: string) => (gold.sentences.get(file) ?? [])[0]?.slice(0, 80) ?? '?';
  const wrong = listPairs(db).filter((p: StoredPair) => gold.pairs.get(p.enPath) !== p.ruPath);
  for (const p of wrong) {
    console.log(`[${when}] wrong pair ${p.enPath} ↔ ${p.ruPath} score ${p.score.toFixed(3)}`);
    console.log(`  en: ${headline(p.enPath)} (its gold ru: ${gold.pairs.get(p.enPath) ?? 'none'})`);
    console.log(`  ru: ${headline(p.ruPath)} (its gold en: ${ruToEn.get(p.ruPath) ?? 'none'})`);
    for (const e of explain(db, p.enPath)) console.log(`  explain en: ${e.reason}`);
    for (const e of explain(db, p.ruPath)) console.log(`  explain ru: ${e.reason}`);
  }
}

function f1(tp: number, predicted: number, gold: number) {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

function main() {
  const stories = loadNtrex('pipeline');
  if (!stories) return;
  const seed = Number(process.argv[2] ?? 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palign-pipeline-'));
  const dataDir = path.join(dir, 'data');
  const gold = buildCorpus(stories, dataDir, seed);
  const dbFile = path.join(dir, 'aligned', 'corpus.db');
  const db = openStore(dbFile);

  let t = performance.now();
  const summary = run(db, dataDir, dbFile);
  const first = performance.now() - t;
  if (process.env.DEBUG) debugWrongPairs(db, gold, 'first run');
  t = performance.now();
  const again = run(db, dataDir, dbFile);
  const rerun = performance.now() - t;

  if (process.env.DEBUG) debugWrongPairs(db, gold, 're-run');
  const docs = listDocuments(db);
  const langOf = new Map(docs.map((d) => [d.path, d.lang as Lang]));
  const langRight = [...gold.lang].filter(([file, side]) => langOf.get(file) === side).length;

  const pairs = listPairs(db);
  const rightPairs = pairs.filter((p) => gold.pairs.get(p.enPath) === p.ruPath);
  const beUk = pairs.filter((p) => gold.lang.get(p.ruPath) !== 'ru' || gold.lang.get(p.enPath) !== 'en').length;
  const docF = f1(rightPairs.length, pairs.length, gold.pairs.size);

  let tp = 0;
  let predicted = 0;
  let goldLinks = 0;
  let scored = 0;
  let confident = 0;
  for (const pair of rightPairs) {
    const enSentences = gold.sentences.get(pair.enPath) as string[];
    const ruSentences = gold.sentences.get(pair.ruPath) as string[];
    const textOf = (id: number) => docs.find((d) => d.id === id)?.text ?? '';
    const enSegs = goldIndices(textOf(pair.enId), listSegments(db, pair.enId), enSentences);
    const ruSegs = goldIndices(textOf(pair.ruId), listSegments(db, pair.ruId), ruSentences);
    const links = new Set<string>();
    for (const u of listUnits(db, pair.id)) {
      if (!u.en || !u.ru) continue;
      scored++;
      if (u.score >= 0.5) confident++;
      const row = db.prepare(`SELECT en_first, en_last, ru_first, ru_last FROM units WHERE id = ?`).get(u.id) as Record<string, number>;
      const en = new Set<number>();
      const ru = new Set<number>();
      for (let k = row.en_first; k <= row.en_last; k++) for (const g of enSegs[k]) en.add(g);
      for (let k = row.ru_first; k <= row.ru_last; k++) for (const g of ruSegs[k]) ru.add(g);
      for (const a of en) for (const b of ru) links.add(`${a}:${b}`);
    }
    predicted += links.size;
    goldLinks += Math.min(enSentences.length, ruSentences.length);
    for (const link of links) {
      const [a, b] = link.split(':');
      if (a === b) tp++;
      else if (process.env.DEBUG) console.log('wrong link', link, '|', enSentences[Number(a)], '|', ruSentences[Number(b)]);
    }
  }
  const linkF = f1(tp, predicted, goldLinks);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  console.log(`pipeline bench: ${stories.length} NTREX stories → ${gold.lang.size} files (seed ${seed}), ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'})`);
  console.log('| measure | value |');
  console.log('|---|---|');
  console.log(`| files ingested / skipped | ${summary.ingest.files} / ${summary.ingest.skipped.length} |`);
  console.log(`| language right | ${langRight}/${gold.lang.size} (${pct(langRight / gold.lang.size)}) |`);
  console.log(`| document pairs: precision / recall / F1 | ${docF.p.toFixed(4)} / ${docF.r.toFixed(4)} / ${docF.f.toFixed(4)} (${rightPairs.length} right of ${pairs.length}, gold ${gold.pairs.size}) |`);
  console.log(`| pairs with a be/uk document | ${beUk} |`);
  console.log(`| sentence links (right pairs): precision / recall / F1 | ${linkF.p.toFixed(4)} / ${linkF.r.toFixed(4)} / ${linkF.f.toFixed(4)} |`);
  console.log(`| aligned units scoring ≥ 0.5 | ${pct(confident / Math.max(1, scored))} of ${scored} |`);
  console.log(`| first run / unchanged re-run | ${(first / 1000).toFixed(2)} s / ${(rerun / 1000).toFixed(2)} s (re-run aligned ${again.align.aligned} pairs) |`);
}

main();
