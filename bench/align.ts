/**
 * Sentence alignment bench: (1) scrambled NTREX-128 EN–RU stories (merges, drops, boilerplate)
 * → link F1 and boilerplate lines aligned; (2) Text+Berg DE–FR dev strict/lax F1 vs a
 * length-only baseline; (3) time and memory for a news-sized pair and a 40k × 48k pair.
 * Run: npx tsx bench/align.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignCorpus, alignSentences } from '../src/align/index.js';
import { parseGold, scoreAlignment, type GoldBead } from '../src/evaluate.js';
import type { Bead } from '../src/types.js';
import { rng } from './lib/match-corpus.js';
import { ENDS_SENTENCE } from './lib/ntrex.js';

const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/eval');
/** Chance that a bead merges with the next one on one side (making 1-2/2-1 gold). */
const MERGE_RATE = 0.1;
/** Chance that a sentence is dropped on one side (making 1-0/0-1 gold). */
const DROP_RATE = 0.05;
/** Runs per timing; the median is reported. */
const RUNS = 5;

export interface Story { docid: string; en: string[]; ru: string[] }
interface Scrambled { src: string[]; tgt: string[]; gold: GoldBead[]; boilerSrc: Set<number>; boilerTgt: Set<number> }

const MENU = {
  en: ['Read more', 'Share this article', 'Related stories', 'Society', 'Most read', 'Subscribe to our newsletter'],
  ru: ['Читать новость', 'Общество', 'Рекомендуем', 'Поделиться', 'Самое читаемое', 'Подписаться на рассылку'],
};
const MONTHS = {
  en: ['January', 'March', 'May', 'August', 'October', 'December'],
  ru: ['января', 'марта', 'мая', 'августа', 'октября', 'декабря'],
};

/** A boilerplate line in `lang`: a menu item, a date, or another story's headline. */
function boilerplate(lang: 'en' | 'ru', other: Story, rand: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const r = rand();
  if (r < 0.4) return pick(MENU[lang]);
  if (r < 0.7) {
    const day = 1 + Math.floor(rand() * 28);
    return lang === 'en' ? `${day} ${pick(MONTHS.en)} 2025` : `${day} ${pick(MONTHS.ru)} 2025`;
  }
  return other[lang][0];
}

/** A story with merges, drops, a foreign headline on top of one side and boilerplate at the end of one side. */
export function scramble(story: Story, others: Story[], rand: () => number): Scrambled {
  const src: string[] = [];
  const tgt: string[] = [];
  const gold: GoldBead[] = [];
  const boilerSrc = new Set<number>();
  const boilerTgt = new Set<number>();
  const other = () => others[Math.floor(rand() * others.length)];
  const topOnSrc = rand() < 0.5;
  (topOnSrc ? boilerSrc : boilerTgt).add(0);
  (topOnSrc ? src : tgt).push(boilerplate(topOnSrc ? 'en' : 'ru', other(), rand));
  gold.push(topOnSrc ? { src: [0], tgt: [] } : { src: [], tgt: [0] });
  const n = Math.min(story.en.length, story.ru.length);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < DROP_RATE) {
      const onSrc = rand() < 0.5;
      if (onSrc) gold.push({ src: [src.push(story.en[i]) - 1], tgt: [] });
      else gold.push({ src: [], tgt: [tgt.push(story.ru[i]) - 1] });
    } else if (r < DROP_RATE + MERGE_RATE && i + 1 < n) {
      const mergeSrc = rand() < 0.5;
      const side = mergeSrc ? story.en : story.ru;
      if (!ENDS_SENTENCE.test(side[i]) || !ENDS_SENTENCE.test(side[i + 1])) {
        // A translator joins sentences, not a headline (no final punctuation) with a sentence; and
        // a page puts such a line on its own, where the segmenter splits it off. Both stay 1-1
        // (same random draws as a merge, so the rest of the scramble does not shift).
        gold.push({ src: [src.push(story.en[i]) - 1], tgt: [tgt.push(story.ru[i]) - 1] });
        gold.push({ src: [src.push(story.en[i + 1]) - 1], tgt: [tgt.push(story.ru[i + 1]) - 1] });
      } else if (mergeSrc) {
        const s = src.push(`${story.en[i]} ${story.en[i + 1]}`) - 1;
        gold.push({ src: [s], tgt: [tgt.push(story.ru[i]) - 1, tgt.push(story.ru[i + 1]) - 1] });
      } else {
        const t = tgt.push(`${story.ru[i]} ${story.ru[i + 1]}`) - 1;
        gold.push({ src: [src.push(story.en[i]) - 1, src.push(story.en[i + 1]) - 1], tgt: [t] });
      }
      i++;
    } else {
      gold.push({ src: [src.push(story.en[i]) - 1], tgt: [tgt.push(story.ru[i]) - 1] });
    }
  }
  const endOnSrc = rand() < 0.5;
  const lines = 3 + Math.floor(rand() * 4);
  for (let j = 0; j < lines; j++) {
    const line = boilerplate(endOnSrc ? 'en' : 'ru', other(), rand);
    if (endOnSrc) gold.push({ src: [src.push(line) - 1], tgt: [] }), boilerSrc.add(src.length - 1);
    else gold.push({ src: [], tgt: [tgt.push(line) - 1] }), boilerTgt.add(tgt.length - 1);
  }
  return { src, tgt, gold, boilerSrc, boilerTgt };
}

/** Share of stories whose Russian side gets a moved block (an editor's reordering). */
const MOVE_RATE = 0.3;
/** Sentences in a moved block, and how many sentences it is moved past (both inclusive). */
const MOVE_BLOCK: [number, number] = [1, 3];
const MOVE_DISTANCE: [number, number] = [2, 6];

/** A random whole number in [lo, hi]. */
function between([lo, hi]: [number, number], rand: () => number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/**
 * The scrambled story with, on the target side, one block of MOVE_BLOCK consecutive sentences
 * moved past MOVE_DISTANCE sentences (earlier or later), or null when the body has no room.
 * Blocks and insertion points are whole gold beads of the body (no boilerplate), so every gold
 * bead keeps consecutive target indices; gold links and boilerplate marks move with the text.
 */
export function moveBlock(doc: Scrambled, rand: () => number): Scrambled | null {
  // Target units in target order: the target sentences of one gold bead each.
  const units = doc.gold.filter((g) => g.tgt.length > 0).map((g) => g.tgt).sort((a, b) => a[0] - b[0]);
  const body = units.map((u) => !u.some((k) => doc.boilerTgt.has(k)));
  const want = between(MOVE_BLOCK, rand);
  const start = Math.floor(rand() * units.length);
  let end = start;
  let size = 0;
  while (end < units.length && body[end] && size + units[end].length <= want) size += units[end++].length;
  if (size === 0) return null;
  const distance = between(MOVE_DISTANCE, rand);
  const later = rand() < 0.5;
  for (const dir of later ? [1, -1] : [-1, 1]) {
    // Insert after passing `distance` sentences of body units on the chosen side.
    let at = dir > 0 ? end : start;
    let passed = 0;
    while (passed < distance) {
      const next = dir > 0 ? at : at - 1;
      if (next < 0 || next >= units.length || !body[next]) break;
      passed += units[next].length;
      at += dir;
    }
    if (passed < distance) continue;
    const block = units.slice(start, end);
    const rest = [...units.slice(0, start), ...units.slice(end)];
    const insertAt = dir > 0 ? at - block.length : at;
    const order = [...rest.slice(0, insertAt), ...block, ...rest.slice(insertAt)].flat();
    const newIndex = new Map(order.map((old, k) => [old, k]));
    const tgt = order.map((old) => doc.tgt[old]);
    const gold = doc.gold.map((g) => ({ src: g.src, tgt: g.tgt.map((k) => newIndex.get(k) as number) }));
    const boilerTgt = new Set([...doc.boilerTgt].map((k) => newIndex.get(k) as number));
    return { src: doc.src, tgt, gold, boilerSrc: doc.boilerSrc, boilerTgt };
  }
  return null;
}

/** Boilerplate lines that ended up in a bead with something on the other side. */
function boilerAligned(doc: Scrambled, beads: Bead[]): number {
  let count = 0;
  for (const b of beads) {
    if (b.src.length === 0 || b.tgt.length === 0) continue;
    count += b.src.filter((s) => doc.boilerSrc.has(s)).length + b.tgt.filter((t) => doc.boilerTgt.has(t)).length;
  }
  return count;
}

function f(x: number): string {
  return x.toFixed(3);
}

/** (1) Scrambled NTREX: link F1 and boilerplate aligned, for stories [from, to). */
function benchScrambled(stories: Story[], from: number, to: number, label: string, seed: number): void {
  const rand = rng(seed);
  const docs = stories.slice(from, to).map((s) => scramble(s, stories.filter((o) => o !== s), rand));
  const boilerTotal = docs.reduce((n, d) => n + d.boilerSrc.size + d.boilerTgt.size, 0);
  for (const [name, anchors] of [['length only', false], ['full (2 passes)', true]] as const) {
    const t0 = performance.now();
    const aligned = alignCorpus(docs, { anchors }).beads;
    const ms = performance.now() - t0;
    const s = scoreAlignment(docs.map((d) => d.gold), aligned);
    const boiler = docs.reduce((n, d, i) => n + boilerAligned(d, aligned[i]), 0);
    console.log(`| NTREX scrambled ${label} | ${name} | ${f(s.links.f1)} | ${f(s.strict.f1)} | ${f(s.lax.f1)} | ${boiler}/${boilerTotal} | ${ms.toFixed(0)} ms |`);
  }
}

/**
 * (1c) As (1), then MOVE_RATE of the stories get a target block moved (`moveBlock`, its own
 * random stream so the scramble is the same as in (1)): link P/R/F1 and boilerplate aligned.
 */
function benchMoved(stories: Story[], from: number, to: number, label: string, seed: number): void {
  const rand = rng(seed);
  const moves = rng(seed + 1000);
  let moved = 0;
  const docs = stories.slice(from, to).map((s) => scramble(s, stories.filter((o) => o !== s), rand)).map((d) => {
    if (moves() >= MOVE_RATE) return d;
    const m = moveBlock(d, moves);
    if (m) moved++;
    return m ?? d;
  });
  const boilerTotal = docs.reduce((n, d) => n + d.boilerSrc.size + d.boilerTgt.size, 0);
  for (const [name, crossing] of [['full, monotone (crossing off)', false], ['full (2 passes, crossing pairs)', true]] as const) {
    const t0 = performance.now();
    const aligned = alignCorpus(docs, { crossing }).beads;
    const ms = performance.now() - t0;
    const s = scoreAlignment(docs.map((d) => d.gold), aligned);
    const boiler = docs.reduce((n, d, i) => n + boilerAligned(d, aligned[i]), 0);
    console.log(`| NTREX scrambled ${label}, ${moved} stories with a moved RU block | ${name} | ${f(s.links.precision)} / ${f(s.links.recall)} / ${f(s.links.f1)} | ${f(s.strict.f1)} | ${f(s.lax.f1)} | ${boiler}/${boilerTotal} | ${ms.toFixed(0)} ms |`);
  }
}

/**
 * (1b) One document pair at a time (what `palign align --en --ru` or a one-pair folder gets):
 * every story aligned alone with `alignCorpus`, so the length model and the lexicon come from
 * that story only. Scrambled as in (1) with its own seed, and clean (gold 1-1).
 */
function benchOnePairAtATime(stories: Story[], seed: number): void {
  const rand = rng(seed);
  const scrambled = stories.map((s) => scramble(s, stories.filter((o) => o !== s), rand));
  const clean = stories.map((s) => {
    const n = Math.min(s.en.length, s.ru.length);
    return { src: s.en.slice(0, n), tgt: s.ru.slice(0, n), gold: s.en.slice(0, n).map((_, i): GoldBead => ({ src: [i], tgt: [i] })) };
  });
  for (const [label, docs] of [['scrambled', scrambled], ['clean', clean]] as const) {
    const t0 = performance.now();
    const aligned = docs.map((d) => alignCorpus([d]).beads[0]);
    const ms = performance.now() - t0;
    const s = scoreAlignment(docs.map((d) => d.gold), aligned);
    const boiler = label === 'clean' ? '–' : `${scrambled.reduce((n, d, i) => n + boilerAligned(d, aligned[i]), 0)}/${scrambled.reduce((n, d) => n + d.boilerSrc.size + d.boilerTgt.size, 0)}`;
    console.log(`| NTREX one pair at a time, all 123 stories, ${label} | full (2 passes) | ${f(s.links.f1)} | ${f(s.strict.f1)} | ${f(s.lax.f1)} | ${boiler} | ${ms.toFixed(0)} ms |`);
  }
}

/** (2) Text+Berg DE–FR dev: strict/lax F1 of each configuration. */
function benchTextBerg(): void {
  const dir = resolve(SHARED, 'textberg-de-fr');
  const read = (name: string) => readFileSync(resolve(dir, name), 'utf8').replace(/\n$/, '').split('\n');
  const de = read('dev.de');
  const fr = read('dev.fr');
  const gold = parseGold(readFileSync(resolve(dir, 'dev.defr'), 'utf8'));
  const runs: Array<[string, () => Bead[]]> = [
    ['length only', () => alignSentences(de, fr, { anchors: false })],
    ['anchors', () => alignSentences(de, fr)],
    ['anchors + self-learned lexicon (alignCorpus)', () => alignCorpus([{ src: de, tgt: fr }]).beads[0]],
  ];
  for (const [name, run] of runs) {
    const s = scoreAlignment(gold, run());
    console.log(`| Text+Berg DE–FR dev | ${name} | ${f(s.strict.precision)} / ${f(s.strict.recall)} / ${f(s.strict.f1)} | ${f(s.lax.f1)} | ${f(s.links.f1)} |`);
  }
}

/** Share of `scores` at least `min`, as a percentage. */
function pct(scores: number[], min: number): string {
  return `${(100 * scores.filter((x) => x >= min).length / Math.max(1, scores.length)).toFixed(1)}%`;
}

/** Scores of the beads of `beads` pairing sentences of both sides. */
function alignedScores(beads: Bead[]): number[] {
  return beads.filter((b) => b.src.length > 0 && b.tgt.length > 0).map((b) => b.score);
}

/**
 * (4) Score calibration: stories aligned against an unrelated story (English of story i, Russian
 * of story i + `shift`, as a user forcing a wrong pair), alone and among the true pairs of a
 * corpus; and the true pairs' 1-1 beads that link sentence i to i (clean stories, gold 1-1). A
 * bead whose only evidence is a plausible length ratio should score low; real ones stay high.
 */
export function benchCalibration(stories: Story[]): void {
  const clean = stories.map((s) => {
    const n = Math.min(s.en.length, s.ru.length);
    return { src: s.en.slice(0, n), tgt: s.ru.slice(0, n) };
  });
  const crossed = (shift: number) => stories.map((s, i) => ({ src: s.en, tgt: stories[(i + shift) % stories.length].ru }));
  const real = (aligned: Bead[][]) => aligned.flatMap((beads) => beads.filter((b) => b.src.length === 1 && b.tgt.length === 1 && b.src[0] === b.tgt[0]).map((b) => b.score));
  const rows: Array<[string, number[]]> = [];
  for (const shift of [1, 7]) rows.push([`unrelated pairs (EN i × RU i+${shift}), one pair at a time: all aligned beads`, crossed(shift).flatMap((d) => alignedScores(alignCorpus([d]).beads[0]))]);
  const mixed = alignCorpus([...clean, ...crossed(3).slice(0, 40)]).beads;
  rows.push(['40 unrelated pairs (EN i × RU i+3) inside the corpus of 123 true pairs: all aligned beads', mixed.slice(clean.length).flatMap(alignedScores)]);
  rows.push(['true pairs (clean, gold 1-1) in that corpus: 1-1 beads i ↔ i', real(mixed.slice(0, clean.length))]);
  rows.push(['true pairs (clean), one pair at a time: 1-1 beads i ↔ i', real(clean.map((d) => alignCorpus([d]).beads[0]))]);
  for (const [label, scores] of rows) console.log(`| ${label} | ${scores.length} | ${pct(scores, 0.3)} | ${pct(scores, 0.5)} | ${f(medianOf(scores))} |`);
}

function medianOf(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** (3) Timing: median of RUNS for a news-sized pair and a 40k × 48k pair, with memory. */
function benchTiming(stories: Story[]): void {
  const story = stories.reduce((a, b) => (b.en.length > a.en.length ? b : a));
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    alignSentences(story.en, story.ru);
    times.push(performance.now() - t0);
  }
  console.log(`| news pair ${story.en.length} × ${story.ru.length} | ${medianOf(times).toFixed(1)} ms | – |`);
  const src: string[] = [];
  const tgt: string[] = [];
  let filler = 0;
  for (let s = 0; src.length < 40000; s = (s + 1) % stories.length) {
    for (let i = 0; i < Math.min(stories[s].en.length, stories[s].ru.length) && src.length < 40000; i++) {
      src.push(stories[s].en[i]);
      tgt.push(stories[s].ru[i]);
      if (src.length % 5 === 0) tgt.push(MENU.ru[filler++ % MENU.ru.length]);
    }
  }
  const long: number[] = [];
  const rss0 = process.memoryUsage().rss;
  let beads: Bead[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    beads = alignSentences(src, tgt);
    long.push(performance.now() - t0);
  }
  const rss1 = process.memoryUsage().rss;
  const peak = process.resourceUsage().maxRSS * 1024;
  const aligned11 = beads.filter((b) => b.src.length === 1 && b.tgt.length === 1).length;
  const fillerAligned = beads.filter((b) => b.src.length > 0 && b.tgt.some((k) => MENU.ru.includes(tgt[k]))).length;
  console.log(`| long pair ${src.length} × ${tgt.length} (median of 3) | ${(medianOf(long) / 1000).toFixed(2)} s | RSS +${((rss1 - rss0) / 2 ** 20).toFixed(0)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB; ${aligned11} 1-1 beads, ${fillerAligned} filler lines aligned |`);
}

export function main(): void {
  if (!existsSync(SHARED)) {
    console.log(`bench/align: ${SHARED} not found (shared eval data is not part of the repository); nothing to do.`);
    return;
  }
  const stories: Story[] = readFileSync(resolve(SHARED, 'ntrex128.en-ru-be-uk.jsonl'), 'utf8')
    .trim().split('\n').map((line) => JSON.parse(line) as Story);
  console.log('| data | configuration | link F1 | strict F1 | lax F1 | boilerplate aligned | time |');
  console.log('|---|---|---|---|---|---|---|');
  benchScrambled(stories, 0, 40, 'stories 0–39 (test fixture)', 1);
  benchScrambled(stories, 40, stories.length, 'stories 40–122 (held out)', 2);
  benchScrambled(stories, 0, stories.length, 'all 123 stories', 3);
  benchOnePairAtATime(stories, 7);
  console.log('\n| data | configuration | link P / R / F1 | strict F1 | lax F1 | boilerplate aligned | time |');
  console.log('|---|---|---|---|---|---|---|');
  benchMoved(stories, 0, 40, 'stories 0–39 (test fixture)', 1);
  benchMoved(stories, 40, stories.length, 'stories 40–122 (held out)', 2);
  benchMoved(stories, 0, stories.length, 'all 123 stories', 3);
  console.log('\n| data | configuration | strict P / R / F1 | lax F1 | link F1 |');
  console.log('|---|---|---|---|---|');
  benchTextBerg();
  console.log('\n| score calibration (NTREX-128, all 123 stories) | beads | share ≥ 0.3 | share ≥ 0.5 | median |');
  console.log('|---|---|---|---|---|');
  benchCalibration(stories);
  console.log('\n| timing (2-core machine) | median | memory |');
  console.log('|---|---|---|');
  if (!process.env.NO_TIMING) benchTiming(stories);
}

if (process.argv[1]?.endsWith("align.ts")) main();
