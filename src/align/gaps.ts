/**
 * Gap placement after the DP: every skip costs about the same, so where a run of skipped
 * sentences sits next to an aligned bead is decided by small differences. This pass moves an
 * aligned bead across an adjacent run of skips on one side when that clearly improves the
 * bead's own evidence (its tie is then broken by the evidence, not by noise in skip costs).
 */

/** A bead as lattice coordinates: src[i0, i1) × tgt[k0, k1). */
type Span = [i0: number, i1: number, k0: number, k1: number];

/** Log-odds gain a move must bring: below it the two placements are a tie, keep the DP's. */
const MIN_GAIN = 1;
/** Passes over the path: a move can enable one next to it (a shifted run), but not forever. */
const MAX_PASSES = 4;

/**
 * The path with aligned beads moved across adjacent runs of single-sentence skips where
 * `logit` (own evidence of a bead, higher is better) gains at least MIN_GAIN.
 * `path`: lattice points (0,0)…(n,m) as the DP returns them; the result has the same ends.
 */
export function placeGaps(path: Array<[number, number]>, logit: (i0: number, i1: number, k0: number, k1: number) => number): Array<[number, number]> {
  let spans: Span[] = [];
  for (let p = 1; p < path.length; p++) spans.push([path[p - 1][0], path[p][0], path[p - 1][1], path[p][1]]);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let moved = false;
    for (let j = 0; j < spans.length; j++) {
      const next = moveBead(spans, j, logit);
      if (next !== null) {
        spans = next;
        moved = true;
      }
    }
    if (!moved) break;
  }
  const out: Array<[number, number]> = [[0, 0]];
  for (const [, i1, , k1] of spans) out.push([i1, k1]);
  return out;
}

function isAligned(s: Span): boolean {
  return s[1] > s[0] && s[3] > s[2];
}

/** A skip of one sentence on the target side (`onTgt`) or the source side. */
function isSkip(s: Span, onTgt: boolean): boolean {
  return onTgt ? s[0] === s[1] && s[3] - s[2] === 1 : s[2] === s[3] && s[1] - s[0] === 1;
}

/** The spans with bead j moved to its best place across an adjacent skip run, or null. */
function moveBead(spans: Span[], j: number, logit: (i0: number, i1: number, k0: number, k1: number) => number): Span[] | null {
  const bead = spans[j];
  if (!isAligned(bead)) return null;
  const [i0, i1, k0, k1] = bead;
  const here = logit(i0, i1, k0, k1);
  let best: { gain: number; spans: Span[] } | null = null;
  for (const onTgt of [true, false]) {
    for (const dir of [1, -1]) {
      let r = 0;
      while (spans[j + dir * (r + 1)] !== undefined && isSkip(spans[j + dir * (r + 1)], onTgt)) r++;
      for (let t = 1; t <= r; t++) {
        const shift = dir * t;
        const cand: Span = onTgt ? [i0, i1, k0 + shift, k1 + shift] : [i0 + shift, i1 + shift, k0, k1];
        const gain = logit(...cand) - here;
        if (gain >= MIN_GAIN && (best === null || gain > best.gain)) best = { gain, spans: rebuild(spans, j, dir, r, cand, onTgt) };
      }
    }
  }
  return best?.spans ?? null;
}

/** Spans with bead j and its run of r skips (in direction dir) replaced: skips, the moved bead `cand`, skips. */
function rebuild(spans: Span[], j: number, dir: number, r: number, cand: Span, onTgt: boolean): Span[] {
  const from = dir > 0 ? j : j - r;
  const to = dir > 0 ? j + r : j;
  // The region's lattice corners stay; inside it: skips, then the bead, then skips (in order).
  const start: [number, number] = [spans[from][0], spans[from][2]];
  const end: [number, number] = [spans[to][1], spans[to][3]];
  const region: Span[] = [];
  const skipsUntil = (i: number, k: number, target: [number, number]) => {
    while (onTgt ? k < target[1] : i < target[0]) {
      region.push(onTgt ? [i, i, k, k + 1] : [i, i + 1, k, k]);
      if (onTgt) k++; else i++;
    }
    return [i, k] as const;
  };
  skipsUntil(start[0], start[1], [cand[0], cand[2]]);
  region.push(cand);
  skipsUntil(cand[1], cand[3], end);
  return [...spans.slice(0, from), ...region, ...spans.slice(to + 1)];
}

/**
 * Whether the 1-1 bead src[i0, i1) × tgt[k0, k1) at a document end is page furniture paired by
 * accident. `island`: skips separate it from the rest of the aligned path.
 */
export type EdgeTest = (i0: number, i1: number, k0: number, k1: number, island: boolean) => boolean;

/**
 * Whether the merged edge bead src[i0, i1) × tgt[k0, k1) should lose its outermost sentence on one
 * side (`onSrc`; the first one when `atStart`, else the last) to the document's end run of skips.
 */
export type PeelTest = (i0: number, i1: number, k0: number, k1: number, onSrc: boolean, atStart: boolean) => boolean;

/**
 * Page furniture (menus, datelines, other stories' headlines) comes as a block at a document end,
 * where a dropped sentence on the other side leaves a partner of a fitting length for it. This pass
 * turns the first and the last aligned bead of the path into two skips when it is a 1-1 bead that
 * `furniture` rejects, and peels the outermost sentences off a merged first or last bead while
 * `peel` accepts (a foreign headline glued to the real one because the lengths fit), so the end run
 * of skips takes them. `path`: lattice points (0,0)…(n,m); the result has the same ends.
 */
export function dropEdgeBeads(path: Array<[number, number]>, furniture: EdgeTest, peel?: PeelTest): Array<[number, number]> {
  let spans: Span[] = [];
  for (let p = 1; p < path.length; p++) spans.push([path[p - 1][0], path[p][0], path[p - 1][1], path[p][1]]);
  const first = spans.findIndex(isAligned);
  if (first < 0) return path;
  let last = spans.length - 1;
  while (!isAligned(spans[last])) last--;
  // The last one first: splitting it does not move the first one's index.
  for (const [j, inward] of [[last, -1], [first, 1]] as const) {
    const atStart = inward > 0;
    const merged = peel === undefined ? null : peelEdge(spans[j], atStart, peel);
    if (merged !== null) {
      spans = [...spans.slice(0, j), ...merged, ...spans.slice(j + 1)];
      continue;
    }
    const [i0, i1, k0, k1] = spans[j];
    if (!isAligned(spans[j]) || i1 - i0 !== 1 || k1 - k0 !== 1) continue;
    const next = spans[j + inward];
    const island = next !== undefined && !isAligned(next);
    if (!furniture(i0, i1, k0, k1, island)) continue;
    spans = [...spans.slice(0, j), [i0, i1, k0, k0], [i1, i1, k0, k1], ...spans.slice(j + 1)];
  }
  const out: Array<[number, number]> = [[0, 0]];
  for (const [, i1, , k1] of spans) out.push([i1, k1]);
  return out;
}

/**
 * The merged edge bead `bead` with sentences peeled off its outer end while `peel` accepts, as
 * spans in path order (skips outside, the bead inside), or null when nothing is peeled. A bead is
 * peeled down to 1-1 at most: the last pair is the round-8 1-1 test's business.
 */
function peelEdge(bead: Span, atStart: boolean, peel: PeelTest): Span[] | null {
  let [i0, i1, k0, k1] = bead;
  const skips: Span[] = [];
  for (;;) {
    let took = false;
    for (const onSrc of [true, false]) {
      if ((onSrc ? i1 - i0 : k1 - k0) < 2 || !peel(i0, i1, k0, k1, onSrc, atStart)) continue;
      if (onSrc && atStart) skips.push([i0, i0 + 1, k0, k0]), i0++;
      else if (onSrc) skips.push([i1 - 1, i1, k1, k1]), i1--;
      else if (atStart) skips.push([i0, i0, k0, k0 + 1]), k0++;
      else skips.push([i1, i1, k1 - 1, k1]), k1--;
      took = true;
      break;
    }
    if (!took) break;
  }
  if (skips.length === 0) return null;
  // Skips peeled at the start come before the bead in the order taken; at the end, after it, outermost last.
  return atStart ? [...skips, [i0, i1, k0, k1]] : [[i0, i1, k0, k1], ...skips.reverse()];
}
