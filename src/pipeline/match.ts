/** `palign match`: pair the stored English and Russian documents, honouring the user's overrides. */
import { createHash } from 'node:crypto';
import { explainDocument, findDuplicates, lexiconLookup, matchDocuments, stemLexiconOf, type Explanation, type MatchDoc, type MatchResult } from '../match/index.js';
import { status } from '../progress.js';
import { findDocument, listDocuments } from '../store/documents.js';
import { getMeta, setMeta } from '../store/meta.js';
import type { Db } from '../store/open.js';
import { listPairs, manualPairs, replacePairs, unpairedPaths } from '../store/pairs.js';
import { LEXICON_KEY, storedLexicon } from './align.js';
import { VERSION } from '../version.js';

/**
 * Where the fingerprint of what the last match read and stored is kept. Matching is a pure
 * function of it, so when nothing in it changed the stored pairs are the answer and matching,
 * the costly part of an unchanged re-run (seconds per thousand documents), is skipped.
 */
const MATCH_INPUT_KEY = 'match-input';

export interface MatchSummary {
  english: number;
  russian: number;
  pairs: number;
  manual: number;
  added: number;
  removed: number;
  /** Documents left out of matching because another document has the same text (`sameAs`, the one kept). */
  duplicates: Array<{ path: string; sameAs: string }>;
}

/** Runs document matching over the store's documents (pure matching, store I/O around it). */
function computeMatches(db: Db, threshold?: number): { docs: MatchDoc[]; result: MatchResult; copies: Map<number, number> } {
  const docs = listDocuments(db, ['en', 'ru']);
  const idOf = new Map(docs.map((d) => [d.path, d]));
  const forced: Array<[number, number]> = [];
  for (const { enPath, ruPath } of manualPairs(db)) {
    const en = idOf.get(enPath);
    const ru = idOf.get(ruPath);
    // A pair made before a document's language changed (or by an older version) must still be English–Russian.
    if (en?.lang === 'en' && ru?.lang === 'ru') forced.push([en.id, ru.id]);
  }
  const unpaired = unpairedPaths(db);
  // A copy of another document's text is never paired automatically (the user may still pair it).
  const copies = findDuplicates(docs);
  const excluded = docs.filter((d) => unpaired.has(d.path) || copies.has(d.id)).map((d) => d.id);
  const input: MatchDoc[] = docs.map((d) => ({ id: d.id, path: d.path, lang: d.lang, title: d.title, date: d.date, text: d.text }));
  // Word translations learned by earlier alignments are evidence too (none on a first run).
  const learned = storedLexicon(db);
  const lexicon = learned ? lexiconLookup(stemLexiconOf(learned.entries)) : undefined;
  return { docs: input, result: matchDocuments(input, { forced, excluded, threshold, lexicon }), copies };
}

/**
 * A hash of everything matching reads: the English and Russian documents (by id, path, language
 * and file hash: a document's text changes only with a new id), the user's overrides, the learned
 * lexicon, the threshold and palign's version. The stored pairs are its output, written in the
 * same transaction as the hash, and every command that sets a pair by hand records it as an override.
 */
function matchInput(db: Db, threshold: number | undefined): string {
  const hash = createHash('sha256').update(`${VERSION}\0${threshold ?? 'default'}\0`);
  const tables = [
    `SELECT id, root, path, lang, sha256 FROM documents WHERE lang IN ('en', 'ru') ORDER BY id`,
    `SELECT en_path, ru_path FROM manual_pairs ORDER BY en_path`,
    `SELECT path FROM unpaired ORDER BY path`,
    `SELECT value FROM meta WHERE key = '${LEXICON_KEY}'`,
  ];
  for (const sql of tables) {
    for (const row of db.prepare(sql).raw().iterate() as IterableIterator<unknown[]>) hash.update(`${row.join('\t')}\n`);
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The summary of a match over `docs` that stored `pairs` and changed `change` of them. */
function summarise(docs: readonly MatchDoc[], pairs: ReadonlyArray<{ manual: boolean }>, change: { added: number; removed: number }): MatchSummary {
  const copies = findDuplicates(docs);
  const pathOf = new Map(docs.map((d) => [d.id, d.path]));
  return {
    english: docs.filter((d) => d.lang === 'en').length,
    russian: docs.filter((d) => d.lang === 'ru').length,
    pairs: pairs.length,
    manual: pairs.filter((p) => p.manual).length,
    added: change.added,
    removed: change.removed,
    duplicates: [...copies].map(([id, kept]) => ({ path: pathOf.get(id) as string, sameAs: pathOf.get(kept) as string })).sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

/**
 * Matches and stores the pairs; pairs that did not change keep their alignment. When nothing
 * matching reads changed since the last match, the stored pairs stand and nothing is recomputed.
 */
export function match(db: Db, options: { threshold?: number; round?: number } = {}): MatchSummary {
  if (getMeta<string>(db, MATCH_INPUT_KEY) === matchInput(db, options.threshold)) {
    return summarise(listDocuments(db, ['en', 'ru']), listPairs(db), { added: 0, removed: 0 });
  }
  const matching = status('match', options.round ? `documents again with the words alignment learned (round ${options.round + 1})…` : 'English and Russian documents…');
  const { docs, result } = computeMatches(db, options.threshold);
  matching.done();
  const change = db.transaction(() => {
    const changed = replacePairs(db, result.pairs);
    setMeta(db, MATCH_INPUT_KEY, matchInput(db, options.threshold));
    return changed;
  })();
  return summarise(docs, result.pairs, change);
}

/** The explanation of a copy left unpaired names the document it copies; others are as given. */
function explainCopy(e: Explanation, copies: ReadonlyMap<number, number>, docs: readonly MatchDoc[], unpaired: ReadonlySet<string>): Explanation {
  const kept = copies.get(e.id);
  if (kept === undefined || e.pairedWith !== null || unpaired.has(e.path)) return e;
  const original = docs.find((d) => d.id === kept)?.path ?? `#${kept}`;
  return { ...e, reason: `same text as ${original}: a copy is not paired again (its units would repeat that document's)` };
}

/** Why each document (or the one at `docPath`) was or was not paired. */
export function explain(db: Db, docPath?: string, threshold?: number): Explanation[] {
  const { docs, result, copies } = computeMatches(db, threshold);
  const unpaired = unpairedPaths(db);
  const explainOne = (id: number) => explainCopy(explainDocument(docs, result, id), copies, docs, unpaired);
  if (docPath !== undefined) {
    const doc = findDocument(db, docPath);
    if (doc.lang !== 'en' && doc.lang !== 'ru') {
      return [{ id: doc.id, path: doc.path, pairedWith: null, best: [], reason: `not English or Russian (detected ${doc.lang})` }];
    }
    return [explainOne(doc.id)];
  }
  return docs.map((d) => explainOne(d.id));
}
