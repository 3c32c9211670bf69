/**
 * Document matching: which English and Russian documents tell the same story.
 * Evidence that survives translation (numbers, transliterated names, title, length, date) is
 * extracted per document, weighted by rarity, candidates come from an inverted index, each is
 * scored in 0..1, and a 1-1 assignment with a threshold keeps the pairs.
 */
import type { DocPair } from '../types.js';
import { assignPairs, DEFAULT_THRESHOLD, type Candidate } from './assign.js';
import { generateCandidates } from './candidates.js';
import { extractEvidence, type DocEvidence, type MatchDoc } from './evidence.js';
import { featureWeights, scorePair } from './score.js';

export type { MatchDoc } from './evidence.js';
export { DEFAULT_THRESHOLD, type Candidate } from './assign.js';
export { explainDocument, type Explanation } from './explain.js';

/** Pairs scoring less than threshold + this are "thin" and must beat their runner-up... */
const THIN_ZONE = 0.1;
/** ...by this factor. */
const THIN_MARGIN = 1.5;

export interface MatchOptions {
  /** Minimum pair score (default `DEFAULT_THRESHOLD`). */
  threshold?: number;
  /** [enId, ruId] pairs the user made: always in the result, manual=true, both docs taken. */
  forced?: Array<[number, number]>;
  /** Doc ids the user unpaired: never auto-paired. */
  excluded?: number[];
  /** Learned translations (Russian stems) of an English word: extra evidence. */
  lexicon?: (enWord: string) => string[];
  /** Refuse `ru` docs whose letters say Belarusian/Ukrainian (default true). */
  scriptGuard?: boolean;
}

export interface MatchResult {
  /** The 1-1 assignment. */
  pairs: DocPair[];
  /** Every scored candidate pair, best first (for explain). */
  candidates: Candidate[];
  /** The threshold and exclusions used, so explanations can cite them. */
  threshold?: number;
  excluded?: number[];
}

/** The threshold `matchDocuments` uses for `options`. */
export function thresholdOf(options: MatchOptions = {}): number {
  return options.threshold ?? DEFAULT_THRESHOLD;
}

/** True when the document may be paired automatically as Russian. */
function pairableRussian(doc: DocEvidence, guard: boolean): boolean {
  return doc.lang === 'ru' && (!guard || doc.russianScript);
}

/** Pairs English documents of `docs` with Russian ones telling the same story. */
export function matchDocuments(docs: MatchDoc[], options: MatchOptions = {}): MatchResult {
  const guard = options.scriptGuard ?? true;
  const evidence = docs.filter((d) => d.lang === 'en' || d.lang === 'ru').map((d) => extractEvidence(d, options.lexicon));
  const en = evidence.filter((d) => d.lang === 'en');
  const ru = evidence.filter((d) => pairableRussian(d, guard));
  const weights = featureWeights([...en, ...ru]);
  const candidates: Candidate[] = generateCandidates(en, ru, weights).map(({ en: e, ru: r }) => {
    const { score, evidence: ev } = scorePair(en[e], ru[r], weights);
    return { enId: en[e].id, ruId: ru[r].id, score, evidence: ev };
  });
  candidates.sort((a, b) => b.score - a.score || a.enId - b.enId || a.ruId - b.ruId);
  const pairs = assignPairs(candidates, {
    threshold: thresholdOf(options),
    thinZone: THIN_ZONE,
    margin: THIN_MARGIN,
    forced: options.forced ?? [],
    excluded: new Set(options.excluded ?? []),
  });
  return { pairs, candidates, threshold: thresholdOf(options), excluded: options.excluded ?? [] };
}
