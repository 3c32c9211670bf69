/** Moses export: two line-parallel plain-text files, `.en` and `.ru`. */
import { exportableRows } from './text.js';
import type { ExportOptions, TmRow } from './types.js';

/** One line for each of the two files, each ending in `\n`. */
export interface MosesLines {
  en: string;
  ru: string;
}

/**
 * Line pairs for the `.en` and `.ru` files: line i of one translates line i of the other.
 * Units with an empty side are always skipped (Moses needs both), whatever `includeUnaligned` says.
 */
export function* moses(rows: Iterable<TmRow>, options: ExportOptions): Generator<MosesLines> {
  for (const row of exportableRows(rows, { ...options, includeUnaligned: false })) {
    yield { en: `${row.en}\n`, ru: `${row.ru}\n` };
  }
}
