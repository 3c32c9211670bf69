/** Reading the shared NTREX-128 evaluation set (../shared/eval), which a user's clone does not have. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Story } from './match-corpus.js';

/** Where the shared evaluation data lives: beside the repository, read-only. */
export const SHARED_EVAL = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'eval');
export const NTREX_FILE = join(SHARED_EVAL, 'ntrex128.en-ru-be-uk.jsonl');

/** The NTREX stories, or null (after saying so) when the shared data is absent. */
export function loadNtrex(bench: string): Story[] | null {
  if (!existsSync(NTREX_FILE)) {
    console.log(`bench/${bench}: ${NTREX_FILE} not found (the shared evaluation data is not part of the repository); nothing to measure.`);
    return null;
  }
  return readFileSync(NTREX_FILE, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Story);
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A sentence that ends in terminal punctuation (possibly inside a quote or bracket). */
export const ENDS_SENTENCE = /[.!?…]["'”’»“)\]]*$/u;

/**
 * One paragraph of a story's sentences joined by spaces, with each sentence's start offset. A
 * line with no terminal punctuation (a headline) is followed by a line break instead: no splitter
 * can find a boundary that is not written.
 */
export function joinStory(sentences: string[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  sentences.forEach((s, i) => {
    if (i > 0) text += ENDS_SENTENCE.test(sentences[i - 1] ?? '') ? ' ' : '\n';
    starts.push(text.length);
    text += s;
  });
  return { text, starts };
}
