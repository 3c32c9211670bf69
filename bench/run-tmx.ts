/**
 * What `palign run` puts in its TMX, judged against a known gold: a folder of NTREX-128 stories
 * (en/ru/be/uk files with random names, 20 % of stories missing a side, date lines, "latest news"
 * tails, and Russian sides edited as real translations are: a sentence dropped, two sentences
 * merged, a paragraph of the Russian site's own added), then `run` in-process. Each unit of the
 * TMX (both sides present) is judged by offsets against the gold sentences: right (every link
 * right), partly right, or wrong (no right link, or text that is no story sentence, such as
 * boilerplate). Printed per score band, so the cut a TM should make can be read off.
 *
 * Run: npx tsx bench/run-tmx.ts [seed ...]   (reads ../shared/eval; says so when it is absent)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalize } from '../src/ingest/normalize.js';
import { run } from '../src/pipeline/run.js';
import { listDocuments } from '../src/store/documents.js';
import { openStore, type Db } from '../src/store/open.js';
import { listPairs } from '../src/store/pairs.js';
import { listSegments } from '../src/store/units.js';
import { rng, SIDES, type Side, type Story } from './lib/match-corpus.js';
import { loadNtrex } from './lib/ntrex.js';

/** Share of stories missing their English, or their Russian, file. */
const MISSING = 0.2;
/** Share of Russian sides with one sentence dropped, with two sentences merged, with an added paragraph. */
const DROP = 0.3;
const MERGE = 0.3;
const ADD = 0.3;
/** Share of English sides with a paragraph of their own (an editor's note the Russian site has not). */
const ADD_EN = 0.3;
/** Score bands the TMX units are counted in; 0.3 is the cut `check` flags as low-score. */
const BANDS = [0, 0.1, 0.2, 0.3, 0.5, 1.01];

/** Sentences one site adds and the other has not: the text a translation memory must not pair with anything. */
const ADDED: Partial<Record<Side, string[]>> = {
  ru: [
    'Ранее сообщалось, что редакция продолжит следить за развитием событий и дополнит материал.',
    'Напомним, в прошлом году аналогичная ситуация сложилась в соседнем регионе, где власти ввели особый режим.',
    'Эксперты, опрошенные нашим изданием, считают, что последствия станут понятны не раньше следующей осени.',
  ],
  en: [
    'This story has been updated with additional reporting from our correspondents.',
    'Our newsroom will continue to follow the developments and publish updates as they come in.',
    'Readers can share their own experiences with us through the contact form on our website.',
  ],
};
const TAIL: Record<Side, string> = { en: 'Latest news', ru: 'Последние новости', be: 'Апошнія навіны', uk: 'Останні новини' };

interface GoldFile {
  side: Side;
  story: number;
  /** The gold sentence index of each sentence written, in order (a merged pair: both). */
  sentences: Array<{ text: string; gold: number[] }>;
}

/** The sentences of one side as written: Russian ones edited, each with the gold indices it holds. */
function edited(story: Story, side: Side, random: () => number): GoldFile['sentences'] {
  const out = story[side].map((text, i) => ({ text, gold: [i] }));
  const added = ADDED[side];
  if (side === 'en' && added && random() < ADD_EN) out.splice(1 + Math.floor(random() * (out.length - 1)), 0, { text: added[Math.floor(random() * added.length)], gold: [] });
  if (side !== 'ru' || out.length < 4) return out;
  if (random() < DROP) out.splice(1 + Math.floor(random() * (out.length - 2)), 1);
  if (random() < MERGE) {
    const at = 1 + Math.floor(random() * (out.length - 2));
    out.splice(at, 2, { text: `${out[at].text.replace(/[.!?]$/, '')}, ${out[at + 1].text.charAt(0).toLowerCase()}${out[at + 1].text.slice(1)}`, gold: [...out[at].gold, ...out[at + 1].gold] });
  }
  if (added && random() < ADD) out.splice(1 + Math.floor(random() * (out.length - 1)), 0, { text: added[Math.floor(random() * added.length)], gold: [] });
  return out;
}

/** A page: an optional date line, the headline, paragraphs of two sentences, an optional news list. */
function page(sentences: GoldFile['sentences'], side: Side, others: Story[], random: () => number): string {
  const lines: string[] = [];
  if (random() < 0.3) lines.push(`${1 + Math.floor(random() * 28)}.08.2024`, '');
  lines.push(sentences[0].text, '');
  for (let i = 1; i < sentences.length; i += 2) lines.push(sentences.slice(i, i + 2).map((s) => s.text).join(' '), '');
  if (random() < 0.3) {
    lines.push(TAIL[side], '');
    for (const other of others) lines.push(other[side][0], '');
  }
  return `${lines.join('\n')}\n`;
}

function buildCorpus(stories: Story[], dir: string, seed: number): Map<string, GoldFile> {
  const random = rng(seed);
  const gold = new Map<string, GoldFile>();
  stories.forEach((story, s) => {
    const drop = random();
    for (const side of SIDES) {
      if ((side === 'en' && drop < MISSING) || (side === 'ru' && drop > 1 - MISSING)) continue;
      const file = `${Math.floor(random() * 2 ** 48).toString(16)}.txt`;
      const sentences = edited(story, side, random);
      const others = [1, 2, 3].map((k) => stories[(s + k * 17) % stories.length]);
      fs.writeFileSync(path.join(dir, file), page(sentences, side, others, random));
      gold.set(file, { side, story: s, sentences: sentences.map((x) => ({ text: normalize(x.text).trim(), gold: x.gold })) });
    }
  });
  return gold;
}

/** The gold indices each segment overlaps, found by offsets of the written sentences in the cleaned text. */
function goldOfSegments(text: string, segments: Array<{ start: number; end: number }>, written: GoldFile['sentences']): number[][] {
  const ranges: Array<{ from: number; to: number; gold: number[] }> = [];
  let cursor = 0;
  for (const w of written) {
    const at = text.indexOf(w.text, cursor);
    if (at < 0) continue;
    ranges.push({ from: at, to: at + w.text.length, gold: w.gold });
    cursor = at + w.text.length;
  }
  return segments.map((seg) => ranges.filter((r) => seg.start < r.to && seg.end > r.from).flatMap((r) => r.gold));
}

type Verdict = 'right' | 'partly' | 'wrong';

interface UnitRow { pairId: number; score: number; bead: string; enFirst: number; enLast: number; ruFirst: number; ruLast: number; en: string; ru: string }

/** Judges every unit with both sides of the right pairs; wrong document pairs make all their units wrong. */
function judge(db: Db, gold: Map<string, GoldFile>): Array<{ score: number; verdict: Verdict; en: string; ru: string }> {
  const docs = new Map(listDocuments(db).map((d) => [d.id, d]));
  const judged: Array<{ score: number; verdict: Verdict; en: string; ru: string }> = [];
  for (const pair of listPairs(db)) {
    const en = gold.get(pair.enPath);
    const ru = gold.get(pair.ruPath);
    const rightPair = en !== undefined && ru !== undefined && en.story === ru.story && en.side === 'en' && ru.side === 'ru';
    const enSegs = rightPair ? goldOfSegments(docs.get(pair.enId)?.text ?? '', listSegments(db, pair.enId), en.sentences) : [];
    const ruSegs = rightPair ? goldOfSegments(docs.get(pair.ruId)?.text ?? '', listSegments(db, pair.ruId), ru.sentences) : [];
    const units = db.prepare(`SELECT pair_id AS pairId, score, bead, en_first AS enFirst, en_last AS enLast, ru_first AS ruFirst, ru_last AS ruLast, en_text AS en, ru_text AS ru
      FROM units WHERE pair_id = ? AND en_text <> '' AND ru_text <> ''`).all(pair.id) as UnitRow[];
    for (const u of units) {
      let verdict: Verdict = 'wrong';
      if (rightPair) {
        const a = new Set<number>();
        const b = new Set<number>();
        for (let k = u.enFirst; k <= u.enLast; k++) for (const g of enSegs[k] ?? []) a.add(g);
        for (let k = u.ruFirst; k <= u.ruLast; k++) for (const g of ruSegs[k] ?? []) b.add(g);
        // A merged Russian sentence holds two gold indices: the unit is right when both sides cover the same ones.
        const shared = [...a].filter((x) => b.has(x)).length;
        verdict = shared === 0 ? 'wrong' : shared === a.size && shared === b.size ? 'right' : 'partly';
      }
      judged.push({ score: u.score, verdict, en: u.en, ru: u.ru });
    }
  }
  return judged;
}

function main(): void {
  const stories = loadNtrex('run-tmx');
  if (!stories) return;
  const seeds = process.argv.slice(2).map(Number);
  const bands = BANDS.slice(0, -1).map((from, i) => ({ from, to: BANDS[i + 1], right: 0, partly: 0, wrong: 0 }));
  let units = 0;
  for (const seed of seeds.length > 0 ? seeds : [1, 2, 3]) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palign-run-tmx-'));
    fs.mkdirSync(path.join(dir, 'data'));
    const gold = buildCorpus(stories, path.join(dir, 'data'), seed);
    const dbFile = path.join(dir, 'corpus.db');
    const db = openStore(dbFile);
    run(db, path.join(dir, 'data'), dbFile);
    for (const j of judge(db, gold)) {
      units++;
      const band = bands.find((b) => j.score >= b.from && j.score < b.to);
      if (band) band[j.verdict]++;
      if (process.env.DEBUG && j.score < 0.3) console.log(`${j.score.toFixed(3)} ${j.verdict} | ${j.en.slice(0, 100)} | ${j.ru.slice(0, 100)}`);
    }
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(`run-tmx bench: seeds ${(seeds.length > 0 ? seeds : [1, 2, 3]).join(', ')}, ${units} TMX units with both sides, ${os.cpus().length} cores`);
  console.log('| score | units | right | partly right | wrong | share right |');
  console.log('|---|---|---|---|---|---|');
  for (const b of bands) {
    const n = b.right + b.partly + b.wrong;
    console.log(`| ${b.from.toFixed(1)}–${Math.min(1, b.to).toFixed(1)} | ${n} | ${b.right} | ${b.partly} | ${b.wrong} | ${n ? ((100 * b.right) / n).toFixed(1) : '–'} % |`);
  }
}

main();
