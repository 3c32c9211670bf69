/** `palign match`: pair the stored English and Russian documents, honouring the user's overrides. */
import { explainDocument, lexiconLookup, matchDocuments, stemLexiconOf, type Explanation, type MatchDoc, type MatchResult } from '../match/index.js';
import { findDocument, listDocuments } from '../store/documents.js';
import type { Db } from '../store/open.js';
import { manualPairs, replacePairs, unpairedPaths } from '../store/pairs.js';
import { storedLexicon } from './align.js';

export interface MatchSummary {
  english: number;
  russian: number;
  pairs: number;
  manual: number;
  added: number;
  removed: number;
}

/** Runs document matching over the store's documents (pure matching, store I/O around it). */
function computeMatches(db: Db, threshold?: number): { docs: MatchDoc[]; result: MatchResult } {
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
  const excluded = docs.filter((d) => unpaired.has(d.path)).map((d) => d.id);
  const input: MatchDoc[] = docs.map((d) => ({ id: d.id, path: d.path, lang: d.lang, title: d.title, date: d.date, text: d.text }));
  // Word translations learned by earlier alignments are evidence too (none on a first run).
  const learned = storedLexicon(db);
  const lexicon = learned ? lexiconLookup(stemLexiconOf(learned.entries)) : undefined;
  return { docs: input, result: matchDocuments(input, { forced, excluded, threshold, lexicon }) };
}

/** Matches and stores the pairs; pairs that did not change keep their alignment. */
export function match(db: Db, options: { threshold?: number } = {}): MatchSummary {
  const { docs, result } = computeMatches(db, options.threshold);
  const change = db.transaction(() => replacePairs(db, result.pairs))();
  return {
    english: docs.filter((d) => d.lang === 'en').length,
    russian: docs.filter((d) => d.lang === 'ru').length,
    pairs: result.pairs.length,
    manual: result.pairs.filter((p) => p.manual).length,
    added: change.added,
    removed: change.removed,
  };
}

/** Why each document (or the one at `docPath`) was or was not paired. */
export function explain(db: Db, docPath?: string, threshold?: number): Explanation[] {
  const { docs, result } = computeMatches(db, threshold);
  if (docPath !== undefined) {
    const doc = findDocument(db, docPath);
    if (doc.lang !== 'en' && doc.lang !== 'ru') {
      return [{ id: doc.id, path: doc.path, pairedWith: null, best: [], reason: `not English or Russian (detected ${doc.lang})` }];
    }
    return [explainDocument(docs, result, doc.id)];
  }
  return docs.map((d) => explainDocument(docs, result, d.id));
}
