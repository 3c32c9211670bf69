/**
 * palign over time and at size: a folder of N documents built from NTREX-128 stories (each copy
 * lightly edited — numbers shifted, a quarter of the sentences left out, a sentence with its own
 * town and number added — so every file is a distinct document; about one story in ten has both
 * an English and a Russian file, the rest one file in en/ru/be/uk). Measures, in-process:
 *   - the first `run`, an unchanged re-run, and a re-run after 10 files added, 5 removed, 5 renamed
 *     and 3 edited (time, pairs aligned, peak memory of the process);
 *   - document pairs against the gold (same story copy) after each.
 * The incremental result is compared with a fresh run on the final folder (pairs and units).
 *
 * Run: npx tsx bench/scale.ts [documents=2000 …]   (reads ../shared/eval; says so when it is absent)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, type RunSummary } from '../src/pipeline/run.js';
import { openStore, type Db } from '../src/store/open.js';
import { SIDES, type Side, type Story } from './lib/match-corpus.js';
import { loadNtrex } from './lib/ntrex.js';

/** Share of story copies with both an English and a Russian file (the rest: one file). */
const PAIRED_SHARE = 0.1;
/** The folder changes between runs, as a user's folder changes between two sessions. */
const ADDED = 10;
const REMOVED = 5;
const RENAMED = 5;
const EDITED = 3;
/** Towns for the sentence each copy adds, in English and in the Russian locative. */
const TOWNS: Array<[string, string]> = [['Kazan', 'Казани'], ['Omsk', 'Омске'], ['Tver', 'Твери'], ['Perm', 'Перми'], ['Samara', 'Самаре'], ['Kursk', 'Курске'], ['Tula', 'Туле'], ['Penza', 'Пензе']];

/** A deterministic generator in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** The text of copy `i` of `story` on one side: headline, then one paragraph of the kept sentences. */
function copyText(story: Story, side: Side, i: number, version: number): string {
  const sentences = (story[side] as string[])
    .map((s) => (version === 0 ? s : s.replace(/\d+/g, (d) => String(Number(d) + version))))
    .filter((_, k) => k === 0 || (i * 31 + k * 17) % 4 !== 0);
  const [townEn, townRu] = TOWNS[i % TOWNS.length];
  if (side === 'en') sentences.push(`Local officials in ${townEn} reported ${100 + i} new cases.`);
  if (side === 'ru') sentences.push(`Местные власти в ${townRu} сообщили о ${100 + i} новых случаях.`);
  return `${sentences[0]}\n\n${sentences.slice(1).join(' ')}\n`;
}

/** Writes copies `from`..`to` of the stories into `dir`; returns how many files. */
function writeCopies(dir: string, stories: Story[], from: number, to: number, random: () => number): number {
  let files = 0;
  for (let i = from; i < to; i++) {
    const story = stories[i % stories.length];
    const version = Math.floor(i / stories.length);
    const sides: Side[] = random() < PAIRED_SHARE ? ['en', 'ru'] : [SIDES[Math.floor(random() * SIDES.length)]];
    for (const side of sides) {
      fs.writeFileSync(path.join(dir, `${String(i).padStart(6, '0')}_${side}_${Math.floor(random() * 1e9).toString(36)}.txt`), copyText(story, side, i, version));
      files++;
    }
  }
  return files;
}

/**
 * Pairs right (both files from the same copy), pairs of two copies of one story (a translation
 * but for the edits: numbers, left-out sentences), and the gold count (copies with both files).
 */
function pairQuality(db: Db, stories: number): { pairs: number; right: number; sameStory: number; gold: number } {
  const pairs = db.prepare(`SELECT e.path AS en, r.path AS ru FROM doc_pairs p JOIN documents e ON e.id = p.en_doc JOIN documents r ON r.id = p.ru_doc`).all() as Array<{ en: string; ru: string }>;
  const copy = (p: string) => path.basename(p).split('_')[0];
  const sides = db.prepare(`SELECT path FROM documents`).all() as Array<{ path: string }>;
  const en = new Set(sides.filter((d) => path.basename(d.path).split('_')[1] === 'en').map((d) => copy(d.path)));
  const gold = sides.filter((d) => path.basename(d.path).split('_')[1] === 'ru' && en.has(copy(d.path))).length;
  const sameStory = pairs.filter((p) => copy(p.en) !== copy(p.ru) && Number(copy(p.en)) % stories === Number(copy(p.ru)) % stories).length;
  return { pairs: pairs.length, right: pairs.filter((p) => copy(p.en) === copy(p.ru)).length, sameStory, gold };
}

/** Pairs and unit texts of a database, as sorted lines, to compare two runs. */
function contents(db: Db): { pairs: string[]; units: string[] } {
  const pairs = (db.prepare(`SELECT e.path || ' ' || r.path AS k FROM doc_pairs p JOIN documents e ON e.id = p.en_doc JOIN documents r ON r.id = p.ru_doc`).all() as Array<{ k: string }>).map((r) => r.k).sort();
  const units = (db.prepare(`SELECT e.path || '\t' || u.bead || '\t' || u.en_text || '\t' || u.ru_text AS k FROM units u JOIN doc_pairs p ON p.id = u.pair_id JOIN documents e ON e.id = p.en_doc`).all() as Array<{ k: string }>).map((r) => r.k).sort();
  return { pairs, units };
}

/** Lines of `a` not in `b`. */
function missingFrom(a: string[], b: string[]): number {
  const other = new Set(b);
  return a.filter((x) => !other.has(x)).length;
}

/** Runs the pipeline and times it. */
function timedRun(db: Db, dir: string, dbFile: string): { summary: RunSummary; seconds: number } {
  const start = performance.now();
  const summary = run(db, dir, dbFile, { tmx: path.join(path.dirname(dbFile), 'corpus.tmx') });
  return { summary, seconds: (performance.now() - start) / 1000 };
}

/** The folder changes of one session: files added, removed, renamed (moved to a subfolder) and edited. */
function changeFolder(dir: string, stories: Story[], total: number, random: () => number): void {
  writeCopies(dir, stories, total, total + ADDED, random);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const pick = (n: number, offset: number) => Array.from({ length: n }, (_, k) => files[(offset + k * 37) % files.length]);
  const chosen = new Set<string>();
  const fresh = (list: string[]) => list.filter((f) => !chosen.has(f) && chosen.add(f));
  for (const f of fresh(pick(REMOVED, 1))) fs.rmSync(path.join(dir, f));
  fs.mkdirSync(path.join(dir, 'moved'), { recursive: true });
  for (const f of fresh(pick(RENAMED, 11))) fs.renameSync(path.join(dir, f), path.join(dir, 'moved', f));
  for (const f of fresh(pick(EDITED, 23))) fs.appendFileSync(path.join(dir, f), '\nThe ministry said on Monday that 14 new inspections were planned.\n');
}

function main(): void {
  const stories = loadNtrex('scale');
  if (!stories) return;
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  console.log(`scale bench: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}`);
  console.log('| documents | first run | unchanged re-run | after +10 −5 ↻5 ✎3 (pairs aligned) | pairs right / found (other copy of the story) / gold | incremental vs fresh run (fresh: right / found) | peak RSS |');
  console.log('|---|---|---|---|---|---|---|');
  for (const size of sizes.length > 0 ? sizes : [2000]) {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'palign-scale-'));
    const dir = path.join(work, 'in');
    fs.mkdirSync(dir);
    const random = lcg(size);
    // One story copy is 1.1 files on average.
    const copies = Math.round(size / (1 + PAIRED_SHARE));
    writeCopies(dir, stories, 0, copies, random);
    const dbFile = path.join(work, 'out', 'corpus.db');
    const db = openStore(dbFile);
    const first = timedRun(db, dir, dbFile);
    const again = timedRun(db, dir, dbFile);
    changeFolder(dir, stories, copies, random);
    const changed = timedRun(db, dir, dbFile);
    const quality = pairQuality(db, stories.length);
    const incremental = contents(db);
    db.close();
    const freshFile = path.join(work, 'fresh', 'corpus.db');
    const fresh = openStore(freshFile);
    timedRun(fresh, dir, freshFile);
    const scratch = contents(fresh);
    const freshQuality = pairQuality(fresh, stories.length);
    fresh.close();
    const pairDiff = missingFrom(incremental.pairs, scratch.pairs) + missingFrom(scratch.pairs, incremental.pairs);
    const unitDiff = missingFrom(incremental.units, scratch.units) + missingFrom(scratch.units, incremental.units);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`| ${first.summary.ingest.files} | ${first.seconds.toFixed(1)} s | ${again.seconds.toFixed(1)} s (${again.summary.align.aligned} aligned) | ${changed.seconds.toFixed(1)} s (${changed.summary.align.aligned}; ${changed.summary.ingest.renamed} renamed) | ${quality.right} / ${quality.pairs} (${quality.sameStory}) / ${quality.gold} | pairs differ ${pairDiff}, units differ ${unitDiff} of ${scratch.units.length} (${freshQuality.right} / ${freshQuality.pairs}) | ${rss.toFixed(0)} MB |`);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
