/** Corpus figures for `palign stats`. */
import type { Db } from './open.js';

export interface CorpusStats {
  documents: Record<string, number>;
  pairs: number;
  aligned: number;
  units: number;
  beads: Record<string, number>;
  /** Units with both sides, by score decile: `0.0` counts scores in [0, 0.1), …, `0.9` [0.9, 1]. */
  scores: Record<string, number>;
  flags: Record<string, number>;
}

function counts(db: Db, sql: string): Record<string, number> {
  const rows = db.prepare(sql).all() as Array<{ k: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.k, r.n]));
}

export function corpusStats(db: Db): CorpusStats {
  const scalar = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const scores = counts(
    db,
    `SELECT printf('%.1f', min(9, CAST(score * 10 AS INTEGER)) / 10.0) AS k, count(*) AS n
     FROM units WHERE en_text <> '' AND ru_text <> '' GROUP BY k ORDER BY k`,
  );
  return {
    documents: counts(db, `SELECT lang AS k, count(*) AS n FROM documents GROUP BY lang ORDER BY lang`),
    pairs: scalar(`SELECT count(*) AS n FROM doc_pairs`),
    aligned: scalar(`SELECT count(*) AS n FROM doc_pairs WHERE aligned = 1`),
    units: scalar(`SELECT count(*) AS n FROM units`),
    beads: counts(db, `SELECT bead AS k, count(*) AS n FROM units GROUP BY bead ORDER BY n DESC`),
    scores,
    flags: counts(db, `SELECT kind AS k, count(*) AS n FROM flags GROUP BY kind ORDER BY n DESC`),
  };
}
