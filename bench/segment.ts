/**
 * Sentence segmentation benchmark: NTREX-128 (all 123 stories, en/ru/uk/be) joined into paragraphs,
 * recovered by `segment()` and, for comparison, by sentence-splitter's own `split()`; and the time
 * to segment ~1 MB of text.
 *
 * Run: npx tsx bench/segment.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { split } from 'sentence-splitter';
import { segment } from '../src/segment.js';
import { joinStory, loadNtrex } from './lib/ntrex.js';

const ROOT = join(import.meta.dirname, '..');
const LANGS = ['en', 'ru', 'uk', 'be'] as const;
type StoryLang = (typeof LANGS)[number];
/** Repetitions of the timing run; the median is reported. */
const RUNS = 5;
/** Size of the timing text. */
const TIMING_CHARS = 1_000_000;

type Story = Record<StoryLang, string[]>;

/** sentence-splitter's sentences of `text`, line by line, as trimmed strings with start offsets. */
function libraryStarts(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    for (const node of split(line)) {
      if (node.type !== 'Sentence') continue;
      const lead = node.raw.length - node.raw.trimStart().length;
      out.push({ text: node.raw.trim(), start: offset + node.range[0] + lead });
    }
    offset += line.length + 1;
  }
  return out;
}

interface Score {
  exact: number;
  precision: number;
  recall: number;
}

/** Exact-story rate and boundary (sentence start) precision/recall of `splitter` over `stories`. */
function score(stories: Story[], lang: StoryLang, splitter: (t: string) => Array<{ text: string; start: number }>): Score {
  let exact = 0;
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const story of stories) {
    const sentences = story[lang].map((s) => s.trim());
    const { text, starts } = joinStory(sentences);
    const segs = splitter(text);
    if (segs.map((s) => s.text).join('\n') === sentences.join('\n')) exact++;
    const goldSet = new Set(starts);
    gold += starts.length;
    predicted += segs.length;
    correct += segs.filter((s) => goldSet.has(s.start)).length;
  }
  return { exact: exact / stories.length, precision: correct / predicted, recall: correct / gold };
}

/** Median milliseconds of `fn` over `RUNS` runs. */
function medianMs(fn: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] ?? 0;
}

function main(): void {
  const stories = loadNtrex('segment');
  if (!stories) return;
  const pct = (x: number): string => (100 * x).toFixed(1);
  console.log(`NTREX-128, ${stories.length} stories; sentences joined into one paragraph per story`);
  console.log('lang | segment exact% P% R% | sentence-splitter exact% P% R%');
  for (const lang of LANGS) {
    const ours = score(stories, lang, (t) => segment(t, lang));
    const lib = score(stories, lang, libraryStarts);
    console.log(`${lang} | ${pct(ours.exact)} ${pct(ours.precision)} ${pct(ours.recall)} | ${pct(lib.exact)} ${pct(lib.precision)} ${pct(lib.recall)}`);
  }

  const seedEn = readFileSync(join(ROOT, 'data', '000_21f827a522ed410a.txt'), 'utf8');
  const seedRu = readFileSync(join(ROOT, 'data', '001_a200dc630372fd2b.txt'), 'utf8');
  let big = '';
  while (big.length < TIMING_CHARS) big += `${seedEn}\n\n${seedRu}\n\n`;
  const oneLine = big.replace(/\s*\n\s*/gu, ' ');
  for (const [name, text] of [['paragraphs', big], ['one 1 MB line', oneLine]] as const) {
    let n = 0;
    const ms = medianMs(() => {
      n = segment(text, 'ru').length;
    });
    console.log(`timing, ${name}: ${(text.length / 1e6).toFixed(2)} M chars, ${n} segments, median ${ms.toFixed(0)} ms of ${RUNS}`);
  }
}

main();
