/**
 * The cost of a bead, written once: Gale–Church length term + shape prior − anchor agreement
 * + anchor disagreement; and the 0..1 score reported for a bead, a calibrated function of the
 * same evidence.
 */
import type { PairFeatures, SideFeatures } from './anchors.js';
import type { FurnitureFlags } from './furniture.js';
import { lengthCost, MAX_LENGTH_COST, type LengthModel } from './length.js';

/** A module-local copy: the hot path should not go through an import binding. */
const LENGTH_CAP = MAX_LENGTH_COST;

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
/**
 * Nats off the cost of the third and every later 1-0 (0-1) bead of an uninterrupted run of 1-0
 * (0-1) beads (an affine gap cost, Gotoh 1982; dp.ts): partial translations cut whole blocks, so a
 * skipped sentence whose two predecessors were skipped is likelier skipped too than an arbitrary
 * one. Isolated drops and pairs (a sentence left out, a 1-2 read as 1-1 + skip) stay at the plain
 * cost: they compete with the merge priors, which were set for independent skips. Half a nat (odds
 * ×1.65 per extension): a run of 14 saves 6 nats, runs of 1 + 12 + 1 save 5; 0.75–1 already
 * turns loose literary merges (Text+Berg) into skip runs (see bench/README.md, round 15).
 */
export const GAP_EXTEND_DISCOUNT = 0.5;
/** Nats off a sentence's skip cost per unit of its unshared anchor weight, and the most taken off. */
const UNSHARED_BONUS = 0.6;
const UNSHARED_CAP = 1.2;
/**
 * Nats added to a sentence's skip cost per unit of anchor weight whose concept the other side
 * has and its neighbours do not repeat, and the most added: a sentence sharing numbers or names
 * with the other document is probably translated somewhere, so it should rather join a merge than
 * be left out (unless a neighbour carries the same anchors, as a headline restates the lead).
 */
const SHARED_PENALTY = 0.4;
const SHARED_CAP = 1.2;
/**
 * Extra cost of a merged bead per sentence on its multi-sentence side that shares no anchor with
 * the other side, at full anchor density (scaled by the share of the pair's sentences that have
 * anchors): in an anchor-rich document a silent sentence is more likely glued-on boilerplate.
 */
const SILENT_MERGE_COST = 3;
/** Length-cost gain (nats) by which a silent sentence of a merged bead must improve the fit. */
const CLEAR_GAIN = 2;
/**
 * Sentences from either end of a document where page furniture (menus, datelines, other
 * stories' headlines) sits; inside the body a silent merged sentence is an ordinary fragment.
 */
const EDGE_ZONE = 6;
/** Matched anchor weight the diagonal split of a 2-2 bead needs (both halves together) before its anchors are trusted over the merge's length fit. */
const SPLIT_ANCHOR = 1;
/**
 * Nats a 2-2 bead whose anchors back its diagonal split must beat the split by (on length): the
 * Laplace length term of two loose translations easily gives up a nat or two to a merge.
 */
const SPLIT_DOUBT = 2.5;
/**
 * Length cost (nats; Laplace tail, e^−4 ≈ 2%) above which a half of the split is no plausible
 * 1-1 pair: the boundary has moved, and the 2-2 is judged by its own cost as any other bead.
 */
const SPLIT_LENGTH = 4;
/** Nats by which a 2-2 bead that does not clear SPLIT_DOUBT costs more than its split (a strict loss). */
const SPLIT_MARGIN = 0.01;
/** Anchor weights are float32 sums: differences below this are ties. */
const WEIGHT_EPSILON = 1e-3;
/**
 * Share of an anchor's weight missed when its concept is paired elsewhere in the bead (an
 * unpaired repeat): a merged side that restates a name (a headline and its lead) is weaker
 * evidence against the bead than a name the other side never says.
 */
const REPEAT_MISS = 0.75;
/**
 * Extra cost of an aligned bead per line in it that is seen in other documents of its side (page
 * furniture evidence, see furniture.ts) and shares no content anchor (FURNITURE_EARNS) with the bead's other side: a
 * repeated line that does not earn its place by content costs as much as a sentence left out,
 * so a fitting length alone never glues it on (its own article's copy still aligns by anchors).
 */
const FURNITURE_COST = SKIP_COST;
/**
 * Shared anchor weight a repeated line (FURNITURE_COST) needs to earn its place: one content
 * anchor (a lexicon word 0.6, a name or number 1); a quote mark alone (0.35) agrees by chance.
 */
const FURNITURE_EARNS = 0.5;
/** Nats gained per unit of matched anchor weight, and lost per unit of unmatched weight. */
const MATCH_GAIN = 1.6;
const MISS_COST = 0.5;
/** The least an unmatched anchor costs per unit weight (an unpaired repeat): for the lower bound. */
const LEAST_MISS = MISS_COST * REPEAT_MISS;

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
  /** Number anchor weight whose concept the other document lacks altogether (see `SideFeatures.unshared`). */
  unshared?: number;
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
  /**
   * Cost of the bead src[i0, i1) × tgt[k0, k1). With `limit`, a cost that certainly exceeds it
   * may be returned as Infinity without being worked out (the DP has something cheaper already).
   */
  cost(i0: number, i1: number, k0: number, k1: number, limit?: number): number;
}

/** Slack of a lower bound before it rules a bead out, so rounding can never prune the best bead. */
const BOUND_SLACK = 1e-6;

/** Exact bead costs over sentences: anchors matched as multisets. Reuses scratch space, so not reentrant. */
export class BeadScorer implements CostFunction {
  private readonly counts: Int32Array;
  private readonly mark: Uint8Array;
  /** Concepts paired at least once in the bead being matched (`match` scratch space). */
  private readonly paired: Uint8Array;
  /** Skip cost of each sentence of each side. */
  private readonly srcSkip: Float64Array;
  private readonly tgtSkip: Float64Array;
  /** Cost of one silent sentence in a merged bead for this document pair. */
  readonly silentCost: number;

  /** Prefix sums of sentence lengths (whole numbers, so differences are exact). */
  private readonly srcCum: Float64Array;
  private readonly tgtCum: Float64Array;
  /** Prefix sums of the sentences' anchor weight, for a lower bound on a bead's cost. */
  private readonly srcWeightCum: Float64Array;
  private readonly tgtWeightCum: Float64Array;

  /**
   * Per sentence, a 32-bit signature of its concepts (bit `id & 31`): two sides whose signatures
   * share no bit share no concept, so nothing can match and every anchor is missed — the bead's
   * cost is known without matching its anchors.
   */
  private readonly srcMask: Int32Array;
  private readonly tgtMask: Int32Array;

  /** Prefix counts of furniture lines per side (all zero without flags). */
  private readonly srcFurnitureCum: Float64Array;
  private readonly tgtFurnitureCum: Float64Array;
  private readonly srcFurniture: Uint8Array;
  private readonly tgtFurniture: Uint8Array;
  /** Whether any line is flagged: the DP's hot path skips the furniture term otherwise. */
  private readonly hasFurniture: boolean;

  /** `furniture`: per sentence, seen in other documents of its side (see furniture.ts); absent: none. */
  constructor(readonly features: PairFeatures, readonly model: LengthModel, furniture?: FurnitureFlags) {
    this.srcFurniture = furniture?.src ?? new Uint8Array(features.src.count);
    this.tgtFurniture = furniture?.tgt ?? new Uint8Array(features.tgt.count);
    this.srcFurnitureCum = prefixSums(Float64Array.from(this.srcFurniture));
    this.tgtFurnitureCum = prefixSums(Float64Array.from(this.tgtFurniture));
    this.hasFurniture = this.srcFurnitureCum[features.src.count] + this.tgtFurnitureCum[features.tgt.count] > 0;
    this.counts = new Int32Array(features.weight.length);
    this.mark = new Uint8Array(features.weight.length);
    this.paired = new Uint8Array(features.weight.length);
    this.srcSkip = skipCosts(features.src, features.weight);
    this.tgtSkip = skipCosts(features.tgt, features.weight);
    this.silentCost = SILENT_MERGE_COST * anchorDensity(features);
    this.lengthScale = Math.sqrt(model.variance / 2);
    this.srcCum = prefixSums(features.src.chars);
    this.tgtCum = prefixSums(features.tgt.chars);
    this.srcWeightCum = prefixSums(unitWeights(features.src, features.weight));
    this.tgtWeightCum = prefixSums(unitWeights(features.tgt, features.weight));
    this.srcMask = conceptMasks(features.src);
    this.tgtMask = conceptMasks(features.tgt);
  }

  /** Standard deviation unit of the length model (`lengthCost` divides by it). */
  private readonly lengthScale: number;

  /** `lengthCost` of this scorer's model, written out: the DP calls it for every cell and shape. */
  private lengthCost(srcChars: number, tgtChars: number): number {
    const ratio = this.model.ratio;
    const delta = Math.abs(tgtChars - ratio * srcChars) / Math.sqrt(Math.max(1, (srcChars + tgtChars / ratio) / 2));
    return Math.min(LENGTH_CAP, delta / this.lengthScale);
  }

  /** Evidence of the bead src[i0, i1) × tgt[k0, k1). */
  evidence(i0: number, i1: number, k0: number, k1: number): BeadEvidence {
    const { src, tgt } = this.features;
    const srcChars = this.srcCum[i1] - this.srcCum[i0];
    const tgtChars = this.tgtCum[k1] - this.tgtCum[k0];
    let unshared = 0;
    for (let i = i0; i < i1; i++) unshared += src.unshared[i];
    for (let k = k0; k < k1; k++) unshared += tgt.unshared[k];
    this.match(i0, i1, k0, k1);
    return { srcChars, tgtChars, matched: this.matched, missed: this.missed, unshared };
  }

  /** Matched weight of the last `match` call (a field, so the hot loop allocates nothing). */
  private matched = 0;
  /** Missed weight of the last `match` call: anchors whose concept found no partner at all. */
  private missed = 0;

  /**
   * Total anchor weight of src[i0, i1) and tgt[k0, k1); sets `matched` (anchors paired as
   * multisets) and `missed`; an unpaired repeat of a concept paired in the bead counts REPEAT_MISS.
   */
  private match(i0: number, i1: number, k0: number, k1: number): number {
    const { src, tgt, weight } = this.features;
    const counts = this.counts;
    const paired = this.paired;
    let total = 0;
    let matched = 0;
    let missed = 0;
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
        paired[id] = 1;
      } else {
        missed += paired[id] === 0 ? weight[id] : REPEAT_MISS * weight[id];
      }
    }
    for (let p = src.anchorStart[i0]; p < sEnd; p++) {
      const id = src.anchorIds[p];
      if (paired[id] === 0) missed += weight[id];
      else if (counts[id] > 0) {
        missed += REPEAT_MISS * weight[id];
        counts[id] -= 1;
      }
    }
    for (let p = src.anchorStart[i0]; p < sEnd; p++) {
      counts[src.anchorIds[p]] = 0;
      paired[src.anchorIds[p]] = 0;
    }
    this.matched = matched;
    this.missed = missed;
    return total;
  }

  /**
   * True when the anchors of `many`[x] that occur in `one`[o0, o1) weigh less than `least`
   * (a tiny weight: none at all; FURNITURE_EARNS: no number, name or lexicon word).
   */
  private silent(many: SideFeatures, x: number, one: SideFeatures, o0: number, o1: number, least = WEIGHT_EPSILON): boolean {
    const mark = this.mark;
    const weight = this.features.weight;
    const oEnd = one.anchorStart[o1];
    for (let p = one.anchorStart[o0]; p < oEnd; p++) mark[one.anchorIds[p]] = 1;
    let shared = 0;
    for (let p = many.anchorStart[x]; p < many.anchorStart[x + 1] && shared < least; p++) {
      if (mark[many.anchorIds[p]] === 1) shared += weight[many.anchorIds[p]];
    }
    for (let p = one.anchorStart[o0]; p < oEnd; p++) mark[one.anchorIds[p]] = 0;
    return shared < least;
  }

  /**
   * Extra cost of a merged bead for an edge sentence of its multi-sentence side that has to earn
   * its place and does not: it shares no anchor with the other side, and the bead's length fit
   * without it is not clearly worse (glued-on menus, dates, headlines of other stories).
   */
  private mergeCost(i0: number, i1: number, k0: number, k1: number, srcChars: number, tgtChars: number, lc: number): number {
    if (this.silentCost === 0) return 0;
    let extra = 0;
    // Every sentence of a merged side, not only its ends: a 3-1 bead can hide two glued lines.
    if (k1 - k0 > 1) for (let k = k0; k < k1; k++) if (this.gluedOn(false, k, i0, i1, k0, k1, srcChars, tgtChars, lc)) extra += this.silentCost;
    if (i1 - i0 > 1) for (let i = i0; i < i1; i++) if (this.gluedOn(true, i, i0, i1, k0, k1, srcChars, tgtChars, lc)) extra += this.silentCost;
    return extra;
  }

  /**
   * Whether sentence x of a merged bead's side (`onSrc`) has to earn its place and does not (see
   * `mergeCost`). A method, not a closure made per call: the DP calls `mergeCost` for every merge it tries.
   */
  private gluedOn(onSrc: boolean, x: number, i0: number, i1: number, k0: number, k1: number, srcChars: number, tgtChars: number, lc: number): boolean {
    const { src, tgt } = this.features;
    // The sentence's own place on its side: furniture sits at that side's ends, whatever the other side's.
    if (x >= EDGE_ZONE && x < (onSrc ? src.count : tgt.count) - EDGE_ZONE) return false;
    const silent = onSrc ? this.silent(src, x, tgt, k0, k1) : this.silent(tgt, x, src, i0, i1);
    if (!silent) return false;
    const without = onSrc
      ? lengthCost(srcChars - src.chars[x], tgtChars, this.model)
      : lengthCost(srcChars, tgtChars - tgt.chars[x], this.model);
    return without - lc < CLEAR_GAIN;
  }

  /** Lines of the bead src[i0, i1) × tgt[k0, k1) seen in other documents that share no content anchor with its other side. */
  silentFurniture(i0: number, i1: number, k0: number, k1: number): number {
    if (this.srcFurnitureCum[i1] === this.srcFurnitureCum[i0] && this.tgtFurnitureCum[k1] === this.tgtFurnitureCum[k0]) return 0;
    const { src, tgt } = this.features;
    let count = 0;
    for (let i = i0; i < i1; i++) if (this.srcFurniture[i] === 1 && this.silent(src, i, tgt, k0, k1, FURNITURE_EARNS)) count++;
    for (let k = k0; k < k1; k++) if (this.tgtFurniture[k] === 1 && this.silent(tgt, k, src, i0, i1, FURNITURE_EARNS)) count++;
    return count;
  }

  /** Cost of leaving src[i0, i1) and tgt[k0, k1) unaligned. */
  skipCost(i0: number, i1: number, k0: number, k1: number): number {
    let c = 0;
    for (let i = i0; i < i1; i++) c += this.srcSkip[i];
    for (let k = k0; k < k1; k++) c += this.tgtSkip[k];
    return c;
  }

  cost(i0: number, i1: number, k0: number, k1: number, limit = Infinity): number {
    if (i0 === i1 || k0 === k1) return this.skipCost(i0, i1, k0, k1);
    const srcChars = this.srcCum[i1] - this.srcCum[i0];
    const tgtChars = this.tgtCum[k1] - this.tgtCum[k0];
    const a = i1 - i0;
    const b = k1 - k0;
    const lc = this.lengthCost(srcChars, tgtChars);
    const shape = shapeCost(a, b);
    // The merge and furniture terms are ≥ 0, at most the smaller side's anchor weight can match,
    // and every anchor left unmatched costs at least REPEAT_MISS of its weight.
    const srcWeight = this.srcWeightCum[i1] - this.srcWeightCum[i0];
    const tgtWeight = this.tgtWeightCum[k1] - this.tgtWeightCum[k0];
    const most = Math.min(srcWeight, tgtWeight);
    if (lc + shape - MATCH_GAIN * most + LEAST_MISS * (srcWeight + tgtWeight - 2 * most) > limit + BOUND_SLACK) return Infinity;
    let matched: number;
    let missed: number;
    if ((this.sideMask(this.srcMask, i0, i1) & this.sideMask(this.tgtMask, k0, k1)) === 0) {
      // No concept in common: nothing matches and every anchor is missed in full (the sums are exact).
      matched = 0;
      missed = srcWeight + tgtWeight;
      if (lc + shape + MISS_COST * missed > limit + BOUND_SLACK) return Infinity;
    } else {
      this.match(i0, i1, k0, k1);
      matched = this.matched;
      missed = this.missed;
    }
    const merge = a > 1 || b > 1 ? this.mergeCost(i0, i1, k0, k1, srcChars, tgtChars, lc) : 0;
    const furniture = this.hasFurniture ? FURNITURE_COST * this.silentFurniture(i0, i1, k0, k1) : 0;
    const own = merge + furniture + lc + shape - MATCH_GAIN * matched + MISS_COST * missed;
    return a === 2 && b === 2 && this.splitBacked(i0, k0) ? this.againstSplit(i0, k0, own) : own;
  }

  /** OR of the concept signatures of sentences [from, to) of one side. */
  private sideMask(masks: Int32Array, from: number, to: number): number {
    let mask = 0;
    for (let x = from; x < to; x++) mask |= masks[x];
    return mask;
  }

  /**
   * True when the anchors of the 2-2 bead src[i0, i0 + 2) × tgt[k0, k0 + 2) back its diagonal
   * split (two 1-1 beads): the split is anchored, its two pairs match more than the two crossing
   * pairs, and neither pair's length is far off. A true 2-2 (a sentence boundary moved) shows
   * content crossing over instead, or a half far too short for its counterpart.
   */
  private splitBacked(i0: number, k0: number): boolean {
    const { src, tgt } = this.features;
    for (let d = 0; d < 2; d++) if (this.lengthCost(src.chars[i0 + d], tgt.chars[k0 + d]) > SPLIT_LENGTH) return false;
    const diagonal = this.pairMatch(i0, k0) + this.pairMatch(i0 + 1, k0 + 1);
    if (diagonal < SPLIT_ANCHOR) return false;
    return diagonal > this.pairMatch(i0, k0 + 1) + this.pairMatch(i0 + 1, k0) + WEIGHT_EPSILON;
  }

  /**
   * The cost of a 2-2 bead whose split is backed by anchors: its own cost when it beats the split
   * by SPLIT_DOUBT, else just above the split's, so the DP takes the split. Only the split is
   * made to win: against other paths (a 1-2 and a skip) the bead keeps its own cost.
   */
  private againstSplit(i0: number, k0: number, own: number): number {
    const split = this.cost(i0, i0 + 1, k0, k0 + 1) + this.cost(i0 + 1, i0 + 2, k0 + 1, k0 + 2);
    return own <= split - SPLIT_DOUBT ? own : Math.max(own, split + SPLIT_MARGIN);
  }

  /**
   * Matched anchor weight the source side of the bead src[i0, i1) × tgt[k0, k1) has, on average,
   * with target spans of the same size at CHANCE_OFFSETS (those inside the document): what it
   * matches by chance, through the topic's recurring names and words. 0 when no offset fits.
   */
  chance(i0: number, i1: number, k0: number, k1: number): number {
    let sum = 0;
    let count = 0;
    for (const d of CHANCE_OFFSETS) {
      if (k0 + d < 0 || k1 + d > this.features.tgt.count) continue;
      this.match(i0, i1, k0 + d, k1 + d);
      sum += this.matched;
      count++;
    }
    return count === 0 ? 0 : sum / count;
  }

  /** 0..1 confidence that the bead's sides translate each other; 0 for 1-0 and 0-1 beads. */
  score(i0: number, i1: number, k0: number, k1: number): number {
    if (i0 === i1 || k0 === k1) return 0;
    return evidenceScore(this.evidence(i0, i1, k0, k1), i1 - i0, k1 - k0, this.model);
  }

  /** The matched anchor weight of one unit pair (the coarse scorer's cache). */
  pairMatch(i: number, k: number): number {
    this.match(i, i + 1, k, k + 1);
    return this.matched;
  }
}

/** Prefix sums: out[i] = xs[0] + … + xs[i − 1]. */
function prefixSums(xs: Float64Array): Float64Array {
  const out = new Float64Array(xs.length + 1);
  for (let i = 0; i < xs.length; i++) out[i + 1] = out[i] + xs[i];
  return out;
}

/** Per sentence, the 32-bit signature of its concept ids (bit `id & 31`; see `BeadScorer.srcMask`). */
function conceptMasks(side: SideFeatures): Int32Array {
  const out = new Int32Array(side.count);
  for (let i = 0; i < side.count; i++) {
    let mask = 0;
    for (let p = side.anchorStart[i]; p < side.anchorStart[i + 1]; p++) mask |= 1 << (side.anchorIds[p] & 31);
    out[i] = mask;
  }
  return out;
}

/** Skip cost of each sentence: cheaper when it carries numbers or names the other side never has. */
function skipCosts(side: SideFeatures, weight: Float32Array): Float64Array {
  const shared = ownAnchorWeights(side, weight);
  // A plain loop: `Float64Array.from` with a mapping function is several times slower.
  const out = new Float64Array(side.count);
  for (let i = 0; i < side.count; i++) {
    out[i] = SKIP_COST - Math.min(UNSHARED_CAP, UNSHARED_BONUS * side.unshared[i]) + Math.min(SHARED_CAP, SHARED_PENALTY * shared[i]);
  }
  return out;
}

/** Sentences on each side of a sentence whose anchors make its own ones redundant (a headline restating the lead). */
const NEIGHBOURHOOD = 2;

/** Per sentence, the weight of its anchors that no sentence within NEIGHBOURHOOD on the same side has (a sliding count). */
function ownAnchorWeights(side: SideFeatures, weight: Float32Array): Float64Array {
  const out = new Float64Array(side.count);
  const { anchorStart, anchorIds, count } = side;
  const inWindow = new Int32Array(weight.length);
  const own = new Int32Array(weight.length);
  const add = (i: number, d: number) => {
    for (let p = anchorStart[i]; p < anchorStart[i + 1]; p++) inWindow[anchorIds[p]] += d;
  };
  for (let i = 0; i < Math.min(count, NEIGHBOURHOOD); i++) add(i, 1);
  for (let i = 0; i < count; i++) {
    if (i + NEIGHBOURHOOD < count) add(i + NEIGHBOURHOOD, 1);
    if (i - NEIGHBOURHOOD - 1 >= 0) add(i - NEIGHBOURHOOD - 1, -1);
    for (let p = anchorStart[i]; p < anchorStart[i + 1]; p++) own[anchorIds[p]] += 1;
    for (let p = anchorStart[i]; p < anchorStart[i + 1]; p++) if (inWindow[anchorIds[p]] === own[anchorIds[p]]) out[i] += weight[anchorIds[p]];
    for (let p = anchorStart[i]; p < anchorStart[i + 1]; p++) own[anchorIds[p]] = 0;
  }
  return out;
}

/** Share of the pair's sentences (both sides) with at least one shared anchor. */
function anchorDensity(features: PairFeatures): number {
  let withAnchors = 0;
  for (const side of [features.src, features.tgt]) {
    for (let i = 0; i < side.count; i++) if (side.anchorStart[i + 1] > side.anchorStart[i]) withAnchors++;
  }
  const total = features.src.count + features.tgt.count;
  return total === 0 ? 0 : withAnchors / total;
}

/** Units a coarse bead spans on one side at most (the largest default shape side is 3). */
const MAX_UNITS = 3;

/**
 * Bead costs over merged units of a coarse level (a coarse level only places the band of the
 * next finer one, so it gets no merge checks): a bead's matched weight is the sum over its unit
 * pairs, worked out up front, row by row, into a typed array over the band the DP will search
 * (`rowLo`/`rowHi`: the target units row i may pair with); pairs outside it are worked out each time.
 * Sums of float32 anchor weights are exact in a double, so the order of summation never changes a cost.
 */
export class CoarseScorer implements CostFunction {
  private readonly exact: BeadScorer;
  /** Prefix sums of unit lengths and of unit anchor weights (exact, see above). */
  private readonly srcCum: Float64Array;
  private readonly tgtCum: Float64Array;
  private readonly srcWeightCum: Float64Array;
  private readonly tgtWeightCum: Float64Array;
  /** Matched weight per unit pair in the band. */
  private readonly cache: Float64Array;
  private readonly rowStart: Int32Array;
  private readonly rowLo: Int32Array;
  private readonly rowHi: Int32Array;
  /** Standard deviation unit of the length model (`lengthCost` divides by it). */
  private readonly lengthScale: number;

  /** `band`: target units row i may reach, lo[i]..hi[i] (i = 0..n); absent: the whole lattice. */
  constructor(readonly features: PairFeatures, readonly model: LengthModel, band?: { lo: Int32Array; hi: Int32Array }) {
    this.exact = new BeadScorer(features, model);
    this.srcCum = prefixSums(features.src.chars);
    this.tgtCum = prefixSums(features.tgt.chars);
    this.srcWeightCum = prefixSums(unitWeights(features.src, features.weight));
    this.tgtWeightCum = prefixSums(unitWeights(features.tgt, features.weight));
    this.lengthScale = Math.sqrt(model.variance / 2);
    const n = features.src.count;
    const m = features.tgt.count;
    this.rowLo = new Int32Array(n);
    this.rowHi = new Int32Array(n);
    this.rowStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      // Pair (i, k) belongs to beads from row ≤ i to a row in (i, i + MAX_UNITS].
      let hi = -1;
      for (let r = i + 1; r <= Math.min(n, i + MAX_UNITS); r++) hi = Math.max(hi, band ? band.hi[r] - 1 : m - 1);
      this.rowLo[i] = band ? band.lo[i] : 0;
      this.rowHi[i] = hi;
      this.rowStart[i + 1] = this.rowStart[i] + Math.max(0, hi - this.rowLo[i] + 1);
    }
    this.cache = new Float64Array(this.rowStart[n]);
    this.fillPairs();
  }

  /**
   * Matched weight of every pair in the band, as `BeadScorer.pairMatch` gives it (anchors matched
   * as multisets: Σ weight · min(count in i, count in k) over shared concepts). Walks, per distinct
   * concept of source unit i, that concept's target units inside the row's band (`ConceptPostings`)
   * instead of every anchor of every target unit in the band: at the top levels a unit holds
   * hundreds of sentences and the band is the whole lattice, yet a unit pair shares few concepts.
   * The terms are those of a scan over the target units, in another order, and their sums are exact.
   */
  private fillPairs(): void {
    const { weight } = this.features;
    const src = distinctAnchors(this.features.src, weight.length);
    const postings = conceptPostings(distinctAnchors(this.features.tgt, weight.length), weight.length);
    // Per concept, the first posting not below the last row's band start (bands move right row by row).
    const cursor = postings.start.slice(0, weight.length);
    const lastLo = new Int32Array(weight.length);
    for (let i = 0; i < this.features.src.count; i++) {
      const lo = this.rowLo[i];
      const hi = this.rowHi[i];
      const base = this.rowStart[i] - lo;
      for (let q = src.start[i]; q < src.start[i + 1]; q++) {
        const id = src.ids[q];
        const have = src.counts[q];
        const end = postings.start[id + 1];
        let p = lo >= lastLo[id] ? cursor[id] : postings.start[id];
        while (p < end && postings.unit[p] < lo) p++;
        cursor[id] = p;
        lastLo[id] = lo;
        for (; p < end && postings.unit[p] <= hi; p++) this.cache[base + postings.unit[p]] += weight[id] * Math.min(have, postings.count[p]);
      }
    }
  }

  private pair(i: number, k: number): number {
    if (k < this.rowLo[i] || k > this.rowHi[i]) return this.exact.pairMatch(i, k);
    return this.cache[this.rowStart[i] + k - this.rowLo[i]];
  }

  cost(i0: number, i1: number, k0: number, k1: number, limit = Infinity): number {
    if (i0 === i1 || k0 === k1) return this.exact.skipCost(i0, i1, k0, k1);
    const srcChars = this.srcCum[i1] - this.srcCum[i0];
    const tgtChars = this.tgtCum[k1] - this.tgtCum[k0];
    const total = (this.srcWeightCum[i1] - this.srcWeightCum[i0]) + (this.tgtWeightCum[k1] - this.tgtWeightCum[k0]);
    // `lengthCost` written out (the DP calls this for every cell and shape).
    const ratio = this.model.ratio;
    const delta = Math.abs(tgtChars - ratio * srcChars) / Math.sqrt(Math.max(1, (srcChars + tgtChars / ratio) / 2));
    const lc = Math.min(LENGTH_CAP, delta / this.lengthScale);
    const shape = shapeCost(i1 - i0, k1 - k0);
    // Lower bound: the miss term is ≥ 0 and the matched weight is capped at half the total below.
    if (lc + shape - MATCH_GAIN * (total / 2) > limit + BOUND_SLACK) return Infinity;
    let matched = 0;
    for (let i = i0; i < i1; i++) for (let k = k0; k < k1; k++) matched += this.pair(i, k);
    matched = Math.min(matched, total / 2);
    return lc + shape - MATCH_GAIN * matched + MISS_COST * (total - 2 * matched);
  }
}

/** A side's anchors per unit as distinct concept ids with their counts (CSR, as `SideFeatures`). */
interface DistinctAnchors {
  start: Int32Array;
  ids: Int32Array;
  counts: Int32Array;
}

/** Per concept, the target units holding it and how often, in unit order (CSR over concept ids). */
interface ConceptPostings {
  start: Int32Array;
  unit: Int32Array;
  count: Int32Array;
}

/** `DistinctAnchors` of a side turned around: for each concept, its units with counts. */
function conceptPostings(side: DistinctAnchors, concepts: number): ConceptPostings {
  const start = new Int32Array(concepts + 1);
  const units = side.start.length - 1;
  for (let q = 0; q < side.start[units]; q++) start[side.ids[q] + 1] += 1;
  for (let c = 0; c < concepts; c++) start[c + 1] += start[c];
  const next = start.slice(0, concepts);
  const unit = new Int32Array(start[concepts]);
  const count = new Int32Array(start[concepts]);
  for (let u = 0; u < units; u++) {
    for (let q = side.start[u]; q < side.start[u + 1]; q++) {
      const at = next[side.ids[q]]++;
      unit[at] = u;
      count[at] = side.counts[q];
    }
  }
  return { start, unit, count };
}

/** Each unit's anchors collapsed to distinct ids with counts: a top-level unit repeats a concept many times. */
function distinctAnchors(side: SideFeatures, concepts: number): DistinctAnchors {
  const slot = new Int32Array(concepts).fill(-1);
  const start = new Int32Array(side.count + 1);
  const ids = new Int32Array(side.anchorIds.length);
  const counts = new Int32Array(side.anchorIds.length);
  let size = 0;
  for (let u = 0; u < side.count; u++) {
    const from = size;
    for (let p = side.anchorStart[u]; p < side.anchorStart[u + 1]; p++) {
      const id = side.anchorIds[p];
      if (slot[id] < from) {
        slot[id] = size;
        ids[size++] = id;
      }
      counts[slot[id]] += 1;
    }
    start[u + 1] = size;
  }
  return { start, ids, counts };
}

/** Total anchor weight of each unit of a side. */
function unitWeights(side: SideFeatures, weight: Float32Array): Float64Array {
  const out = new Float64Array(side.count);
  for (let i = 0; i < side.count; i++) {
    for (let p = side.anchorStart[i]; p < side.anchorStart[i + 1]; p++) out[i] += weight[side.anchorIds[p]];
  }
  return out;
}

/** Log-odds that an `a`-`b` bead's sides translate each other, from its own evidence only. */
export function evidenceLogit(e: BeadEvidence, a: number, b: number, model: LengthModel): number {
  return SCORE_BIAS + SCORE_MATCH * e.matched - SCORE_MISS * (e.missed + (e.unshared ?? 0))
    - SCORE_LENGTH * lengthCost(e.srcChars, e.tgtChars, model) - SCORE_SHAPE * shapeCost(a, b);
}

/** The calibrated 0..1 score of bead evidence for an `a`-`b` bead, with no context. */
export function evidenceScore(e: BeadEvidence, a: number, b: number, model: LengthModel): number {
  return sigmoid(evidenceLogit(e, a, b, model));
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * Aligned (non-skip) beads on each side of a bead whose anchors make up its context: five, so a
 * neighbourhood holds enough anchored sentences to tell a parallel stretch from chance agreement.
 */
const CONTEXT_BEADS = 5;
/** Log-odds per unit of anchor weight the neighbours match beyond chance, and per unit they miss. */
const CONTEXT_MATCH = 1;
const CONTEXT_MISS = 0.5;
/**
 * Log-odds a bead's neighbourhood must earn back before its length fit counts: the own-evidence
 * bias (SCORE_BIAS) assumes the documents translate each other, which only anchors beyond chance
 * show. Three nats: about three names (or five lexicon words) matched beyond chance among ten
 * neighbours; a neighbourhood with none takes a silent bead of fitting length from ~0.8 to ~0.2.
 */
const UNANCHORED_PRIOR = 3;
/** The plain context (no chance estimates; `alignSentences` by default): three beads a side, as before. */
const PLAIN_BEADS = 3;
const PLAIN_MATCH = 0.8;
const PLAIN_MISS = 0.7;
/** Bounds of the context term: support saturates, and no context can erase strong own evidence. */
const CONTEXT_MAX = 2;
const CONTEXT_MIN = -3 - UNANCHORED_PRIOR;
/**
 * Target offsets at which a bead's source sentences are paired off the path to estimate chance
 * agreement (what the same sentences match in a text of the same topic that is not their
 * translation): near enough to share the topic, past the ±1 of a moved sentence boundary.
 */
export const CHANCE_OFFSETS: readonly number[] = [-6, -5, -4, -3, -2, 2, 3, 4, 5, 6];

/**
 * 0..1 scores of the beads of one alignment path: each bead's own evidence plus its context,
 * the anchors its aligned neighbours match beyond chance and miss. A bead on a diagonal of
 * matching anchors is trusted even when it has no anchors itself (a short sentence, a small
 * lexicon); a bead whose neighbours match no more than sentences off the path do (two unrelated
 * texts of similar lengths, even on one topic) is not: the length fit alone never scores high.
 * `shapes[j]` = [source count, target count] of bead j; skip beads score 0. `chance[j]`: bead j's
 * matched weight expected by chance (`BeadScorer.chance`); absent, 0 (every match counts).
 */
export function pathScores(evidence: BeadEvidence[], shapes: Array<[number, number]>, model: LengthModel, chance?: readonly number[]): number[] {
  // Without chance estimates: the plain context (every match counts, no prior to earn back).
  const prior = chance === undefined ? 0 : UNANCHORED_PRIOR;
  const [width, matchRate, missRate] = chance === undefined ? [PLAIN_BEADS, PLAIN_MATCH, PLAIN_MISS] : [CONTEXT_BEADS, CONTEXT_MATCH, CONTEXT_MISS];
  const aligned: number[] = [];
  shapes.forEach(([a, b], j) => { if (a > 0 && b > 0) aligned.push(j); });
  const out = new Array<number>(shapes.length).fill(0);
  aligned.forEach((j, p) => {
    let lift = 0;
    let missed = 0;
    for (let q = Math.max(0, p - width); q <= Math.min(aligned.length - 1, p + width); q++) {
      if (q === p) continue;
      const e = evidence[aligned[q]];
      lift += Math.max(0, e.matched - (chance?.[aligned[q]] ?? 0));
      missed += e.missed + (e.unshared ?? 0);
    }
    const support = matchRate * lift - missRate * missed - prior;
    const context = Math.min(CONTEXT_MAX, Math.max(CONTEXT_MIN + UNANCHORED_PRIOR - prior, support));
    out[j] = sigmoid(evidenceLogit(evidence[j], shapes[j][0], shapes[j][1], model) + context);
  });
  return out;
}
