/** The `segments`, `units` and `flags` tables: a document pair's alignment and its check results. */
import type { Flag } from '../check/index.js';
import type { Bead, Segment } from '../types.js';
import type { Db } from './open.js';

/** One stored bead with its text, as export, check and query read it. */
export interface Unit {
  id: number;
  pairId: number;
  idx: number;
  bead: string;
  en: string;
  ru: string;
  score: number;
  created: string;
}

/** A stored check result, with the unit it belongs to. */
export interface StoredFlag extends Flag {
  unitId: number;
}

/** The text of the sentences a bead covers on one side, joined by a space. */
function joinSide(segments: readonly Segment[], indices: readonly number[]): string {
  return indices.map((i) => segments[i].text).join(' ');
}

/**
 * Replaces the stored alignment of a document pair: its two documents' segments and its units.
 * Flags of the old units go with them.
 */
export function putAlignment(
  db: Db,
  pair: { id: number; enId: number; ruId: number },
  en: readonly Segment[],
  ru: readonly Segment[],
  beads: readonly Bead[],
  created = new Date().toISOString(),
): void {
  db.prepare(`DELETE FROM units WHERE pair_id = ?`).run(pair.id);
  const insertSegment = db.prepare(
    `INSERT INTO segments (doc_id, idx, paragraph, start, end, text) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const [docId, segments] of [[pair.enId, en], [pair.ruId, ru]] as const) {
    db.prepare(`DELETE FROM segments WHERE doc_id = ?`).run(docId);
    for (const s of segments) insertSegment.run(docId, s.index, s.paragraph, s.start, s.end, s.text);
  }
  const insertUnit = db.prepare(
    `INSERT INTO units (pair_id, idx, bead, en_first, en_last, ru_first, ru_last, en_text, ru_text, score, created)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  beads.forEach((b, idx) => {
    insertUnit.run(
      pair.id, idx, `${b.src.length}-${b.tgt.length}`,
      b.src[0] ?? null, b.src.at(-1) ?? null, b.tgt[0] ?? null, b.tgt.at(-1) ?? null,
      joinSide(en, b.src), joinSide(ru, b.tgt), b.score, created,
    );
  });
}

/** The stored segments of a document, in order. */
export function listSegments(db: Db, docId: number): Segment[] {
  return db
    .prepare(`SELECT idx AS "index", text, start, end, paragraph FROM segments WHERE doc_id = ? ORDER BY idx`)
    .all(docId) as Segment[];
}

const UNIT_COLUMNS = `u.id, u.pair_id AS pairId, u.idx, u.bead, u.en_text AS en, u.ru_text AS ru, u.score, u.created`;

/** A unit of a document pair with where its Russian side starts in the Russian document. */
export interface PairUnit extends Unit {
  /**
   * Index of the unit's first Russian sentence, null for a 1-0 unit. Units follow the English
   * order; a sentence pair recovered across the alignment path (a moved paragraph) breaks the Russian one.
   */
  ruFirst: number | null;
}

/** The units of one document pair, in document (English) order. */
export function listUnits(db: Db, pairId: number): PairUnit[] {
  return db.prepare(`SELECT ${UNIT_COLUMNS}, u.ru_first AS ruFirst FROM units u WHERE u.pair_id = ? ORDER BY u.idx`).all(pairId) as PairUnit[];
}

/** Filters for streaming units out of the store. */
export interface UnitFilter {
  minScore?: number;
  includeUnaligned?: boolean;
  /** Only the pair containing this document id. */
  docId?: number;
}

/** A unit with the paths of its two documents. */
export interface UnitWithDocs extends Unit {
  enDoc: string;
  ruDoc: string;
}

/**
 * Every unit matching `filter`, streamed row by row from SQLite so memory stays flat
 * however large the corpus.
 */
export function iterateUnits(db: Db, filter: UnitFilter = {}): IterableIterator<UnitWithDocs> {
  const where: string[] = [];
  const params: Record<string, number> = {};
  if (!filter.includeUnaligned) where.push(`u.en_text <> '' AND u.ru_text <> ''`);
  if (filter.minScore !== undefined) {
    where.push(`(u.score >= @minScore OR u.en_text = '' OR u.ru_text = '')`);
    params.minScore = filter.minScore;
  }
  if (filter.docId !== undefined) {
    where.push(`(p.en_doc = @docId OR p.ru_doc = @docId)`);
    params.docId = filter.docId;
  }
  const sql = `
    SELECT ${UNIT_COLUMNS}, e.path AS enDoc, r.path AS ruDoc
    FROM units u JOIN doc_pairs p ON p.id = u.pair_id
    JOIN documents e ON e.id = p.en_doc JOIN documents r ON r.id = p.ru_doc
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.path, u.idx`;
  return db.prepare(sql).iterate(params) as IterableIterator<UnitWithDocs>;
}

/**
 * How many units with both sides score below `minScore` (in the pair of `docId` when given): what
 * an export with that cut leaves out, so its summary can say so.
 */
export function countUnitsBelow(db: Db, minScore: number, docId?: number): number {
  const inDoc = docId === undefined ? '' : `AND (p.en_doc = @docId OR p.ru_doc = @docId)`;
  const row = db.prepare(
    `SELECT count(*) AS n FROM units u JOIN doc_pairs p ON p.id = u.pair_id
     WHERE u.en_text <> '' AND u.ru_text <> '' AND u.score < @minScore ${inDoc}`,
  ).get(docId === undefined ? { minScore } : { minScore, docId }) as { n: number };
  return row.n;
}

/** When the newest unit (of the pair of `docId` when given) was aligned, or null when there is none. */
export function newestUnitTime(db: Db, docId?: number): Date | null {
  const inDoc = docId === undefined ? '' : 'WHERE p.en_doc = @docId OR p.ru_doc = @docId';
  const row = db.prepare(`SELECT max(u.created) AS created FROM units u JOIN doc_pairs p ON p.id = u.pair_id ${inDoc}`)
    .get(docId === undefined ? {} : { docId }) as { created: string | null };
  return row.created === null ? null : new Date(row.created);
}

/** Replaces the flags of a document pair's units. */
export function putFlags(db: Db, pairId: number, flags: ReadonlyArray<Flag & { unitIdx: number }>): void {
  db.prepare(`DELETE FROM flags WHERE unit_id IN (SELECT id FROM units WHERE pair_id = ?)`).run(pairId);
  const unitIds = new Map(listUnits(db, pairId).map((u) => [u.idx, u.id]));
  const insert = db.prepare(`INSERT INTO flags (unit_id, kind, severity, message, en, ru) VALUES (?, ?, ?, ?, ?, ?)`);
  for (const f of flags) {
    const unitId = unitIds.get(f.unitIdx);
    if (unitId !== undefined) insert.run(unitId, f.kind, f.severity, f.message, JSON.stringify(f.en), JSON.stringify(f.ru));
  }
}

/** The flags of a document pair's units, in unit order. */
export function listFlags(db: Db, pairId: number): StoredFlag[] {
  const rows = db
    .prepare(
      `SELECT f.unit_id AS unitId, f.kind, f.severity, f.message, f.en, f.ru
       FROM flags f JOIN units u ON u.id = f.unit_id WHERE u.pair_id = ? ORDER BY u.idx, f.id`,
    )
    .all(pairId) as Array<Omit<StoredFlag, 'en' | 'ru'> & { en: string; ru: string }>;
  return rows.map((r) => ({ ...r, en: JSON.parse(r.en) as string[], ru: JSON.parse(r.ru) as string[] }));
}
