/**
 * A bilingual lexicon over prefix stems (`tokens.ts` `stem`): learned from confidently aligned
 * sentence pairs by co-occurrence (Dice), or given by the user as a dictionary.
 */
import type { Bead } from '../types.js';
import { contentStems, stem, words } from '../text/tokens.js';
import { Interner } from '../text/interner.js';

/** One translation pair of stems; `weight` 0..1 says how sure it is (1 for user entries). */
export interface LexiconEntry {
  src: string;
  tgt: string;
  weight: number;
}

/** A bilingual lexicon: plain data, so it can be stored and merged. */
export interface Lexicon {
  entries: LexiconEntry[];
}

export interface LearnOptions {
  /** Only 1-1 beads scoring at least this are trusted as translations. */
  minScore?: number;
  /** A pair must co-occur at least this often to be more than chance. */
  minCount?: number;
  /** Dice coefficient below which a pair is noise. */
  minDice?: number;
  /** At most this many sentence pairs are counted; more adds little and costs time. */
  maxPairs?: number;
  /**
   * Count competitive links (Melamed 2000) instead of co-occurrences: in each sentence pair a stem
   * links to one partner only, best association first, which drops indirect associations (a topic
   * word paired with its neighbours' translations). Off by default: see bench/README.md round 12.
   */
  competitive?: boolean;
}

const DEFAULT_LEARN: Required<LearnOptions> = { minScore: 0.5, minCount: 2, minDice: 0.3, maxPairs: 30000, competitive: false };
/** Stems found in more than this share of sentences are function words: matching them says nothing. */
const MAX_DOC_FREQUENCY = 0.08;
/** A second translation of a stem is kept when its Dice is at least this share of the best one. */
const ALTERNATIVE_SHARE = 0.6;
/** Room for stem ids in a combined pair key (src id · STRIDE + tgt id). */
const STRIDE = 1 << 22;

/** The confident 1-1 sentence pairs of aligned documents, at most `limit`. */
function confidentPairs(
  aligned: Array<{ src: string[]; tgt: string[]; beads: Bead[] }>, minScore: number, limit: number,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const doc of aligned) {
    for (const bead of doc.beads) {
      if (bead.src.length !== 1 || bead.tgt.length !== 1 || bead.score < minScore) continue;
      out.push([doc.src[bead.src[0]], doc.tgt[bead.tgt[0]]]);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/**
 * Learns stem translations from the confident 1-1 beads of aligned documents: Dice of
 * co-occurrence (or, with `competitive`, of competitive links) over sentence pairs, frequent
 * (function) stems left out, each stem keeping its best translation and close alternatives.
 */
export function learnLexicon(
  aligned: Array<{ src: string[]; tgt: string[]; beads: Bead[] }>, options: LearnOptions = {},
): Lexicon {
  const opt = { ...DEFAULT_LEARN, ...options };
  const pairs = confidentPairs(aligned, opt.minScore, opt.maxPairs);
  const srcIds = new Interner();
  const tgtIds = new Interner();
  const srcCount: number[] = [];
  const tgtCount: number[] = [];
  const joint = new Map<number, number>();
  const bump = (counts: number[], id: number) => { counts[id] = (counts[id] ?? 0) + 1; };
  const stems: Array<[number[], number[]]> = [];
  for (const [s, t] of pairs) {
    const ss = contentStems(s).map((x) => srcIds.id(x));
    const ts = contentStems(t).map((x) => tgtIds.id(x));
    stems.push([ss, ts]);
    for (const a of ss) bump(srcCount, a);
    for (const b of ts) bump(tgtCount, b);
    for (const a of ss) for (const b of ts) joint.set(a * STRIDE + b, (joint.get(a * STRIDE + b) ?? 0) + 1);
  }
  const maxFreq = Math.max(opt.minCount, MAX_DOC_FREQUENCY * pairs.length);
  const content = (a: number, b: number) => srcCount[a] <= maxFreq && tgtCount[b] <= maxFreq;
  const counts = opt.competitive ? competitiveLinks(stems, joint, srcCount, tgtCount, content) : joint;
  const best = new Map<number, Array<[number, number]>>();
  for (const [key, count] of counts) {
    const a = Math.floor(key / STRIDE);
    const b = key % STRIDE;
    if (count < opt.minCount || !content(a, b)) continue;
    const dice = (2 * count) / (srcCount[a] + tgtCount[b]);
    if (dice >= opt.minDice) best.set(a, [...(best.get(a) ?? []), [b, dice]]);
  }
  const entries: LexiconEntry[] = [];
  for (const [a, candidates] of best) {
    candidates.sort((x, y) => y[1] - x[1]);
    for (const [b, dice] of candidates) {
      if (dice < candidates[0][1] * ALTERNATIVE_SHARE) break;
      entries.push({ src: srcIds.names[a], tgt: tgtIds.names[b], weight: dice });
    }
  }
  return { entries };
}

/**
 * Link counts by competitive linking (Melamed 2000): in each sentence pair, stem pairs are linked
 * best co-occurrence Dice first, each stem at most once, so a topic word that co-occurs with
 * everything in its story is linked only to its own translation, not to the words next to it
 * (indirect associations). Function stems (MAX_DOC_FREQUENCY) take part in no link.
 */
function competitiveLinks(
  stems: Array<[number[], number[]]>, joint: Map<number, number>, srcCount: number[], tgtCount: number[],
  content: (a: number, b: number) => boolean,
): Map<number, number> {
  const links = new Map<number, number>();
  const usedSrc = new Set<number>();
  const usedTgt = new Set<number>();
  for (const [ss, ts] of stems) {
    const candidates: Array<[number, number, number]> = [];
    for (const a of ss) {
      for (const b of ts) {
        const count = joint.get(a * STRIDE + b) ?? 0;
        if (count > 0 && content(a, b)) candidates.push([a, b, (2 * count) / (srcCount[a] + tgtCount[b])]);
      }
    }
    // Best first; ties by ids, so the order of the sentence's stems never matters.
    candidates.sort((x, y) => y[2] - x[2] || x[0] - y[0] || x[1] - y[1]);
    usedSrc.clear();
    usedTgt.clear();
    for (const [a, b] of candidates) {
      if (usedSrc.has(a) || usedTgt.has(b)) continue;
      usedSrc.add(a);
      usedTgt.add(b);
      links.set(a * STRIDE + b, (links.get(a * STRIDE + b) ?? 0) + 1);
    }
  }
  return links;
}

/** The stem of the longest word of a dictionary side: the content word of a phrase. */
function headStem(side: string): string | null {
  const ws = words(side);
  if (ws.length === 0) return null;
  return stem(ws.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text);
}

/**
 * Parses a user dictionary: one `source<TAB>target` pair a line, `#` starts a comment, blank
 * lines are skipped. A phrase is represented by the stem of its longest word.
 * Throws an Error naming the line number of a malformed line.
 */
export function parseDictionary(text: string): Lexicon {
  const entries: LexiconEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const parts = line.split('\t').map((p) => p.trim());
    const src = parts.length === 2 ? headStem(parts[0]) : null;
    const tgt = parts.length === 2 ? headStem(parts[1]) : null;
    if (src === null || tgt === null) {
      throw new Error(`dictionary line ${index + 1}: expected "source<TAB>target", got "${raw}"`);
    }
    entries.push({ src, tgt, weight: 1 });
  });
  return { entries };
}

/** The entries of all lexicons; a pair given twice keeps its highest weight. */
export function mergeLexicons(...lexicons: Array<Lexicon | undefined>): Lexicon {
  const byPair = new Map<string, LexiconEntry>();
  for (const lexicon of lexicons) {
    for (const e of lexicon?.entries ?? []) {
      const key = `${e.src}\t${e.tgt}`;
      const old = byPair.get(key);
      if (!old || old.weight < e.weight) byPair.set(key, e);
    }
  }
  return { entries: [...byPair.values()] };
}
