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
 * Throws a PalignError naming the file when it is not a palign database.
 */
export function openStore(file: string, { create = true }: { create?: boolean } = {}): Db {
  if (!create && !fs.existsSync(file)) {
    throw new PalignError(`${file}: no database here; run 'palign ingest DIR' or 'palign run DIR' first`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new PalignError(`${file}: is a folder, not a database file`);
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
  } catch (error) {
    throw new PalignError(`${file}: not a SQLite database (${(error as Error).message})`);
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, file);
  return db;
}

function migrate(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    db.close();
    throw new PalignError(`${file}: made by a newer palign (schema ${version}, this one knows ${MIGRATIONS.length})`);
  }
  if (version === 0 && hasForeignTables(db)) {
    db.close();
    throw new PalignError(`${file}: a SQLite database that palign did not make; use another --db`);
  }
  db.transaction(() => {
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
}

function hasForeignTables(db: Db): boolean {
  const row = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };
  return row.n > 0;
}
