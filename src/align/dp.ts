/**
 * Dynamic programming over bead shapes inside a band of the (source × target) lattice, made
 * linear by a coarse-to-fine search: align a half-resolution copy (pairs of sentences merged)
 * first, then search only a band around the projected path (as vecalign does).
 */
import { coarsen, type PairFeatures } from './anchors.js';
import type { CostFunction } from './score.js';

/** A bead shape: how many source and target sentences it takes. */
export type Shape = [number, number];

/** Allowed target range per lattice row i (sentences of the source consumed): [lo[i], hi[i]]. */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/** A lattice cell count up to which the whole lattice is searched (≈ 250 × 250 sentences). */
const FULL_SEARCH_CELLS = 60_000;
/** Units (sentences at the fine level) of slack on each side of a projected coarse path. */
const BAND_MARGIN = 4;
/**
 * Units per unit of the next coarser level: 2 below the sentence level and near the top (the
 * level that places the band of a fully searched one), 4 in between on large lattices, so the
 * coarse levels together cost much less than the fine one instead of as much. A band of
 * BAND_MARGIN units stays exact on the levels that matter most for the result.
 */
const FIRST_FACTOR = 2;
const COARSE_FACTOR = 4;
/** Lattice cells above which a coarse level is coarsened by COARSE_FACTOR (its next level is still large). */
const QUARTER_CELLS = COARSE_FACTOR * COARSE_FACTOR * FULL_SEARCH_CELLS;

/** The whole lattice of n × m sentences as a band. */
function fullBand(n: number, m: number): Band {
  return { lo: new Int32Array(n + 1), hi: new Int32Array(n + 1).fill(m) };
}

/** A band of `margin` around the path of an alignment at 1/`factor` resolution, projected to n × m. */
function projectBand(path: Array<[number, number]>, n: number, m: number, margin: number, factor: number): Band {
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1);
  for (let p = 1; p < path.length; p++) {
    const [i0, k0] = path[p - 1];
    const [i1, k1] = path[p];
    const rowEnd = Math.min(n, factor * i1);
    for (let i = Math.min(n, factor * i0); i <= rowEnd; i++) {
      lo[i] = Math.min(lo[i], Math.max(0, factor * k0 - margin));
      hi[i] = Math.max(hi[i], Math.min(m, factor * k1 + margin));
    }
  }
  // Widen by rows too: the fine path may cross a coarse boundary a little early or late.
  const out = { lo: new Int32Array(lo), hi: new Int32Array(hi) };
  for (let i = 0; i <= n; i++) {
    for (let d = 1; d <= margin; d++) {
      if (i - d >= 0) out.lo[i] = Math.min(out.lo[i], lo[i - d]);
      if (i + d <= n) out.hi[i] = Math.max(out.hi[i], hi[i + d]);
    }
  }
  out.lo[0] = 0;
  out.hi[n] = m;
  return out;
}

/**
 * What both band searches need: the shapes in search order (1-1 first: the usual winner sets a
 * tight bound early, so the scorers can stop early on the rest) as parallel arrays, and each
 * band row's first cell in one flat table (`offset[i]`; `offset[n + 1]` cells in all).
 */
function layout(n: number, band: Band, shapes: Shape[]): { order: number[]; shapeSrc: Int32Array; shapeTgt: Int32Array; shapeId: Uint8Array; offset: Int32Array } {
  const order = shapes.map((_, s) => s).sort((x, y) => oneToOne(shapes[y]) - oneToOne(shapes[x]));
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + Math.max(0, band.hi[i] - band.lo[i] + 1);
  return {
    order,
    shapeSrc: Int32Array.from(order, (s) => shapes[s][0]),
    shapeTgt: Int32Array.from(order, (s) => shapes[s][1]),
    shapeId: Uint8Array.from(order),
    offset,
  };
}

/** Per shape, the previous row's target range and cell base for the current row (hoisted out of the cell loop). */
class PreviousRows {
  readonly prevLo: Int32Array;
  readonly prevHi: Int32Array;
  readonly prevBase: Int32Array;

  constructor(shapes: number) {
    this.prevLo = new Int32Array(shapes);
    this.prevHi = new Int32Array(shapes);
    this.prevBase = new Int32Array(shapes);
  }

  /** Fills the arrays for row `i` of the band, shapes taking `shapeSrc[s]` source sentences. */
  fill(i: number, shapeSrc: Int32Array, band: Band, offset: Int32Array): void {
    const { lo, hi } = band;
    for (let s = 0; s < shapeSrc.length; s++) {
      const pi = i - shapeSrc[s];
      // A row before the first: an empty range, so the shape is never taken.
      this.prevLo[s] = pi < 0 ? 1 : lo[pi];
      this.prevHi[s] = pi < 0 ? 0 : hi[pi];
      this.prevBase[s] = pi < 0 ? 0 : offset[pi] - lo[pi];
    }
  }
}

function oneToOne(shape: Shape): number {
  return shape[0] === 1 && shape[1] === 1 ? 1 : 0;
}

/**
 * DP states (Gotoh): the last bead was not a single skip (OTHER); the first 1-0 of a run of 1-0
 * beads (SRC_OPEN) or a later one (SRC_RUN, discounted from the run's third skip on); the same
 * for 0-1 (TGT_OPEN, TGT_RUN). A run opens from the cheapest state of its cell, whatever it is.
 */
const OTHER = 0;
const SRC_OPEN = 1;
const SRC_RUN = 2;
const TGT_OPEN = 3;
const TGT_RUN = 4;
/** Bits of `Lattice.from`: a run state's cheapest way in was the same run (else the run's open state). */
const SRC_EXTENDS = 1;
const TGT_EXTENDS = 2;

/** The kind of bead of `shape`: SRC_OPEN for 1-0, TGT_OPEN for 0-1, OTHER for the rest. */
function kindOf(shape: Shape): number {
  if (shape[0] === 1 && shape[1] === 0) return SRC_OPEN;
  return shape[0] === 0 && shape[1] === 1 ? TGT_OPEN : OTHER;
}

/** What backtracking needs of the search over one band (typed arrays per cell: memory stays linear in the band). */
interface Lattice {
  offset: Int32Array;
  /** Which state reaches the cell cheapest. */
  bestState: Uint8Array;
  /** State OTHER: the index into `shapes` of the last bead. */
  shape: Uint8Array;
  /** SRC_EXTENDS / TGT_EXTENDS bits of the cell. */
  from: Uint8Array;
}

/**
 * The minimum-cost path through the band as lattice points from (0, 0) to (n, m). The third and
 * every later 1-0 (0-1) bead of an uninterrupted run of 1-0 (0-1) beads costs `extendDiscount`
 * nats less than the scorer says (an affine gap cost, Gotoh 1982), searched exactly with the
 * states above; the first two skips of a run cost what the scorer says. Every bead enters a cell
 * from the cheapest state of its origin but a run's extension, so one "best" cost per cell bounds
 * the scorers as before.
 */
function searchBand(n: number, m: number, band: Band, shapes: Shape[], scorer: CostFunction, extendDiscount: number): Array<[number, number]> {
  const { order, shapeSrc, shapeTgt, shapeId, offset } = layout(n, band, shapes);
  const shapeKind = Uint8Array.from(order, (s) => kindOf(shapes[s]));
  const count = order.length;
  const { lo, hi } = band;
  const cells = offset[n + 1];
  const table = () => new Float64Array(cells).fill(Infinity);
  // The cheapest cost over all states, and the costs of the four run states.
  const best = table();
  const srcOpen = table();
  const srcRun = table();
  const tgtOpen = table();
  const tgtRun = table();
  const bestState = new Uint8Array(cells);
  const shape = new Uint8Array(cells);
  const from = new Uint8Array(cells);
  best[0] = 0;
  const discount = extendDiscount;
  const prev = new PreviousRows(count);
  const { prevLo, prevHi, prevBase } = prev;
  for (let i = 0; i <= n; i++) {
    const rowEnd = hi[i];
    prev.fill(i, shapeSrc, band, offset);
    const base = offset[i] - lo[i];
    for (let k = i === 0 ? Math.max(lo[0], 1) : lo[i]; k <= rowEnd; k++) {
      const cell = base + k;
      let low = Infinity;
      let state = OTHER;
      let arg = 0;
      let bits = 0;
      for (let s = 0; s < count; s++) {
        const kind = shapeKind[s];
        const pk = k - shapeTgt[s];
        if (pk < prevLo[s] || pk > prevHi[s]) continue;
        const prev = prevBase[s] + pk;
        const before = best[prev];
        if (kind === OTHER) {
          if (before === Infinity) continue;
          // `low - before`: the most this bead may cost and still win, so the scorer can stop early.
          const c = before + scorer.cost(i - shapeSrc[s], i, pk, k, low - before);
          if (c < low) {
            low = c;
            state = OTHER;
            arg = shapeId[s];
          }
          continue;
        }
        const open = kind === SRC_OPEN ? srcOpen : tgtOpen;
        const run = kind === SRC_OPEN ? srcRun : tgtRun;
        // A run's second skip comes from its open state, later ones from the run (discounted).
        const extended = run[prev] - discount;
        const into = Math.min(open[prev], extended);
        if (before === Infinity && into === Infinity) continue;
        const c = kind === SRC_OPEN ? scorer.cost(i - 1, i, k, k) : scorer.cost(i, i, k - 1, k);
        open[cell] = before + c;
        run[cell] = into + c;
        // Ties stay with the open state: the discount only ever changes a path by rewarding contiguity.
        if (extended < open[prev]) bits |= kind === SRC_OPEN ? SRC_EXTENDS : TGT_EXTENDS;
        if (open[cell] < low) [low, state] = [open[cell], kind];
        if (run[cell] < low) [low, state] = [run[cell], kind === SRC_OPEN ? SRC_RUN : TGT_RUN];
      }
      best[cell] = low;
      bestState[cell] = state;
      shape[cell] = arg;
      from[cell] = bits;
    }
  }
  return backtrack(n, m, band, { offset, bestState, shape, from }, shapes);
}

/** The path of the search's tables, followed back from (n, m) through the states. */
function backtrack(n: number, m: number, band: Band, lattice: Lattice, shapes: Shape[]): Array<[number, number]> {
  const path: Array<[number, number]> = [[n, m]];
  let [i, k] = [n, m];
  const at = (r: number, c: number) => lattice.offset[r] + c - band.lo[r];
  let state = lattice.bestState[at(i, k)];
  while (i > 0 || k > 0) {
    const cell = at(i, k);
    const bits = lattice.from[cell];
    if (state === OTHER) {
      const [a, b] = shapes[lattice.shape[cell]];
      [i, k] = [i - a, k - b];
    } else if (state === SRC_OPEN || state === SRC_RUN) i -= 1;
    else k -= 1;
    path.push([i, k]);
    if (i === 0 && k === 0) break;
    // A run's later skip came from the run or its open state; anything else from the cheapest state.
    if (state === SRC_RUN) state = bits & SRC_EXTENDS ? SRC_RUN : SRC_OPEN;
    else if (state === TGT_RUN) state = bits & TGT_EXTENDS ? TGT_RUN : TGT_OPEN;
    else state = lattice.bestState[at(i, k)];
  }
  return path.reverse();
}

/**
 * The minimum-cost path through the band as lattice points from (0, 0) to (n, m), every skip at
 * the scorer's cost (one state per cell): what the coarse levels use, see `alignPath`.
 */
function searchPlain(n: number, m: number, band: Band, shapes: Shape[], scorer: CostFunction): Array<[number, number]> {
  const { shapeSrc, shapeTgt, shapeId, offset } = layout(n, band, shapes);
  const count = shapes.length;
  const { lo, hi } = band;
  const cost = new Float64Array(offset[n + 1]).fill(Infinity);
  const back = new Uint8Array(offset[n + 1]);
  cost[0] = 0;
  const prev = new PreviousRows(count);
  const { prevLo, prevHi, prevBase } = prev;
  for (let i = 0; i <= n; i++) {
    const rowEnd = hi[i];
    prev.fill(i, shapeSrc, band, offset);
    for (let k = i === 0 ? Math.max(lo[0], 1) : lo[i]; k <= rowEnd; k++) {
      let best = Infinity;
      let arg = 0;
      for (let s = 0; s < count; s++) {
        const pi = i - shapeSrc[s];
        const pk = k - shapeTgt[s];
        if (pk < prevLo[s] || pk > prevHi[s]) continue;
        const before = cost[prevBase[s] + pk];
        if (before === Infinity) continue;
        // `best - before`: the most this bead may cost and still win, so the scorer can stop early.
        const c = before + scorer.cost(pi, i, pk, k, best - before);
        if (c < best) {
          best = c;
          arg = shapeId[s];
        }
      }
      const cell = offset[i] + k - lo[i];
      cost[cell] = best;
      back[cell] = arg;
    }
  }
  return backtrackPlain(n, m, band, offset, back, shapes);
}


/** The path of `searchPlain`'s back pointers, from (n, m) back to (0, 0). */
function backtrackPlain(n: number, m: number, band: Band, offset: Int32Array, back: Uint8Array, shapes: Shape[]): Array<[number, number]> {
  const path: Array<[number, number]> = [[n, m]];
  let [i, k] = [n, m];
  while (i > 0 || k > 0) {
    const [a, b] = shapes[back[offset[i] + k - band.lo[i]]];
    [i, k] = [i - a, k - b];
    path.push([i, k]);
  }
  return path.reverse();
}


/**
 * The best alignment path (lattice points) of a document pair's features, searching the
 * whole lattice when small and a band around a coarse alignment otherwise.
 * `makeScorer` builds the cost function for features of a level (`coarse`: units are merged sentences)
 * and the band that level's search will visit. `extendDiscount`: nats off each skip that extends a
 * one-sided run past its second skip (see `searchBand`), at the sentence level only. The coarse
 * levels keep the plain cost (`searchPlain`, a quarter of the memory and no unpruned state): they
 * only place the band, a coarse skip already stands for a run of merged sentences (two or more
 * per unit, so a skipped block is a short run there and scattered single drops cannot form), and
 * the path between two coarse anchors is re-decided exactly inside BAND_MARGIN.
 */
export function alignPath(
  features: PairFeatures, shapes: Shape[], makeScorer: (f: PairFeatures, coarse: boolean, band: Band) => CostFunction, coarse = false,
  extendDiscount = 0,
): Array<[number, number]> {
  const n = features.src.count;
  const m = features.tgt.count;
  let band = fullBand(n, m);
  if ((n + 1) * (m + 1) > FULL_SEARCH_CELLS && n > 1 && m > 1) {
    const factor = coarse && (n + 1) * (m + 1) > QUARTER_CELLS ? COARSE_FACTOR : FIRST_FACTOR;
    const half: PairFeatures = { src: coarsen(features.src, factor), tgt: coarsen(features.tgt, factor), weight: features.weight };
    band = projectBand(alignPath(half, shapes, makeScorer, true, extendDiscount), n, m, BAND_MARGIN, factor);
  }
  const scorer = makeScorer(features, coarse, band);
  return coarse ? searchPlain(n, m, band, shapes, scorer) : searchBand(n, m, band, shapes, scorer, extendDiscount);
}
