/** `palign run`: the whole pipeline, ingest → match → align → check → TMX, with one summary. */
import path from 'node:path';
import type { Lexicon } from '../align/index.js';
import type { Db } from '../store/open.js';
import { align, type AlignSummary } from './align.js';
import { check, type CheckSummary } from './check.js';
import { DEFAULT_TM_MIN_SCORE, exportUnits, type ExportSummary } from './export.js';
import { ingest, type IngestSummary } from './ingest.js';
import { match, type MatchSummary } from './match.js';

export interface RunSummary {
  ingest: IngestSummary;
  match: MatchSummary;
  align: AlignSummary;
  check: CheckSummary;
  export: ExportSummary;
  db: string;
}

/** The TMX written next to the database: `aligned/corpus.db` → `aligned/corpus.tmx`. */
export function defaultExportPath(dbFile: string, extension: string): string {
  const parsed = path.parse(dbFile);
  return path.join(parsed.dir, `${parsed.name}.${extension}`);
}

/**
 * Match rounds after the first at most. Alignment learns word translations that matching then
 * uses as evidence, so the pairs are matched again with them. Only the run's first alignment
 * adds to the lexicon: pairs aligned in later rounds use it without changing it, so the next
 * match reads the same input and gives the same pairs, and the rounds settle. (When each round
 * learned from the few pairs it had just aligned, a few words co-occurring in two sentences were
 * taken for translations, and on 5,000 documents the pairs kept changing: +169/-126, +67/-93,
 * +87/-92, +65/-79, +45/-51 after five rounds, so every re-run changed them again.)
 */
const MAX_EXTRA_MATCH_ROUNDS = 3;

/** What a run can be told: a user dictionary, where the TMX goes, the TMX's score cut (default DEFAULT_TM_MIN_SCORE). */
export interface RunOptions {
  dictionary?: Lexicon;
  tmx?: string;
  minScore?: number;
}

export function run(db: Db, dir: string, dbFile: string, options: RunOptions = {}): RunSummary {
  const ingested = ingest(db, dir);
  let matched = match(db);
  let aligned = align(db, { dictionary: options.dictionary });
  for (let round = 0; round < MAX_EXTRA_MATCH_ROUNDS && aligned.aligned > 0; round++) {
    const again = match(db, { round: round + 1 });
    if (again.added === 0 && again.removed === 0) break;
    matched = { ...again, added: matched.added + again.added, removed: matched.removed + again.removed };
    aligned = addAlignments(aligned, align(db, { dictionary: options.dictionary, learn: false }));
  }
  const checked = check(db);
  const exported = exportUnits(db, { format: 'tmx', out: options.tmx ?? defaultExportPath(dbFile, 'tmx'), minScore: options.minScore ?? DEFAULT_TM_MIN_SCORE });
  return { ingest: ingested, match: matched, align: aligned, check: checked, export: exported, db: dbFile };
}

/** Two alignment summaries of one run as one: the later pair count, the aligned pairs and units of both. */
function addAlignments(a: AlignSummary, b: AlignSummary): AlignSummary {
  const beads = { ...a.beads };
  for (const [shape, n] of Object.entries(b.beads)) beads[shape] = (beads[shape] ?? 0) + n;
  return { pairs: b.pairs, aligned: a.aligned + b.aligned, units: a.units + b.units, beads };
}
