/** What every command shares: the global options, output, exit status, and opening the store. */
import fs from 'node:fs';
import path from 'node:path';
import { EXIT_USAGE, ioError, PalignError } from '../errors.js';
import type { IngestSummary } from '../pipeline/ingest.js';
import { findDocument, listDocuments, type StoredDocument } from '../store/documents.js';
import { lockStore } from '../store/lock.js';
import { openStore, storeError, type Db } from '../store/open.js';
import type { StoredPair } from '../store/pairs.js';

/** Exit codes: 0 success, 1 error, 2 bad usage, 3 done but some input files were skipped. */
export const EXIT_ERROR = 1;
export { EXIT_USAGE };
export const EXIT_SKIPPED = 3;

/** Options every command takes. */
export interface Global {
  db: string;
  json: boolean;
}

/** The exit status a command sets besides failing (reset by `main` for each run). */
export const status = { code: 0 };

export function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function warn(line: string): void {
  process.stderr.write(`palign: ${line}\n`);
}

/**
 * How a command uses the store: `read` needs it to exist; `write` also takes the write lock
 * (one writer per database at a time, see store/lock.ts); `create` writes and makes it if absent.
 */
export type DbMode = 'read' | 'write' | 'create';

/**
 * Opens the store for a command and closes it after `fn`. SQLite failures about the file (read-only,
 * locked, disk full, corrupt) become one-line errors naming it.
 */
export function withDb<T>(args: Global, fn: (db: Db) => T, mode: DbMode = 'read'): T {
  let release = () => {};
  if (mode !== 'read') {
    if (fs.existsSync(args.db) && fs.statSync(args.db).isDirectory()) throw new PalignError(`${args.db}: is a folder, not a database file`);
    if (mode === 'write' && !fs.existsSync(args.db)) throw new PalignError(`${args.db}: no database here; run 'palign ingest DIR' or 'palign run DIR' first`);
    fs.mkdirSync(path.dirname(path.resolve(args.db)), { recursive: true });
    release = lockStore(args.db);
  }
  try {
    const db = openStore(args.db, { create: mode === 'create' });
    try {
      return fn(db);
    } catch (error) {
      throw storeError(args.db, error) ?? error;
    } finally {
      db.close();
    }
  } finally {
    release();
  }
}

/** Paths named in an "ambiguous" message before the rest are counted. */
const NAMED_CANDIDATES = 5;

/**
 * The documents' paths as a user can type them back: the stored path, or, for documents of two
 * ingested folders stored under the same path (`en/a.txt` and `ru/a.txt` both as `a.txt`), the
 * path from the current folder.
 */
function typeable(docs: readonly StoredDocument[]): string[] {
  const seen = new Map<string, number>();
  for (const d of docs) seen.set(d.path, (seen.get(d.path) ?? 0) + 1);
  return docs.map((d) => ((seen.get(d.path) ?? 0) > 1 ? path.relative(process.cwd(), path.join(d.root, d.path)) || d.path : d.path));
}

/**
 * The document a user means by `arg` (see `findDocument`: stored path, path from here, unique
 * suffix). When that fails, the message names what `arg` is part of: `tail: ambiguous:
 * tail_en.txt, tail_ru.txt` or `did you mean tail_en.txt?`.
 */
export function documentNamed(db: Db, arg: string): StoredDocument {
  try {
    return findDocument(db, arg);
  } catch (error) {
    if (!(error instanceof PalignError)) throw error;
    const needle = arg.split(path.sep).join('/').replace(/^\.\//, '');
    const near = typeable(listDocuments(db).filter((d) => d.path.includes(needle)));
    if (near.length === 1) throw new PalignError(`${arg}: no such document; did you mean ${near[0]}?`);
    if (near.length > 1) {
      const more = near.length > NAMED_CANDIDATES ? `, … (${near.length} in all)` : '';
      throw new PalignError(`${arg}: ambiguous: ${near.slice(0, NAMED_CANDIDATES).join(', ')}${more}; give more of the path`);
    }
    throw error;
  }
}

/** Skipped files are warnings, one line each, and make the exit code 3. */
export function reportSkipped(summary: IngestSummary): void {
  for (const s of summary.skipped) warn(`skipped ${s.path}: ${s.reason}`);
  if (summary.skipped.length > 0) status.code = EXIT_SKIPPED;
}

/** Each document's pair, by document id. */
export function pairOf(pairs: readonly StoredPair[]): Map<number, StoredPair> {
  const byDoc = new Map<number, StoredPair>();
  for (const p of pairs) {
    byDoc.set(p.enId, p);
    byDoc.set(p.ruId, p);
  }
  return byDoc;
}

/** `n` and `word`, plural unless n is 1 (`1 pair`, `2 pairs`): English plurals in -s only. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `a: 1, b: 2` for a count record, or `none`. */
export function counts(record: Record<string, number>): string {
  return Object.entries(record).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

/**
 * "; 5 renamed, 3 removed" for the run summary's documents line: what changed in the folder besides
 * new and edited files, said only when something did, so an ordinary run's line stays short.
 */
export function goneOrMoved(s: { renamed: number; removed: number }): string {
  const parts = [s.renamed > 0 ? `${s.renamed} renamed` : '', s.removed > 0 ? `${s.removed} removed` : ''].filter(Boolean);
  return parts.length > 0 ? `; ${parts.join(', ')}` : '';
}

/** Copies named in a summary line; the rest are counted (`palign match --explain` lists every one). */
const SHOWN_DUPLICATES = 3;

/** "2 documents repeat another's text and are not paired again: b.txt = a.txt, …" */
export function duplicatesLine(copies: ReadonlyArray<{ path: string; sameAs: string }>): string {
  const shown = copies.slice(0, SHOWN_DUPLICATES).map((c) => `${c.path} = ${c.sameAs}`);
  const more = copies.length > SHOWN_DUPLICATES ? `, and ${copies.length - SHOWN_DUPLICATES} more` : '';
  const noun = copies.length === 1 ? 'document repeats' : 'documents repeat';
  return `${copies.length} ${noun} another's text and ${copies.length === 1 ? 'is' : 'are'} not paired again: ${shown.join(', ')}${more}`;
}

export function terminalWidth(): number {
  return Math.max(60, Math.min(process.stdout.columns ?? 120, 200));
}

/** Reads a whole text file; a missing or unreadable one is a one-line error naming it. */
export function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw ioError(file, 'read', error);
  }
}

/** Writes a whole file; an unwritable path is a one-line error naming it. */
export function writeFile(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    throw ioError(file, 'write', error);
  }
}

/**
 * A numeric `--name` option, declared as a string so that a mistyped value can be quoted back:
 * `--min-score abc` is `not a number: abc`. Undefined when the option was not given.
 */
export function parseNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  const n = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) throw new PalignError(`--${name}: not a number: ${text === '' ? '(nothing given)' : text}`, EXIT_USAGE);
  return n;
}

/** A `--name` option that must lie in 0..1 (scores, thresholds). */
export function parseScore(value: unknown, name: string): number | undefined {
  const n = parseNumber(value, name);
  if (n !== undefined && (n < 0 || n > 1)) throw new PalignError(`--${name}: expected a number between 0 and 1, got ${String(value).trim()}`, EXIT_USAGE);
  return n;
}

/** A `--name` option that must be a whole number ≥ 1 (limits). */
export function parseCount(value: unknown, name: string): number {
  const n = parseNumber(value, name);
  if (n === undefined || !Number.isInteger(n) || n < 1) throw new PalignError(`--${name}: expected a positive whole number, got ${String(value).trim()}`, EXIT_USAGE);
  return n;
}
