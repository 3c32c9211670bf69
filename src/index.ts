/**
 * palign as a library: the pure stages of the pipeline, the store, and the pipeline steps that
 * tie them to it. The CLI (`src/cli/`) is a thin layer over these.
 */
export type * from './types.js';

// Pure stages, in pipeline order.
export { decode, type Decoded } from './ingest/decode.js';
export { normalize } from './ingest/normalize.js';
export { htmlToText } from './ingest/html.js';
export { clean } from './ingest/clean.js';
export { detectLanguage, detectParagraphs } from './lang.js';
export { matchDocuments, explainDocument, type MatchDoc, type MatchOptions, type MatchResult, type Candidate, type Explanation } from './match/index.js';
export { segment } from './segment.js';
export { alignSentences, alignCorpus, parseDictionary, learnLexicon, type AlignOptions, type Lexicon, type LengthModel } from './align/index.js';
export { parseGold, scoreAlignment } from './evaluate.js';
export { checkPair, checkUnits, lengthNorm, corpusVocabulary, renderReport, type Flag, type CheckKind, type CheckOptions, type AlignedUnit } from './check/index.js';
export { tmx, tsv, jsonl, moses, dedupeRows, parseLangs, type TmRow, type ExportFormat, type ExportOptions } from './export/index.js';
export { parseQuery, kwic } from './query.js';

// The store and the pipeline steps over it.
export { openStore, DEFAULT_DB, type Db } from './store/open.js';
export { ingest, type IngestSummary } from './pipeline/ingest.js';
export { match, explain } from './pipeline/match.js';
export { align } from './pipeline/align.js';
export { check, checkReport } from './pipeline/check.js';
export { exportUnits } from './pipeline/export.js';
export { run } from './pipeline/run.js';
export { search } from './store/search.js';
export { corpusStats } from './store/stats.js';
export { PalignError } from './errors.js';
