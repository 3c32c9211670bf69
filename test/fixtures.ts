/**
 * Readers of the test fixtures (test/fixtures/, with their licence notices) and the sample corpus
 * (data/), shared by the test files. Tests never read ../shared: a user's clone has no such folder.
 */
import { readFileSync } from 'node:fs';

/** The four languages of an NTREX-128 story. */
export const LANGS = ['en', 'ru', 'be', 'uk'] as const;

/** One NTREX-128 story: sentence i of each list translates sentence i of the others. */
export type Story = Record<(typeof LANGS)[number], string[]> & { docid: string };

/** The first 40 NTREX-128 stories (test/fixtures/ntrex128-sample.jsonl, CC BY-SA 4.0). */
export const stories: Story[] = readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8')
  .trim().split('\n').map((line) => JSON.parse(line) as Story);

/** The non-empty lines of a Text+Berg fixture file (`dev.de`, `dev.fr`). */
export const textberg = (file: string): string[] => readFileSync(new URL(`./fixtures/textberg-de-fr/${file}`, import.meta.url), 'utf8')
  .split('\n').filter((line) => line.trim() !== '');

/** A sample-corpus file of data/, as read from disk. */
export const seed = (name: string): string => readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8');
