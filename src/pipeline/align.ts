/** `palign align`: segment and align every matched document pair that is not aligned yet. */
import fs from 'node:fs';
import { alignCorpus, mergeLexicons, parseDictionary, type Lexicon } from '../align/index.js';
import { EXIT_USAGE, ioError, PalignError } from '../errors.js';
import { progress, status } from '../progress.js';
import { segment } from '../segment.js';
import { getDocument } from '../store/documents.js';
import { getMeta, setMeta } from '../store/meta.js';
import type { Db } from '../store/open.js';
import { listPairs, markAligned, type StoredPair } from '../store/pairs.js';
import { putAlignment } from '../store/units.js';
import type { Segment } from '../types.js';

export interface AlignSummary {
  pairs: number;
  aligned: number;
  units: number;
  beads: Record<string, number>;
}

/** Reads a user dictionary (`en<TAB>ru` a line); errors name the file. */
export function readDictionary(file: string): Lexicon {
  if (file.trim() === '') throw new PalignError('--dict: give a dictionary file', EXIT_USAGE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw ioError(file, 'read dictionary', error);
  }
  try {
    return parseDictionary(text);
  } catch (error) {
    throw new PalignError(`${file}: ${(error as Error).message}`);
  }
}

/** Where the lexicon learned from the corpus's confident pairs is kept for matching, checks and later runs. */
export const LEXICON_KEY = 'lexicon';

/** The lexicon learned by earlier alignments, if any. */
export function storedLexicon(db: Db): Lexicon | undefined {
  return getMeta<Lexicon>(db, LEXICON_KEY);
}

interface Pending {
  pair: StoredPair;
  en: Segment[];
  ru: Segment[];
}

function segmentPair(db: Db, pair: StoredPair): Pending {
  const en = getDocument(db, pair.enId);
  const ru = getDocument(db, pair.ruId);
  if (!en || !ru) throw new Error(`pair ${pair.id} refers to a missing document`);
  return { pair, en: segment(en.text, 'en'), ru: segment(ru.text, 'ru') };
}

/**
 * Aligns the pairs not aligned yet (all with `force`). The length model and the lexicon are
 * learned over all of them together, so they are stored together, lexicon and every pair in one
 * transaction: a run killed half-way leaves none of it, and the next run aligns the same set of
 * pairs the same way. (Committing pair by pair, a re-run aligned the rest with the first part's
 * lexicon and got a different alignment and lexicon from a clean run.) With `learn: false` the
 * stored lexicon is used but not added to.
 */
export function align(db: Db, options: { force?: boolean; dictionary?: Lexicon; learn?: boolean } = {}): AlignSummary {
  const pairs = listPairs(db);
  const todo = pairs.filter((p) => options.force || !p.aligned).map((p) => segmentPair(db, p));
  if (todo.length === 0) return { pairs: pairs.length, aligned: 0, units: 0, beads: {} };
  // What earlier runs learned still holds: pairs aligned now start from it (and the user's entries).
  const known = storedLexicon(db);
  const searching = status('align', `${todo.length} document pair${todo.length === 1 ? '' : 's'}: aligning sentences…`);
  const { beads: results, lexicon } = alignCorpus(
    todo.map((t) => ({ src: t.en.map((s) => s.text), tgt: t.ru.map((s) => s.text) })),
    { dictionary: known || options.dictionary ? mergeLexicons(known, options.dictionary) : undefined },
  );
  searching.done();
  const summary: AlignSummary = { pairs: pairs.length, aligned: todo.length, units: 0, beads: {} };
  const bar = progress('align', todo.length);
  db.transaction(() => {
    if (options.learn !== false) setMeta(db, LEXICON_KEY, mergeLexicons(known, lexicon));
    todo.forEach((t, i) => {
      bar.tick(t.pair.enPath);
      putAlignment(db, t.pair, t.en, t.ru, results[i]);
      markAligned(db, t.pair.id, true);
      for (const b of results[i]) {
        const shape = `${b.src.length}-${b.tgt.length}`;
        summary.beads[shape] = (summary.beads[shape] ?? 0) + 1;
        summary.units++;
      }
    });
  })();
  bar.done();
  return summary;
}
