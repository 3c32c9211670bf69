/** The `documents` table: one row per ingested file. */
import fs from 'node:fs';
import path from 'node:path';
import { PalignError } from '../errors.js';
import type { Document, Lang, Stripped } from '../types.js';
import type { Db } from './open.js';

/** A document as stored, with the folder it came from. */
export interface StoredDocument extends Document {
  root: string;
}

/** A document about to be stored (the id is assigned by the database). */
export type NewDocument = Omit<StoredDocument, 'id'>;

interface DocumentRow {
  id: number;
  root: string;
  path: string;
  sha256: string;
  encoding: string;
  lang: Lang;
  lang_confidence: number;
  mixed: number;
  title: string | null;
  date: string | null;
  text: string;
  stripped: string;
}

function fromRow(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    root: row.root,
    path: row.path,
    sha256: row.sha256,
    encoding: row.encoding,
    lang: row.lang,
    langConfidence: row.lang_confidence,
    mixed: row.mixed === 1,
    title: row.title,
    date: row.date,
    text: row.text,
    stripped: JSON.parse(row.stripped) as Stripped[],
  };
}

/** The sha256 of each document already stored from `root`, by path. */
export function storedHashes(db: Db, root: string): Map<string, string> {
  const rows = db.prepare(`SELECT path, sha256 FROM documents WHERE root = ?`).all(root) as Array<{ path: string; sha256: string }>;
  return new Map(rows.map((r) => [r.path, r.sha256]));
}

/**
 * Stores a document, replacing an older version at the same place; everything derived from the
 * old version (its pair, segments, units, flags) goes with it through the foreign keys.
 */
export function putDocument(db: Db, doc: NewDocument): number {
  db.prepare(`DELETE FROM documents WHERE root = ? AND path = ?`).run(doc.root, doc.path);
  const result = db
    .prepare(
      `INSERT INTO documents (root, path, sha256, encoding, lang, lang_confidence, mixed, title, date, text, stripped, ingested_at)
       VALUES (@root, @path, @sha256, @encoding, @lang, @langConfidence, @mixed, @title, @date, @text, @stripped, @ingestedAt)`,
    )
    .run({
      ...doc,
      mixed: doc.mixed ? 1 : 0,
      stripped: JSON.stringify(doc.stripped),
      ingestedAt: new Date().toISOString(),
    });
  return Number(result.lastInsertRowid);
}

/**
 * Moves the document stored at `from` to `to` (a file renamed or moved with its bytes unchanged):
 * it keeps its id, so its pair, alignment and flags stay, and the user's pair/unpair decisions,
 * kept by path, follow it.
 */
export function renameDocument(db: Db, root: string, from: string, to: string): void {
  db.prepare(`UPDATE documents SET path = ? WHERE root = ? AND path = ?`).run(to, root, from);
  db.prepare(`UPDATE manual_pairs SET en_path = ? WHERE en_path = ?`).run(to, from);
  db.prepare(`UPDATE manual_pairs SET ru_path = ? WHERE ru_path = ?`).run(to, from);
  db.prepare(`UPDATE OR IGNORE unpaired SET path = ? WHERE path = ?`).run(to, from);
  db.prepare(`DELETE FROM unpaired WHERE path = ?`).run(from);
}

/** Removes the documents of `root` whose paths are not in `keep` (files deleted since the last ingest). */
export function removeMissing(db: Db, root: string, keep: ReadonlySet<string>): number {
  const del = db.prepare(`DELETE FROM documents WHERE root = ? AND path = ?`);
  let removed = 0;
  for (const stored of storedHashes(db, root).keys()) {
    if (!keep.has(stored)) removed += del.run(root, stored).changes;
  }
  return removed;
}

/** Every document, in path order; `langs` narrows to those languages. */
export function listDocuments(db: Db, langs?: readonly Lang[]): StoredDocument[] {
  const rows = db.prepare(`SELECT * FROM documents ORDER BY path, root`).all() as DocumentRow[];
  const docs = rows.map(fromRow);
  return langs ? docs.filter((d) => langs.includes(d.lang)) : docs;
}

export function getDocument(db: Db, id: number): StoredDocument | undefined {
  const row = db.prepare(`SELECT * FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined;
  return row && fromRow(row);
}

/** `file` with symbolic links resolved, as ingest stores folders; as given when it does not exist. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * The document a user means by `arg`: its stored path (`000_x.txt`), the path to the file as
 * typed from the current folder (`data/000_x.txt`), or a unique path suffix.
 */
export function findDocument(db: Db, arg: string): StoredDocument {
  const docs = listDocuments(db);
  const absolute = realPath(path.resolve(arg));
  const normalised = arg.split(path.sep).join('/').replace(/^\.\//, '');
  // The file named from here decides first: with two folders ingested, `copy/a.txt` and `data/a.txt`
  // are both stored as `a.txt`, and only where the file is tells them apart.
  const byFile = docs.filter((d) => path.join(d.root, d.path) === absolute);
  if (byFile.length === 1) return byFile[0];
  const exact = docs.filter((d) => d.path === normalised);
  const found = exact.length > 0 ? exact : docs.filter((d) => `/${d.path}`.endsWith(`/${normalised}`) || d.path.endsWith(normalised));
  if (found.length === 1) return found[0];
  if (found.length === 0) throw new PalignError(`${arg}: no such document in the database (see 'palign docs')`);
  throw new PalignError(`${arg}: matches ${found.length} documents; give more of the path`);
}
