/** `palign align --en FILE --ru FILE`: align one pair the user already knows, without matching. */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Lexicon } from '../align/index.js';
import { PalignError } from '../errors.js';
import { putDocument, storedHashes } from '../store/documents.js';
import type { Db } from '../store/open.js';
import { getPair, putPair, setManualPair, type StoredPair } from '../store/pairs.js';
import { align } from './align.js';
import { canonicalFolder, readDocumentBytes } from './files.js';
import { readDocument } from './ingest.js';

/** Stores (or refreshes) one file as a document and returns its id and path. */
function ingestFile(db: Db, file: string): { id: number; path: string } {
  const bytes = readDocumentBytes(file);
  if (!Buffer.isBuffer(bytes)) throw new PalignError(`${file}: ${bytes.reason}`);
  const root = canonicalFolder(path.dirname(file));
  const rel = path.basename(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (storedHashes(db, root).get(rel) === sha256) {
    const row = db.prepare(`SELECT id FROM documents WHERE root = ? AND path = ?`).get(root, rel) as { id: number };
    return { id: row.id, path: rel };
  }
  const doc = readDocument(root, rel, bytes, sha256);
  if (!('sha256' in doc)) throw new PalignError(`${file}: ${doc.reason}`);
  return { id: putDocument(db, doc), path: rel };
}

export function alignFiles(db: Db, enFile: string, ruFile: string, options: { dictionary?: Lexicon } = {}): StoredPair {
  const pairId = db.transaction(() => {
    const en = ingestFile(db, enFile);
    const ru = ingestFile(db, ruFile);
    setManualPair(db, en.path, ru.path);
    return putPair(db, { enId: en.id, ruId: ru.id, score: 1, manual: true, evidence: { numbers: [], names: [], titleSimilarity: 0, lengthRatio: 0 } });
  })();
  align(db, { dictionary: options.dictionary });
  return getPair(db, pairId) as StoredPair;
}
