/**
 * Document matching: which English and Russian documents tell the same story.
 * Evidence that survives translation (numbers, transliterated names, title, length, date) is
 * extracted per document, weighted by rarity, candidates come from an inverted index, each is
 * scored in 0..1, and a 1-1 assignment with a threshold keeps the pairs.
 */
import type { DocPair } from '../types.js';
import { assignPairs, DEFAULT_THRESHOLD, type Candidate, type VerifyOptions } from './assign.js';
import { generateCandidates, type CandidatePair } from './candidates.js';
import { learnStemLexicon, lexiconLookup, type StemLexicon } from './bootstrap.js';
import { addLexiconFeatures, extractEvidence, type DocEvidence, type MatchDoc } from './evidence.js';
import { featureWeights, scorePair } from './score.js';
import { sentenceFeatures, verifyPair, type SentenceFeatures, type Verification } from './verify.js';

export type { MatchDoc } from './evidence.js';
export { DEFAULT_THRESHOLD, type Candidate } from './assign.js';
export { lexiconLookup, stemLexiconOf, learnStemLexicon, type StemLexicon } from './bootstrap.js';
export { explainDocument, type Explanation } from './explain.js';
export { findDuplicates, type DuplicateCandidate } from './duplicates.js';
export { verifyPair, sentenceFeatures, type Verification, type SentenceFeatures, type VerifyPairOptions } from './verify.js';

/** Pairs scoring less than threshold + this are "thin" and must beat their runner-up... */
const THIN_ZONE = 0.1;
/** ...by this factor. */
const THIN_MARGIN = 1.5;
/** Pairs scoring less than threshold + this are checked by sentence alignment (NTREX: wrong pairs scored up to 0.29, 43 % of true pairs under 0.33). */
const DOUBT_ZONE = 0.25;
/** A rival down to this share of the threshold that verifies clearly better still vetoes a doubtful candidate (it is not taken itself). */
const RIVAL_FLOOR_SHARE = 0.75;
/** Fewer confident first-pass pairs than this and no lexicon is learned: co-occurrence needs repeats. */
const MIN_BOOTSTRAP_PAIRS = 20;

export interface MatchOptions {
  /** Minimum pair score (default `DEFAULT_THRESHOLD`). */
  threshold?: number;
  /** [enId, ruId] pairs the user made: always in the result, manual=true, both docs taken. */
  forced?: Array<[number, number]>;
  /** Doc ids the user unpaired: never auto-paired. */
  excluded?: number[];
  /** Learned translations (Russian stems) of an English word: extra evidence. */
  lexicon?: (enWord: string) => string[];
  /** Learn word translations from the confident pairs of a first pass and rescore (default false: +0.001 F1 on NTREX for ~3x the time, see bench/README.md). */
  bootstrap?: boolean;
  /** Refuse `ru` docs whose letters say Belarusian/Ukrainian (default true). */
  scriptGuard?: boolean;
  /** Check doubtful pairs and their rivals by aligning their sentences (default true). */
  verify?: boolean;
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

/**
 * Sentence-alignment verification of candidates over `docs`, memoised per pair (and the
 * segmentation per document), so a document checked against several rivals is cut once.
 */
function verifier(docs: ReadonlyMap<number, MatchDoc>, threshold: number): VerifyOptions & { done: Map<Candidate, Verification> } {
  const sentences = new Map<number, SentenceFeatures>();
  const sides = (id: number, lang: 'en' | 'ru') => {
    let s = sentences.get(id);
    if (!s) {
      s = sentenceFeatures(docs.get(id)?.text ?? '', lang);
      sentences.set(id, s);
    }
    return s;
  };
  const done = new Map<Candidate, Verification>();
  const verify = (c: Candidate) => {
    let v = done.get(c);
    if (!v) {
      v = verifyPair(sides(c.enId, 'en'), sides(c.ruId, 'ru'));
      done.set(c, v);
    }
    return v;
  };
  return { verify, done, doubtBelow: threshold + DOUBT_ZONE, rivalFloor: threshold * RIVAL_FLOOR_SHARE };
}

/** The scored candidates and 1-1 pairs of one pass over the evidence. */
function runPass(en: DocEvidence[], ru: DocEvidence[], options: MatchOptions, docs: ReadonlyMap<number, MatchDoc>, given?: CandidatePair[]): { pairs: DocPair[]; candidates: Candidate[]; scored: CandidatePair[] } {
  const weights = featureWeights([...en, ...ru]);
  const scored = given ?? generateCandidates(en, ru, weights);
  const candidates: Candidate[] = scored.map(({ en: e, ru: r }) => {
    const { score, evidence: ev, stems } = scorePair(en[e], ru[r], weights);
    return { enId: en[e].id, ruId: ru[r].id, score, evidence: ev, stems };
  });
  candidates.sort((a, b) => b.score - a.score || a.enId - b.enId || a.ruId - b.ruId);
  const verification = options.verify === false ? undefined : verifier(docs, thresholdOf(options));
  const pairs = assignPairs(candidates, {
    threshold: thresholdOf(options),
    thinZone: THIN_ZONE,
    margin: THIN_MARGIN,
    forced: options.forced ?? [],
    excluded: new Set(options.excluded ?? []),
    verification,
  });
  // Explanations cite the verifications that were run.
  for (const [c, v] of verification?.done ?? []) c.verification = v;
  return { pairs, candidates, scored };
}

/**
 * The lexicon learned from the confident automatic pairs of a first pass (best first), or null
 * when they are too few to learn from.
 */
function bootstrapLexicon(pairs: readonly DocPair[], texts: ReadonlyMap<number, string>, threshold: number): StemLexicon | null {
  const confident = pairs.filter((p) => !p.manual && p.score >= threshold + THIN_ZONE).sort((a, b) => b.score - a.score);
  if (confident.length < MIN_BOOTSTRAP_PAIRS) return null;
  const lexicon = learnStemLexicon(confident.map((p) => ({ en: texts.get(p.enId) ?? '', ru: texts.get(p.ruId) ?? '' })));
  return lexicon.size > 0 ? lexicon : null;
}

/** Both lookups' answers, without repeats. */
function combine(a: (w: string) => string[], b: (w: string) => string[]): (w: string) => string[] {
  return (w) => [...new Set([...a(w), ...b(w)])];
}

/**
 * Pairs English documents of `docs` with Russian ones telling the same story: a first pass on
 * names, numbers (and `options.lexicon`), then, when it found enough confident pairs, a second
 * pass that also scores content words through a lexicon learned from those pairs.
 */
export function matchDocuments(docs: MatchDoc[], options: MatchOptions = {}): MatchResult {
  const guard = options.scriptGuard ?? true;
  const evidence = docs.filter((d) => d.lang === 'en' || d.lang === 'ru').map((d) => extractEvidence(d));
  const en = evidence.filter((d) => d.lang === 'en');
  const ru = evidence.filter((d) => pairableRussian(d, guard));
  const texts = new Map(docs.map((d) => [d.id, d.text]));
  const byId = new Map(docs.map((d) => [d.id, d]));
  if (options.lexicon) addLexiconFeatures([...en, ...ru], texts, options.lexicon);
  const threshold = thresholdOf(options);
  let result = runPass(en, ru, options, byId);
  const learned = options.bootstrap !== true ? null : bootstrapLexicon(result.pairs, texts, threshold);
  if (learned) {
    const learnedLookup = lexiconLookup(learned);
    addLexiconFeatures([...en, ...ru], texts, options.lexicon ? combine(options.lexicon, learnedLookup) : learnedLookup);
    // Same candidates as the first pass: generating them again over content stems costs far more
    // than it finds (the right counterpart nearly always shares a name or number already).
    result = runPass(en, ru, options, byId, result.scored);
  }
  return { pairs: result.pairs, candidates: result.candidates, threshold, excluded: options.excluded ?? [] };
}
