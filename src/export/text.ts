/**
 * The one text normalisation every export format applies, so a segment reads the same in
 * TMX, TSV, Moses and JSONL, and a row's `score` is written with the same precision everywhere.
 */
import type { ExportOptions, TmRow } from './types.js';

/**
 * Line breaks as line-oriented readers see them (Python's splitlines also splits on NEL,
 * U+2028, U+2029); `\r\n` first so it becomes one space, not two.
 */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/** Characters XML 1.0 forbids: C0 controls except tab/LF/CR (LF/CR are gone by then), U+FFFE, U+FFFF. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** UTF-16 halves without their partner: no encoding (UTF-8 included) can write them. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Decimals kept for `score`: alignment scores carry no meaning beyond this, and files stay short. */
const SCORE_DECIMALS = 4;

/**
 * Text as every format writes it: each line break becomes one space; XML-forbidden
 * characters and lone surrogates are removed. Other whitespace (tabs, repeated spaces) is kept.
 */
export function cleanText(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(XML_FORBIDDEN, '').replace(LONE_SURROGATES, '');
}

/** Score rounded to SCORE_DECIMALS, as a number (JSON) and for text formats via String(). */
export function roundScore(score: number): number {
  const factor = 10 ** SCORE_DECIMALS;
  return Math.round(score * factor) / factor;
}

/** A row whose texts have gone through `cleanText` (doc paths too) and whose score is rounded. */
export type CleanRow = TmRow;

/** The row as formats write it (see `cleanText`, `roundScore`). */
export function cleanRow(row: TmRow): CleanRow {
  return {
    ...row,
    en: cleanText(row.en),
    ru: cleanText(row.ru),
    enDoc: cleanText(row.enDoc),
    ruDoc: cleanText(row.ruDoc),
    score: roundScore(row.score),
  };
}

/** True when the side has something besides whitespace. */
export function hasText(text: string): boolean {
  return text.trim() !== '';
}

/**
 * Cleaned rows to export: a row with both sides empty never; one with a single empty side
 * only when `includeUnaligned`, its empty side then exactly ''. Emptiness is judged after
 * cleaning, so a side of only whitespace or control characters counts as empty.
 */
export function* exportableRows(rows: Iterable<TmRow>, options: ExportOptions): Generator<CleanRow> {
  for (const row of rows) {
    const clean = cleanRow(row);
    const en = hasText(clean.en);
    const ru = hasText(clean.ru);
    if (en && ru) yield clean;
    else if ((en || ru) && options.includeUnaligned === true) {
      yield { ...clean, en: en ? clean.en : '', ru: ru ? clean.ru : '' };
    }
  }
}
