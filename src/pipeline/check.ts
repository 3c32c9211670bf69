/** `palign check`: run the discrepancy checks over every aligned pair and store the flags. */
import { atLeast, checkUnits, corpusVocabulary, lengthNorm, renderReport, type AlignedUnit, type CheckOptions, type Flag, type Severity } from '../check/index.js';
import { progress } from '../progress.js';
import { storedLexicon } from './align.js';
import { getDocument } from '../store/documents.js';
import type { Db } from '../store/open.js';
import { listPairs, markChecked } from '../store/pairs.js';
import { listFlags, listUnits, putFlags, type PairUnit } from '../store/units.js';

export interface CheckSummary {
  pairs: number;
  units: number;
  flagged: number;
  flags: Record<string, number>;
}

/**
 * Stored units as the checks take them; `ruOrder` (where the Russian side starts in its document)
 * lets quotes and brackets be read in Russian document order when a unit was recovered across the path.
 */
export function toAlignedUnits(units: readonly PairUnit[]): AlignedUnit[] {
  return units.map((u) => ({ index: u.idx, en: u.en, ru: u.ru, score: u.score, bead: u.bead, ...(u.ruFirst === null ? {} : { ruOrder: u.ruFirst }) }));
}

/**
 * Checks the aligned pairs not checked yet (all with `force`, which is also what changed options
 * need). The length norm is estimated over the whole corpus.
 */
export function check(db: Db, options: CheckOptions & { force?: boolean } = {}): CheckSummary {
  const pairs = listPairs(db).filter((p) => p.aligned);
  const todo = pairs.filter((p) => options.force || !p.checked);
  if (todo.length === 0) return { pairs: 0, units: 0, ...storedFlagCounts(db) };
  // Corpus-level evidence: the length norm, the words each side writes in lower case (so a
  // title-cased common word is not taken for a name) and the lexicon alignment learned.
  const corpus = db.prepare(`SELECT en_text AS en, ru_text AS ru FROM units WHERE en_text <> '' AND ru_text <> ''`).all() as Array<{ en: string; ru: string }>;
  const corpusOptions: CheckOptions = { lengthRatio: lengthNorm(corpus), vocabulary: corpusVocabulary(corpus), lexicon: storedLexicon(db) };
  const summary: CheckSummary = { pairs: 0, units: 0, flagged: 0, flags: {} };
  const bar = progress('check', todo.length);
  const store = db.transaction((pairId: number, flagged: Array<{ index: number; flags: Flag[] }>) => {
    putFlags(db, pairId, flagged.flatMap(({ index, flags }) => flags.map((f) => ({ ...f, unitIdx: index }))));
    markChecked(db, pairId);
  });
  for (const pair of todo) {
    bar.tick(pair.enPath);
    const units = toAlignedUnits(listUnits(db, pair.id));
    const flagged = checkUnits(units, { ...corpusOptions, ...options });
    store(pair.id, flagged);
    summary.pairs++;
    summary.units += units.length;
  }
  bar.done();
  return { ...summary, ...storedFlagCounts(db) };
}

/** The stored flags: units flagged and flags per kind, over the whole corpus. */
function storedFlagCounts(db: Db): Pick<CheckSummary, 'flagged' | 'flags'> {
  const rows = db.prepare(`SELECT kind, count(*) AS n FROM flags GROUP BY kind`).all() as Array<{ kind: string; n: number }>;
  const flags: Record<string, number> = {};
  for (const r of rows) flags[r.kind] = r.n;
  return { flagged: (db.prepare(`SELECT count(DISTINCT unit_id) AS n FROM flags`).get() as { n: number }).n, flags };
}

/** The HTML report of every aligned pair: units side by side, flags of `least` severity or more highlighted. */
export function checkReport(db: Db, least: Severity = 'info'): string {
  const pairs = listPairs(db).filter((p) => p.aligned);
  return renderReport(
    pairs.map((p) => {
      const units = listUnits(db, p.id);
      const idxOf = new Map(units.map((u) => [u.id, u.idx]));
      const byIdx = new Map<number, Flag[]>();
      for (const { unitId, ...flag } of listFlags(db, p.id)) {
        if (!atLeast(flag.severity, least)) continue;
        const idx = idxOf.get(unitId) as number;
        byIdx.set(idx, [...(byIdx.get(idx) ?? []), flag]);
      }
      return {
        title: getDocument(db, p.enId)?.title ?? getDocument(db, p.ruId)?.title ?? `${p.enPath} ↔ ${p.ruPath}`,
        enPath: p.enPath,
        ruPath: p.ruPath,
        units: toAlignedUnits(units),
        unitIds: new Map(units.map((u) => [u.idx, u.id])),
        flags: [...byIdx].map(([index, flags]) => ({ index, flags })),
      };
    }),
  );
}
