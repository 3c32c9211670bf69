/** Full-text search over the units (FTS5 tables `units_fts` and `units_tri`). */
import { EXIT_USAGE, PalignError } from '../errors.js';
import { containsLiteral, foldForMatch, HIT_CLOSE, HIT_OPEN, parseQuery, unmark, type Marked } from '../query.js';
import type { Db } from './open.js';

export interface SearchOptions {
  lang: 'en' | 'ru' | 'any';
  docId?: number;
  minScore?: number;
  limit: number;
}

export interface SearchHit {
  unitId: number;
  pairId: number;
  bead: string;
  score: number;
  enDoc: string;
  ruDoc: string;
  en: Marked;
  ru: Marked;
}

interface HitRow {
  id: number;
  pairId: number;
  bead: string;
  score: number;
  enDoc: string;
  ruDoc: string;
  en: string;
  ru: string;
}


/**
 * Whether a row holds every literal term (see `parseQuery`) on the side searched; the word index
 * found their parts, this checks the punctuation between them.
 */
function holdsLiterals(row: HitRow, literals: readonly string[], lang: SearchOptions['lang']): boolean {
  if (literals.length === 0) return true;
  const sides = [lang !== 'ru' ? row.en : null, lang !== 'en' ? row.ru : null].filter((s): s is string => s !== null).map((s) => foldForMatch(unmark(s).text));
  return literals.every((literal) => sides.some((side) => containsLiteral(side, literal)));
}

/** Rows of `table` matching `expression` that `accept` keeps, best first, at most `options.limit`. */
function searchIndex(db: Db, table: 'units_fts' | 'units_tri', expression: string, options: SearchOptions, exclude: ReadonlySet<number>, accept: (row: HitRow) => boolean = () => true): HitRow[] {
  const column = options.lang === 'any' ? table : `${table}.${options.lang}_text`;
  const where = [`${column} MATCH @expression`];
  if (options.minScore !== undefined) where.push('u.score >= @minScore');
  if (options.docId !== undefined) where.push('(p.en_doc = @docId OR p.ru_doc = @docId)');
  const sql = `
    SELECT u.id, u.pair_id AS pairId, u.bead, u.score, e.path AS enDoc, r.path AS ruDoc,
      highlight(${table}, 0, '${HIT_OPEN}', '${HIT_CLOSE}') AS en,
      highlight(${table}, 1, '${HIT_OPEN}', '${HIT_CLOSE}') AS ru
    FROM ${table} JOIN units u ON u.id = ${table}.rowid JOIN doc_pairs p ON p.id = u.pair_id
    JOIN documents e ON e.id = p.en_doc JOIN documents r ON r.id = p.ru_doc
    WHERE ${where.join(' AND ')}
    ORDER BY rank`;
  try {
    // Rows stream best first, so only as many are read as it takes to fill the limit.
    const rows: HitRow[] = [];
    const found = db.prepare(sql).iterate({ expression, minScore: options.minScore, docId: options.docId }) as IterableIterator<HitRow>;
    for (const row of found) {
      if (exclude.has(row.id) || !accept(row)) continue;
      rows.push(row);
      if (rows.length >= options.limit) break;
    }
    return rows;
  } catch (error) {
    // Every SQLITE_ERROR here comes from the MATCH expression: the SQL itself is fixed.
    if ((error as { code?: string }).code === 'SQLITE_ERROR') {
      const reason = (error as Error).message.replace(/\s+/g, ' ').trim();
      throw new PalignError(`query: cannot parse ${JSON.stringify(expression)} (${reason}); quote a phrase with "..." or drop the operators`, EXIT_USAGE);
    }
    throw error;
  }
}

/**
 * Units whose text matches `text`: word and prefix hits first (case and diacritics folded),
 * then substring hits, each with its hits marked.
 */
export function search(db: Db, text: string, options: SearchOptions): SearchHit[] {
  const query = parseQuery(text);
  if (!query) throw new PalignError(`query: ${JSON.stringify(text)} has no word to search for`, EXIT_USAGE);
  const rows = searchIndex(db, 'units_fts', query.words, options, new Set(), (row) => holdsLiterals(row, query.literals, options.lang));
  if (query.substrings && rows.length < options.limit) {
    const seen = new Set(rows.map((r) => r.id));
    rows.push(...searchIndex(db, 'units_tri', query.substrings, { ...options, limit: options.limit - rows.length }, seen));
  }
  return rows.slice(0, options.limit).map((r) => ({
    unitId: r.id, pairId: r.pairId, bead: r.bead, score: r.score, enDoc: r.enDoc, ruDoc: r.ruDoc,
    en: unmark(r.en), ru: unmark(r.ru),
  }));
}
