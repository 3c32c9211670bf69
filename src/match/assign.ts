/**
 * One-to-one assignment on the scored candidate graph: user-forced pairs first, then greedy by
 * score (near-optimal here: a true pair's score is far above its competitors'), with a threshold,
 * and a margin over the runner-up when the evidence is thin.
 */
import type { DocPair, PairEvidence } from '../types.js';
import type { Verification } from './verify.js';

/** A scored English/Russian candidate pair (document ids). */
export interface Candidate {
  enId: number;
  ruId: number;
  score: number;
  evidence: PairEvidence;
  /** Shared lexicon stems (learned word translations), when a lexicon was used. */
  stems?: number;
  /** Set when the pair was checked by sentence alignment (see verify.ts). */
  verification?: Verification;
}

/** How doubtful candidates are checked by sentence alignment. */
export interface VerifyOptions {
  /** The verification of a candidate (memoised by the caller). */
  verify: (c: Candidate) => Verification;
  /** Candidates scoring below this are verified before being taken. */
  doubtBelow: number;
  /** Rivals scoring below this are not considered (those between this and the threshold can veto, never be taken). */
  rivalFloor: number;
}

/** What the assignment needs besides the candidates. */
export interface AssignOptions {
  threshold: number;
  /** Below `threshold + thinZone`, the pair must score at least `margin` times each side's free runner-up. */
  thinZone: number;
  margin: number;
  forced: ReadonlyArray<[number, number]>;
  excluded: ReadonlySet<number>;
  /** Sentence-alignment check of doubtful candidates; absent: scores alone decide. */
  verification?: VerifyOptions;
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

/** Fewer anchored sentences than this and a verification says nothing (two names can meet by chance). */
const MIN_ANCHORED = 4;
/** At least this many anchored sentences for a verification to accept a pair on its own (fewer meet by chance too often). */
const MIN_ANCHORED_ACCEPT = 6;
/** A doubtful pair whose anchored sentences meet less often than this is rejected (NTREX: 1 % of true pairs, most same-event siblings)... */
export const REJECT_SHARE = 0.5;
/** ...and one meeting at least this often is taken without the runner-up margin. */
const ACCEPT_SHARE = 0.8;
/**
 * A doubtful pair whose aligned sentences cover less than this share of both documents is
 * rejected: comparable texts on one event, not a translation (NTREX: a same-event sibling 0.14,
 * true pairs with drops and boilerplate ≥ 0.5, a Russian half-translation ≥ 0.31).
 */
const MIN_COVERAGE = 0.25;
/**
 * Below this coverage only a partial translation can be a translation at all (NTREX: true pairs
 * with drops, merges and boilerplate ≥ 0.5), and a partial translation misses one stretch, which
 * the aligner skips as one run; a same-event text whose shared facts are scattered is strung
 * together with skips all along (10 scrambles: true pairs under this coverage 0–1 gaps in 17–19
 * aligned beads; the wrong pairs taken 2 in 7 and 7 in 17).
 */
const PARTIAL_COVERAGE = 0.5;
/** Internal skip runs (see `Verification.gaps`) for the one dropped stretch of a partial translation. */
const PARTIAL_GAPS = 1;
/**
 * ...plus stray ones per aligned bead, where a sentence was split or merged differently: complete
 * NTREX translations show about one per 30 beads; this allows three times as many.
 */
const STRAY_GAP_RATE = 0.1;
/** A rival verifying this much better takes the document instead (and may sit a little under the threshold). */
const RIVAL_MARGIN = 0.2;
/** Rivals verified per document of a doubtful pair: the right one is nearly always among the best few. */
const MAX_RIVALS = 2;

/**
 * Fewer distinct shared names and numbers than this and a pair is never automatic, whatever its
 * score: one shared word (`Hospital` in a Harvard story and in a Nice hospital story) reaches the
 * threshold between two documents with few names, and no true NTREX pair shares only one.
 */
const MIN_SHARED_ITEMS = 2;

/** ...unless the pair shares at least this many lexicon stems: one common word translates anywhere, several agreeing words are evidence. */
const MIN_SHARED_STEMS = 4;

/** Distinct shared numbers and names (English spellings) in a candidate's evidence. */
export function sharedItems(c: { evidence: PairEvidence }): number {
  return c.evidence.numbers.length + new Set(c.evidence.names.map((n) => n.split('~')[0])).size;
}

/** True when a candidate shares enough distinct evidence to be paired automatically. */
export function enoughEvidence(c: { evidence: PairEvidence; stems?: number }): boolean {
  return sharedItems(c) >= MIN_SHARED_ITEMS || (c.stems ?? 0) >= MIN_SHARED_STEMS;
}

/**
 * True when a verification (with enough anchored sentences to say anything) looks like a
 * translation, complete or partial: its names and numbers mostly meet, some of the text lands in
 * corresponding sentences, and a text mostly not covered misses one stretch (and a few strays), not many.
 */
export function alignsAsTranslation(v: Verification): boolean {
  if (v.share < REJECT_SHARE || v.coverage < MIN_COVERAGE) return false;
  return v.coverage >= PARTIAL_COVERAGE || v.gaps <= PARTIAL_GAPS + STRAY_GAP_RATE * v.aligned;
}

/** What verification says of a candidate: take it, refuse it, or nothing (scores decide). */
type Verdict = 'accept' | 'reject' | 'undecided';

/** The best `MAX_RIVALS` candidates of each document of `c` (other than `c`) whose other document is free. */
function rivalsOf(c: Candidate, byDoc: Map<number, Candidate[]>, taken: ReadonlySet<number>, options: AssignOptions, floor: number): Candidate[] {
  const out: Candidate[] = [];
  for (const id of [c.enId, c.ruId]) {
    let found = 0;
    for (const other of byDoc.get(id) ?? []) {
      if (found >= MAX_RIVALS || other.score < floor) break;
      if (other === c) continue;
      const otherId = other.enId === id ? other.ruId : other.enId;
      if (taken.has(otherId) || options.excluded.has(otherId)) continue;
      out.push(other);
      found++;
    }
  }
  return out;
}

/**
 * The verdict of sentence alignment on a doubtful candidate: rejected when its names and numbers
 * mostly meet in unaligned sentences or a rival aligns clearly better (that rival is then
 * `endorsed`), accepted when they nearly all meet, undecided when too few sentences say anything.
 */
function judge(c: Candidate, byDoc: Map<number, Candidate[]>, taken: ReadonlySet<number>, options: AssignOptions, endorsed: Set<Candidate>): Verdict {
  const v = options.verification;
  if (!v || c.score >= v.doubtBelow) return 'undecided';
  const own = v.verify(c);
  if (own.anchored < MIN_ANCHORED) return 'undecided';
  for (const rival of rivalsOf(c, byDoc, taken, options, v.rivalFloor)) {
    const theirs = v.verify(rival);
    if (theirs.anchored >= MIN_ANCHORED_ACCEPT && theirs.share >= ACCEPT_SHARE && theirs.share >= own.share + RIVAL_MARGIN) {
      endorsed.add(rival);
      return 'reject';
    }
  }
  if (!alignsAsTranslation(own)) return 'reject';
  return own.share >= ACCEPT_SHARE && own.anchored >= MIN_ANCHORED_ACCEPT ? 'accept' : 'undecided';
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
  const endorsed = new Set<Candidate>();
  for (const c of sorted) {
    // Under the threshold nothing is taken, not even a rival that verified well: short same-event
    // siblings align as well as translations do (pipeline bench: Indonesian tsunami pair at 0.072).
    if (c.score < options.threshold) break;
    if (!enoughEvidence(c)) continue;
    if (taken.has(c.enId) || taken.has(c.ruId)) continue;
    if (options.excluded.has(c.enId) || options.excluded.has(c.ruId)) continue;
    const verdict = judge(c, byDoc, taken, options, endorsed);
    if (verdict === 'reject') continue;
    if (verdict === 'undecided' && !endorsed.has(c) && !clearOfRunnerUp(c, byDoc, taken, options)) continue;
    pairs.push({ enId: c.enId, ruId: c.ruId, score: c.score, manual: false, evidence: c.evidence });
    taken.add(c.enId);
    taken.add(c.ruId);
  }
  return pairs;
}
