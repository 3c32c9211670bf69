/**
 * Scoring one English/Russian candidate pair in 0..1 from the evidence both share, each feature
 * weighted by its rarity over the corpus (IDF): `Lukashenko` in a Belarusian news corpus says
 * little, `Minnikhanov` or `$19 billion` says a lot.
 */
import type { PairEvidence } from '../types.js';
import { LEXICON_PREFIX, NAME_PREFIX, NUMBER_PREFIX, type DocEvidence } from './evidence.js';

/** Typical Russian/English character ratio of a translation (NTREX median 1.11). */
const RU_EN_CHAR_RATIO = 1.11;
/** Length ratios (after the expected ratio) below this start to cost score: abridged versions exist. */
const MIN_PLAUSIBLE_LENGTH_RATIO = 0.5;
/** At most this share of the score is lost to an implausible length ratio. */
const LENGTH_PENALTY = 0.3;
/** Share of the score that comes from the title when both titles have features. */
const TITLE_WEIGHT = 0.2;
/** Added to each side's total weight so a pair of tiny documents cannot score 1 on one shared name. */
const WEIGHT_SMOOTHING = 1.5;
/** Publication dates this many days apart or fewer: the same news event. */
const CLOSE_DAYS = 3;
/** Beyond this many days apart, a translation is unlikely (but republications happen). */
const FAR_DAYS = 60;
/** Multipliers for close and far dates: a nudge, never decisive alone. */
const CLOSE_DATE_BONUS = 1.1;
const FAR_DATE_MALUS = 0.75;
/** Features weighted lower than ordinary ones: lexicon stems are noisier than names and numbers (0.3/0.6/1 measured, 0.6 best). */
const LEXICON_WEIGHT = 0.6;
/** Share of a shared feature's weight lost when its first mentions sit far apart in the two texts. */
const POSITION_WEIGHT = 0.5;
/** Drift (as a share of the longer text) at which the full position loss applies. */
const POSITION_SPAN = 0.3;
/** A feature in more than this share of the documents (`Lukashenko`, site boilerplate) weighs little... */
const STOP_DF_SHARE = 0.05;
/** ...unless it is in this few documents or fewer: small corpora keep their evidence. */
const MIN_STOP_DF = 3;
/** ...this share of its IDF weight. */
const STOP_FACTOR = 0.2;
/** Evidence lists in explanations are cut to this many items. */
const MAX_EVIDENCE_ITEMS = 12;
const MS_PER_DAY = 86_400_000;

/** Rarity weights of features over a corpus of documents. */
export interface FeatureWeights {
  weight(feature: string): number;
  /** Cache of `totalWeight` per feature set. */
  totals: WeakMap<object, number>;
}

/** IDF weights `ln((N + 1) / df)` of every feature in `docs` (N = number of documents). */
export function featureWeights(docs: readonly DocEvidence[]): FeatureWeights & { df: Map<string, number> } {
  const df = new Map<string, number>();
  for (const doc of docs) for (const f of doc.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = docs.length;
  const typeWeight = (f: string) => (f.startsWith(NUMBER_PREFIX) || f.startsWith(NAME_PREFIX) ? 1 : LEXICON_WEIGHT);
  const idf = new Map<string, number>();
  const stopDf = Math.max(MIN_STOP_DF, n * STOP_DF_SHARE);
  for (const [f, count] of df) idf.set(f, (count > stopDf ? STOP_FACTOR : 1) * typeWeight(f) * Math.log((n + 1) / count));
  const unseen = Math.log(n + 1);
  return { df, totals: new WeakMap(), weight: (f) => idf.get(f) ?? unseen };
}

/** Sum of the weights of a feature set, cached per set (the weights of one corpus do not change). */
export function totalWeight(features: Set<string> | Map<string, string>, weights: FeatureWeights): number {
  const cached = weights.totals.get(features);
  if (cached !== undefined) return cached;
  let total = 0;
  for (const f of features.keys()) total += weights.weight(f);
  weights.totals.set(features, total);
  return total;
}

/**
 * How much a shared feature counts given where it sits in each document (1 when at the same
 * relative place, down to 1 - POSITION_WEIGHT when far apart): a translation mentions names and
 * numbers in the same order, another story on the same topic does not.
 */
export type PlaceAgreement = (feature: string) => number;

/** Weighted overlap of two feature sets: shared weight (times place agreement) over the geometric mean of the totals. */
function overlap(a: Set<string> | Map<string, string>, b: Set<string> | Map<string, string>, weights: FeatureWeights, smoothing: number, place?: PlaceAgreement): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const f of small.keys()) if (large.has(f)) shared += weights.weight(f) * (place ? place(f) : 1);
  if (shared === 0) return 0;
  const wa = totalWeight(a, weights) + smoothing;
  const wb = totalWeight(b, weights) + smoothing;
  return Math.min(1, shared / Math.sqrt(wa * wb));
}

/** Length ratio in 0..1 after allowing for Russian being longer than English. */
export function lengthRatio(en: DocEvidence, ru: DocEvidence): number {
  const a = en.chars * RU_EN_CHAR_RATIO;
  const b = ru.chars;
  if (a === 0 || b === 0) return 0;
  return Math.min(a, b) / Math.max(a, b);
}

/** Days between two ISO dates, or null when either is unknown or unparsable. */
function daysApart(a: string | null, b: string | null): number | null {
  if (!a || !b) return null;
  const ms = Math.abs(Date.parse(a) - Date.parse(b));
  return Number.isFinite(ms) ? ms / MS_PER_DAY : null;
}

/** Multiplier from publication dates: bonus when close, malus when far, 1 when unknown. */
function dateFactor(en: DocEvidence, ru: DocEvidence): number {
  const days = daysApart(en.date, ru.date);
  if (days === null) return 1;
  if (days <= CLOSE_DAYS) return CLOSE_DATE_BONUS;
  return days > FAR_DAYS ? FAR_DATE_MALUS : 1;
}

/** Multiplier from the length ratio: 1 down to 1 - LENGTH_PENALTY as the ratio falls to 0. */
function lengthFactor(ratio: number): number {
  if (ratio >= MIN_PLAUSIBLE_LENGTH_RATIO) return 1;
  return 1 - (LENGTH_PENALTY * (MIN_PLAUSIBLE_LENGTH_RATIO - ratio)) / MIN_PLAUSIBLE_LENGTH_RATIO;
}

/** Shared features of the two documents, rarest first, as display strings. */
function sharedEvidence(en: DocEvidence, ru: DocEvidence, weights: FeatureWeights): { numbers: string[]; names: string[] } {
  // Lexicon stems are not shown, and skipping them first keeps this cheap on stem-rich documents.
  const shared = [...en.features.keys()].filter((f) => (f.startsWith(NUMBER_PREFIX) || f.startsWith(NAME_PREFIX)) && ru.features.has(f));
  shared.sort((x, y) => weights.weight(y) - weights.weight(x));
  const numbers: string[] = [];
  const names: string[] = [];
  for (const f of shared) {
    if (f.startsWith(NUMBER_PREFIX) && numbers.length < MAX_EVIDENCE_ITEMS) numbers.push(en.features.get(f) ?? f.slice(1));
    const name = `${en.features.get(f)}~${ru.features.get(f)}`;
    if (f.startsWith(NAME_PREFIX) && names.length < MAX_EVIDENCE_ITEMS && !names.includes(name)) names.push(name);
  }
  return { numbers, names };
}

/** Documents with at least this many name/number features show a translation by sharing them, not words alone. */
const NAME_RICH = 3;

/** Name and number features of a document. */
function namedCount(doc: DocEvidence): number {
  let n = 0;
  for (const f of doc.features.keys()) if (f.startsWith(NUMBER_PREFIX) || f.startsWith(NAME_PREFIX)) n++;
  return n;
}

/**
 * How many lexicon stems the two documents share (0 without a lexicon, and 0 when both are
 * rich in names: there common words translating anywhere must not stand in for shared names).
 */
function sharedStems(en: DocEvidence, ru: DocEvidence): number {
  if (namedCount(en) >= NAME_RICH && namedCount(ru) >= NAME_RICH) return 0;
  let n = 0;
  for (const f of en.features.keys()) if (f.startsWith(LEXICON_PREFIX) && ru.features.has(f)) n++;
  return n;
}

/** The place agreement of features between `en` and `ru`, positions scaled to the longer side. */
function placeAgreement(en: DocEvidence, ru: DocEvidence): PlaceAgreement {
  const span = Math.max(en.chars * RU_EN_CHAR_RATIO, ru.chars, 1);
  return (f) => {
    const pe = en.positions.get(f);
    const pr = ru.positions.get(f);
    if (pe === undefined || pr === undefined) return 1;
    const drift = Math.abs(pe * RU_EN_CHAR_RATIO - pr) / span;
    return 1 - POSITION_WEIGHT * Math.min(1, drift / POSITION_SPAN);
  };
}

/** Score in 0..1 of an English/Russian pair, with the evidence that produced it. */
export function scorePair(en: DocEvidence, ru: DocEvidence, weights: FeatureWeights): { score: number; evidence: PairEvidence; stems: number } {
  const content = overlap(en.features, ru.features, weights, WEIGHT_SMOOTHING, placeAgreement(en, ru));
  const title = en.titleFeatures.size > 0 && ru.titleFeatures.size > 0 ? overlap(en.titleFeatures, ru.titleFeatures, weights, WEIGHT_SMOOTHING) : null;
  const base = title === null ? content : (1 - TITLE_WEIGHT) * content + TITLE_WEIGHT * title;
  const ratio = lengthRatio(en, ru);
  const score = Math.min(1, base * lengthFactor(ratio) * dateFactor(en, ru));
  const { numbers, names } = sharedEvidence(en, ru, weights);
  return { score, evidence: { numbers, names, titleSimilarity: title ?? 0, lengthRatio: ratio }, stems: sharedStems(en, ru) };
}
