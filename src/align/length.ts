/**
 * The Gale–Church length model: the number of characters of a translation is roughly
 * proportional to the source's, with a variance that grows with the source's length.
 * Unlike Gale & Church the standardised difference is scored with a Laplace rather than a
 * normal distribution: real translations have heavy tails, and under a normal one loosely
 * translated sentence costs so much that merging it with its neighbour looks cheaper.
 */

/** chars(tgt) ≈ ratio · chars(src); the variance of chars(tgt) is `variance · chars(src)`. */
export interface LengthModel {
  ratio: number;
  variance: number;
}

/** Gale & Church (1993) found 6.8 on their data; news translations are freer, so start wider. */
export const DEFAULT_LENGTH_MODEL: LengthModel = { ratio: 1, variance: 12 };

/** Ratios outside this range are an estimate gone wrong (a document pair that is not a translation). */
const MIN_RATIO = 0.33;
const MAX_RATIO = 3;
/** Variances outside this range would make the length term useless (too wide) or brittle (too narrow). */
const MIN_VARIANCE = 2;
const MAX_VARIANCE = 60;
/** Median of |x| for a Laplace variable of scale b is b·ln 2: turns a median into a scale. */
const LAPLACE_MEDIAN = Math.LN2;
/** Below this many 1-1 pairs a variance estimate is noise; keep the given one. */
const MIN_PAIRS_FOR_VARIANCE = 10;
/** A median of this many per-pair ratios already beats document totals (which count unaligned text). */
const MIN_PAIRS_FOR_RATIO = 3;
/**
 * How many 1-1 pairs the given variance counts as when it is blended with the estimate: a median
 * of a few dozen heavy-tailed deviations can be off by a factor of three, and one short, tightly
 * translated document pair added to a corpus must not make the length model brittle for the rest.
 */
const PRIOR_PAIRS = 20;
/** Cap of the length cost (nats), so one outlier length cannot outweigh every other piece of evidence. */
export const MAX_LENGTH_COST = 25;

/** Median of a non-empty list (the list is sorted in place). */
export function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/**
 * White space that `charLength` does not count as itself: any but a single inner U+0020 (`\s`
 * holds every character `isSpace` does). Most sentences have none, and their length is their own.
 */
const ODD_SPACE = /[^\S ]| {2}|^ | $/;

/** Characters of a sentence that carry length: trimmed, runs of white space counted once. */
export function charLength(sentence: string): number {
  // The native scan is faster than the loop below, which only the rest need.
  if (!ODD_SPACE.test(sentence)) return sentence.length;
  let length = 0;
  let space = false;
  for (let j = 0; j < sentence.length; j++) {
    if (isSpace(sentence.charCodeAt(j))) {
      space = length > 0;
    } else {
      length += space ? 2 : 1;
      space = false;
    }
  }
  return length;
}

/** True for the code units `\s` (and `trim`) treat as white space; a loop beats trim + replace in the hot path. */
function isSpace(c: number): boolean {
  if (c === 32) return true;
  if (c < 128) return c >= 9 && c <= 13;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A length model from document pairs that are translations of each other (not yet aligned):
 * the ratio is the median over documents of total target characters / total source characters,
 * robust to a few documents with boilerplate left in.
 */
export function estimateLengthModel(pairs: Array<{ src: string[]; tgt: string[] }>): LengthModel {
  return lengthModelFromTotals(pairs.map(({ src, tgt }) => ({
    srcChars: src.reduce((sum, x) => sum + charLength(x), 0),
    tgtChars: tgt.reduce((sum, x) => sum + charLength(x), 0),
    srcSentences: src.length,
    tgtSentences: tgt.length,
  })));
}

/** A document pair's size on each side, in characters and sentences. */
export interface DocumentTotals {
  srcChars: number;
  tgtChars: number;
  srcSentences: number;
  tgtSentences: number;
}

/**
 * Fewest sentences on the shorter side per sentence of the longer one for a document pair's
 * character totals to say anything about the ratio: a partial translation (half the story) or a
 * side with a long unaligned tail has far fewer sentences, and its totals give half the ratio.
 */
const MIN_COUNT_BALANCE = 0.8;

/**
 * `estimateLengthModel` from each document pair's totals, for a caller that has the sentence
 * lengths already. Only pairs with about as many sentences on both sides count; none: the prior.
 */
export function lengthModelFromTotals(totals: DocumentTotals[]): LengthModel {
  const ratios: number[] = [];
  for (const t of totals) {
    const balance = Math.min(t.srcSentences, t.tgtSentences) / Math.max(1, t.srcSentences, t.tgtSentences);
    if (t.srcChars > 0 && t.tgtChars > 0 && balance >= MIN_COUNT_BALANCE) ratios.push(t.tgtChars / t.srcChars);
  }
  if (ratios.length === 0) return { ...DEFAULT_LENGTH_MODEL };
  return { ratio: clamp(median(ratios), MIN_RATIO, MAX_RATIO), variance: DEFAULT_LENGTH_MODEL.variance };
}

/**
 * Re-estimates the ratio and the variance from character lengths of confidently aligned 1-1
 * pairs: the ratio as the median of per-pair ratios (the document totals it started from are
 * skewed by one-sided boilerplate), the variance robustly from the median absolute standardised
 * difference (Laplace: variance 2b²), blended with the given variance as `PRIOR_PAIRS` pairs' worth
 * of evidence. Too few pairs: the variance (below MIN_PAIRS_FOR_VARIANCE) or the whole model
 * (below MIN_PAIRS_FOR_RATIO) is returned unchanged.
 */
export function refineLengthModel(model: LengthModel, lengths: Array<[number, number]>): LengthModel {
  const pairs = lengths.filter(([s, t]) => s > 0 && t > 0);
  if (pairs.length < MIN_PAIRS_FOR_RATIO) return model;
  const ratio = clamp(median(pairs.map(([s, t]) => t / s)), MIN_RATIO, MAX_RATIO);
  if (pairs.length < MIN_PAIRS_FOR_VARIANCE) return { ratio, variance: model.variance };
  const deviations = pairs.map(([s, t]) => Math.abs(t - ratio * s) / Math.sqrt(meanLength(s, t, ratio)));
  const scale = median(deviations) / LAPLACE_MEDIAN;
  const estimate = 2 * scale * scale;
  const variance = (pairs.length * estimate + PRIOR_PAIRS * model.variance) / (pairs.length + PRIOR_PAIRS);
  return { ratio, variance: clamp(variance, MIN_VARIANCE, MAX_VARIANCE) };
}

/** The source-side length both sides suggest, so that 0-x beads get a defined variance too. */
function meanLength(srcChars: number, tgtChars: number, ratio: number): number {
  return Math.max(1, (srcChars + tgtChars / ratio) / 2);
}

/**
 * −log P(|δ| ≥ observed) under a Laplace distribution, for the length difference
 * δ = (t − ratio·s) / √(mean length) of scale √(variance / 2): 0 for a perfect length match,
 * growing linearly with the mismatch; in nats, capped.
 */
export function lengthCost(srcChars: number, tgtChars: number, model: LengthModel): number {
  const delta = Math.abs(tgtChars - model.ratio * srcChars) / Math.sqrt(meanLength(srcChars, tgtChars, model.ratio));
  return Math.min(MAX_LENGTH_COST, delta / Math.sqrt(model.variance / 2));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
