/**
 * Sentence segmentation of cleaned document text (English, Russian and their neighbours).
 *
 * A line is never crossed: every line break ends a segment (so a headline line is its own
 * segment), and a blank line starts a new paragraph. Within a line a sentence ends after a run of
 * terminal punctuation (`.`, `?`, `!`, `…`), optionally followed by closing quotes or brackets, when
 * whitespace and a word that does not start in lower case follow. Abbreviations, initials,
 * ordinals and list markers veto that boundary, per the rules of `boundaryAfterPeriod`.
 *
 * Quotations are split like running text, on both sides of a translation alike: sentence ends
 * inside a quote are boundaries, and a closing quote plus attribution stays with the last quoted
 * sentence (`"A. B," he said.` → `"A.` | `B," he said.`; `“A. B”, – заявил X.` → `“A.` | `B”, – заявил X.`).
 * A quoted `?`/`!` followed by a lower-case attribution is no boundary (`"Why?" he asked.`).
 *
 * Why not `sentence-splitter`'s own `split()`: it never splits inside straight quotes or
 * parentheses but does split inside “…” and «…» (so English and Russian versions of the same quote
 * split differently), an unbalanced `"` silences the rest of the paragraph, `."` followed by a new
 * sentence is not a boundary, and `in 2021. The` is read as a list index. Its English abbreviation
 * tables are used here (see `segment-abbr.ts`).
 */
import type { Lang, Segment } from './types.js';
import { rulesFor, type AbbrRules } from './segment-abbr.js';

/** Characters that end a sentence; runs such as `?!` and `...` count as one end. */
const TERMINALS = '.!?…';
/** Characters that may close a sentence after its terminal: quotes and brackets (`.”`, `?»`, `.)`). */
const CLOSERS = `"'”’»“)]}`;
/** Characters that may open a sentence before its first word: quotes, brackets, dashes, bullets. */
const OPENERS = `"'“„«‘‚([{–—-•*`;

/**
 * A candidate sentence end inside a line: a terminal run, closers, then whitespace or line end.
 * Group 1 is the terminal run, group 2 the closers.
 */
const CANDIDATE = new RegExp(`([${escapeClass(TERMINALS)}]+)([${escapeClass(CLOSERS)}]*)(?=\\s|$)`, 'gu');
/** Characters looked at after a candidate end: enough for a few words, and keeps long lines linear. */
const LOOKAHEAD = 200;
/** A line holding nothing but whitespace: a paragraph separator. */
const BLANK = /^\s*$/u;

/** `chars` escaped for use inside a RegExp character class. */
function escapeClass(chars: string): string {
  return chars.replace(/[\\\]\[^-]/g, '\\$&');
}

/**
 * Split a cleaned document text into sentences.
 * In: the text (paragraphs separated by blank lines; every line break is also a boundary) and its
 * language (selects abbreviation tables; `und` uses all of them).
 * Out: segments in text order with exact offsets: `text.slice(s.start, s.end) === s.text`, trimmed
 * and non-empty; `paragraph` counts non-blank blocks from 0.
 */
export function segment(text: string, lang: Lang): Segment[] {
  const rules = rulesFor(lang);
  const out: Segment[] = [];
  let paragraph = -1;
  let afterBlank = true;
  for (const line of lines(text)) {
    if (BLANK.test(line.text)) {
      afterBlank = true;
      continue;
    }
    if (afterBlank) paragraph++;
    afterBlank = false;
    for (const [s, e] of splitLine(line.text, rules)) {
      const [start, end] = trimRange(line.text, s === 0 ? afterBullet(line.text) : s, e);
      if (end <= start) continue;
      out.push({
        index: out.length,
        text: text.slice(line.start + start, line.start + end),
        start: line.start + start,
        end: line.start + end,
        paragraph,
      });
    }
  }
  return out;
}

/** The lines of `text` (without their `\n` / `\r\n` ends) with their start offsets. */
function lines(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    out.push({ text: text.slice(start, end), start });
    start = end + 1;
  }
  return out;
}

/**
 * A list bullet and its space at the start of a line (`- `, `* `, `• `): layout, not part of
 * the sentence, and the other language's version may not have it. Dashes `–`/`—` stay: in
 * Russian they open direct speech and interview answers.
 */
const BULLET = /^\s*[-*•·▪►●◦■‣⁃]\s+(?=\S)/u;

/** Where a line's text starts after its list bullet (0 when it has none). */
function afterBullet(line: string): number {
  return BULLET.exec(line)?.[0].length ?? 0;
}

/** `[start, end)` shrunk so that neither end is whitespace. */
function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /\s/u.test(text[end - 1] ?? '')) end--;
  return [start, end];
}

/** Sentence ranges `[start, end)` of one line, untrimmed, covering the whole line. */
function splitLine(line: string, rules: AbbrRules): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (const m of line.matchAll(CANDIDATE)) {
    const end = m.index + m[0].length;
    if (end >= line.length) break;
    const terminal = m[1] ?? '';
    const closers = m[2] ?? '';
    if (isBoundary(line, m.index, terminal, closers, end, rules)) {
      out.push([start, end]);
      start = end;
    }
  }
  out.push([start, line.length]);
  return out;
}

/**
 * Whether the candidate end (terminal run at `at`, then `closers`, ending at `end`) ends a sentence.
 * The next sentence must start with something other than a lower-case letter; after a bare period
 * the word before it is checked for being an abbreviation, initial or list marker.
 */
function isBoundary(
  line: string,
  at: number,
  terminal: string,
  closers: string,
  end: number,
  rules: AbbrRules,
): boolean {
  const next = nextWord(line, end);
  if (next === null) return false;
  if (/^\p{Ll}/u.test(next)) return false;
  if (QUOTE_CLOSER.test(closers) && isAttribution(line, end, rules)) return false;
  if (terminal !== '.' || closers !== '') return true;
  return boundaryAfterPeriod(line, at, next, rules);
}

/** A closing quote among the closers: only then can an attribution follow. */
const QUOTE_CLOSER = /["'”’»“]/u;
/** What may follow the verb of an attribution: a stop or line end, or a comma and the quote going on. */
const ATTRIBUTION_END = /^(?:[.!?…]|\s*$|,\s*["“«„])/u;
/** How many words (a name, a title and name) may stand between a quote and its verb of saying. */
const MAX_SPEAKER_WORDS = 3;

/**
 * Whether the words after a closing quote at `from` are an attribution with a capitalised speaker
 * (`"…!" Hammel added.`): up to `MAX_SPEAKER_WORDS` capitalised words, then a verb of saying that
 * ends the clause.
 */
function isAttribution(line: string, from: number, rules: AbbrRules): boolean {
  const rest = line.slice(from, from + LOOKAHEAD);
  const words = [...rest.matchAll(/\S+/gu)].slice(0, MAX_SPEAKER_WORDS + 1);
  // A capitalised pronoun after the quote starts a new sentence: `"…?" She continued, "…"`.
  if (rules.starters.has((words[0]?.[0] ?? '').replace(/[^\p{L}\p{M}]+$/u, '').toLowerCase())) return false;
  for (let i = 1; i < words.length; i++) {
    const m = words[i];
    if (m === undefined) break;
    const bare = m[0].replace(/[^\p{L}\p{M}]+$/u, '').toLowerCase();
    // `Hammel added.` closes the clause; `He said the bars…` and `Флэйк сказаў, што…` go on.
    if (rules.speechVerbs.has(bare)) return ATTRIBUTION_END.test(rest.slice(m.index + bare.length));
    if (!/^\p{Lu}/u.test(m[0])) return false;
  }
  return false;
}

/**
 * The first word at or after `from` without its opening punctuation (`«Почему` → `Почему`), or
 * null when only punctuation and space follow.
 */
function nextWord(line: string, from: number): string | null {
  const rest = line.slice(from, from + LOOKAHEAD);
  let i = 0;
  while (i < rest.length && (OPENERS.includes(rest[i] ?? '') || /\s/u.test(rest[i] ?? ''))) i++;
  const word = rest.slice(i).split(/\s/u, 1)[0] ?? '';
  return word === '' ? null : word;
}

/**
 * The whitespace-delimited word ending at `end` (exclusive), without leading opening punctuation;
 * `start` is where that bare word starts, `tokenStart` where the whole token does.
 */
function wordBefore(line: string, end: number): { word: string; start: number; tokenStart: number } {
  let tokenStart = end;
  while (tokenStart > 0 && !/\s/u.test(line[tokenStart - 1] ?? '')) tokenStart--;
  let start = tokenStart;
  while (start < end && OPENERS.includes(line[start] ?? '')) start++;
  return { word: line.slice(start, end), start, tokenStart };
}

/** The word before the token starting at `tokenStart`, or '' at the start of the line. */
function previousWord(line: string, tokenStart: number): string {
  let i = tokenStart;
  while (i > 0 && /\s/u.test(line[i - 1] ?? '')) i--;
  return i === 0 ? '' : wordBefore(line, i).word;
}

/** An initial or dotted acronym: `A.`, `В.В.`, `U.S.`, `U.S.A.`. */
const INITIALS = /^(?:\p{Lu}\.)+$/u;
/** A bare number with its period: `2021.`, `3.`. */
const NUMBER_DOT = /^\d+\.$/u;
/** A word that ends in a digit or is a Roman numeral: what precedes `г.` (year) or `в.` (century). */
const NUMERIC_WORD = /(?:\d|^[IVXLC]+)$/u;

/**
 * Whether a bare period at `at` (with a word `next` after it that is not lower case) ends a
 * sentence, judged by the word the period ends.
 */
function boundaryAfterPeriod(line: string, at: number, next: string, rules: AbbrRules): boolean {
  const { word, tokenStart } = wordBefore(line, at + 1);
  const lower = word.toLowerCase();
  const prev = previousWord(line, tokenStart);
  const prevLower = prev.toLowerCase();
  const nextIsDigit = /^\d/u.test(next);

  if (/^\p{Ll}{1,3}\.$/u.test(prevLower) && rules.mayEnd.has(prevLower + lower)) return true;
  // A number opening the line or following a colon is a list marker (`1. Introduction`); `in 2021.` ends.
  if (NUMBER_DOT.test(word)) return prev !== '' && !/[:;]$/u.test(prev);
  if (rules.afterConjunction.has(lower) && rules.conjunctions.has(prevLower)) return true;
  if (rules.neverEnd.has(lower)) return false;
  if (rules.beforeNumber.has(lower) && nextIsDigit) return false;
  if (rules.afterNumber.has(lower)) return NUMERIC_WORD.test(prev);
  if (INITIALS.test(word) || rules.ambiguous.has(lower)) return startsSentence(next, rules);
  return true;
}

/** Whether `next` (after an initial or ambiguous abbreviation) reads as the first word of a new sentence. */
function startsSentence(next: string, rules: AbbrRules): boolean {
  if (INITIALS.test(next)) return false;
  const bare = next.replace(/[^\p{L}\p{M}'’-]+$/u, '').toLowerCase();
  return rules.starters.has(bare);
}
