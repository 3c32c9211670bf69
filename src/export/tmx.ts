/**
 * TMX 1.4b writer. Element order follows tmx14.dtd: in <tu> the props come before the <tuv>s.
 * Unaligned units (one empty side, only with `includeUnaligned`) become a <tu> with a single
 * <tuv>: the DTD allows it (`tuv+`), but CAT tools skip such units, so they are off by default.
 */
import { exportableRows, hasText, type CleanRow } from './text.js';
import { DEFAULT_LANGS, type ExportOptions, type TmRow } from './types.js';

/** Indentation of one nesting level: readable in a text editor, cheap in bytes. */
const INDENT = '  ';

/** TMX names itself in <header> (`o-tmf`, `creationtool`) with this. */
const TOOL_NAME = 'palign';

/** Escapes text for element content: `>` too, so `]]>` can never appear. */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes text for a double- or single-quoted attribute; tab/LF/CR as character references
 * because attribute-value normalisation would otherwise turn them into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** A date in TMX's `YYYYMMDDThhmmssZ` (UTC), or null when the input is not a valid date. */
export function tmxDate(date: Date | string): string | null {
  const d = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** `name="value"` pairs, escaped; pairs with a null value are left out. */
function attributes(pairs: [string, string | null][]): string {
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
}

/** The prolog, <tmx> and <header>, up to and including the opening <body>. */
function tmxHead(options: ExportOptions, srclang: string): string {
  const header = attributes([
    ['creationtool', TOOL_NAME],
    ['creationtoolversion', options.toolVersion],
    ['segtype', 'sentence'],
    ['o-tmf', TOOL_NAME],
    ['adminlang', 'en'],
    ['srclang', srclang],
    ['datatype', 'plaintext'],
    ['creationdate', options.creationDate === null ? null : tmxDate(options.creationDate ?? new Date())],
  ]);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
    '<tmx version="1.4">\n' +
    `${INDENT}<header${header}/>\n` +
    `${INDENT}<body>\n`
  );
}

/** One <prop> line inside a <tu>; nothing for an empty value (an unaligned unit's missing document). */
function prop(type: string, value: string): string {
  if (value === '') return '';
  return `${INDENT.repeat(3)}<prop type="${escapeXmlAttribute(type)}">${escapeXmlText(value)}</prop>\n`;
}

/** One <tuv> with its <seg>. */
function tuv(lang: string, text: string): string {
  const open = `${INDENT.repeat(3)}<tuv xml:lang="${escapeXmlAttribute(lang)}">`;
  return `${open}<seg>${escapeXmlText(text)}</seg></tuv>\n`;
}

/** One <tu> for a cleaned row; a side without text gets no <tuv>. */
function tu(row: CleanRow, langs: [string, string]): string {
  const attrs = attributes([
    ['tuid', String(row.id)],
    ['creationdate', tmxDate(row.created)],
  ]);
  return (
    `${INDENT.repeat(2)}<tu${attrs}>\n` +
    prop('x-en-doc', row.enDoc) +
    prop('x-ru-doc', row.ruDoc) +
    prop('x-score', String(row.score)) +
    prop('x-bead', row.bead) +
    (hasText(row.en) ? tuv(langs[0], row.en) : '') +
    (hasText(row.ru) ? tuv(langs[1], row.ru) : '') +
    `${INDENT.repeat(2)}</tu>\n`
  );
}

/**
 * A TMX 1.4b document for the rows, yielded in chunks (the head, one chunk per <tu>, the tail)
 * to write in order. Texts are cleaned as `cleanText` says; `srclang` is the English code.
 */
export function* tmx(rows: Iterable<TmRow>, options: ExportOptions): Generator<string> {
  const langs = options.langs ?? DEFAULT_LANGS;
  yield tmxHead(options, langs[0]);
  for (const row of exportableRows(rows, options)) yield tu(row, langs);
  yield `${INDENT}</body>\n</tmx>\n`;
}
