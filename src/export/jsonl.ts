/** JSON Lines export: one object per unit. */
import { exportableRows } from './text.js';
import type { ExportOptions, TmRow } from './types.js';

/** One JSONL record; the key set and order are a public contract. */
export interface JsonlRecord {
  en: string;
  ru: string;
  score: number;
  bead: string;
  en_doc: string;
  ru_doc: string;
}

/** JSONL lines (each ending in `\n`), one `{"en","ru","score","bead","en_doc","ru_doc"}` per unit. */
export function* jsonl(rows: Iterable<TmRow>, options: ExportOptions): Generator<string> {
  for (const row of exportableRows(rows, options)) {
    const record: JsonlRecord = {
      en: row.en,
      ru: row.ru,
      score: row.score,
      bead: row.bead,
      en_doc: row.enDoc,
      ru_doc: row.ruDoc,
    };
    yield `${JSON.stringify(record)}\n`;
  }
}
