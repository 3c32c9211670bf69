/**
 * The cost of a bead, written once: Gale–Church length term + shape prior − anchor agreement
 * + anchor disagreement; and the 0..1 score reported for a bead, a calibrated function of the
 * same evidence.
 */
import type { PairFeatures, SideFeatures } from './anchors.js';
import { lengthCost, type LengthModel } from './length.js';

/** −log prior of a bead shape relative to 1-1 (nats): merges are rarer than 1-1 beads. */
const SHAPE_COST: Record<string, number> = {
  '1-1': 0, '1-2': 3, '2-1': 3, '2-2': 4, '1-3': 5, '3-1': 5,
};
/** Prior of a shape not listed above (large merges are rare). */
const OTHER_SHAPE_COST = 6;
/**
 * Cost of leaving one sentence unaligned (1-0 or 0-1). A pair of sentences with nothing in
 * common and a length ratio off by about 2.5 standard deviations costs as much as two skips.
 */
export const SKIP_COST = 2.2;
/** Nats gained per unit of matched anchor weight, and lost per unit of unmatched weight. */
const MATCH_GAIN = 1.6;
const MISS_COST = 0.5;

/** Score calibration (logistic over the same evidence): bias, match, miss, length, shape slopes. */
const SCORE_BIAS = 1.6;
const SCORE_MATCH = 1.1;
const SCORE_MISS = 0.35;
const SCORE_LENGTH = 0.6;
const SCORE_SHAPE = 0.4;

/** What a bead's two sides share, in anchor weight. */
export interface BeadEvidence {
  srcChars: number;
  tgtChars: number;
  matched: number;
  /** Anchor weight on either side that found no partner on the other. */
  missed: number;
}

/** Largest side of a bead with a precomputed shape prior. */
const MAX_TABLE_SIDE = 8;
/** SHAPE_COST as a flat table: the DP asks for it millions of times. */
const SHAPE_TABLE = Float64Array.from({ length: (MAX_TABLE_SIDE + 1) ** 2 }, (_, j) =>
  SHAPE_COST[`${Math.floor(j / (MAX_TABLE_SIDE + 1))}-${j % (MAX_TABLE_SIDE + 1)}`] ?? OTHER_SHAPE_COST);

/** Shape prior of `a`-`b` in nats. */
export function shapeCost(a: number, b: number): number {
  return a <= MAX_TABLE_SIDE && b <= MAX_TABLE_SIDE ? SHAPE_TABLE[a * (MAX_TABLE_SIDE + 1) + b] : OTHER_SHAPE_COST;
}

/** The DP cost of an `a`-`b` bead from its evidence, in nats (lower is better, may be negative). */
export function beadCost(srcChars: number, tgtChars: number, matched: number, missed: number, a: number, b: number, model: LengthModel): number {
  if (a === 0 || b === 0) return SKIP_COST * (a + b);
  return lengthCost(srcChars, tgtChars, model) + shapeCost(a, b) - MATCH_GAIN * matched + MISS_COST * missed;
}

/** What the DP asks of a cost function over the sentences (or merged units) of one level. */
export interface CostFunction {
  cost(i0: number, i1: number, k0: number, k1: number): number;
}

/** Exact bead costs over sentences: anchors matched as multisets. Reuses scratch space, so not reentrant. */
export class BeadScorer implements CostFunction {
  private readonly counts: Float32Array;

  constructor(readonly features: PairFeatures, readonly model: LengthModel) {
    this.counts = new Float32Array(features.weight.length);
  }

  /** Evidence of the bead src[i0, i1) × tgt[k0, k1). */
  evidence(i0: number, i1: number, k0: number, k1: number): BeadEvidence {
    const { src, tgt } = this.features;
    let srcChars = 0;
    let tgtChars = 0;
    for (let i = i0; i < i1; i++) srcChars += src.chars[i];
    for (let k = k0; k < k1; k++) tgtChars += tgt.chars[k];
    const total = this.match(i0, i1, k0, k1);
    return { srcChars, tgtChars, matched: this.matched, missed: total - 2 * this.matched };
  }

  /** Matched weight of the last `match` call (a field, so the hot loop allocates nothing). */
  private matched = 0;

  /** Total anchor weight of src[i0, i1) and tgt[k0, k1); sets `matched`. */
  private match(i0: number, i1: number, k0: number, k1: number): number {
    const { src, tgt, weight } = this.features;
    const counts = this.counts;
    let total = 0;
    let matched = 0;
    const sEnd = src.anchorStart[i1];
    const tEnd = tgt.anchorStart[k1];
    for (let p = src.anchorStart[i0]; p < sEnd; p++) {
      counts[src.anchorIds[p]] += 1;
      total += weight[src.anchorIds[p]];
    }
    for (let p = tgt.anchorStart[k0]; p < tEnd; p++) {
      const id = tgt.anchorIds[p];
      total += weight[id];
      if (counts[id] > 0) {
        counts[id] -= 1;
        matched += weight[id];
      }
    }
    for (let p = src.anchorStart[i0]; p < sEnd; p++) counts[src.anchorIds[p]] = 0;
    this.matched = matched;
    return total;
  }

  cost(i0: number, i1: number, k0: number, k1: number): number {
    if (i0 === i1 || k0 === k1) return SKIP_COST * (i1 - i0 + k1 - k0);
    const { src, tgt } = this.features;
    let srcChars = 0;
    let tgtChars = 0;
    for (let i = i0; i < i1; i++) srcChars += src.chars[i];
    for (let k = k0; k < k1; k++) tgtChars += tgt.chars[k];
    const total = this.match(i0, i1, k0, k1);
    return beadCost(srcChars, tgtChars, this.matched, total - 2 * this.matched, i1 - i0, k1 - k0, this.model);
  }

  /** 0..1 confidence that the bead's sides translate each other; 0 for 1-0 and 0-1 beads. */
  score(i0: number, i1: number, k0: number, k1: number): number {
    if (i0 === i1 || k0 === k1) return 0;
    return evidenceScore(this.evidence(i0, i1, k0, k1), i1 - i0, k1 - k0, this.model);
  }

  /** The matched anchor weight of one unit pair (used by the coarse scorer's cache). */
  pairMatch(i: number, k: number): number {
    this.match(i, i + 1, k, k + 1);
    return this.matched;
  }
}

/**
 * Bead costs over merged units of a coarse level: a bead's matched weight is the sum over its
 * unit pairs, each computed once and cached, so the work per bead does not grow with the units.
 */
export class CoarseScorer implements CostFunction {
  private readonly exact: BeadScorer;
  private readonly srcWeight: Float64Array;
  private readonly tgtWeight: Float64Array;
  private readonly cache = new Map<number, number>();

  constructor(readonly features: PairFeatures, readonly model: LengthModel) {
    this.exact = new BeadScorer(features, model);
    this.srcWeight = unitWeights(features.src, features.weight);
    this.tgtWeight = unitWeights(features.tgt, features.weight);
  }

  private pair(i: number, k: number): number {
    const key = i * (this.features.tgt.count + 1) + k;
    let value = this.cache.get(key);
    if (value === undefined) {
      value = this.exact.pairMatch(i, k);
      this.cache.set(key, value);
    }
    return value;
  }

  cost(i0: number, i1: number, k0: number, k1: number): number {
    if (i0 === i1 || k0 === k1) return SKIP_COST * (i1 - i0 + k1 - k0);
    const { src, tgt } = this.features;
    let srcChars = 0;
    let tgtChars = 0;
    let total = 0;
    for (let i = i0; i < i1; i++) {
      srcChars += src.chars[i];
      total += this.srcWeight[i];
    }
    for (let k = k0; k < k1; k++) {
      tgtChars += tgt.chars[k];
      total += this.tgtWeight[k];
    }
    let matched = 0;
    for (let i = i0; i < i1; i++) for (let k = k0; k < k1; k++) matched += this.pair(i, k);
    matched = Math.min(matched, total / 2);
    return beadCost(srcChars, tgtChars, matched, total - 2 * matched, i1 - i0, k1 - k0, this.model);
  }
}

/** Total anchor weight of each unit of a side. */
function unitWeights(side: SideFeatures, weight: Float32Array): Float64Array {
  const out = new Float64Array(side.count);
  for (let i = 0; i < side.count; i++) {
    for (let p = side.anchorStart[i]; p < side.anchorStart[i + 1]; p++) out[i] += weight[side.anchorIds[p]];
  }
  return out;
}

/** The calibrated 0..1 score of bead evidence for an `a`-`b` bead. */
export function evidenceScore(e: BeadEvidence, a: number, b: number, model: LengthModel): number {
  const z = SCORE_BIAS + SCORE_MATCH * e.matched - SCORE_MISS * e.missed
    - SCORE_LENGTH * lengthCost(e.srcChars, e.tgtChars, model) - SCORE_SHAPE * shapeCost(a, b);
  return 1 / (1 + Math.exp(-z));
}
