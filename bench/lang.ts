/**
 * Language identification accuracy and speed on NTREX-128 (EN/RU/BE/UK, 123 parallel stories)
 * and on the Textberg DE/FR dev set (must come out `und`).
 * Also one-line documents: each story's headline (line 0) and every sentence alone, per language,
 * with how many Belarusian/Ukrainian texts come out Russian; and Textberg lines one by one (how many
 * German/French lines come out English).
 * Run: npx tsx bench/lang.ts   (reads ../shared/eval; exits 0 with a message when it is absent)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { detectLanguage } from '../src/lang.js';
import type { Lang } from '../src/types.js';
import { loadNtrex, SHARED_EVAL } from './lib/ntrex.js';
import type { Story } from './lib/match-corpus.js';

const TEXTBERG = resolve(SHARED_EVAL, 'textberg-de-fr');
/** Stories in the test fixture (tuning happened there); the rest are held out. */
const FIXTURE_STORIES = 40;
/** Sentences per paragraph when a story is joined into a document. */
const SENTENCES_PER_PARAGRAPH = 3;
/** Sentences per short document (the "2-sentence" case). */
const SHORT_SENTENCES = 2;
const LANGS = ['en', 'ru', 'be', 'uk'] as const;


function paragraphs(sentences: string[]): string {
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += SENTENCES_PER_PARAGRAPH) out.push(sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
  return out.join('\n\n');
}

interface Tally { right: number; total: number; errors: string[] }
const tally = (): Tally => ({ right: 0, total: 0, errors: [] });

function check(t: Tally, text: string, expected: Lang, label: string): number {
  const start = performance.now();
  const guess = detectLanguage(text);
  const ms = performance.now() - start;
  t.total++;
  if (guess.lang === expected) t.right++;
  else if (t.errors.length < 8) t.errors.push(`${label}: expected ${expected}, got ${guess.lang} (${guess.confidence}) «${text.slice(0, 60).replace(/\n/g, ' ')}»`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Verdicts per expected language: `counts[expected][got]`. */
type Confusion = Record<string, Partial<Record<Lang, number>>>;

/** Tags each text of each language and counts the verdicts. */
function confusion(stories: Story[], texts: (story: Story, lang: (typeof LANGS)[number]) => string[]): Confusion {
  const out: Confusion = {};
  for (const lang of LANGS) {
    const row: Partial<Record<Lang, number>> = {};
    for (const story of stories) for (const text of texts(story, lang)) {
      const got = detectLanguage(text).lang;
      row[got] = (row[got] ?? 0) + 1;
    }
    out[lang] = row;
  }
  return out;
}

/** One line per language: right/total, and where the rest went. */
function printConfusion(title: string, table: Confusion): void {
  console.log(title);
  for (const [lang, row] of Object.entries(table)) {
    const total = Object.values(row).reduce((a, b) => a + (b ?? 0), 0);
    const others = Object.entries(row).filter(([got]) => got !== lang).map(([got, n]) => `${got} ${n}`).join(', ');
    console.log(`  ${lang}: ${row[lang as Lang] ?? 0}/${total}${others ? `  (${others})` : ''}`);
  }
}

/** One-line documents: headlines and single sentences of NTREX, single lines of Textberg. */
function oneLiners(stories: Story[]): void {
  printConfusion('headlines (line 0 of each story):', confusion(stories, (s, l) => [s[l][0] ?? '']));
  printConfusion('1-sentence docs:', confusion(stories, (s, l) => s[l]));
  printConfusion('2-sentence docs (all stories):', confusion(stories, (s, l) => {
    const out: string[] = [];
    for (let i = 0; i + SHORT_SENTENCES <= s[l].length; i += SHORT_SENTENCES) out.push(s[l].slice(i, i + SHORT_SENTENCES).join(' '));
    return out;
  }));
  for (const file of ['dev.de', 'dev.fr']) {
    const lines = readFileSync(resolve(TEXTBERG, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
    const english = lines.filter((l) => detectLanguage(l).lang === 'en').length;
    console.log(`Textberg ${file} single lines → en: ${english}/${lines.length}`);
  }
}

function main(): void {
  const stories = loadNtrex('lang');
  if (!stories) return;
  const docs = { fixture: tally(), heldOut: tally() };
  const shorts = { fixture: tally(), heldOut: tally() };
  const timesDoc: number[] = [];
  const timesShort: number[] = [];
  stories.forEach((story, i) => {
    const part = i < FIXTURE_STORIES ? 'fixture' : 'heldOut';
    for (const lang of LANGS) {
      timesDoc.push(check(docs[part], paragraphs(story[lang]), lang, `${story.docid}/${lang}`));
      for (let s = 0; s + SHORT_SENTENCES <= story[lang].length; s += SHORT_SENTENCES) {
        timesShort.push(check(shorts[part], story[lang].slice(s, s + SHORT_SENTENCES).join(' '), lang, `${story.docid}/${lang}#${s}`));
      }
    }
  });
  const foreign = tally();
  for (const file of ['dev.de', 'dev.fr']) {
    const lines = readFileSync(resolve(TEXTBERG, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
    for (let s = 0; s + SHORT_SENTENCES <= lines.length; s += SHORT_SENTENCES) {
      check(foreign, lines.slice(s, s + SHORT_SENTENCES).join(' '), 'und', `${file}#${s}`);
    }
    check(foreign, paragraphs(lines), 'und', `${file}/whole`);
  }
  const pct = (t: Tally) => `${t.right}/${t.total} (${((100 * t.right) / Math.max(1, t.total)).toFixed(2)}%)`;
  console.log('machine: 2 cores; node', process.version);
  console.log(`whole stories, fixture (stories 1-${FIXTURE_STORIES}):   ${pct(docs.fixture)}`);
  console.log(`whole stories, held out (stories ${FIXTURE_STORIES + 1}-${stories.length}): ${pct(docs.heldOut)}`);
  console.log(`2-sentence docs, fixture:  ${pct(shorts.fixture)}`);
  console.log(`2-sentence docs, held out: ${pct(shorts.heldOut)}`);
  console.log(`Textberg DE/FR 2-sentence docs + whole files → und: ${pct(foreign)}`);
  console.log(`median time: whole story ${median(timesDoc).toFixed(2)} ms, 2-sentence doc ${median(timesShort).toFixed(2)} ms`);
  for (const t of [docs.fixture, docs.heldOut, shorts.fixture, shorts.heldOut, foreign]) for (const e of t.errors) console.log('  miss', e);
  oneLiners(stories);
}

main();
