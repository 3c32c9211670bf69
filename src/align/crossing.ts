/**
 * Crossing beads after a monotone alignment. Translated news is often an adaptation: an editor
 * moves a quote or a paragraph, and a monotone path (hunalign, vecalign, bertalign, our DP) must
 * then leave one of the two swapped blocks as 1-0 + 0-1 skips. This post-pass pairs such skipped
 * sentences when they clearly translate each other and the pairing crosses the monotone path
 * (a pairing that fits between the same aligned beads was the DP's to take, and it did not).
 *
 * Evidence is the DP's own currency: the gain of a bead is the cost of leaving its sentences
 * skipped minus its cost as a bead. A moved block is a run of such beads (consecutive on both
 * sides), and the run's gains add up, as they would have on the path had the text not moved.
 * Precision first: a block needs a large total gain and matched anchor weight, every bead of it
 * must beat skipping, no sentence of it may pair about as well with a sentence outside the block
 * (a story restating itself makes the partner ambiguous), it must lie within a window of where the
 * path would put it, and it never takes a sentence the caller excludes (page furniture).
 */
import type { Bead } from '../types.js';

/** Own evidence of the candidate bead src[i0, i1) × tgt[k0, k1). */
export interface CrossEvidence {
  /** Nats saved by aligning the sentences as this bead instead of skipping them (DP costs). */
  gain: number;
  /** Log-odds that the sides translate each other (`evidenceLogit`): the bead's score. */
  logit: number;
  /** Anchor weight the sides share (names, numbers 1; lexicon words, cognates 0.6). */
  matched: number;
}

export type CrossEvidenceFn = (i0: number, i1: number, k0: number, k1: number) => CrossEvidence;

export interface CrossingOptions {
  /** Least total gain (nats) of a block of crossing beads. */
  minGain?: number;
  /** Least matched anchor weight of a block. */
  minMatched?: number;
  /** Nats by which each bead of a block must beat pairing one of its sentences outside the block. */
  margin?: number;
  /** Most sentences (on the target side) a block may start from where the path would put it. */
  window?: number;
}

/**
 * Total gain a block needs: two skips cost 4.4 nats, and an unrelated pair of fitting length
 * saves up to about 2 (no anchors, length cost near 0); 6 nats take a pair that matches about
 * two names or four lexicon words at once, or a run of weaker pairs that agree.
 */
const MIN_GAIN = 6;
/** Two names or numbers, or three to four lexicon words / cognates over the block: one shared name is common between unrelated sentences of a story. */
const MIN_MATCHED = 2;
/** One nat: the partner must be clearly the best, not one of two restatements. */
const MARGIN = 1;
/**
 * Editors move quotes and paragraphs within a story, a few paragraphs away; a far "partner" in a
 * long document is more likely a recurring sentence. Also bounds the work to skipped sentences ×
 * window instead of skipped × skipped.
 */
const WINDOW = 30;
/**
 * Bead shapes of a block: [source sentences, target sentences]. 1-1 only: with 1-2/2-1 added, a
 * skipped neighbour was glued onto a moved sentence (5 wrong beads of ~150 over seven scrambles,
 * none with 1-1 only, for a few more links), and a merge across a move has little to vouch for it.
 */
const CROSS_SHAPES: Array<[number, number]> = [[1, 1]];

/** One bead of a candidate block: src[i0, i1) × tgt[k0, k1). */
interface Piece {
  i0: number;
  i1: number;
  k0: number;
  k1: number;
  gain: number;
  logit: number;
  matched: number;
}

/** A run of pieces consecutive on both sides, with its totals. */
interface Block {
  pieces: Piece[];
  gain: number;
  matched: number;
}

/** Per sentence of each side, the number of aligned beads before it (its gap) when skipped, else -1. */
interface Gaps {
  src: Int32Array;
  tgt: Int32Array;
  /** Per gap, the target index where the path resumes after it (where a skipped source sentence projects). */
  tgtAt: number[];
}

/** Gap numbers of the skipped sentences of a monotone alignment over `n` × `m` sentences. */
function gapsOf(beads: readonly Bead[], n: number, m: number): Gaps {
  const src = new Int32Array(n).fill(-1);
  const tgt = new Int32Array(m).fill(-1);
  const tgtAt: number[] = [0];
  let gap = 0;
  for (const b of beads) {
    if (b.src.length > 0 && b.tgt.length > 0) {
      gap++;
      tgtAt.push(b.tgt[b.tgt.length - 1] + 1);
    } else {
      for (const i of b.src) src[i] = gap;
      for (const k of b.tgt) tgt[k] = gap;
    }
  }
  return { src, tgt, tgtAt };
}

/** What a block may use: skipped, not excluded, crossing the path, near where it projects. */
interface Field {
  gaps: Gaps;
  evidence: CrossEvidenceFn;
  usableSrc: (i: number) => boolean;
  usableTgt: (k: number) => boolean;
  window: number;
  /** Gain of the aligned bead holding each sentence (`heldGains`). */
  held: { src: Float64Array; tgt: Float64Array };
}

/** True when sentences [x0, x1) of one side are all skipped in one gap and usable. */
function usableRun(gaps: Int32Array, usable: (x: number) => boolean, x0: number, x1: number): boolean {
  if (x1 > gaps.length) return false;
  for (let x = x0; x < x1; x++) if (gaps[x] < 0 || gaps[x] !== gaps[x0] || !usable(x)) return false;
  return true;
}

/** The piece src[i0, i0 + a) × tgt[k0, k0 + b) with its evidence, or null when it may not be a crossing bead. */
function piece(field: Field, i0: number, a: number, k0: number, b: number): Piece | null {
  const { gaps } = field;
  if (!usableRun(gaps.src, field.usableSrc, i0, i0 + a) || !usableRun(gaps.tgt, field.usableTgt, k0, k0 + b)) return null;
  if (gaps.src[i0] === gaps.tgt[k0]) return null;
  const e = field.evidence(i0, i0 + a, k0, k0 + b);
  return { i0, i1: i0 + a, k0, k1: k0 + b, ...e };
}

/** The best piece starting at (i0, k0) that beats skipping its sentences, or null. */
function bestPiece(field: Field, i0: number, k0: number): Piece | null {
  let best: Piece | null = null;
  for (const [a, b] of CROSS_SHAPES) {
    const p = piece(field, i0, a, k0, b);
    if (p !== null && p.gain > 0 && (best === null || p.gain > best.gain)) best = p;
  }
  return best;
}

/** Candidate blocks: from every seed piece that beats skipping, extended forward while the next piece does too. */
function blocks(field: Field): Block[] {
  const { gaps } = field;
  const out: Block[] = [];
  for (let i = 0; i < gaps.src.length; i++) {
    if (gaps.src[i] < 0 || !field.usableSrc(i)) continue;
    const at = gaps.tgtAt[gaps.src[i]];
    for (let k = Math.max(0, at - field.window); k <= Math.min(gaps.tgt.length - 1, at + field.window); k++) {
      const pieces: Piece[] = [];
      for (let p = bestPiece(field, i, k); p !== null; p = bestPiece(field, p.i1, p.k1)) pieces.push(p);
      if (pieces.length === 0) continue;
      out.push({ pieces, gain: pieces.reduce((s, p) => s + p.gain, 0), matched: pieces.reduce((s, p) => s + p.matched, 0) });
    }
  }
  return out;
}

/**
 * Whether a sentence of piece `p` pairs about as well (within the margin, and better than
 * skipping) with a single sentence of the other side outside `block`, within the window: the
 * partner is then ambiguous, and the monotone path may hold the better one. A sentence the path
 * aligned is such a rival only when this pairing also comes within the margin of the gain of the
 * bead that holds it (`held`): a sentence held by a clearly better bead is taken, and a name it
 * shares with the moved sentence (a speaker quoted on both sides of the move) makes it no rival.
 */
function hasRival(p: Piece, block: Block, field: Field, n: number, m: number, margin: number): boolean {
  const { evidence, window, held } = field;
  const bar = Math.max(0, p.gain - margin);
  const inSrc = (i: number) => block.pieces.some((q) => i >= q.i0 && i < q.i1);
  const inTgt = (k: number) => block.pieces.some((q) => k >= q.k0 && k < q.k1);
  const rival = (gain: number, heldGain: number) => gain > bar && gain > heldGain - margin;
  for (let i = p.i0; i < p.i1; i++) {
    for (let k = Math.max(0, p.k0 - window); k < Math.min(m, p.k1 + window); k++) {
      if (!inTgt(k) && rival(evidence(i, i + 1, k, k + 1).gain, held.tgt[k])) return true;
    }
  }
  for (let k = p.k0; k < p.k1; k++) {
    for (let i = Math.max(0, p.i0 - window); i < Math.min(n, p.i1 + window); i++) {
      if (!inSrc(i) && rival(evidence(i, i + 1, k, k + 1).gain, held.src[i])) return true;
    }
  }
  return false;
}

/** Per sentence of each side, the gain of the aligned bead holding it; -Infinity when skipped. */
function heldGains(beads: readonly Bead[], n: number, m: number, evidence: CrossEvidenceFn): { src: Float64Array; tgt: Float64Array } {
  const src = new Float64Array(n).fill(-Infinity);
  const tgt = new Float64Array(m).fill(-Infinity);
  for (const b of beads) {
    if (b.src.length === 0 || b.tgt.length === 0) continue;
    const gain = evidence(b.src[0], b.src[b.src.length - 1] + 1, b.tgt[0], b.tgt[b.tgt.length - 1] + 1).gain;
    for (const i of b.src) src[i] = gain;
    for (const k of b.tgt) tgt[k] = gain;
  }
  return { src, tgt };
}

/** The blocks to add: largest gain first, over free sentences only, strong enough, without rivals. */
function choose(all: Block[], field: Field, limits: { minGain: number; minMatched: number; margin: number }, n: number, m: number): Block[] {
  const strong = all.filter((b) => b.gain >= limits.minGain && b.matched >= limits.minMatched)
    .sort((a, b) => b.gain - a.gain || a.pieces[0].i0 - b.pieces[0].i0 || a.pieces[0].k0 - b.pieces[0].k0);
  const takenSrc = new Uint8Array(n);
  const takenTgt = new Uint8Array(m);
  const out: Block[] = [];
  for (const block of strong) {
    const free = block.pieces.every((p) => isFree(takenSrc, p.i0, p.i1) && isFree(takenTgt, p.k0, p.k1));
    if (!free || block.pieces.some((p) => hasRival(p, block, field, n, m, limits.margin))) continue;
    for (const p of block.pieces) {
      takenSrc.fill(1, p.i0, p.i1);
      takenTgt.fill(1, p.k0, p.k1);
    }
    out.push(block);
  }
  return out;
}

function isFree(taken: Uint8Array, from: number, to: number): boolean {
  for (let x = from; x < to; x++) if (taken[x] === 1) return false;
  return true;
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * `beads` (a monotone alignment of `n` source × `m` target sentences) with crossing blocks of
 * skipped sentences made into beads. A new bead takes the place of its first source sentence's
 * 1-0 bead; its other source sentences' 1-0 beads and its target sentences' 0-1 beads go. So the
 * result stays in source order and covers every sentence once, but its target side is no longer
 * monotone. A new bead scores its own evidence (sigmoid of its log-odds; no path context applies).
 * `excludedSrc`/`excludedTgt`: sentences never to pair (furniture). Returns `beads` itself when
 * nothing crosses.
 */
export function crossingBeads(
  beads: readonly Bead[],
  n: number,
  m: number,
  evidence: CrossEvidenceFn,
  excludedSrc: (i: number) => boolean,
  excludedTgt: (k: number) => boolean,
  options: CrossingOptions = {},
): readonly Bead[] {
  const single = singleSkips(beads);
  const field: Field = {
    gaps: gapsOf(single, n, m),
    evidence,
    usableSrc: (i) => !excludedSrc(i),
    usableTgt: (k) => !excludedTgt(k),
    window: options.window ?? WINDOW,
    held: heldGains(single, n, m, evidence),
  };
  const limits = { minGain: options.minGain ?? MIN_GAIN, minMatched: options.minMatched ?? MIN_MATCHED, margin: options.margin ?? MARGIN };
  const chosen = choose(blocks(field), field, limits, n, m);
  if (chosen.length === 0) return beads;
  const bySrc = new Map<number, Piece>();
  const goneSrc = new Set<number>();
  const goneTgt = new Set<number>();
  for (const p of chosen.flatMap((b) => b.pieces)) {
    bySrc.set(p.i0, p);
    for (let i = p.i0 + 1; i < p.i1; i++) goneSrc.add(i);
    for (let k = p.k0; k < p.k1; k++) goneTgt.add(k);
  }
  const out: Bead[] = [];
  for (const b of single) {
    if (b.src.length > 0 && b.tgt.length > 0) out.push(b);
    else if (b.src.length > 0) {
      const p = bySrc.get(b.src[0]);
      if (p !== undefined) out.push({ src: range(p.i0, p.i1), tgt: range(p.k0, p.k1), score: sigmoid(p.logit) });
      else if (!goneSrc.has(b.src[0])) out.push(b);
    } else if (!goneTgt.has(b.tgt[0])) out.push(b);
  }
  return out;
}

/** `beads` with every skip bead of several sentences (a 2-0 shape, if the caller allows one) split into single skips. */
function singleSkips(beads: readonly Bead[]): Bead[] {
  const out: Bead[] = [];
  for (const b of beads) {
    if (b.src.length > 0 && b.tgt.length > 0) out.push(b);
    else {
      for (const i of b.src) out.push({ src: [i], tgt: [], score: b.score });
      for (const k of b.tgt) out.push({ src: [], tgt: [k], score: b.score });
    }
  }
  return out;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let j = from; j < to; j++) out.push(j);
  return out;
}
