/**
 * Sentence alignment of a document pair: Gale–Church length model + anchors (numbers, names,
 * punctuation) + a bilingual lexicon, searched by a coarse-to-fine banded DP over bead shapes.
 * Language-agnostic: works on sentence arrays of any two languages.
 */
import type { Bead } from '../types.js';
import { buildFeatures, type PairFeatures } from './anchors.js';
import { alignPath, type Band, type Shape } from './dp.js';
import { charLength, DEFAULT_LENGTH_MODEL, estimateLengthModel, lengthModelFromTotals, refineLengthModel, type LengthModel } from './length.js';
import { learnLexicon, mergeLexicons, type Lexicon } from './lexicon.js';
import { dropEdgeBeads, placeGaps } from './gaps.js';
import { corpusFurniture, type FurnitureFlags } from './furniture.js';
import { cognateAnchors, withCognateAnchors } from './cognates.js';
import { crossingBeads, type CrossingOptions } from './crossing.js';
import { BeadScorer, CoarseScorer, GAP_EXTEND_DISCOUNT, evidenceLogit, evidenceScore, pathScores, type BeadEvidence } from './score.js';

export { estimateLengthModel, refineLengthModel, lengthCost, DEFAULT_LENGTH_MODEL, type LengthModel } from './length.js';
export { learnLexicon, parseDictionary, mergeLexicons, type Lexicon, type LexiconEntry, type LearnOptions } from './lexicon.js';
export { buildFeatures, type PairFeatures, type SideFeatures, type AnchorOptions } from './anchors.js';
export { BeadScorer, CoarseScorer, beadCost, evidenceScore, evidenceLogit, pathScores, SKIP_COST, GAP_EXTEND_DISCOUNT, type BeadEvidence, type CostFunction } from './score.js';
export type { Shape } from './dp.js';
export { corpusFurniture, repeatedLines, type FurnitureFlags } from './furniture.js';
export { crossingBeads, type CrossingOptions, type CrossEvidence, type CrossEvidenceFn } from './crossing.js';

export interface AlignOptions {
  /** Allowed bead shapes [source count, target count]; must include 0-1 and 1-0. */
  beads?: Shape[];
  /** Length model chars(tgt)/chars(src); estimated from the document pair itself when absent. */
  lengthModel?: LengthModel;
  /** Word translations (learned and/or the user's dictionary). */
  lexicon?: Lexicon;
  /** False: length only, no anchors or lexicon (the Gale–Church baseline). */
  anchors?: boolean;
  /**
   * Per sentence of each side, 1 when the line occurs in other documents of that side (page
   * furniture evidence; `alignCorpus` works it out from its documents, see `corpusFurniture`).
   */
  furniture?: FurnitureFlags;
  /**
   * Pair skipped sentences that translate each other across the monotone path (a moved quote
   * or paragraph; see crossing.ts): true or thresholds. Off by default here (no lexicon, the
   * evidence is thin); `alignCorpus` turns it on for its second pass. The beads then stay in
   * source order but their target indices need not ascend.
   */
  crossing?: boolean | CrossingOptions;
  /**
   * Score context beyond chance (`pathScores` with `BeadScorer.chance`): neighbours must match more
   * than the same sentences do off the path, so two unrelated texts on one topic score low. Off by
   * default here, where the plain context is kept (match verification's coverage threshold is
   * calibrated on it); `alignCorpus`, whose scores users see, turns it on.
   */
  chanceContext?: boolean;
}

export interface CorpusOptions {
  /** The user's dictionary, used in both passes. */
  dictionary?: Lexicon;
  beads?: Shape[];
  /** False: length only in both passes and no lexicon learned. */
  anchors?: boolean;
  /** Crossing pairs in the second pass (see `AlignOptions.crossing`); default true, never in length-only mode. */
  crossing?: boolean | CrossingOptions;
}

/** What `alignCorpus` learned and produced: beads per document pair, the lexicon and length model of pass 2. */
export interface CorpusAlignment {
  beads: Bead[][];
  /** The learned lexicon merged with the user's dictionary (what pass 2 used). */
  lexicon: Lexicon;
  lengthModel: LengthModel;
}

/** The usual bead shapes of translated news: mostly 1-1, some merges and skips. */
export const DEFAULT_BEADS: Shape[] = [[0, 1], [1, 0], [1, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1]];
/** Fewer sentences than this on a side: the document's own length ratio is mostly noise, use the prior. */
const MIN_SENTENCES_FOR_RATIO = 20;
/** 1-1 beads scoring at least this are trusted for learning the variance and the lexicon. */
const CONFIDENT_SCORE = 0.5;

/** Beads with scores from a lattice path: own evidence + context, or (`context` false) own evidence only. */
function pathToBeads(path: Array<[number, number]>, scorer: BeadScorer, context: boolean, chanceContext: boolean): Bead[] {
  const evidence: BeadEvidence[] = [];
  const shapes: Array<[number, number]> = [];
  for (let p = 1; p < path.length; p++) {
    const [i0, k0] = path[p - 1];
    const [i1, k1] = path[p];
    evidence.push(scorer.evidence(i0, i1, k0, k1));
    shapes.push([i1 - i0, k1 - k0]);
  }
  const chance = context && chanceContext ? shapes.map(([a, b], j) => (a > 0 && b > 0 ? scorer.chance(path[j][0], path[j + 1][0], path[j][1], path[j + 1][1]) : 0)) : [];
  const scores = context
    ? pathScores(evidence, shapes, scorer.model, chanceContext ? chance : undefined)
    : evidence.map((e, j) => evidenceScore(e, shapes[j][0], shapes[j][1], scorer.model));
  return shapes.map(([a, b], j) => {
    const [i0, k0] = path[j];
    return { src: range(i0, i0 + a), tgt: range(k0, k0 + b), score: scores[j] };
  });
}

function range(from: number, to: number): number[] {
  // A plain loop: `Array.from` with a mapping function is slow, and there is a range per bead.
  const out: number[] = [];
  for (let j = from; j < to; j++) out.push(j);
  return out;
}

/**
 * Aligns the sentences of a document pair; every sentence is in exactly one bead. Beads come in
 * source order; target indices ascend too unless `options.crossing` added a crossing bead.
 */
export function alignSentences(src: string[], tgt: string[], options: AlignOptions = {}): Bead[] {
  return align(src, tgt, options, true);
}

/**
 * `alignSentences` with the choice of scores: with context for users, own evidence only for
 * choosing the beads to learn from (context would let a bead's neighbours vouch for it).
 */
function align(src: string[], tgt: string[], options: AlignOptions, context: boolean): Bead[] {
  const features = withCognates(src, tgt, buildFeatures(src, tgt, { anchors: options.anchors, lexicon: options.lexicon }), options);
  const model = options.lengthModel ?? documentLengthModel(features);
  const furniture = options.anchors === false ? undefined : options.furniture;
  // One exact scorer for the fine level of the DP (its features are `features`) and everything after it: it is not cheap to build.
  const scorer = new BeadScorer(features, model, furniture);
  const path = alignPath(features, options.beads ?? DEFAULT_BEADS, (f: PairFeatures, coarse: boolean, band: Band) => (coarse ? new CoarseScorer(f, model, band) : scorer), false, GAP_EXTEND_DISCOUNT);
  const placed = placeGaps(path, (i0, i1, k0, k1) => evidenceLogit(scorer.evidence(i0, i1, k0, k1), i1 - i0, k1 - k0, model));
  // Without a lexicon most words cannot match, so a bead without matches says little about furniture.
  const trimmed = (options.lexicon?.entries.length ?? 0) > 0
    ? dropEdgeBeads(placed, (i0, i1, k0, k1, island) => isFurniture(scorer, i0, i1, k0, k1, island), (i0, i1, k0, k1, onSrc, atStart) => isGluedEdge(scorer, [i0, i1, k0, k1], onSrc, atStart, onSrc ? src : tgt))
    : placed;
  const beads = pathToBeads(trimmed, scorer, context, options.chanceContext === true);
  if (!options.crossing || options.anchors === false) return beads;
  return [...withCrossing(beads, src, tgt, scorer, furniture, options.crossing === true ? {} : options.crossing)];
}

/**
 * `beads` with crossing pairs of skipped sentences (crossing.ts), judged by the aligner's own
 * evidence. Never paired: furniture lines, and lines without terminal punctuation among the skips
 * at either end of a side (menus, datelines, other stories' headlines, what `dropEdgeBeads` cut).
 */
function withCrossing(beads: Bead[], src: string[], tgt: string[], scorer: BeadScorer, furniture: FurnitureFlags | undefined, options: CrossingOptions): readonly Bead[] {
  const [srcLo, srcHi] = alignedSpan(beads, 'src', src.length);
  const [tgtLo, tgtHi] = alignedSpan(beads, 'tgt', tgt.length);
  const excluded = (side: string[], flags: Uint8Array | undefined, lo: number, hi: number) => (x: number) =>
    flags?.[x] === 1 || ((x < lo || x >= hi) && !ENDS_SENTENCE.test(side[x]));
  const evidence = (i0: number, i1: number, k0: number, k1: number) => {
    const e = scorer.evidence(i0, i1, k0, k1);
    const gain = scorer.skipCost(i0, i1, k0, k1) - scorer.cost(i0, i1, k0, k1);
    return { gain, logit: evidenceLogit(e, i1 - i0, k1 - k0, scorer.model), matched: e.matched };
  };
  return crossingBeads(beads, src.length, tgt.length, evidence, excluded(src, furniture?.src, srcLo, srcHi), excluded(tgt, furniture?.tgt, tgtLo, tgtHi), options);
}

/** [first, last + 1) of the sentences of one side in aligned beads; [count, count) when none. */
function alignedSpan(beads: readonly Bead[], side: 'src' | 'tgt', count: number): [number, number] {
  let lo = count;
  let hi = 0;
  for (const b of beads) {
    if (b.src.length === 0 || b.tgt.length === 0) continue;
    lo = Math.min(lo, b[side][0]);
    hi = Math.max(hi, b[side][b[side].length - 1] + 1);
  }
  return lo < hi ? [lo, hi] : [count, count];
}

/**
 * Evidence weight of a shared lower-case cognate: below a name or number (1), as a lexicon word
 * (0.6) — a long common word of Latin/Greek origin is as telling as a learned translation.
 */
const COGNATE_WEIGHT = 0.6;

/** `features` with the document pair's lower-case cognates as anchors (none in length-only mode). */
function withCognates(src: string[], tgt: string[], features: PairFeatures, options: AlignOptions): PairFeatures {
  if (options.anchors === false) return features;
  return withCognateAnchors(features, cognateAnchors(src, tgt), COGNATE_WEIGHT);
}

/** Missed anchor weight (about a name's) that makes an unmatched edge bead furniture even next to the body. */
const EDGE_MISS = 1;

/**
 * Whether an edge 1-1 bead (see `dropEdgeBeads`) is furniture paired by accident: nothing in it
 * matches (no anchor, no lexicon word), and either skips already cut it off from the body or its
 * sides carry names or numbers that pair elsewhere in the documents (a foreign headline on top of a
 * side whose real headline lost its counterpart).
 */
function isFurniture(scorer: BeadScorer, i0: number, i1: number, k0: number, k1: number, island: boolean): boolean {
  const e = scorer.evidence(i0, i1, k0, k1);
  if (e.matched > EDGE_EPSILON && !(island && e.matched < EDGE_WORD)) return false;
  return island || e.missed >= EDGE_MISS;
}

/** Below one lexicon word's weight (0.6): punctuation alone (quotes, a question mark) says nothing about content. */
const EDGE_WORD = 0.5;

/** Anchor weights are float32 sums: below this nothing matched. */
const EDGE_EPSILON = 1e-3;

/**
 * Whether the outermost sentence on one side (`onSrc`; the first when `atStart`, else the last) of
 * a merged edge bead src[i0, i1) × tgt[k0, k1) is furniture glued on because the lengths fit: it
 * matches no content on the other side (no number, name or lexicon word; a quote mark alone
 * agrees by chance, as in the island test), and the bead without it has own
 * evidence at least as good (a real merged sentence is what makes the lengths fit). A line
 * without terminal punctuation (`side` holds the sentences of its side) must match more to stay,
 * and goes when the bead without it is nearly as good.
 */
function isGluedEdge(scorer: BeadScorer, bead: [number, number, number, number], onSrc: boolean, atStart: boolean, side: readonly string[]): boolean {
  const [i0, i1, k0, k1] = bead;
  const x = onSrc ? (atStart ? i0 : i1 - 1) : (atStart ? k0 : k1 - 1);
  const sentence = ENDS_SENTENCE.test(side[x]);
  const alone = onSrc ? scorer.evidence(x, x + 1, k0, k1) : scorer.evidence(i0, i1, x, x + 1);
  if (alone.matched >= (sentence ? EDGE_WORD : LINE_CONTENT)) return false;
  const rest: [number, number, number, number] = onSrc
    ? (atStart ? [i0 + 1, i1, k0, k1] : [i0, i1 - 1, k0, k1])
    : (atStart ? [i0, i1, k0 + 1, k1] : [i0, i1, k0, k1 - 1]);
  return ownLogit(scorer, ...rest) >= ownLogit(scorer, i0, i1, k0, k1) - (sentence ? 0 : LINE_SLACK);
}

/** Terminal punctuation, perhaps inside a closing quote or bracket, at the end of a sentence. */
const ENDS_SENTENCE = /[.!?…]["'”’»“)\]]*\s*$/u;

/**
 * Log-odds a line without terminal punctuation (a menu item, a dateline, a headline) at a
 * document's edge may cost the bead it is peeled from: such a line is no sentence of the text,
 * so the few characters it adds to a length fit do not make it a translation of anything.
 */
const LINE_SLACK = 1;
/** Match a line without terminal punctuation needs to stay: a name or a number, or two words (one common word, `most` ~ `больш-`, meets anything). */
const LINE_CONTENT = 1;

/** Log-odds of a bead from its own evidence (what gap placement compares too). */
function ownLogit(scorer: BeadScorer, i0: number, i1: number, k0: number, k1: number): number {
  return evidenceLogit(scorer.evidence(i0, i1, k0, k1), i1 - i0, k1 - k0, scorer.model);
}

/**
 * A length model from one document pair's features: its own ratio when it is long enough to say,
 * else the prior (the sentence lengths are in the features already, so none is measured twice).
 */
function documentLengthModel(features: PairFeatures): LengthModel {
  if (Math.min(features.src.count, features.tgt.count) < MIN_SENTENCES_FOR_RATIO) return { ...DEFAULT_LENGTH_MODEL };
  return lengthModelFromTotals([{ srcChars: sum(features.src.chars), tgtChars: sum(features.tgt.chars), srcSentences: features.src.count, tgtSentences: features.tgt.count }]);
}

/** Sum of whole numbers (sentence lengths), in order. */
function sum(xs: Float64Array): number {
  let total = 0;
  for (let i = 0; i < xs.length; i++) total += xs[i];
  return total;
}

/**
 * 0..1 score of `src` and `tgt` taken as one bead (e.g. one sentence each), with the same
 * evidence the aligner uses; anchors are not filtered by a document, so every one counts.
 */
export function scoreBead(src: string[], tgt: string[], options: AlignOptions = {}): number {
  const model = options.lengthModel ?? DEFAULT_LENGTH_MODEL;
  const joined = [src.join(' ')];
  const other = [tgt.join(' ')];
  const features = withCognates(joined, other, buildFeatures(joined, other, { anchors: options.anchors, lexicon: options.lexicon, keepUnshared: true }), options);
  return new BeadScorer(features, model).score(0, 1, 0, 1);
}

/** Character lengths of the confident 1-1 beads of aligned documents. */
function confidentLengths(docs: Array<{ src: string[]; tgt: string[] }>, aligned: Bead[][]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  docs.forEach((doc, d) => {
    for (const b of aligned[d]) {
      if (b.src.length === 1 && b.tgt.length === 1 && b.score >= CONFIDENT_SCORE) {
        out.push([charLength(doc.src[b.src[0]]), charLength(doc.tgt[b.tgt[0]])]);
      }
    }
  });
  return out;
}

/**
 * Aligns a corpus of document pairs in two passes. Pass 1: a length model estimated from the
 * corpus itself + anchors (+ the dictionary). Then the length variance is re-estimated and a
 * lexicon learned from the confident 1-1 beads; pass 2 realigns with both.
 */
export function alignCorpus(docs: Array<{ src: string[]; tgt: string[] }>, options: CorpusOptions = {}): CorpusAlignment {
  const base: AlignOptions = { beads: options.beads, anchors: options.anchors };
  let model = estimateLengthModel(docs);
  const furniture = options.anchors === false ? undefined : corpusFurniture(docs);
  const first = docs.map((d, i) => align(d.src, d.tgt, { ...base, lengthModel: model, lexicon: options.dictionary, furniture: furniture?.[i] }, false));
  model = refineLengthModel(model, confidentLengths(docs, first));
  const learned = options.anchors === false
    ? undefined
    : learnLexicon(docs.map((d, i) => ({ ...d, beads: first[i] })));
  const lexicon = mergeLexicons(learned, options.dictionary);
  const crossing = options.crossing ?? true;
  const beads = docs.map((d, i) => alignSentences(d.src, d.tgt, { ...base, lengthModel: model, lexicon, furniture: furniture?.[i], crossing, chanceContext: true }));
  return { beads, lexicon, lengthModel: model };
}
