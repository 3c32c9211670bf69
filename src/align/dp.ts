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

function oneToOne(shape: Shape): number {
  return shape[0] === 1 && shape[1] === 1 ? 1 : 0;
}

/** The minimum-cost path through the band as lattice points from (0, 0) to (n, m). */
function searchBand(n: number, m: number, band: Band, shapes: Shape[], scorer: CostFunction): Array<[number, number]> {
  // 1-1 first: the usual winner sets a tight bound early, so the scorers can stop early on the rest.
  const order = shapes.map((_, s) => s).sort((x, y) => oneToOne(shapes[y]) - oneToOne(shapes[x]));
  const shapeSrc = Int32Array.from(order, (s) => shapes[s][0]);
  const shapeTgt = Int32Array.from(order, (s) => shapes[s][1]);
  const shapeId = Uint8Array.from(order);
  const count = shapes.length;
  const { lo, hi } = band;
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) offset[i + 1] = offset[i] + Math.max(0, hi[i] - lo[i] + 1);
  const cost = new Float64Array(offset[n + 1]).fill(Infinity);
  const back = new Uint8Array(offset[n + 1]);
  cost[0] = 0;
  // Per shape, the previous row's target range and cell base for the current row (hoisted out of the cell loop).
  const prevLo = new Int32Array(count);
  const prevHi = new Int32Array(count);
  const prevBase = new Int32Array(count);
  for (let i = 0; i <= n; i++) {
    const rowEnd = hi[i];
    for (let s = 0; s < count; s++) {
      const pi = i - shapeSrc[s];
      // A row before the first: an empty range, so the shape is never taken.
      prevLo[s] = pi < 0 ? 1 : lo[pi];
      prevHi[s] = pi < 0 ? 0 : hi[pi];
      prevBase[s] = pi < 0 ? 0 : offset[pi] - lo[pi];
    }
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
  return backtrack(n, m, band, offset, back, shapes);
}

function backtrack(n: number, m: number, band: Band, offset: Int32Array, back: Uint8Array, shapes: Shape[]): Array<[number, number]> {
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
 * and the band that level's search will visit.
 */
export function alignPath(
  features: PairFeatures, shapes: Shape[], makeScorer: (f: PairFeatures, coarse: boolean, band: Band) => CostFunction, coarse = false,
): Array<[number, number]> {
  const n = features.src.count;
  const m = features.tgt.count;
  let band = fullBand(n, m);
  if ((n + 1) * (m + 1) > FULL_SEARCH_CELLS && n > 1 && m > 1) {
    const factor = coarse && (n + 1) * (m + 1) > QUARTER_CELLS ? COARSE_FACTOR : FIRST_FACTOR;
    const half: PairFeatures = { src: coarsen(features.src, factor), tgt: coarsen(features.tgt, factor), weight: features.weight };
    band = projectBand(alignPath(half, shapes, makeScorer, true), n, m, BAND_MARGIN, factor);
  }
  return searchBand(n, m, band, shapes, makeScorer(features, coarse, band));
}
