/** Opening the corpus database: WAL, foreign keys, and migrations to the current schema. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PalignError } from '../errors.js';
import { MIGRATIONS } from './schema.js';

export type Db = Database.Database;

/** Where the database lives unless `--db` says otherwise. */
export const DEFAULT_DB = 'aligned/corpus.db';

/**
 * Opens (creating when `create`) the database at `file` and brings its schema up to date.
 * Throws a PalignError naming the file when it is not a palign database or cannot be opened.
 */
export function openStore(file: string, { create = true }: { create?: boolean } = {}): Db {
  if (!create && !fs.existsSync(file)) {
    throw new PalignError(`${file}: no database here; run 'palign ingest DIR' or 'palign run DIR' first`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new PalignError(`${file}: is a folder, not a database file`);
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db | undefined;
  try {
    db = new Database(file);
    // Before anything writes (WAL mode writes the header): a command that needs an existing
    // database must not turn an empty or foreign file into one.
    if (!create) refuseNonPalign(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
    return db;
  } catch (error) {
    if (db?.open) db.close();
    throw storeError(file, error) ?? error;
  }
}

/** What each SQLite result code means for the user, said about the database file. */
const SQLITE_REASONS: ReadonlyArray<[RegExp, string]> = [
  [/^SQLITE_NOTADB/, 'not a SQLite database'],
  [/^SQLITE_CORRUPT/, 'the database is corrupt'],
  [/^SQLITE_READONLY_DIRECTORY/, 'its folder is read-only, and SQLite must write there even to read (WAL); copy the database somewhere writable'],
  [/^SQLITE_READONLY/, 'the database is read-only (check its permissions and its folder\'s)'],
  [/^SQLITE_CANTOPEN/, 'cannot open the database file (check its permissions and its folder\'s)'],
  [/^SQLITE_(BUSY|LOCKED)/, 'the database is in use by another process; try again when it has finished'],
  [/^SQLITE_FULL/, 'the disk is full'],
  [/^SQLITE_IOERR/, 'input/output error'],
  [/^SQLITE_PERM/, 'permission denied'],
];

/**
 * A one-line PalignError for a SQLite failure that is about the database file (not a bug in
 * palign's SQL): `corpus.db: the database is read-only (…) [SQLITE_READONLY]`. Null for others.
 */
export function storeError(file: string, error: unknown): PalignError | null {
  if (error instanceof PalignError) return error;
  const code = (error as { code?: unknown }).code;
  if (!(error instanceof Database.SqliteError) || typeof code !== 'string') return null;
  const found = SQLITE_REASONS.find(([pattern]) => pattern.test(code));
  return found ? new PalignError(`${file}: ${found[1]} (${error.message})`) : null;
}

/** Runs the migrations the database lacks; one that is up to date is only read, never written. */
function migrate(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new PalignError(`${file}: made by a newer palign (schema ${version}, this one knows ${MIGRATIONS.length})`);
  }
  if (version === MIGRATIONS.length) return;
  if (version === 0 && hasForeignTables(db)) {
    throw new PalignError(`${file}: a SQLite database that palign did not make; use another --db`);
  }
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

/**
 * Throws a one-line PalignError when the file `db` opened is not a palign database: empty (a
 * 0-byte file, `touch corpus.db`) or another program's SQLite file. Only reads.
 */
function refuseNonPalign(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > 0) return;
  const what = fs.statSync(file).size === 0 ? 'an empty file' : hasForeignTables(db) ? 'a SQLite database that palign did not make' : 'an empty SQLite database';
  throw new PalignError(`${file}: not a palign database (${what}); run 'palign ingest DIR' or 'palign run DIR' to make one, or give another --db`);
}

function hasForeignTables(db: Db): boolean {
  const row = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
  return row.n > 0;
}
