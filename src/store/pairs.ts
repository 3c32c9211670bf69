/** The `doc_pairs` table and the user's overrides (`manual_pairs`, `unpaired`). */
import type { DocPair, PairEvidence } from '../types.js';
import type { Db } from './open.js';

export interface StoredPair extends DocPair {
  id: number;
  enPath: string;
  ruPath: string;
  aligned: boolean;
  checked: boolean;
}

interface PairRow {
  id: number;
  en_doc: number;
  ru_doc: number;
  score: number;
  manual: number;
  evidence: string;
  aligned: number;
  checked: number;
  en_path: string;
  ru_path: string;
}

const SELECT_PAIRS = `
  SELECT p.*, e.path AS en_path, r.path AS ru_path
  FROM doc_pairs p JOIN documents e ON e.id = p.en_doc JOIN documents r ON r.id = p.ru_doc`;

function fromRow(row: PairRow): StoredPair {
  return {
    id: row.id,
    enId: row.en_doc,
    ruId: row.ru_doc,
    score: row.score,
    manual: row.manual === 1,
    evidence: JSON.parse(row.evidence) as PairEvidence,
    aligned: row.aligned === 1,
    checked: row.checked === 1,
    enPath: row.en_path,
    ruPath: row.ru_path,
  };
}

export function listPairs(db: Db): StoredPair[] {
  return (db.prepare(`${SELECT_PAIRS} ORDER BY e.path`).all() as PairRow[]).map(fromRow);
}

export function getPair(db: Db, id: number): StoredPair | undefined {
  const row = db.prepare(`${SELECT_PAIRS} WHERE p.id = ?`).get(id) as PairRow | undefined;
  return row && fromRow(row);
}

/**
 * Makes the stored pairs exactly `pairs`. A pair that is already stored with the same two
 * documents keeps its row, and so its alignment; the others are replaced.
 * Returns how many pairs were added and removed.
 */
export function replacePairs(db: Db, pairs: readonly DocPair[]): { added: number; removed: number; kept: number } {
  const wanted = new Map(pairs.map((p) => [`${p.enId}:${p.ruId}`, p]));
  let removed = 0;
  let kept = 0;
  const update = db.prepare(`UPDATE doc_pairs SET score = ?, manual = ?, evidence = ? WHERE id = ?`);
  for (const stored of listPairs(db)) {
    const key = `${stored.enId}:${stored.ruId}`;
    const next = wanted.get(key);
    if (next) {
      update.run(next.score, next.manual ? 1 : 0, JSON.stringify(next.evidence), stored.id);
      wanted.delete(key);
      kept++;
    } else {
      db.prepare(`DELETE FROM doc_pairs WHERE id = ?`).run(stored.id);
      removed++;
    }
  }
  const insert = db.prepare(`INSERT INTO doc_pairs (en_doc, ru_doc, score, manual, evidence) VALUES (?, ?, ?, ?, ?)`);
  for (const p of wanted.values()) insert.run(p.enId, p.ruId, p.score, p.manual ? 1 : 0, JSON.stringify(p.evidence));
  return { added: wanted.size, removed, kept };
}

/** The pairs the user made, by path. */
export function manualPairs(db: Db): Array<{ enPath: string; ruPath: string }> {
  return db.prepare(`SELECT en_path AS enPath, ru_path AS ruPath FROM manual_pairs`).all() as Array<{ enPath: string; ruPath: string }>;
}

/** The paths the user unpaired. */
export function unpairedPaths(db: Db): Set<string> {
  return new Set((db.prepare(`SELECT path FROM unpaired`).all() as Array<{ path: string }>).map((r) => r.path));
}

/** Records that the user pairs these two documents, replacing earlier decisions about either. */
export function setManualPair(db: Db, enPath: string, ruPath: string): void {
  db.prepare(`DELETE FROM manual_pairs WHERE en_path IN (?, ?) OR ru_path IN (?, ?)`).run(enPath, ruPath, enPath, ruPath);
  db.prepare(`DELETE FROM unpaired WHERE path IN (?, ?)`).run(enPath, ruPath);
  db.prepare(`INSERT INTO manual_pairs (en_path, ru_path) VALUES (?, ?)`).run(enPath, ruPath);
}

/** Records that the user wants this document left unpaired. */
export function setUnpaired(db: Db, docPath: string): void {
  db.prepare(`DELETE FROM manual_pairs WHERE en_path = ? OR ru_path = ?`).run(docPath, docPath);
  db.prepare(`INSERT OR IGNORE INTO unpaired (path) VALUES (?)`).run(docPath);
}

export function markAligned(db: Db, pairId: number, aligned: boolean): void {
  db.prepare(`UPDATE doc_pairs SET aligned = ?, checked = 0 WHERE id = ?`).run(aligned ? 1 : 0, pairId);
}

export function markChecked(db: Db, pairId: number): void {
  db.prepare(`UPDATE doc_pairs SET checked = 1 WHERE id = ?`).run(pairId);
}

/** Stores one pair, replacing any pair either document was in. Returns its id. */
export function putPair(db: Db, pair: DocPair): number {
  const existing = db.prepare(`SELECT id FROM doc_pairs WHERE en_doc = ? AND ru_doc = ?`).get(pair.enId, pair.ruId) as { id: number } | undefined;
  if (existing) return existing.id;
  db.prepare(`DELETE FROM doc_pairs WHERE en_doc = ? OR ru_doc = ?`).run(pair.enId, pair.ruId);
  const result = db
    .prepare(`INSERT INTO doc_pairs (en_doc, ru_doc, score, manual, evidence) VALUES (?, ?, ?, ?, ?)`)
    .run(pair.enId, pair.ruId, pair.score, pair.manual ? 1 : 0, JSON.stringify(pair.evidence));
  return Number(result.lastInsertRowid);
}
