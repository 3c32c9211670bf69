/** `palign run`: the whole pipeline, ingest → match → align → check → TMX, with one summary. */
import path from 'node:path';
import type { Lexicon } from '../align/index.js';
import type { Db } from '../store/open.js';
import { align, type AlignSummary } from './align.js';
import { check, type CheckSummary } from './check.js';
import { exportUnits, type ExportSummary } from './export.js';
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

export function run(db: Db, dir: string, dbFile: string, options: { dictionary?: Lexicon; tmx?: string } = {}): RunSummary {
  const ingested = ingest(db, dir);
  const matched = match(db);
  const aligned = align(db, { dictionary: options.dictionary });
  const checked = check(db);
  const exported = exportUnits(db, { format: 'tmx', out: options.tmx ?? defaultExportPath(dbFile, 'tmx') });
  return { ingest: ingested, match: matched, align: aligned, check: checked, export: exported, db: dbFile };
}
