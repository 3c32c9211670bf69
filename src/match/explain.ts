/**
 * Why a document was (or was not) paired, in one human sentence plus its top candidates.
 */
import { DEFAULT_THRESHOLD, alignsAsTranslation, enoughEvidence, type Candidate } from './assign.js';
import type { MatchDoc } from './evidence.js';
import type { DocPair } from '../types.js';

/** Candidates shown per document. */
const SHOWN_CANDIDATES = 3;
/** Shared items named in the reason sentence. */
const SHOWN_EVIDENCE = 6;

export interface Explanation {
  id: number;
  path: string;
  pairedWith: { id: number; path: string; score: number } | null;
  /** Top candidates with their evidence, best first. */
  best: Candidate[];
  reason: string;
}

/** The part of `matchDocuments`' result that explaining needs. */
interface ResultLike {
  pairs: DocPair[];
  candidates: Candidate[];
  threshold?: number;
  excluded?: number[];
}

/** Score to two decimals. */
function fmt(score: number): string {
  return score.toFixed(2);
}

/** "; sentence alignment: 92 % of 12 sentences with shared names or numbers meet theirs …, 97% of the text in corresponding sentences[, 2 skipped stretches …]" when the pair was verified, else "". */
function verificationPhrase(c: Candidate | undefined): string {
  const v = c?.verification;
  if (!v) return '';
  return `; sentence alignment: ${Math.round(v.share * 100)}% of ${v.anchored} sentences with shared names or numbers meet theirs in aligned sentences, ${Math.round(v.coverage * 100)}% of the text in corresponding sentences${gapsPhrase(v.gaps)}`;
}

/** ", 3 skipped stretches inside the alignment" when there are any, else "". */
function gapsPhrase(gaps: number): string {
  if (gaps === 0) return '';
  return `, ${gaps} skipped stretch${gaps === 1 ? '' : 'es'} inside the alignment`;
}

/** "shares 2021, $19 billion, Minnikhanov, ..." from a candidate's evidence, or "" when it has none. */
function sharesPhrase(c: Candidate): string {
  const names = c.evidence.names.map((n) => n.split('~')[0]);
  const items = [...c.evidence.numbers, ...names].slice(0, SHOWN_EVIDENCE);
  return items.length > 0 ? `shares ${items.join(', ')}` : 'shares no numbers or names';
}

/** Explains document `id` of a match result: its pair (if any), its best candidates and a one-sentence reason. */
export function explainDocument(docs: MatchDoc[], result: ResultLike, id: number): Explanation {
  const threshold = result.threshold ?? DEFAULT_THRESHOLD;
  const doc = docs.find((d) => d.id === id);
  if (!doc) throw new Error(`no document with id ${id}`);
  const pathOf = (other: number) => docs.find((d) => d.id === other)?.path ?? `#${other}`;
  const otherOf = (c: { enId: number; ruId: number }) => (c.enId === id ? c.ruId : c.enId);
  const best = result.candidates.filter((c) => c.enId === id || c.ruId === id).sort((a, b) => b.score - a.score).slice(0, SHOWN_CANDIDATES);
  const base = { id, path: doc.path, best };
  if (doc.lang !== 'en' && doc.lang !== 'ru') return { ...base, pairedWith: null, reason: 'not English or Russian' };
  const pair = result.pairs.find((p) => p.enId === id || p.ruId === id);
  if (!pair && result.excluded?.includes(id)) return { ...base, pairedWith: null, reason: 'unpaired by the user: never paired automatically' };
  if (pair) {
    const other = otherOf(pair);
    const pairedWith = { id: other, path: pathOf(other), score: pair.score };
    if (pair.manual) return { ...base, pairedWith, reason: `paired with ${pathOf(other)} by the user` };
    const runner = best.find((c) => otherOf(c) !== other);
    const shown = best.find((c) => otherOf(c) === other) ?? { ...pair, evidence: pair.evidence };
    const runnerText = runner ? `; runner-up ${pathOf(otherOf(runner))} ${fmt(runner.score)}` : '; no runner-up';
    const verified = result.candidates.find((c) => c.enId === pair.enId && c.ruId === pair.ruId);
    return { ...base, pairedWith, reason: `paired with ${pathOf(other)} (score ${fmt(pair.score)}): ${sharesPhrase(shown)}${verificationPhrase(verified)}${runnerText}` };
  }
  return { ...base, pairedWith: null, reason: unpairedReason(best, id, threshold, result.pairs, pathOf) };
}

/** The reason sentence for a document left without a pair. */
function unpairedReason(best: Candidate[], id: number, threshold: number, pairs: DocPair[], pathOf: (id: number) => string): string {
  const top = best[0];
  if (!top) return 'no counterpart: no candidate shares a number or a name with it';
  const other = top.enId === id ? top.ruId : top.enId;
  const desc = `best candidate ${pathOf(other)} scored ${fmt(top.score)}`;
  if (top.score < threshold) return `no counterpart: ${desc} < threshold ${fmt(threshold)}`;
  const rival = pairs.find((p) => p.enId === other || p.ruId === other);
  if (rival) return `no counterpart: ${desc} but ${pathOf(other)} is paired with a better match (${fmt(rival.score)})${verificationPhrase(top)}`;
  if (!enoughEvidence(top)) return `no counterpart: ${desc} but ${sharesPhrase(top)} only, too little to pair on`;
  if (top.verification && !alignsAsTranslation(top.verification)) return `no counterpart: ${desc}, but its sentences do not align as a translation's would${verificationPhrase(top)}`;
  return `no counterpart: ${desc}, too close to the runner-up to decide`;
}
