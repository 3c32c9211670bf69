import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/store/schema.js';
import { openStore } from '../src/store/open.js';
import { tempDir } from './cli-helpers.js';

describe('store', () => {
  it('creates the schema with WAL, foreign keys and the current user_version', () => {
    const file = path.join(tempDir(), 'deep', 'corpus.db');
    const db = openStore(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    // Opening again runs no migration twice.
    openStore(file).close();
  });

  it('refuses a file that is not a SQLite database, and leaves it as it was', () => {
    const file = path.join(tempDir(), 'notes.db');
    fs.writeFileSync(file, 'this is not a database, just text\n'.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => openStore(file)).toThrow(/notes\.db: not a SQLite database/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a SQLite database made by another program', () => {
    const file = path.join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE mine (x)');
    other.close();
    expect(() => openStore(file)).toThrow(/did not make/);
  });

  it('refuses a database from a newer palign', () => {
    const file = path.join(tempDir(), 'newer.db');
    openStore(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openStore(file)).toThrow(/newer palign/);
  });

  it('removes derived rows with their document (foreign keys cascade)', () => {
    const db = openStore(path.join(tempDir(), 'c.db'));
    const doc = (p: string, lang: string) =>
      Number(db.prepare(`INSERT INTO documents (root, path, sha256, encoding, lang, lang_confidence, title, date, text, stripped, ingested_at) VALUES ('/r', ?, 'x', 'utf-8', ?, 1, NULL, NULL, 't', '[]', 'now')`).run(p, lang).lastInsertRowid);
    const en = doc('a.txt', 'en');
    const ru = doc('b.txt', 'ru');
    const pair = Number(db.prepare(`INSERT INTO doc_pairs (en_doc, ru_doc, score, evidence) VALUES (?, ?, 1, '{}')`).run(en, ru).lastInsertRowid);
    db.prepare(`INSERT INTO units (pair_id, idx, bead, en_text, ru_text, score, created) VALUES (?, 0, '1-1', 'Hello KAMAZ', 'Привет КАМАЗ', 0.9, 'now')`).run(pair);
    expect((db.prepare(`SELECT count(*) AS n FROM units_fts WHERE units_fts MATCH 'kamaz'`).get() as { n: number }).n).toBe(1);
    db.prepare(`DELETE FROM documents WHERE id = ?`).run(ru);
    expect((db.prepare(`SELECT count(*) AS n FROM units`).get() as { n: number }).n).toBe(0);
    expect((db.prepare(`SELECT count(*) AS n FROM units_fts WHERE units_fts MATCH 'kamaz'`).get() as { n: number }).n).toBe(0);
    db.close();
  });
});
