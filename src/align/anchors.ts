/**
 * Anchors: what two sentences in different languages can share without a dictionary
 * (numbers, names and cognates, telling punctuation) plus translations from a lexicon.
 * Each anchor is a concept id shared by both sides; a concept only counts when it occurs on
 * both sides of the document pair, so an anchor that can never match does not push its
 * sentence out of the alignment.
 */
import { numberKeys } from '../text/numbers.js';
import { COGNATE_THRESHOLD, cognateSimilarity, nameKey } from '../text/translit.js';
import { contentStems, nameCandidates, words } from '../text/tokens.js';
import { charLength } from './length.js';
import type { Lexicon } from './lexicon.js';

/** The sentences of one side as the DP sees them: lengths and anchors (CSR lists of concept ids). */
export interface SideFeatures {
  count: number;
  chars: Float64Array;
  /** Anchors of sentence i are `anchorIds[anchorStart[i] .. anchorStart[i + 1])`. */
  anchorStart: Int32Array;
  anchorIds: Int32Array;
  /**
   * Weight of the sentence's number anchors whose concept the other side of the
   * document pair never has: content with no counterpart anywhere, evidence that the sentence
   * is not translated (another story's headline, a dateline).
   */
  unshared: Float64Array;
}

/** Both sides of a document pair over one concept space, with the evidence weight of each concept. */
export interface PairFeatures {
  src: SideFeatures;
  tgt: SideFeatures;
  weight: Float32Array;
}

export interface AnchorOptions {
  /** False: length only (the baseline). */
  anchors?: boolean;
  lexicon?: Lexicon;
  /** Keep anchors whose concept occurs on one side only (for scoring a lone bead). */
  keepUnshared?: boolean;
}

/** Evidence weights per kind: numbers and names rarely agree by chance, punctuation often does. */
const WEIGHT = { number: 1, name: 1, lexicon: 0.6, punctuation: 0.35 } as const;
type Kind = keyof typeof WEIGHT;
/** Name keys shorter than this (initials, `AM`) match too much by accident. */
const MIN_NAME_KEY = 3;
/** Target words are compared only with source names sharing this many leading key characters. */
const NAME_BUCKET = 3;
/** Punctuation that survives translation: a question stays a question, a quote a quote. */
const PUNCTUATION: Array<[string, RegExp]> = [
  ['?', /[?？]/], ['!', /!/], ['q', /["«»“”„]/], ['(', /\(/],
];

/** A raw anchor before it is given a concept id. */
type Raw = [concept: string, kind: Kind];

/** Number and punctuation anchors of a sentence (the same concept keys in every language). */
function sharedAnchors(sentence: string): Raw[] {
  const out: Raw[] = [];
  if (/\d/.test(sentence)) for (const key of numberKeys(sentence)) out.push([`n:${key}`, 'number']);
  for (const [mark, pattern] of PUNCTUATION) if (pattern.test(sentence)) out.push([`p:${mark}`, 'punctuation']);
  return out;
}

/**
 * Name candidates of every source sentence; a sentence-initial capitalised word counts when the
 * same word occurs mid-sentence elsewhere in the document (tokens.ts `nameCandidates` rule).
 */
function sourceNames(src: string[]): string[][] {
  const mid = src.map((sentence) => nameCandidates(sentence).map((t) => t.text));
  const known = new Set(mid.flat().map((w) => w.toLowerCase()));
  return src.map((sentence, i) => {
    const first = words(sentence)[0];
    const initial = first && /^\p{Lu}/u.test(first.text) && known.has(first.text.toLowerCase()) && !mid[i].includes(first.text);
    return initial ? [first.text, ...mid[i]] : mid[i];
  });
}

/** Source names by key, bucketed by the key's first characters, for cognate lookups. */
function indexNames(names: string[][]): Map<string, Map<string, string>> {
  const buckets = new Map<string, Map<string, string>>();
  for (const list of names) {
    for (const text of list) {
      const key = nameKey(text);
      if (key.length < MIN_NAME_KEY) continue;
      const bucket = buckets.get(key.slice(0, NAME_BUCKET)) ?? new Map<string, string>();
      bucket.set(key, text);
      buckets.set(key.slice(0, NAME_BUCKET), bucket);
    }
  }
  return buckets;
}

/** Name concepts of a source sentence's names. */
function srcNameAnchors(names: string[]): Raw[] {
  const out: Raw[] = [];
  for (const text of names) {
    const key = nameKey(text);
    if (key.length >= MIN_NAME_KEY) out.push([`m:${key}`, 'name']);
  }
  return out;
}

/**
 * Name concepts of a target sentence: any word (names are not always capitalised in the
 * target language) that is a cognate of a source name takes that name's concept.
 */
function tgtNameAnchors(sentence: string, buckets: Map<string, Map<string, string>>, cache: Map<string, string | null>): Raw[] {
  const out: Raw[] = [];
  for (const token of words(sentence)) {
    let concept = cache.get(token.text);
    if (concept === undefined) {
      concept = null;
      const key = nameKey(token.text);
      let best = COGNATE_THRESHOLD;
      for (const [srcKey, srcWord] of key.length < MIN_NAME_KEY ? [] : buckets.get(key.slice(0, NAME_BUCKET)) ?? []) {
        const sim = srcKey === key ? 1 : cognateSimilarity(srcWord, token.text);
        if (sim >= best) [best, concept] = [sim, `m:${srcKey}`];
      }
      cache.set(token.text, concept);
    }
    if (concept !== null) out.push([concept, 'name']);
  }
  return out;
}

/** Lexicon concepts: a source stem stands for itself, a target stem for its best source stem. */
function lexiconMaps(lexicon: Lexicon | undefined): { src: Set<string>; tgt: Map<string, string> } {
  const src = new Set<string>();
  const tgtBest = new Map<string, [string, number]>();
  for (const e of lexicon?.entries ?? []) {
    src.add(e.src);
    const old = tgtBest.get(e.tgt);
    if (!old || old[1] < e.weight) tgtBest.set(e.tgt, [e.src, e.weight]);
  }
  return { src, tgt: new Map([...tgtBest].map(([t, [s]]) => [t, s])) };
}

/** Raw anchors of every sentence of both sides. */
function rawAnchors(src: string[], tgt: string[], lexicon: Lexicon | undefined): { src: Raw[][]; tgt: Raw[][] } {
  const names = sourceNames(src);
  const buckets = indexNames(names);
  const cache = new Map<string, string | null>();
  const lex = lexiconMaps(lexicon);
  const srcRaw = src.map((s, i) => {
    const out = [...sharedAnchors(s), ...srcNameAnchors(names[i])];
    if (lex.src.size) for (const st of contentStems(s)) if (lex.src.has(st)) out.push([`l:${st}`, 'lexicon']);
    return out;
  });
  const tgtRaw = tgt.map((s) => {
    const out = [...sharedAnchors(s), ...tgtNameAnchors(s, buckets, cache)];
    if (lex.tgt.size) {
      for (const st of contentStems(s)) {
        const to = lex.tgt.get(st);
        if (to !== undefined) out.push([`l:${to}`, 'lexicon']);
      }
    }
    return out;
  });
  return { src: srcRaw, tgt: tgtRaw };
}

/** Packs one side's anchors (already concept ids, only those present on both sides) with lengths. */
function packSide(sentences: string[], ids: number[][], unshared?: Float64Array): SideFeatures {
  const anchorStart = new Int32Array(sentences.length + 1);
  for (let i = 0; i < ids.length; i++) anchorStart[i + 1] = anchorStart[i] + ids[i].length;
  const anchorIds = new Int32Array(anchorStart[sentences.length]);
  ids.forEach((list, i) => anchorIds.set(list, anchorStart[i]));
  return {
    count: sentences.length, chars: Float64Array.from(sentences, charLength), anchorStart, anchorIds,
    unshared: unshared ?? new Float64Array(sentences.length),
  };
}

/**
 * Kinds whose absence on the other side means something: numbers survive translation. Names do
 * not qualify (a German noun is capitalised, a target name is only found as a source cognate),
 * nor do punctuation and lexicon stems.
 */
const TELLING: ReadonlySet<Kind> = new Set(['number']);

/** Per sentence, the weight of telling anchors whose concept `other` lacks. */
function unsharedWeights(raw: Raw[][], other: ReadonlySet<string>): Float64Array {
  return Float64Array.from(raw, (list) => {
    let w = 0;
    for (const [concept, kind] of list) if (TELLING.has(kind) && !other.has(concept)) w += WEIGHT[kind];
    return w;
  });
}

/** Lengths and anchors of both sides of a document pair, ready for the DP. */
export function buildFeatures(src: string[], tgt: string[], options: AnchorOptions = {}): PairFeatures {
  if (options.anchors === false) {
    return { src: packSide(src, src.map(() => [])), tgt: packSide(tgt, tgt.map(() => [])), weight: new Float32Array(0) };
  }
  const raw = rawAnchors(src, tgt, options.lexicon);
  const onSrc = new Set(raw.src.flat().map(([c]) => c));
  const onTgt = new Set(raw.tgt.flat().map(([c]) => c));
  const keep = options.keepUnshared === true;
  const ids = new Map<string, number>();
  const weights: number[] = [];
  const toIds = (list: Raw[]) => list.flatMap(([concept, kind]) => {
    let id = ids.get(concept);
    if (id === undefined) {
      id = weights.length;
      ids.set(concept, id);
      weights.push(WEIGHT[kind]);
    }
    return [id];
  });
  // Only concepts on both sides: first keep the target's that the source has, then the reverse.
  const tgtIds = raw.tgt.map((list) => toIds(list.filter(([c]) => keep || onSrc.has(c))));
  const srcIds = raw.src.map((list) => toIds(list.filter(([c]) => keep || ids.has(c))));
  return {
    src: packSide(src, srcIds, unsharedWeights(raw.src, onTgt)),
    tgt: packSide(tgt, tgtIds, unsharedWeights(raw.tgt, onSrc)),
    weight: Float32Array.from(weights),
  };
}

/** One side at half the resolution: consecutive pairs of sentences merged into one unit. */
export function coarsen(side: SideFeatures): SideFeatures {
  const count = Math.ceil(side.count / 2);
  const chars = new Float64Array(count);
  const unshared = new Float64Array(count);
  const anchorStart = new Int32Array(count + 1);
  for (let u = 0; u < count; u++) {
    const last = Math.min(side.count, 2 * u + 2);
    for (let i = 2 * u; i < last; i++) {
      chars[u] += side.chars[i];
      unshared[u] += side.unshared[i];
    }
    anchorStart[u + 1] = side.anchorStart[last];
  }
  return { count, chars, anchorStart, anchorIds: side.anchorIds, unshared };
}
