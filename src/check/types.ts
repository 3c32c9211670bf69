/**
 * Data types of the discrepancy checks: what a check is given (aligned units) and what it
 * reports (flags with evidence spans), shared by every check module and the HTML report.
 */
import type { Lexicon } from '../align/lexicon.js';

/** Every check, in the order reports and help texts list them. */
export const CHECK_KINDS = [
  'number', 'name', 'omission', 'addition', 'low-score', 'length', 'untranslated', 'brackets', 'quotes', 'url',
] as const;

export type CheckKind = (typeof CHECK_KINDS)[number];

/** Severities, most serious first: a severity says how sure the check is that something is wrong. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** True when `severity` is `least` or more serious. */
export function atLeast(severity: Severity, least: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(least);
}

/** One problem found in an aligned pair. */
export interface Flag {
  kind: CheckKind;
  severity: Severity;
  /** One line for a human: `13 April missing in Russian`, `Moscow (Москве) added in Russian`. */
  message: string;
  /** Evidence: raw text spans of the English side, highlighted in the report. */
  en: string[];
  /** Evidence: raw text spans of the Russian side. */
  ru: string[];
}

/** One bead of an aligned document pair, its sentences joined; `en` or `ru` is '' for 1-0/0-1. */
export interface AlignedUnit {
  index: number;
  en: string;
  ru: string;
  score: number;
  /** Bead shape, `1-1`, `1-2`, `1-0`, `0-1`... */
  bead: string;
  /**
   * Position of the unit's first Russian sentence in its document, when known: units follow the
   * English order, and a sentence pair recovered across the path (a moved paragraph) breaks the Russian one.
   */
  ruOrder?: number;
}

/** Log-length-ratio norm of a corpus: mean and spread of log(len(ru) / len(en)). */
export interface LengthNorm {
  mean: number;
  sd: number;
}

export interface CheckOptions {
  disabled?: CheckKind[];
  /** Aligned pairs scoring below this get a 'low-score' flag. */
  minScore?: number;
  /** Corpus norm of log(len(ru)/len(en)), estimated by `lengthNorm`. */
  lengthRatio?: LengthNorm;
  /** |z| of the log length ratio above which a pair gets a 'length' flag. */
  lengthZ?: number;
  /** 1-0/0-1 beads with fewer letters than this are not reported as omissions/additions. */
  minOmissionChars?: number;
  /**
   * Word translations on 5-char stems, English `src` → Russian `tgt` (the aligner's learned
   * lexicon): a capitalised word whose stem's translation is on the other side has a counterpart.
   */
  lexicon?: Lexicon;
  /**
   * Words each side of the corpus writes in lower case (`corpusVocabulary`): a capitalised word
   * among them is a common word in title case (`Judge`, `Game`), so it is only an info note when missing.
   */
  vocabulary?: CorpusVocabulary;
}

/** Lower-cased words seen in lower case on each side of a corpus. */
export interface CorpusVocabulary {
  en: ReadonlySet<string>;
  ru: ReadonlySet<string>;
}

/** Which side of a pair a span or a missing item belongs to. */
export type Side = 'en' | 'ru';

/** Document context for the name check: lower-cased words seen capitalised mid-sentence / lower-case. */
export interface NameContext {
  enKnown: ReadonlySet<string>;
  ruKnown: ReadonlySet<string>;
  /** Lower-cased words seen in lower case in the document: common words, not names. */
  enLower: ReadonlySet<string>;
  ruLower: ReadonlySet<string>;
  /** The document's aligned pairs, where a name may show how the translation renders it. */
  units?: ReadonlyArray<{ en: string; ru: string }>;
  /** Words written in lower case anywhere in the corpus, per side. */
  corpus?: CorpusVocabulary;
  /** Stem translations, English `src` → Russian `tgt`. */
  lexicon?: Lexicon;
}

/** The language named in messages for a side. */
export const LANGUAGE: Record<Side, string> = { en: 'English', ru: 'Russian' };
