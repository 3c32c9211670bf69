/** Tab-separated export: a header line, then one line per unit. */
import { exportableRows } from './text.js';
import type { ExportOptions, TmRow } from './types.js';

/** Column names; a public contract for spreadsheets and scripts. */
export const TSV_COLUMNS = ['en', 'ru', 'score', 'bead', 'en_doc', 'ru_doc'] as const;

/** A field without tabs (the only TSV-specific rule; line breaks are gone already). */
function field(text: string): string {
  return text.replace(/\t/g, ' ');
}

/**
 * TSV lines (each ending in `\n`): the header `en\tru\tscore\tbead\ten_doc\tru_doc`, then one
 * line per unit. No quoting: tabs and line breaks inside fields become spaces instead.
 */
export function* tsv(rows: Iterable<TmRow>, options: ExportOptions): Generator<string> {
  yield `${TSV_COLUMNS.join('\t')}\n`;
  for (const row of exportableRows(rows, options)) {
    const fields = [row.en, row.ru, String(row.score), row.bead, row.enDoc, row.ruDoc];
    yield `${fields.map(field).join('\t')}\n`;
  }
}
