/**
 * One-to-one assignment on the scored candidate graph: user-forced pairs first, then greedy by
 * score (near-optimal here: a true pair's score is far above its competitors'), with a threshold,
 * and a margin over the runner-up when the evidence is thin.
 */
import type { DocPair, PairEvidence } from '../types.js';

/** A scored English/Russian candidate pair (document ids). */
export interface Candidate {
  enId: number;
  ruId: number;
  score: number;
  evidence: PairEvidence;
}

/** What the assignment needs besides the candidates. */
export interface AssignOptions {
  threshold: number;
  /** Below `threshold + thinZone`, the pair must score at least `margin` times each side's free runner-up. */
  thinZone: number;
  margin: number;
  forced: ReadonlyArray<[number, number]>;
  excluded: ReadonlySet<number>;
}

/** Minimum pair score; measured on NTREX scrambles and the seeds (see bench/README.md `## match`). */
export const DEFAULT_THRESHOLD = 0.08;

/** Evidence for a forced pair that was never scored. */
const EMPTY_EVIDENCE: PairEvidence = { numbers: [], names: [], titleSimilarity: 0, lengthRatio: 0 };

/** Each document id's candidates, best first. */
function candidatesByDoc(candidates: readonly Candidate[]): Map<number, Candidate[]> {
  const out = new Map<number, Candidate[]>();
  for (const c of candidates) {
    for (const id of [c.enId, c.ruId]) {
      const list = out.get(id);
      if (list) list.push(c);
      else out.set(id, [c]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.score - a.score);
  return out;
}

/** The best score among `id`'s candidates other than `c` whose other document is still free. */
function runnerUp(id: number, c: Candidate, byDoc: Map<number, Candidate[]>, taken: ReadonlySet<number>): number {
  for (const other of byDoc.get(id) ?? []) {
    if (other === c) continue;
    const otherId = other.enId === id ? other.ruId : other.enId;
    if (!taken.has(otherId)) return other.score;
  }
  return 0;
}

/**
 * True when a pair's score is clear of the runner-up on both sides among documents still free
 * (or high enough not to need it): thin evidence must not decide between near-equal rivals.
 */
function clearOfRunnerUp(c: Candidate, byDoc: Map<number, Candidate[]>, taken: ReadonlySet<number>, options: AssignOptions): boolean {
  if (c.score >= options.threshold + options.thinZone) return true;
  const rival = Math.max(runnerUp(c.enId, c, byDoc, taken), runnerUp(c.ruId, c, byDoc, taken));
  return c.score >= rival * options.margin;
}

/** The 1-1 pairs: forced ones (manual) then greedy by score among the rest. */
export function assignPairs(candidates: readonly Candidate[], options: AssignOptions): DocPair[] {
  const pairs: DocPair[] = [];
  // Document ids are unique across languages, so one set holds both sides.
  const taken = new Set<number>();
  const byPair = new Map(candidates.map((c) => [`${c.enId}:${c.ruId}`, c]));
  for (const [enId, ruId] of options.forced) {
    if (taken.has(enId) || taken.has(ruId)) continue;
    const c = byPair.get(`${enId}:${ruId}`);
    pairs.push({ enId, ruId, score: c?.score ?? 0, manual: true, evidence: c?.evidence ?? EMPTY_EVIDENCE });
    taken.add(enId);
    taken.add(ruId);
  }
  const byDoc = candidatesByDoc(candidates);
  const sorted = [...candidates].sort((a, b) => b.score - a.score || a.enId - b.enId || a.ruId - b.ruId);
  for (const c of sorted) {
    if (c.score < options.threshold) break;
    if (taken.has(c.enId) || taken.has(c.ruId)) continue;
    if (options.excluded.has(c.enId) || options.excluded.has(c.ruId)) continue;
    if (!clearOfRunnerUp(c, byDoc, taken, options)) continue;
    pairs.push({ enId: c.enId, ruId: c.ruId, score: c.score, manual: false, evidence: c.evidence });
    taken.add(c.enId);
    taken.add(c.ruId);
  }
  return pairs;
}
