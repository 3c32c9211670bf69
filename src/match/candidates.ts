/**
 * Candidate generation through an inverted index on the evidence features, so the cost grows
 * with the number of documents, not with #EN × #RU: each English document only meets the
 * Russian documents it shares a feature with, features shared by too many documents
 * (stop-features such as `Lukashenko` in a Belarusian corpus) are skipped, and only the top-K
 * Russian documents per English one (and top-K English per Russian one) are kept.
 */
import type { DocEvidence } from './evidence.js';
import type { FeatureWeights } from './score.js';

/** Candidates kept per document on each side: the right counterpart is nearly always in the first few. */
export const TOP_K = 8;
/** A feature posted for more than this share of the Russian documents is a stop-feature... */
const STOP_FEATURE_SHARE = 0.02;
/** ...but a posting list this short is always used, so small corpora lose nothing. */
const MIN_STOP_POSTINGS = 50;

/** A pair of indices (into the English and Russian arrays) worth scoring. */
export interface CandidatePair {
  en: number;
  ru: number;
}

/** Feature → indices of the Russian documents that have it. */
function buildIndex(ru: readonly DocEvidence[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < ru.length; i++) {
    for (const f of ru[i].features.keys()) {
      const postings = index.get(f);
      if (postings) postings.push(i);
      else index.set(f, [i]);
    }
  }
  return index;
}

/** The `k` indices of `touched` with the highest `acc`, best first. */
function topK(touched: readonly number[], acc: Float64Array, k: number): number[] {
  return [...touched].sort((a, b) => acc[b] - acc[a]).slice(0, k);
}

/** Keeps the `k` best (by `value`) entries of a small list, in place. */
function pushBounded(list: Array<[number, number]>, item: number, value: number, k: number): void {
  if (list.length < k) {
    list.push([item, value]);
    return;
  }
  let worst = 0;
  for (let i = 1; i < list.length; i++) if (list[i][1] < list[worst][1]) worst = i;
  if (value > list[worst][1]) list[worst] = [item, value];
}

/**
 * Candidate pairs between `en` and `ru`: for each English document, the Russian documents with
 * the largest shared weight over non-stop features (top-K), plus the same from the Russian side.
 */
export function generateCandidates(en: readonly DocEvidence[], ru: readonly DocEvidence[], weights: FeatureWeights): CandidatePair[] {
  const index = buildIndex(ru);
  const maxPostings = Math.max(MIN_STOP_POSTINGS, Math.ceil(ru.length * STOP_FEATURE_SHARE));
  const acc = new Float64Array(ru.length);
  const bestForRu: Array<Array<[number, number]>> = ru.map(() => []);
  const pairs = new Set<number>();
  for (let e = 0; e < en.length; e++) {
    const touched: number[] = [];
    for (const f of en[e].features.keys()) {
      const postings = index.get(f);
      if (!postings || postings.length > maxPostings) continue;
      const w = weights.weight(f);
      for (const r of postings) {
        if (acc[r] === 0) touched.push(r);
        acc[r] += w;
      }
    }
    for (const r of topK(touched, acc, TOP_K)) pairs.add(e * ru.length + r);
    for (const r of touched) {
      pushBounded(bestForRu[r], e, acc[r], TOP_K);
      acc[r] = 0;
    }
  }
  bestForRu.forEach((list, r) => list.forEach(([e]) => pairs.add(e * ru.length + r)));
  return [...pairs].map((p) => ({ en: Math.floor(p / ru.length), ru: p % ru.length }));
}
