/** The `meta` table: corpus-level models (length model, lexicon) one stage learns and the next reuses. */
import type { Db } from './open.js';

export function getMeta<T>(db: Db, key: string): T | undefined {
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(key) as { value: string } | undefined;
  return row && (JSON.parse(row.value) as T);
}

export function setMeta(db: Db, key: string, value: unknown): void {
  db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(key, JSON.stringify(value));
}
