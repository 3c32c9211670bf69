/**
 * Match verification with plain vs beyond-chance bead scores: over the scrambled NTREX corpora of
 * bench/match.ts, every doubtful candidate (rival floor ≤ score < threshold + doubt zone) is
 * verified both ways, and the coverage (share of the better-covered document in beads ≥ 0.5) of
 * true pairs and of wrong ones is summarised, fixture stories (1–40) and held-out ones (41–123)
 * apart. Only coverage differs: the alignment itself is the same with both scores.
 * Run: npx tsx bench/match-chance.ts   (reads ../shared/eval; says so when it is absent)
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchDocuments, sentenceFeatures, verifyPair, type SentenceFeatures, type Verification } from '../src/match/index.js';
import { DEFAULT_THRESHOLD } from '../src/match/assign.js';
import { scramble, type ScrambleOptions, type Story } from './lib/match-corpus.js';

const NTREX = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/eval/ntrex128.en-ru-be-uk.jsonl');
/** The same scrambles as bench/match.ts. */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const BASE: ScrambleOptions = { seed: 0, missingEn: 0.2, missingRu: 0.2, boilerplate: 0.3, abridged: 0.15, mislabelled: 0, withBeUk: true };
/** Stories copied into test/fixtures (the rest are held out). */
const FIXTURE_STORIES = 40;
/** The doubt zone and rival floor of src/match/index.ts (candidates that can be verified at all). */
const DOUBT_BELOW = DEFAULT_THRESHOLD + 0.25;
const RIVAL_FLOOR = DEFAULT_THRESHOLD * 0.75;

/** Milliseconds spent verifying, each way (the sentence segmentation is shared and not counted). */
const timing = { plain: 0, chance: 0 };

interface Row {
  gold: boolean;
  score: number;
  plain: Verification;
  chance: Verification;
  label: string;
}

/** Verifications (plain and beyond chance) of the doubtful candidates of one scramble. */
function verifyCorpus(stories: Story[], seed: number, tag: string): Row[] {
  const corpus = scramble(stories, { ...BASE, seed });
  const { candidates } = matchDocuments(corpus.docs);
  const byId = new Map(corpus.docs.map((d) => [d.id, d]));
  const cache = new Map<number, SentenceFeatures>();
  const sides = (id: number, lang: 'en' | 'ru') => {
    let s = cache.get(id);
    if (!s) cache.set(id, (s = sentenceFeatures(byId.get(id)?.text ?? '', lang)));
    return s;
  };
  const rows: Row[] = [];
  for (const c of candidates) {
    if (c.score < RIVAL_FLOOR || c.score >= DOUBT_BELOW) continue;
    const en = sides(c.enId, 'en');
    const ru = sides(c.ruId, 'ru');
    const t0 = performance.now();
    const plain = verifyPair(en, ru);
    const t1 = performance.now();
    const chance = verifyPair(en, ru, { chanceContext: true });
    timing.plain += t1 - t0;
    timing.chance += performance.now() - t1;
    rows.push({ gold: corpus.gold.has(`${c.enId}:${c.ruId}`), score: c.score, plain, chance, label: `${tag} seed ${seed} en ${c.enId} ru ${c.ruId}` });
  }
  return rows;
}

/** The coverage rules of `alignsAsTranslation` (share test left out) with either coverage. */
function coverageRule(min: number, partial: number, minOf: 'plain' | 'chance', partialOf: 'plain' | 'chance') {
  return (r: Row) => {
    const v = r.plain;
    if (r[minOf].coverage < min) return false;
    return r[partialOf].coverage >= partial || v.gaps <= 1 + 0.1 * v.aligned;
  };
}

const RULES: Array<[string, (r: Row) => boolean]> = [
  ['current (plain 0.25 / 0.5)', coverageRule(0.25, 0.5, 'plain', 'plain')],
  ['chance 0.25 / 0.5', coverageRule(0.25, 0.5, 'chance', 'chance')],
  ['chance 0.05 / 0.5', coverageRule(0.05, 0.5, 'chance', 'chance')],
  ['plain 0.25, gap rule under chance 0.5', coverageRule(0.25, 0.5, 'plain', 'chance')],
  ['plain 0.25, gap rule under chance 0.25', coverageRule(0.25, 0.25, 'plain', 'chance')],
];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.max(0, Math.floor(q * (s.length - 1) + 0.5)))];
}

const f = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(2));

/** One table row: quantiles of a coverage over some rows. */
function summary(name: string, xs: number[]): string {
  return `| ${name} | ${xs.length} | ${f(Math.min(...xs))} | ${f(quantile(xs, 0.01))} | ${f(quantile(xs, 0.05))} | ${f(quantile(xs, 0.1))} | ${f(quantile(xs, 0.5))} | ${f(quantile(xs, 0.9))} | ${f(quantile(xs, 0.95))} | ${f(Math.max(...xs))} |`;
}

function report(name: string, rows: Row[]): void {
  // Pairs that verification can judge at all (fewer anchored sentences: undecided).
  const judged = rows.filter((r) => r.plain.anchored >= 4);
  const t = judged.filter((r) => r.gold);
  const w = judged.filter((r) => !r.gold);
  console.log(`\n${name}: ${rows.length} doubtful candidates, ${judged.length} with ≥ 4 anchored sentences (${t.length} true, ${w.length} wrong)`);
  console.log('| coverage | n | min | p1 | p5 | p10 | median | p90 | p95 | max |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(summary('true, plain', t.map((r) => r.plain.coverage)));
  console.log(summary('true, beyond chance', t.map((r) => r.chance.coverage)));
  console.log(summary('wrong, plain', w.map((r) => r.plain.coverage)));
  console.log(summary('wrong, beyond chance', w.map((r) => r.chance.coverage)));
  const passShare = w.filter((r) => r.plain.share >= 0.5);
  console.log(summary('wrong with share ≥ 0.5, plain', passShare.map((r) => r.plain.coverage)));
  console.log(summary('wrong with share ≥ 0.5, beyond chance', passShare.map((r) => r.chance.coverage)));
  for (const [rule, passes] of RULES) {
    const lost = t.filter((r) => !passes(r));
    console.log(`  rule ${rule}: true pairs failing ${lost.length}/${t.length}, wrong pairs with share ≥ 0.5 passing ${passShare.filter(passes).length}/${passShare.length}`);
    for (const r of lost) console.log(`    lost: ${r.label} share ${r.plain.share.toFixed(2)} cov ${r.plain.coverage.toFixed(2)} → ${r.chance.coverage.toFixed(2)} gaps ${r.plain.gaps}/${r.plain.aligned}`);
  }
  const low = [...t].sort((a, b) => a.chance.coverage - b.chance.coverage).slice(0, 5);
  for (const r of low) console.log(`  lowest true: ${r.label} score ${r.score.toFixed(3)} share ${r.plain.share.toFixed(2)} cov ${r.plain.coverage.toFixed(2)} → ${r.chance.coverage.toFixed(2)} gaps ${r.plain.gaps}/${r.plain.aligned}`);
  const high = [...passShare].sort((a, b) => b.chance.coverage - a.chance.coverage).slice(0, 5);
  for (const r of high) console.log(`  highest wrong: ${r.label} score ${r.score.toFixed(3)} share ${r.plain.share.toFixed(2)} cov ${r.plain.coverage.toFixed(2)} → ${r.chance.coverage.toFixed(2)} gaps ${r.plain.gaps}/${r.plain.aligned}`);
}

function main(): void {
  if (!existsSync(NTREX)) {
    console.log(`match-chance bench: ${NTREX} not found (shared eval data absent); nothing to do.`);
    return;
  }
  const stories: Story[] = readFileSync(NTREX, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Story);
  console.log(`match-chance bench: ${stories.length} NTREX stories, ${SEEDS.length} scrambles, ${cpus().length} cores`);
  const fixture = SEEDS.flatMap((s) => verifyCorpus(stories.slice(0, FIXTURE_STORIES), s, 'fixture'));
  const heldOut = SEEDS.flatMap((s) => verifyCorpus(stories.slice(FIXTURE_STORIES), s, 'held-out'));
  const all = SEEDS.flatMap((s) => verifyCorpus(stories, s, 'all'));
  report('fixture stories 1–40', fixture);
  report('held-out stories 41–123', heldOut);
  report('all 123 stories', all);
  const n = fixture.length + heldOut.length + all.length;
  console.log(`\nverification time, ${n} pairs: plain ${(timing.plain / n).toFixed(2)} ms, beyond chance ${(timing.chance / n).toFixed(2)} ms per pair`);
}

main();
