/**
 * Export of the translation memory: TMX 1.4b, TSV, Moses line-parallel files and JSONL.
 * All are generators over rows, so the CLI streams from the store to a file. Every format
 * applies the same `cleanText` (line breaks → space; XML-forbidden characters and lone
 * surrogates removed) and rounds `score` to 4 decimals.
 */
import { createHash } from 'node:crypto';
import { cleanText } from './text.js';
import type { ExportFormat, TmRow } from './types.js';
import { EXPORT_FORMATS } from './types.js';

export * from './types.js';
export { cleanText, roundScore } from './text.js';
export { tmx, escapeXmlText, escapeXmlAttribute, tmxDate } from './tmx.js';
export { tsv, TSV_COLUMNS } from './tsv.js';
export { jsonl, type JsonlRecord } from './jsonl.js';
export { moses, type MosesLines } from './moses.js';

/**
 * BCP-47-ish tag: language (2–3 letters), optional script (4 letters), optional region
 * (2 letters or 3 digits), optional variants. Extensions and private use are not needed for a TM.
 */
const LANG_TAG = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?((?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*)$/i;

/** The primary language each side must have: the columns are English and Russian, whatever the region. */
const EXPECTED_PRIMARY: [string, string] = ['en', 'ru'];

/** A tag in its usual case: `en-us` → `en-US`, `sr-latn-rs` → `sr-Latn-RS`; throws when not a tag. */
function canonicalTag(tag: string): string {
  const m = LANG_TAG.exec(tag);
  if (m === null) throw new Error(`invalid language code "${tag}": expected a BCP-47 code like en, en-US or ru-RU`);
  const [, language = '', script, region, variants = ''] = m;
  const parts = [language.toLowerCase()];
  if (script !== undefined) parts.push(script[0]!.toUpperCase() + script.slice(1).toLowerCase());
  if (region !== undefined) parts.push(region.toUpperCase());
  return parts.join('-') + variants.toLowerCase();
}

/**
 * Parses `--langs` ("en-US,ru-RU") into the codes for the English and Russian sides, in
 * canonical case. Throws an Error with a one-line message when there are not exactly two
 * codes, a code is malformed, or the first is not English / the second not Russian.
 */
export function parseLangs(spec: string): [string, string] {
  const parts = spec.split(',').map((part) => part.trim());
  if (parts.length !== 2 || parts.some((part) => part === '')) {
    throw new Error(`invalid --langs "${spec}": expected two comma-separated codes, English first, e.g. en-US,ru-RU`);
  }
  const langs: [string, string] = [canonicalTag(parts[0]!), canonicalTag(parts[1]!)];
  langs.forEach((lang, side) => {
    const expected = EXPECTED_PRIMARY[side]!;
    if (lang.split('-')[0] !== expected) {
      const which = side === 0 ? 'first' : 'second';
      throw new Error(`invalid --langs "${spec}": the ${which} code must be ${expected} or ${expected}-REGION, got "${lang}"`);
    }
  });
  return langs;
}

/** True when the string names an export format. */
export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

/**
 * Rows with each (en, ru) pair once, the first occurrence kept. Pairs are compared as exported
 * (after `cleanText`, which also drops U+0000, so the separator is unambiguous): "a\nb" and
 * "a b" are duplicates. Memory: one SHA-1 (28 base64 chars) per distinct pair, not the texts.
 */
export function* dedupeRows(rows: Iterable<TmRow>): Generator<TmRow> {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = createHash('sha1').update(cleanText(row.en)).update('\u0000').update(cleanText(row.ru)).digest('base64');
    if (seen.has(key)) continue;
    seen.add(key);
    yield row;
  }
}
