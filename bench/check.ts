/**
 * Bench of the discrepancy checks on NTREX-128 en/ru (correct human translations): errors of
 * known kinds are injected into ~10% of the sentence pairs (a corpus per error kind: numbers changed
 * or added, a name's clause dropped, a sentence swapped, a closing quote or bracket dropped), the checks
 * run over every story, and each check's recall (corrupted pairs it flags) and precision (share
 * of its flags that fall on corrupted pairs) are printed. Run: `npx tsx bench/check.ts`.
 */
import { pathToFileURL } from 'node:url';
import { learnLexicon, type Lexicon } from '../src/align/lexicon.js';
import { checkUnits, corpusVocabulary, lengthNorm, type AlignedUnit, type CheckKind, type CheckOptions, type Flag } from '../src/check/index.js';
import { lowerCaseWords, sameName } from '../src/check/names.js';
import { extractNumbers, numberKeys } from '../src/text/numbers.js';
import { knownNames, nameCandidates, words } from '../src/text/tokens.js';
import { loadNtrex } from './lib/ntrex.js';
import { rng } from './lib/match-corpus.js';

/** Share of pairs corrupted in each corpus. */
const CORRUPT_SHARE = 0.1;
/** Seed of the corruption draw; `CHECK_SEED=n` draws other corpora (held-out check of a change). */
const SEED = Number(process.env.CHECK_SEED ?? 12345);

interface Story { docid: string; en: string[]; ru: string[] }
type Corruption = 'number-change' | 'number-add' | 'name-drop' | 'swap' | 'close-drop';
/** The flag kinds that count as catching each corruption ('*' = any kind). */
const EXPECTED: Record<Corruption, CheckKind[] | '*'> = {
  'number-change': ['number'], 'number-add': ['number'], 'name-drop': ['name'], swap: '*', 'close-drop': ['quotes', 'brackets'],
};

/** Closing quotes and brackets a Russian text may lose; the English must have a quote or bracket too. */
const RU_CLOSING = /[»”“")\]]/gu;
const ANY_MARK = /[«»“”„"()[\]]/u;

/**
 * RU with one closing quote or bracket removed (a typing slip that leaves a quotation or
 * bracket open), or null when the pair does not have quotes or brackets on both sides.
 */
function dropClosing(en: string, ru: string, rand: () => number): string | null {
  if (!ANY_MARK.test(en)) return null;
  // Closing by position: after a letter, digit or punctuation, not before a letter (`„…“` closes, `“…”` opens).
  const closes = [...ru.matchAll(RU_CLOSING)].filter((m) => /[\p{L}\d.,!?…»”"]/u.test(ru[m.index - 1] ?? '') && !/\p{L}/u.test(ru[m.index + 1] ?? ''));
  if (!closes.length) return null;
  const at = closes[Math.floor(rand() * closes.length)].index;
  return ru.slice(0, at) + ru.slice(at + 1);
}

/** RU with one digit number changed so that its key changes, or null. */
function changeNumber(ru: string, rand: () => number): string | null {
  const digits = extractNumbers(ru).filter((m) => !m.spelled && /\d/.test(m.raw));
  if (!digits.length) return null;
  const m = digits[Math.floor(rand() * digits.length)];
  const at = m.start + m.raw.search(/\d(?!.*\d)/s);
  const d = Number(ru[at]);
  const changed = ru.slice(0, at) + String((d + 1 + Math.floor(rand() * 8)) % 10) + ru.slice(at + 1);
  const before = numberKeys(ru);
  const after = numberKeys(changed);
  return [...after].some((k) => !before.has(k)) ? changed : null;
}

/** RU with a number phrase added that the English does not have. */
function addNumber(ru: string, rand: () => number): string {
  const n = 3 + Math.floor(rand() * 900);
  const phrases = [`По данным на ${2000 + Math.floor(rand() * 20)} год, `, `Около ${n} человек считают, что `, `Уже ${n} дней `];
  const p = phrases[Math.floor(rand() * phrases.length)];
  return p + ru.charAt(0).toLowerCase() + ru.slice(1);
}

/** RU with the clause holding the counterpart of an English name removed, or null when there is none. */
function dropName(en: string, ru: string, known: ReadonlySet<string>, lower: ReadonlySet<string>, rand: () => number): string | null {
  // A name: three letters or more without a clitic (not `I'm`), never written in lower case in
  // the story (not a headline's `Tsunami` when the body has `tsunami`).
  const names = nameCandidates(en, known).filter((t) => t.text.replace(/['’]\p{L}*$/u, '').length > 2 && !lower.has(t.text.toLowerCase()));
  const order = names.sort(() => rand() - 0.5);
  for (const name of order) {
    const hits = words(ru).filter((w) => sameName(name.text, w.text));
    if (hits.length !== 1) continue;
    const clauses = ru.split(/(?<=[,;:–—])\s+/);
    const i = clauses.findIndex((c) => words(c).some((w) => w.text === hits[0].text));
    const dropped = clauses.length > 1 ? clauses.filter((_, j) => j !== i).join(' ') : ru.replace(hits[0].text, '').replace(/\s{2,}/g, ' ');
    if (!words(dropped).some((w) => sameName(name.text, w.text))) return dropped;
  }
  return null;
}

/** The corrupted RU of pair i of story si for `kind`, or null when the pair cannot take that error. */
function corruptOne(stories: Story[], si: number, i: number, kind: Corruption, known: ReadonlySet<string>, lower: ReadonlySet<string>, rand: () => number): string | null {
  const { en, ru } = { en: stories[si].en[i], ru: stories[si].ru[i] };
  const other = stories[(si + 1 + Math.floor(rand() * (stories.length - 1))) % stories.length];
  const next = kind === 'number-change' ? changeNumber(ru, rand)
    : kind === 'number-add' ? addNumber(ru, rand)
    : kind === 'name-drop' ? dropName(en, ru, known, lower, rand)
    : kind === 'close-drop' ? dropClosing(en, ru, rand)
    : other.ru[Math.floor(rand() * other.ru.length)];
  return next !== null && next !== ru ? next : null;
}

/**
 * Corrupts ~CORRUPT_SHARE of all pairs with `kind`: pairs that can take the error are picked with
 * the probability that makes them that share of the corpus. Returns units per story and the corrupted keys.
 */
export function corrupt(stories: Story[], kind: Corruption | null, seed = SEED): { units: AlignedUnit[][]; bad: Set<string> } {
  // One random stream per pair: a code change that makes one pair eligible or not (the injector
  // finds names with the shared tokeniser) must not reshuffle the corruption of every other pair.
  const pairSeed = (si: number, i: number) => seed + (kind ? kind.length : 0) + 7919 * (si * 1000 + i);
  const bad = new Set<string>();
  const knowns = stories.map((s) => knownNames(s.en.join('\n')));
  const lowers = stories.map((s) => lowerCaseWords(s.en.join('\n')));
  const candidates = stories.map((s, si) => s.en.map((_, i) => (kind ? corruptOne(stories, si, i, kind, knowns[si], lowers[si], rng(pairSeed(si, i))) : null)));
  const eligible = candidates.flat().filter((c) => c !== null).length;
  const total = candidates.flat().length;
  const p = Math.min(1, (CORRUPT_SHARE * total) / Math.max(1, eligible));
  const units = stories.map((s, si) => s.en.map((en, i) => {
    let ru = s.ru[i];
    const next = candidates[si][i];
    if (next !== null && rng(pairSeed(si, i) + 1)() < p) {
      ru = next;
      bad.add(`${si}:${i}`);
    }
    return { index: i, en, ru, score: 1, bead: '1-1' };
  }));
  return { units, bad };
}

interface Run { flags: Map<string, Flag[]>; ms: number; pairs: number }

/** What the checks are given besides the units: nothing, the corpus vocabulary, or that and the lexicon. */
export type Setup = 'plain' | 'vocabulary' | 'lexicon';

/**
 * The lexicon the pipeline would pass: learned as the aligner does (`learnLexicon`, Dice over
 * confident 1-1 beads) from the clean stories, whose sentence pairs are 1-1 beads by construction.
 */
export function storyLexicon(stories: Story[]): Lexicon {
  return learnLexicon(stories.map((s) => ({ src: s.en, tgt: s.ru, beads: s.en.map((_, i) => ({ src: [i], tgt: [i], score: 1 })) })));
}

/** Runs the checks over every story with the corpus length norm (and vocabulary and lexicon per `setup`). */
export function run(units: AlignedUnit[][], setup: Setup, lexicon: Lexicon): Run {
  const norm = lengthNorm(units.flat());
  const options: CheckOptions = { lengthRatio: norm };
  if (setup !== 'plain') options.vocabulary = corpusVocabulary(units.flat());
  if (setup === 'lexicon') options.lexicon = lexicon;
  const flags = new Map<string, Flag[]>();
  const t0 = performance.now();
  units.forEach((doc, si) => { for (const r of checkUnits(doc, options)) flags.set(`${si}:${r.index}`, r.flags); });
  return { flags, ms: performance.now() - t0, pairs: units.flat().length };
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const serious = (f: Flag) => f.severity !== 'info';

/**
 * Recall (corrupted pairs with a flag of the expected kind kept by `keep`) and precision (share of
 * those flags that fall on corrupted pairs) for one corrupted corpus.
 */
function recallPrecision(kind: Corruption, r: Run, bad: Set<string>, keep: (f: Flag) => boolean): [number, number] {
  const want = EXPECTED[kind];
  const counts = (f: Flag) => (want === '*' || want.includes(f.kind)) && keep(f);
  let tp = 0;
  let all = 0;
  for (const [key, fs] of r.flags) {
    const n = fs.filter(counts).length;
    all += n;
    if (bad.has(key)) tp += n;
  }
  const hit = [...bad].filter((key) => (r.flags.get(key) ?? []).some(counts)).length;
  return [hit / bad.size, all ? tp / all : NaN];
}

/** The table row of one corrupted corpus: recall and precision at warning+ and at all severities. */
function score(kind: Corruption, r: Run, bad: Set<string>): string {
  const want = EXPECTED[kind];
  const cells = [serious, (_: Flag) => true].flatMap((keep) => recallPrecision(kind, r, bad, keep).map(fmt));
  return `| ${kind} | ${want === '*' ? want : want.join(', ')} | ${bad.size} | ${cells.join(' | ')} |`;
}

function main(): void {
  const stories = loadNtrex('check');
  if (!stories) return;
  const t0 = performance.now();
  const lexicon = storyLexicon(stories);
  console.log(`lexicon: ${lexicon.entries.length} stem pairs learned in ${(performance.now() - t0).toFixed(0)} ms`);
  const corpora = (['number-change', 'number-add', 'name-drop', 'swap', 'close-drop'] as Corruption[]).map((kind) => ({ kind, ...corrupt(stories, kind) }));
  const cleanUnits = corrupt(stories, null).units;
  for (const setup of ['plain', 'vocabulary', 'lexicon'] as Setup[]) {
    const clean = run(cleanUnits, setup, lexicon);
    const perKind = new Map<string, number>();
    for (const fs of clean.flags.values()) for (const f of fs.filter(serious)) perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
    console.log(`\n### setup: ${setup}`);
    console.log(`NTREX en/ru: ${stories.length} stories, ${clean.pairs} pairs; checks took ${clean.ms.toFixed(0)} ms (${(clean.pairs / clean.ms * 1000).toFixed(0)} pairs/s, 2-core machine)`);
    console.log(`false flags (warning+) on the clean corpus per kind: ${[...perKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
    console.log('\n| corruption | flag kind | corrupted pairs | recall (warning+) | precision (warning+) | recall (all) | precision (all) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const { kind, units, bad } of corpora) console.log(score(kind, run(units, setup, lexicon), bad));
  }
  draws(stories, lexicon);
  longDocument(stories);
}

/** Seeds of the extra corruption draws: a change must hold on corpora it was not looked at on. */
const DRAW_SEEDS = [SEED, 1, 2, 3];

/** Name-drop and number-change recall/precision (warning+, setup `lexicon`) per draw and their mean. */
function draws(stories: Story[], lexicon: Lexicon): void {
  console.log(`\n### draws (setup lexicon, warning+; seeds ${DRAW_SEEDS.join(', ')})\n`);
  console.log('| corruption | ' + DRAW_SEEDS.map((s) => `seed ${s} R / P`).join(' | ') + ' | mean R / P |');
  console.log('|---|' + DRAW_SEEDS.map(() => '---|').join('') + '---|');
  for (const kind of ['name-drop', 'number-change'] as Corruption[]) {
    const cells = DRAW_SEEDS.map((seed) => {
      const { units, bad } = corrupt(stories, kind, seed);
      return recallPrecision(kind, run(units, 'lexicon', lexicon), bad, serious);
    });
    const mean = (k: 0 | 1) => cells.reduce((a, c) => a + c[k], 0) / cells.length;
    console.log(`| ${kind} | ${cells.map(([r, p]) => `${fmt(r)} / ${fmt(p)}`).join(' | ')} | ${fmt(mean(0))} / ${fmt(mean(1))} |`);
  }
}

/** Runs of the long-document timing; the median is reported. */
const LONG_RUNS = 3;

/**
 * All stories as one document (a book-length pair), one English sentence in seven paired with
 * the next Russian one so that there are many flags to review: how check time grows with length.
 */
function longDocument(stories: Story[]): void {
  const units: AlignedUnit[] = [];
  for (const s of stories) s.en.forEach((en, i) => units.push({ index: units.length, en, ru: s.ru[(i + (units.length % 7 === 0 ? 1 : 0)) % s.ru.length], score: 1, bead: '1-1' }));
  const norm = lengthNorm(units);
  const times: number[] = [];
  let flags = 0;
  for (let k = 0; k < LONG_RUNS; k++) {
    // Fresh copies: the document-level memos are keyed by the units array.
    const t0 = performance.now();
    flags = checkUnits(units.map((u) => ({ ...u })), { lengthRatio: norm }).reduce((n, r) => n + r.flags.length, 0);
    times.push(performance.now() - t0);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(LONG_RUNS / 2)];
  console.log(`\n### one long document\n\n${units.length} pairs as one document, ${flags} flags: median ${(median / 1000).toFixed(1)} s of ${LONG_RUNS} runs (2-core machine)`);
}

/** Runs only when invoked as a script, so that diagnostics can import the corpora. */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
