/**
 * Concordance queries: turning what a user types into an FTS5 expression, and showing a hit in
 * its context (KWIC). Pure; the SQL is in store/search.ts.
 */

/**
 * Characters and words that make a query an FTS5 expression rather than plain words. A colon
 * only after a column name (`en_text:Moscow`): elsewhere it is punctuation (`10:30`, `Moscow:`).
 */
const FTS_SYNTAX = /["*()^+{}]|\b(?:AND|OR|NOT|NEAR)\b|\b(?:en_text|ru_text)\s*:/;
/** Russian е and ё, either case: ё is optional in Russian spelling, so each stands for both. */
const YO = /[еёЕЁ]/gu;
/**
 * Pieces of a query with FTS5 syntax: a quoted string (maybe unterminated), a parenthesis, a comma
 * (NEAR's distance), a brace or colon (column sets), a column filter, whitespace, or a run of
 * anything else (a bareword).
 */
const FTS_PIECE = /"(?:[^"]|"")*"?|[(),{}:]|\b(?:en_text|ru_text)\s*:|\s+|[^\s(),{}:"]+/gu;
/** What FTS5 takes as a bareword: letters, digits, `_` and non-ASCII, after an optional `^`, before an optional `*`. */
const FTS_BAREWORD = /^\^?[\p{L}\p{N}_\u0080-\u{10FFFF}]+\*?$/u;
/** FTS5 operators, which must stay barewords; `+` joins phrases. */
const FTS_OPERATOR = /^(?:AND|OR|NOT|NEAR|\+)$/;
/**
 * Most е/ё letters in a term that are each tried both ways (2^n variants); a longer term is
 * searched as typed and with every ё as е, which covers text that writes no ё at all.
 */
const MAX_YO_LETTERS = 4;
const WORD = /[\p{L}\p{N}_]+/gu;
/** A number: matched as a whole token, since `19` is not meant to find 1994. */
const NUMBER = /^\p{Nd}+$/u;
/** Punctuation around a term that only frames it (`units;`, `'Moscow'`, `U.S.` at a sentence end). */
const FRAMING = /^[.,;:!?…'"«»“”„‘’\[\]<>\-–—]+|[.,;:!?…'"«»“”„‘’\[\]<>\-–—]+$/gu;
/** Letters and digits: what the word index keeps of a term. */
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Shortest term the trigram index can search for. */
const TRIGRAM = 3;
/** Marks a highlighted hit in text coming back from FTS5 `highlight()`; never typed by a user. */
export const HIT_OPEN = '\u0002';
export const HIT_CLOSE = '\u0003';

export interface ParsedQuery {
  /** The FTS5 expression for the word index (unicode61). */
  words: string;
  /** The FTS5 expression for the substring index (trigram), when the query is plain words of ≥ 3 letters. */
  substrings: string | null;
  /**
   * Terms with punctuation inside (`U.S.`, `a-b`, `$19`, `5%`), case and marks folded as
   * `foldForMatch` does: a hit must contain each as written, which the word index cannot check.
   */
  literals: string[];
  /** True when the user wrote FTS5 syntax themselves. */
  advanced: boolean;
}

/** One whitespace-separated query term, read. */
interface Term {
  /** The FTS5 expression for it. */
  fts: string;
  /** The FTS5 expression for the substring (trigram) index: the same without the prefix star. */
  substringFts: string;
  /** Plain letters, long enough for the substring index. */
  substring: boolean;
  /** The folded text a hit must contain, for a term with punctuation inside. */
  literal: string | null;
}

/**
 * Reads one term: a plain word is a prefix (`ускор` → `"ускор"*`), a number a whole token
 * (`1994` → `"1994"`), and a term with punctuation inside (`U.S.`, `a-b`, `$19`, `5%`) the
 * phrase of its parts (`"U S"*`), its last part a prefix unless it is a number, which the text
 * must also contain as written. Null for a term with nothing to search for (`--`).
 */
function readTerm(raw: string): Term | null {
  const core = raw.replace(FRAMING, '');
  const parts = core.match(WORD) ?? [];
  if (parts.length === 0) return null;
  const last = parts[parts.length - 1];
  const variants = yoVariants(parts.join(' '));
  const star = NUMBER.test(last) ? '' : '*';
  const fts = anyOf(variants.map((v) => `"${v}"${star}`));
  const substringFts = anyOf(variants.map((v) => `"${v}"`));
  if (parts.length === 1 && parts[0] === core) {
    return { fts, substringFts, substring: !NUMBER.test(core) && [...core].length >= TRIGRAM, literal: null };
  }
  return { fts, substringFts, substring: false, literal: foldForMatch(core) };
}

/** One FTS5 alternative, or several in parentheses joined by OR. */
function anyOf(alternatives: readonly string[]): string {
  return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
}

/**
 * The spellings of `text` with each Russian е/ё written either way (`ещё` → `ещё`, `еще`), the
 * text as typed first: the word index tells ё from е (its diacritic folding is for Latin letters
 * only), while Russian text writes ё or е at will. Text without е/ё is its only variant.
 */
export function yoVariants(text: string): string[] {
  const positions = [...text.matchAll(YO)].map((m) => m.index);
  if (positions.length === 0) return [text];
  const asE = text.replace(/ё/gu, 'е').replace(/Ё/gu, 'Е');
  if (positions.length > MAX_YO_LETTERS) return asE === text ? [text] : [text, asE];
  // UTF-16 units, as `matchAll` counts them: е and ё are one unit each, other text is put back as it was.
  const chars = text.split('');
  const variants = new Set<string>([text]);
  for (let mask = 0; mask < 2 ** positions.length; mask++) {
    positions.forEach((at, bit) => {
      const upper = chars[at] === 'Е' || chars[at] === 'Ё';
      chars[at] = mask & (2 ** bit) ? (upper ? 'Ё' : 'ё') : upper ? 'Е' : 'е';
    });
    variants.add(chars.join(''));
  }
  return [...variants];
}

/**
 * Plain words (`ускор`, `KAMAZ engines`) become prefix terms (`"ускор"* AND "KAMAZ"*`) plus a
 * substring search; numbers match whole tokens, and terms with punctuation inside become phrases
 * that must also occur as written (see `readTerm`). A query with FTS5 syntax (phrases, `*`,
 * AND/OR/NOT, NEAR) is passed as written. Returns null when the query has no searchable word.
 */
export function parseQuery(text: string): ParsedQuery | null {
  if (FTS_SYNTAX.test(text)) return { words: quoteBarewords(text), substrings: null, literals: [], advanced: true };
  const terms = text.split(/\s+/).map(readTerm).filter((t): t is Term => t !== null);
  if (terms.length === 0) return null;
  return {
    words: terms.map((t) => t.fts).join(' AND '),
    substrings: terms.every((t) => t.substring) ? terms.map((t) => t.substringFts).join(' AND ') : null,
    literals: terms.flatMap((t) => (t.literal === null ? [] : [t.literal])),
    advanced: false,
  };
}

/**
 * A query with FTS5 syntax with each bareword FTS5 cannot read (`U.S.`, `Russia's`, `COVID-19`,
 * `$19`, `AT&T`) written as a phrase of its words (`"U.S."` finds `U.S.`), and punctuation that
 * stands alone between terms (`&`, `-`) dropped; a trailing `*` stays a prefix. Phrases, operators,
 * parentheses and column filters are kept as typed, so a query that was valid means the same.
 */
export function quoteBarewords(query: string): string {
  const pieces = query.match(FTS_PIECE) ?? [];
  let previous = '';
  return pieces.map((piece) => {
    // A colon closes a column set (`{en_text ru_text}:`); after a word (`Moscow:`) it is punctuation.
    const read = piece === ':' && previous !== '}' ? '' : readPiece(piece);
    if (piece.trim() !== '') previous = piece;
    return read;
  }).join('');
}

/** One piece of an FTS5 query (see FTS_PIECE) as FTS5 can read it. */
function readPiece(piece: string): string {
  if (/^["(),{}:\s]/u.test(piece) || /^(?:en_text|ru_text)\s*:$/u.test(piece) || FTS_OPERATOR.test(piece) || FTS_BAREWORD.test(piece)) return piece;
  const prefix = piece.endsWith('*') ? '*' : '';
  const core = piece.slice(0, piece.length - prefix.length).replace(FRAMING, '');
  if (!WORD_CHAR.test(core)) return '';
  if (FTS_BAREWORD.test(core)) return core + prefix;
  return `"${core.replace(/"/g, '""')}"${prefix}`;
}

/**
 * Text as literal terms are compared: lower case without diacritics (as the word index folds
 * them), one apostrophe, one hyphen, single spaces, `5 %` written `5%` and a decimal comma
 * (`19,5`, Russian) as a point.
 */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ′`]/gu, "'")
    .replace(/[‐‑‒–—−]/gu, '-')
    .replace(/\s+/gu, ' ')
    .replace(/(\p{N}) (?=[%‰])/gu, '$1')
    .replace(/(\p{N}),(?=\p{N})/gu, '$1.');
}

/**
 * Whether folded `text` contains the folded literal as a term: not inside a longer word
 * (`5%` is not in `55%`), and not followed by more digits when it ends in one (`$19` is not `$190`).
 */
export function containsLiteral(text: string, literal: string): boolean {
  const escaped = literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = WORD_CHAR.test(literal[0] ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
  const after = /\p{N}$/u.test(literal) ? '(?!\\p{N})' : '';
  return new RegExp(`${before}${escaped}${after}`, 'u').test(text);
}

export interface Marked {
  text: string;
  /** [start, end) offsets of the hits in `text`, in UTF-16 units (`text.slice(start, end)` is the hit). */
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

/** Whether the UTF-16 unit at `at` is the second half of a surrogate pair (an emoji, 𝔘, …). */
function insidePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && /[\uDC00-\uDFFF]/.test(text[at]!) && /[\uD800-\uDBFF]/.test(text[at - 1]!);
}

/** `at` moved back to the start of the character it falls in, so a slice there never cuts one in half. */
function charBoundary(text: string, at: number): number {
  return insidePair(text, at) ? at - 1 : at;
}

/**
 * A keyword-in-context line: the first hit centred in `width` characters, with `wrap` around
 * each hit (e.g. ANSI colour or brackets). Without hits, the start of the text. The cuts fall
 * between characters, never inside an emoji's surrogate pair.
 */
export function kwic(marked: Marked, width: number, wrap: (hit: string) => string): string {
  const { text, hits } = marked;
  if (hits.length === 0) return text.length > width ? `${text.slice(0, charBoundary(text, width - 1))}…` : text;
  const [first, firstEnd] = hits[0];
  const side = Math.max(10, Math.floor((width - (firstEnd - first)) / 2));
  const from = charBoundary(text, Math.max(0, first - side));
  const to = charBoundary(text, Math.min(text.length, firstEnd + side));
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

/**
 * The hits of `marked` as code-point offsets (`Marked` counts UTF-16 units, as JavaScript strings
 * do): what `query --json` prints, so that Python's `text[s:e]` and jq's `.[s:e]` find the hit
 * also in text with emoji or other characters outside the Basic Multilingual Plane.
 */
export function codePointHits(marked: Marked): Array<[number, number]> {
  const at = (offset: number): number => [...marked.text.slice(0, offset)].length;
  return marked.hits.map(([start, end]) => [at(start), at(end)]);
}
