/**
 * The data palign works on, from an ingested file to an aligned sentence pair.
 * Algorithms take and return these plain objects; only the store and the CLI do I/O.
 */

/** ISO 639-1 codes palign tells apart; `und` is anything else (or too little text to say). */
export type Lang = 'en' | 'ru' | 'be' | 'uk' | 'und';

/** What language detection concluded for a text. */
export interface LangGuess {
  lang: Lang;
  /** 0..1: how far the winner is ahead of the runner-up, scaled by how much text there was. */
  confidence: number;
  /** True when paragraphs of substance disagree on the language. */
  mixed: boolean;
  /** Share of letters per language over the paragraphs (only languages that occur). */
  shares: Partial<Record<Lang, number>>;
}

/** Why a piece of the raw text was removed by cleaning. */
export type StripKind = 'metadata' | 'date' | 'headline-repeat' | 'credit' | 'boilerplate';

/** A piece of raw text that cleaning removed, kept so nothing is silently lost. */
export interface Stripped {
  kind: StripKind;
  text: string;
}

/** The result of cleaning one document's normalised text. */
export interface CleanedText {
  title: string | null;
  /** ISO date `YYYY-MM-DD` when the text states one. */
  date: string | null;
  /** The article body: paragraphs separated by blank lines, title first when there is one. */
  text: string;
  stripped: Stripped[];
}

/** One ingested document as the store keeps it. */
export interface Document {
  id: number;
  /** Path relative to the ingested folder, with `/` separators. */
  path: string;
  sha256: string;
  encoding: string;
  lang: Lang;
  langConfidence: number;
  mixed: boolean;
  title: string | null;
  date: string | null;
  text: string;
  stripped: Stripped[];
}

/** A sentence (or headline) of a cleaned document, with its character offsets in `Document.text`. */
export interface Segment {
  index: number;
  text: string;
  start: number;
  end: number;
  /** 0-based paragraph number; sentences of one paragraph share it. */
  paragraph: number;
}

/**
 * One bead of an alignment: `src` sentence indices aligned with `tgt` sentence indices.
 * Either side may be empty (a 1-0 or 0-1 bead). Indices are consecutive and ascending.
 */
export interface Bead {
  src: number[];
  tgt: number[];
  /** 0..1; low means the sides probably do not correspond. 0 for 1-0 and 0-1 beads. */
  score: number;
}

/** A matched English/Russian document pair. */
export interface DocPair {
  enId: number;
  ruId: number;
  score: number;
  /** True when the user made (or forbade) this pair with `palign pair` / `palign unpair`. */
  manual: boolean;
  evidence: PairEvidence;
}

/** What two documents share, kept so `match --explain` can say why they were paired. */
export interface PairEvidence {
  numbers: string[];
  names: string[];
  titleSimilarity: number;
  lengthRatio: number;
}
