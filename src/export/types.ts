/**
 * The rows and options every export format takes. Serialisers are generators over an
 * iterator of rows, so a translation memory of any size streams from the store to a file.
 */

/** One aligned unit as the store hands it to an exporter. */
export interface TmRow {
  /** Segment-pair id; stable across exports, so it becomes the TMX `tuid`. */
  id: number;
  /** Either side may be '' for unaligned (1-0 / 0-1) units, exported only with `includeUnaligned`. */
  en: string;
  ru: string;
  /** 0..1 alignment confidence. */
  score: number;
  /** Bead shape, e.g. "1-1", "1-2", "1-0". */
  bead: string;
  /** Document paths as `palign docs` lists them. */
  enDoc: string;
  ruDoc: string;
  /** ISO 8601 timestamp of the alignment. */
  created: string;
}

/** The formats `palign export --format` accepts. */
export type ExportFormat = 'tmx' | 'tsv' | 'moses' | 'jsonl';

/** Every export format, in the order help texts list them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ['tmx', 'tsv', 'moses', 'jsonl'];

export interface ExportOptions {
  /** Language codes written for the English and Russian sides; default ['en', 'ru']. */
  langs?: [string, string];
  /** palign's version, written as TMX `creationtoolversion`. */
  toolVersion: string;
  /** Also export units with one empty side (never in Moses, which needs both sides). */
  includeUnaligned?: boolean;
  /**
   * TMX header `creationdate`; null leaves it out; default (undefined): the time the export starts.
   * The CLI passes the newest unit's time, so a re-export of the same database is byte-identical.
   */
  creationDate?: Date | null;
}

/** Language codes used when `ExportOptions.langs` is not given. */
export const DEFAULT_LANGS: [string, string] = ['en', 'ru'];
