/**
 * Concordance queries: turning what a user types into an FTS5 expression, and showing a hit in
 * its context (KWIC). Pure; the SQL is in store/search.ts.
 */

/** Characters and words that make a query an FTS5 expression rather than plain words. */
const FTS_SYNTAX = /["*()^:+{}]|\b(?:AND|OR|NOT|NEAR)\b/;
const WORD = /[\p{L}\p{N}_]+/gu;
/** Marks a highlighted hit in text coming back from FTS5 `highlight()`; never typed by a user. */
export const HIT_OPEN = '\u0002';
export const HIT_CLOSE = '\u0003';

export interface ParsedQuery {
  /** The FTS5 expression for the word index (unicode61). */
  words: string;
  /** The FTS5 expression for the substring index (trigram), when the query is plain words of ≥ 3 characters. */
  substrings: string | null;
  /** True when the user wrote FTS5 syntax themselves. */
  advanced: boolean;
}

/**
 * Plain words (`ускор`, `KAMAZ engines`) become prefix terms (`"ускор"* AND "KAMAZ"*`) plus a
 * substring search; a query with FTS5 syntax (phrases, `*`, AND/OR/NOT, NEAR) is passed as written.
 * Returns null when the query has no searchable word.
 */
export function parseQuery(text: string): ParsedQuery | null {
  if (FTS_SYNTAX.test(text)) return { words: text, substrings: null, advanced: true };
  const terms = text.match(WORD) ?? [];
  if (terms.length === 0) return null;
  return {
    words: terms.map((t) => `"${t}"*`).join(' AND '),
    substrings: terms.every((t) => [...t].length >= 3) ? terms.map((t) => `"${t}"`).join(' AND ') : null,
    advanced: false,
  };
}

export interface Marked {
  text: string;
  /** [start, end) character offsets of the hits in `text`. */
  hits: Array<[number, number]>;
}

/** Splits FTS5 `highlight()` output into the plain text and the hit offsets. */
export function unmark(marked: string): Marked {
  const hits: Array<[number, number]> = [];
  let text = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === HIT_OPEN) open = text.length;
    else if (ch === HIT_CLOSE) {
      if (open >= 0) hits.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, hits };
}

/**
 * A keyword-in-context line: the first hit centred in `width` characters, with `wrap` around
 * each hit (e.g. ANSI colour or brackets). Without hits, the start of the text.
 */
export function kwic(marked: Marked, width: number, wrap: (hit: string) => string): string {
  const { text, hits } = marked;
  if (hits.length === 0) return text.length > width ? `${text.slice(0, width - 1)}…` : text;
  const [first, firstEnd] = hits[0];
  const side = Math.max(10, Math.floor((width - (firstEnd - first)) / 2));
  const from = Math.max(0, first - side);
  const to = Math.min(text.length, firstEnd + side);
  let out = from > 0 ? '…' : '';
  let at = from;
  for (const [s, e] of hits) {
    if (s < from || e > to) continue;
    out += text.slice(at, s) + wrap(text.slice(s, e));
    at = e;
  }
  out += text.slice(at, to) + (to < text.length ? '…' : '');
  return out;
}
