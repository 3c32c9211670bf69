/** `palign ingest`: files → decoded, normalised, cleaned, language-tagged documents in the store. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { clean } from '../ingest/clean.js';
import { decode } from '../ingest/decode.js';
import { htmlToText, looksLikeHtml } from '../ingest/html.js';
import { normalize } from '../ingest/normalize.js';
import { detectLanguage } from '../lang.js';
import { progress } from '../progress.js';
import { putDocument, removeMissing, renameDocument, storedHashes, type NewDocument } from '../store/documents.js';
import type { Db } from '../store/open.js';
import type { Lang } from '../types.js';
import { canonicalFolder, isHtml, listFiles, readDocumentBytes } from './files.js';

/** Files per transaction: each batch commits whole, so a crash loses at most one batch. */
const BATCH = 200;

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface IngestSummary {
  root: string;
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Files found under a new path with the bytes of a stored document whose file is gone: moved, not re-read. */
  renamed: number;
  removed: number;
  skipped: SkippedFile[];
  languages: Partial<Record<Lang, number>>;
}

/** Turns the bytes of one file into a document, or says why it cannot. */
export function readDocument(root: string, relPath: string, bytes: Uint8Array, sha256: string): NewDocument | SkippedFile {
  const decoded = decode(bytes);
  if (!decoded.ok) return { path: relPath, reason: decoded.reason };
  const text = normalize(isHtml(relPath) || looksLikeHtml(decoded.text) ? htmlToText(decoded.text) : decoded.text);
  const cleaned = clean(text);
  if (cleaned.text.trim() === '') return { path: relPath, reason: 'no text left after cleaning' };
  const guess = detectLanguage(cleaned.text);
  return {
    root,
    path: relPath,
    sha256,
    encoding: decoded.encoding,
    lang: guess.lang,
    langConfidence: guess.confidence,
    mixed: guess.mixed,
    title: cleaned.title,
    date: cleaned.date,
    text: cleaned.text,
    stripped: cleaned.stripped,
  };
}

/**
 * The stored paths whose files are no longer listed, by content hash: where a file found under a
 * new path may have come from. A hash shared by several gone files lists them in path order.
 */
function vanishedByHash(known: ReadonlyMap<string, string>, listed: readonly string[]): Map<string, string[]> {
  const present = new Set(listed);
  const out = new Map<string, string[]>();
  for (const [rel, sha256] of [...known].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (present.has(rel)) continue;
    out.set(sha256, [...(out.get(sha256) ?? []), rel]);
  }
  return out;
}

/**
 * Ingests every document under `dir`; unchanged files are not read twice, and a file that was
 * only renamed or moved keeps its stored document (and so its pair and alignment).
 */
export function ingest(db: Db, dir: string): IngestSummary {
  const root = canonicalFolder(dir);
  const files = listFiles(root);
  const known = storedHashes(db, root);
  const vanished = vanishedByHash(known, files);
  const summary: IngestSummary = { root, files: files.length, added: 0, updated: 0, unchanged: 0, renamed: 0, removed: 0, skipped: [], languages: {} };
  const present = new Set<string>();
  const bar = progress('ingest', files.length);
  const store = db.transaction((batch: NewDocument[]) => {
    for (const doc of batch) putDocument(db, doc);
  });
  let batch: NewDocument[] = [];
  for (const rel of files) {
    bar.tick(rel);
    const bytes = readDocumentBytes(path.join(root, rel));
    if (!Buffer.isBuffer(bytes)) {
      summary.skipped.push({ path: rel, reason: bytes.reason });
      continue;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const before = known.get(rel);
    if (before === sha256) {
      present.add(rel);
      summary.unchanged++;
      continue;
    }
    const movedFrom = before === undefined ? vanished.get(sha256)?.shift() : undefined;
    if (movedFrom !== undefined) {
      db.transaction(() => renameDocument(db, root, movedFrom, rel))();
      present.add(rel);
      summary.renamed++;
      continue;
    }
    const doc = readDocument(root, rel, bytes, sha256);
    if (!('sha256' in doc)) {
      summary.skipped.push(doc);
      continue;
    }
    present.add(rel);
    if (before === undefined) summary.added++;
    else summary.updated++;
    batch.push(doc);
    if (batch.length >= BATCH) {
      store(batch);
      batch = [];
    }
  }
  store(batch);
  bar.done();
  summary.removed = db.transaction(() => removeMissing(db, root, present))();
  const rows = db.prepare(`SELECT lang, count(*) AS n FROM documents WHERE root = ? GROUP BY lang`).all(root) as Array<{ lang: Lang; n: number }>;
  for (const r of rows) summary.languages[r.lang] = r.n;
  return summary;
}
