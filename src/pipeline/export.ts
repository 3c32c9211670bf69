/** `palign export`: stream units from the store into a TMX, TSV, Moses or JSONL file. */
import fs from 'node:fs';
import path from 'node:path';
import { dedupeRows, jsonl, moses, tmx, tsv, type ExportFormat, type TmRow } from '../export/index.js';
import { exportableRows } from '../export/text.js';
import { EXIT_USAGE, ioError, PalignError } from '../errors.js';
import { findDocument } from '../store/documents.js';
import type { Db } from '../store/open.js';
import { DEFAULT_MIN_SCORE } from '../check/omissions.js';
import { countUnitsBelow, iterateUnits, newestUnitTime } from '../store/units.js';
import { VERSION } from '../version.js';

export interface ExportRequest {
  format: ExportFormat;
  /** File to write; `-` for standard output; for Moses, the common stem of `.en` and `.ru`. */
  out: string;
  minScore?: number;
  dedupe?: boolean;
  doc?: string;
  includeUnaligned?: boolean;
  langs?: [string, string];
}

export interface ExportSummary {
  format: ExportFormat;
  files: string[];
  units: number;
  /** The score cut applied, or null when every unit went in. */
  minScore: number | null;
  /** Units with both sides that the cut left out. */
  belowMinScore: number;
}

/**
 * The score below which `run` and `export` leave a unit out of the translation memory unless told
 * otherwise: the score `check` flags as low-score, since a pair the tool itself calls a probable
 * misalignment should not be offered to a translator as a match (`--min-score 0` keeps them).
 */
export const DEFAULT_TM_MIN_SCORE = DEFAULT_MIN_SCORE;

/** First pause when a pipe is full: short, since a reader usually drains it within milliseconds. */
const FULL_PIPE_FIRST_WAIT_MS = 1;
/** Longest pause between retries: a slow reader is polled often enough to keep it busy. */
const FULL_PIPE_MAX_WAIT_MS = 50;
/** Something to wait on: `Atomics.wait` on a value nobody changes is a synchronous sleep. */
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `chunk` to the file descriptor `fd`, whatever the reader's speed. Standard output
 * that is a pipe is non-blocking once Node has touched it, so a full pipe answers EAGAIN and a
 * write may take only part of the bytes: both are retried, pausing while the pipe stays full.
 * Any other error (EPIPE when the reader has gone) is thrown.
 */
export function writeFully(fd: number, chunk: string): void {
  const bytes = Buffer.from(chunk, 'utf8');
  let offset = 0;
  let wait = FULL_PIPE_FIRST_WAIT_MS;
  while (offset < bytes.length) {
    try {
      offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
      wait = FULL_PIPE_FIRST_WAIT_MS;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(SLEEPER, 0, 0, wait);
      wait = Math.min(wait * 2, FULL_PIPE_MAX_WAIT_MS);
    }
  }
}

/** Standard output's file descriptor. */
const STDOUT_FD = 1;


/** Whether `file` names a folder: one that exists, or a name ending in a path separator. */
function isFolderName(file: string): boolean {
  if (/[\\/]$/.test(file)) return true;
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Throws a one-line usage error when `file` cannot name an output file (empty, or a folder), so a
 * command can refuse it before doing any work. `-` (standard output) is fine.
 */
export function checkOutputFile(file: string): void {
  if (file.trim() === '') throw new PalignError('the output file name is empty', EXIT_USAGE);
  if (file !== '-' && isFolderName(file)) throw new PalignError(`${file}: is a folder; give a file name for the output`, EXIT_USAGE);
}

/**
 * Writes chunks to a file through a temporary name, so a reader never sees half a file. Every
 * failure (a folder in the way, no permission, a full disk) is a one-line error naming the file,
 * and the temporary file is removed.
 */
class AtomicFile {
  private readonly tmp: string;
  private readonly fd: number;
  constructor(readonly file: string) {
    checkOutputFile(file);
    this.tmp = `${file}.${process.pid}.tmp`;
    const folder = path.dirname(path.resolve(file));
    try {
      fs.mkdirSync(folder, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR') throw new PalignError(`${file}: cannot write (a file is in the way of its folder ${path.dirname(file)})`);
      throw ioError(file, 'write', error);
    }
    try {
      this.fd = fs.openSync(this.tmp, 'w');
    } catch (error) {
      throw ioError(file, 'write', error);
    }
  }
  write(chunk: string): void {
    try {
      writeFully(this.fd, chunk);
    } catch (error) {
      throw ioError(this.file, 'write', error);
    }
  }
  commit(): void {
    try {
      fs.closeSync(this.fd);
      fs.renameSync(this.tmp, this.file);
    } catch (error) {
      fs.rmSync(this.tmp, { force: true });
      throw ioError(this.file, 'write', error);
    }
  }
  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // Closed already by a failed commit; the temporary file still goes.
    }
    fs.rmSync(this.tmp, { force: true });
  }
}

/** Standard output as a sink, for `--out -`. */
const STDOUT = { file: '-', write: (chunk: string) => writeFully(STDOUT_FD, chunk), commit() {}, abort() {} };

function open(file: string): Pick<AtomicFile, 'file' | 'write' | 'commit' | 'abort'> {
  return file === '-' ? STDOUT : new AtomicFile(file);
}

/**
 * The id of the document `--doc` names, refused (before any file is written, so the corpus TMX is
 * not replaced by an empty one) when it has no aligned pair to export.
 */
function exportableDocument(db: Db, name: string): number {
  const doc = findDocument(db, name);
  const pair = db.prepare(`SELECT aligned FROM doc_pairs WHERE en_doc = ? OR ru_doc = ?`).get(doc.id, doc.id) as { aligned: number } | undefined;
  if (pair === undefined) throw new PalignError(`${name}: not paired with any document, so it has no units to export (see 'palign match --explain ${doc.path}')`);
  if (pair.aligned !== 1) throw new PalignError(`${name}: its pair is not aligned yet, so it has no units to export; run 'palign align'`);
  return doc.id;
}

/** The database's own files: itself, its rollback journal, write-ahead log, shared memory and palign's lock. */
const DATABASE_FILES = ['', '-journal', '-wal', '-shm', '.lock'];

/** A path with its folder's symbolic links resolved, for a file that may not exist yet. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/**
 * Throws a one-line usage error when `file` is the database being exported or one of its files
 * (however spelt: `./x/../corpus.db`, a symbolic link): writing there would replace the corpus
 * with its own export, since the output is renamed over the target.
 */
export function refuseDatabaseFile(dbPath: string, file: string): void {
  if (dbPath === ':memory:' || file === '-') return;
  const target = realPath(file);
  const hit = DATABASE_FILES.find((suffix) => realPath(`${dbPath}${suffix}`) === target);
  if (hit !== undefined) throw new PalignError(`${file}: is the database being exported (${dbPath}${hit}); give another name for the output`, EXIT_USAGE);
}

/** The Moses file pair for `out`: `corpus.moses` or `corpus` → `corpus.en`, `corpus.ru`. */
export function mosesFiles(out: string, langs: [string, string]): [string, string] {
  const stem = out.replace(/\.moses$/i, '');
  return [`${stem}.${langs[0]}`, `${stem}.${langs[1]}`];
}

/**
 * Exports the units the request selects; returns the files written and how many units they hold
 * (Moses leaves out 1-0/0-1 units even with `includeUnaligned`).
 */
export function exportUnits(db: Db, request: ExportRequest): ExportSummary {
  const docId = request.doc === undefined ? undefined : exportableDocument(db, request.doc);
  const cut = { minScore: request.minScore ?? null, belowMinScore: request.minScore === undefined ? 0 : countUnitsBelow(db, request.minScore, docId) };
  // Moses files are line-parallel: a unit with one side only never goes in.
  const includeUnaligned = request.format !== 'moses' && request.includeUnaligned === true;
  let count = 0;
  function* rows(): Generator<TmRow> {
    const units = iterateUnits(db, { minScore: request.minScore, includeUnaligned, docId });
    for (const u of units) {
      yield { id: u.id, en: u.en, ru: u.ru, score: u.score, bead: u.bead, enDoc: u.enDoc, ruDoc: u.ruDoc, created: u.created };
    }
  }
  function* counted(source: Iterable<TmRow>): Generator<TmRow> {
    for (const row of source) {
      count++;
      yield row;
    }
  }
  // Counted as the formats will write them: the rows left after cleaning.
  const selected = counted(exportableRows(request.dedupe ? dedupeRows(rows()) : rows(), { toolVersion: VERSION, includeUnaligned }));
  // The TMX header dates itself with its newest unit rather than the clock: the file says how
  // fresh its content is, and a re-export of the same database is byte-identical.
  const options = { langs: request.langs, toolVersion: VERSION, includeUnaligned, creationDate: newestUnitTime(db, docId) };

  if (request.format === 'moses') {
    if (request.out === '-') throw new PalignError(`export: Moses writes two files; give --out STEM, not -`, EXIT_USAGE);
    if (isFolderName(request.out)) throw new PalignError(`${request.out}: is a folder; give the stem of the .en and .ru files, e.g. ${path.join(request.out, 'corpus')}`, EXIT_USAGE);
    const [enFile, ruFile] = mosesFiles(request.out, request.langs ?? ['en', 'ru']);
    refuseDatabaseFile(db.name, enFile);
    refuseDatabaseFile(db.name, ruFile);
    const en = open(enFile);
    let ru: ReturnType<typeof open>;
    try {
      ru = open(ruFile);
    } catch (error) {
      en.abort();
      throw error;
    }
    try {
      for (const line of moses(selected, options)) {
        en.write(line.en);
        ru.write(line.ru);
      }
      en.commit();
      ru.commit();
    } catch (error) {
      en.abort();
      ru.abort();
      throw error;
    }
    return { format: 'moses', files: [enFile, ruFile], units: count, ...cut };
  }

  const serialise = { tmx, tsv, jsonl }[request.format];
  refuseDatabaseFile(db.name, request.out);
  const sink = open(request.out);
  try {
    for (const chunk of serialise(selected, options)) sink.write(chunk);
    sink.commit();
  } catch (error) {
    sink.abort();
    throw error;
  }
  return { format: request.format, files: [request.out], units: count, ...cut };
}
