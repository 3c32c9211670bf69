/**
 * Sentence-alignment verification of a candidate document pair: both documents are segmented
 * and aligned (src/align), then we count how many sentences carrying a name or number the other
 * document also has land in a bead whose other side carries it too. A translation mentions its
 * names and numbers sentence by sentence in the same order, so nearly all of them meet; a
 * same-event sibling shares names and numbers but in other sentences, so many do not.
 * (Bead scores alone cannot tell: without a lexicon, two unrelated sentences of similar length
 * score as high as a translation.)
 */
import { alignSentences } from '../align/index.js';
import { segment } from '../segment.js';
import type { Bead, Lang } from '../types.js';
import { documentNames, nameFeatures, numberFeatures } from './evidence.js';

/** What the alignment of a candidate pair says. */
export interface Verification {
  /** Share (0..1) of the anchored sentences whose bead partner shares one of their names or numbers. */
  share: number;
  /** Sentences (both sides) holding a name or number the other document also has. */
  anchored: number;
  /** Sentences of the two documents. */
  sentences: number;
  /**
   * Share (0..1) of the better-covered document's characters in beads scoring at least
   * COVERED_SCORE: a translation, even a partial one, has one side almost all covered; a
   * same-event sibling that happens to put its names in the same order does not.
   */
  coverage: number;
  /**
   * Runs of skipped sentences inside the aligned span (between the first and the last bead
   * pairing sentences of both sides): a partial translation drops one stretch, so one run; a
   * same-event text whose shared facts are scattered is strung together with several.
   */
  gaps: number;
  /** Beads pairing sentences of both sides. */
  aligned: number;
}

/** Beads scoring at least this count as corresponding sentences for `coverage`. */
const COVERED_SCORE = 0.5;

/** Share of each side's characters in beads of `beads` scoring at least COVERED_SCORE; the larger of the two. */
function coverage(beads: readonly Bead[], en: readonly string[], ru: readonly string[]): number {
  const chars = (side: readonly string[], ids: readonly number[]) => ids.reduce((n, i) => n + side[i].length, 0);
  let coveredEn = 0;
  let coveredRu = 0;
  for (const b of beads) {
    if (b.score < COVERED_SCORE || b.src.length === 0 || b.tgt.length === 0) continue;
    coveredEn += chars(en, b.src);
    coveredRu += chars(ru, b.tgt);
  }
  const totalEn = chars(en, en.map((_, i) => i));
  const totalRu = chars(ru, ru.map((_, i) => i));
  return Math.max(coveredEn / Math.max(1, totalEn), coveredRu / Math.max(1, totalRu));
}

/** Maximal runs of skip beads (one side empty) strictly between the first and the last two-sided bead of `beads`, and the two-sided beads. */
export function alignmentShape(beads: readonly Bead[]): { gaps: number; aligned: number } {
  const paired = beads.map((b) => b.src.length > 0 && b.tgt.length > 0);
  const first = paired.indexOf(true);
  const last = paired.lastIndexOf(true);
  let gaps = 0;
  for (let j = first + 1; j < last; j++) if (!paired[j] && paired[j - 1]) gaps++;
  return { gaps, aligned: paired.filter(Boolean).length };
}

/** A document cut into sentences, each with its name and number features. */
export interface SentenceFeatures {
  texts: string[];
  features: Array<Set<string>>;
  /** Union of `features`. */
  all: Set<string>;
}

/** The sentences of `text` with their features; sentence-initial names count when seen mid-sentence anywhere in the text. */
export function sentenceFeatures(text: string, lang: Lang): SentenceFeatures {
  const { known } = documentNames(text);
  const texts = segment(text, lang).map((s) => s.text);
  const features = texts.map((s) => new Set([...numberFeatures(s).keys(), ...nameFeatures(s, known).keys()]));
  const all = new Set<string>();
  for (const set of features) for (const f of set) all.add(f);
  return { texts, features, all };
}

/** Features of the sentences `indices` of `side`, together. */
function beadFeatures(side: SentenceFeatures, indices: readonly number[]): Set<string> {
  const out = new Set<string>();
  for (const i of indices) for (const f of side.features[i]) out.add(f);
  return out;
}

/** Counts, for one side of each bead, the anchored sentences and the confirmed ones. */
function countSide(beads: readonly Bead[], own: SentenceFeatures, other: SentenceFeatures, ownSide: 'src' | 'tgt'): { anchored: number; confirmed: number } {
  let anchored = 0;
  let confirmed = 0;
  for (const bead of beads) {
    const partner = beadFeatures(other, ownSide === 'src' ? bead.tgt : bead.src);
    for (const i of bead[ownSide]) {
      let shared = false;
      let met = false;
      for (const f of own.features[i]) {
        if (!other.all.has(f)) continue;
        shared = true;
        if (partner.has(f)) {
          met = true;
          break;
        }
      }
      if (shared) anchored++;
      if (met) confirmed++;
    }
  }
  return { anchored, confirmed };
}

/** How a pair is verified. */
export interface VerifyPairOptions {
  /**
   * Bead scores with context beyond chance (`AlignOptions.chanceContext`) for `coverage`. Off by
   * default and in `matchDocuments`: short or anchor-poor true pairs lose their coverage too
   * (bench/README.md `## match`, round 7).
   */
  chanceContext?: boolean;
}

/** Aligns the sentences of an English and a Russian document and measures how well their shared names and numbers meet. */
export function verifyPair(en: SentenceFeatures, ru: SentenceFeatures, options: VerifyPairOptions = {}): Verification {
  const sentences = en.texts.length + ru.texts.length;
  if (en.texts.length === 0 || ru.texts.length === 0) return { share: 0, anchored: 0, sentences, coverage: 0, gaps: 0, aligned: 0 };
  const beads = alignSentences(en.texts, ru.texts, { chanceContext: options.chanceContext === true });
  const a = countSide(beads, en, ru, 'src');
  const b = countSide(beads, ru, en, 'tgt');
  const anchored = a.anchored + b.anchored;
  return { share: anchored === 0 ? 0 : (a.confirmed + b.confirmed) / anchored, anchored, sentences, coverage: coverage(beads, en.texts, ru.texts), ...alignmentShape(beads) };
}
