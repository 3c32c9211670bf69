/**
 * Anchors: what two sentences in different languages can share without a dictionary
 * (numbers, names and cognates, telling punctuation) plus translations from a lexicon.
 * Each anchor is a concept id shared by both sides; a concept only counts when it occurs on
 * both sides of the document pair, so an anchor that can never match does not push its
 * sentence out of the alignment.
 */
import { numberKeys } from '../text/numbers.js';
import { COGNATE_THRESHOLD, cognateSimilarity, nameKey } from '../text/translit.js';
import { contentStems, nameCandidates } from '../text/tokens.js';
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
/**
 * Punctuation that survives translation: a question stays a question, a quote a quote. Each
 * mark stands for any of its characters (looked up with `includes`, faster than a regex test).
 */
const PUNCTUATION: Array<[string, string[]]> = [
  ['?', ['?', '？']], ['!', ['!']], ['q', ['"', '«', '»', '“', '”', '„']], ['(', ['(']],
];

/**
 * Concept keys interned as dense ids while the anchors of a document pair are collected, with
 * the kind of each (the key prefix `n:`/`p:`/`m:`/`l:` fixes it, so a key has one kind).
 */
class Concepts {
  private readonly ids = new Map<string, number>();
  readonly kinds: Kind[] = [];

  id(concept: string, kind: Kind): number {
    let id = this.ids.get(concept);
    if (id === undefined) {
      id = this.kinds.length;
      this.ids.set(concept, id);
      this.kinds.push(kind);
    }
    return id;
  }
}

/** `nameKey` memoised for one document pair: names repeat, and transliteration is not cheap. */
function keyCache(): (word: string) => string {
  const cache = new Map<string, string>();
  return (word) => {
    let key = cache.get(word);
    if (key === undefined) {
      key = nameKey(word);
      cache.set(word, key);
    }
    return key;
  };
}

/** Adds the number and punctuation anchors of a sentence (the same concept keys in every language). */
function addSharedAnchors(sentence: string, concepts: Concepts, out: number[]): void {
  for (const key of numberKeys(sentence)) out.push(concepts.id(`n:${key}`, 'number'));
  for (const [mark, chars] of PUNCTUATION) {
    if (chars.some((c) => sentence.includes(c))) out.push(concepts.id(`p:${mark}`, 'punctuation'));
  }
}

/** The first word of a sentence (the `tokens.ts` word pattern, first match only). */
const FIRST_WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/u;
const INITIAL_UPPER = /^\p{Lu}/u;
/** Every word of a sentence (the `tokens.ts` word pattern) as plain strings: no token objects in the hot loop. */
const ALL_WORDS = new RegExp(FIRST_WORD.source, 'gu');

/**
 * Name candidates of every source sentence; a sentence-initial capitalised word counts when the
 * same word occurs mid-sentence elsewhere in the document (tokens.ts `nameCandidates` rule).
 */
function sourceNames(src: string[]): string[][] {
  const mid = src.map((sentence) => nameCandidates(sentence).map((t) => t.text));
  const known = new Set<string>();
  for (const list of mid) for (const w of list) known.add(w.toLowerCase());
  return src.map((sentence, i) => {
    const first = FIRST_WORD.exec(sentence)?.[0];
    const initial = first !== undefined && INITIAL_UPPER.test(first) && known.has(first.toLowerCase()) && !mid[i].includes(first);
    return initial ? [first, ...mid[i]] : mid[i];
  });
}

/** Source names by key, bucketed by the key's first characters, for cognate lookups. */
function indexNames(names: string[][], keyOf: (word: string) => string): Map<string, Map<string, string>> {
  const buckets = new Map<string, Map<string, string>>();
  for (const list of names) {
    for (const text of list) {
      const key = keyOf(text);
      if (key.length < MIN_NAME_KEY) continue;
      const prefix = key.slice(0, NAME_BUCKET);
      let bucket = buckets.get(prefix);
      if (bucket === undefined) {
        bucket = new Map<string, string>();
        buckets.set(prefix, bucket);
      }
      bucket.set(key, text);
    }
  }
  return buckets;
}

/** The name concept a target word stands for: the best cognate among source names, or null. */
function targetConcept(word: string, buckets: Map<string, Map<string, string>>, keyOf: (word: string) => string): string | null {
  const key = keyOf(word);
  if (key.length < MIN_NAME_KEY) return null;
  let concept: string | null = null;
  let best = COGNATE_THRESHOLD;
  for (const [srcKey, srcWord] of buckets.get(key.slice(0, NAME_BUCKET)) ?? []) {
    const sim = srcKey === key ? 1 : cognateSimilarity(srcWord, word);
    if (sim >= best) [best, concept] = [sim, `m:${srcKey}`];
  }
  return concept;
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

/** Concept ids of every sentence of both sides (in order, repeats kept), over one concept space. */
function rawAnchors(src: string[], tgt: string[], lexicon: Lexicon | undefined, concepts: Concepts): { src: number[][]; tgt: number[][] } {
  const keyOf = keyCache();
  const names = sourceNames(src);
  const buckets = indexNames(names, keyOf);
  const lex = lexiconMaps(lexicon);
  const srcRaw = src.map((s, i) => {
    const out: number[] = [];
    addSharedAnchors(s, concepts, out);
    for (const text of names[i]) {
      const key = keyOf(text);
      if (key.length >= MIN_NAME_KEY) out.push(concepts.id(`m:${key}`, 'name'));
    }
    if (lex.src.size) for (const st of contentStems(s)) if (lex.src.has(st)) out.push(concepts.id(`l:${st}`, 'lexicon'));
    return out;
  });
  // Target words are looked up once per distinct word: -1 none, else the concept id.
  const wordConcept = new Map<string, number>();
  const tgtRaw = tgt.map((s) => {
    const out: number[] = [];
    addSharedAnchors(s, concepts, out);
    for (const word of s.match(ALL_WORDS) ?? []) {
      let id = wordConcept.get(word);
      if (id === undefined) {
        const concept = targetConcept(word, buckets, keyOf);
        id = concept === null ? -1 : concepts.id(concept, 'name');
        wordConcept.set(word, id);
      }
      if (id >= 0) out.push(id);
    }
    if (lex.tgt.size) {
      for (const st of contentStems(s)) {
        const to = lex.tgt.get(st);
        if (to !== undefined) out.push(concepts.id(`l:${to}`, 'lexicon'));
      }
    }
    return out;
  });
  return { src: srcRaw, tgt: tgtRaw };
}

/** Packs one side's anchors (already final concept ids) with lengths. */
function packSide(sentences: string[], ids: number[][], unshared?: Float64Array): SideFeatures {
  const anchorStart = new Int32Array(sentences.length + 1);
  for (let i = 0; i < ids.length; i++) anchorStart[i + 1] = anchorStart[i] + ids[i].length;
  const anchorIds = new Int32Array(anchorStart[sentences.length]);
  // A plain loop: `set` from a JS array goes through a slow generic path, once per sentence.
  for (let i = 0; i < ids.length; i++) {
    const list = ids[i];
    const at = anchorStart[i];
    for (let j = 0; j < list.length; j++) anchorIds[at + j] = list[j];
  }
  const chars = new Float64Array(sentences.length);
  for (let i = 0; i < sentences.length; i++) chars[i] = charLength(sentences[i]);
  return { count: sentences.length, chars, anchorStart, anchorIds, unshared: unshared ?? new Float64Array(sentences.length) };
}

/**
 * Kinds whose absence on the other side means something: numbers survive translation. Names do
 * not qualify (a German noun is capitalised, a target name is only found as a source cognate),
 * nor do punctuation and lexicon stems.
 */
const TELLING: ReadonlySet<Kind> = new Set(['number']);

/** Flags of the concepts occurring in any sentence of a side. */
function presence(raw: number[][], size: number): Uint8Array {
  const on = new Uint8Array(size);
  for (const list of raw) for (const c of list) on[c] = 1;
  return on;
}

/** Per sentence, the weight of telling anchors whose concept the other side lacks (`other`). */
function unsharedWeights(raw: number[][], kinds: Kind[], other: Uint8Array): Float64Array {
  const out = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    let w = 0;
    for (const c of raw[i]) if (other[c] === 0 && TELLING.has(kinds[c])) w += WEIGHT[kinds[c]];
    out[i] = w;
  }
  return out;
}

/** Lengths and anchors of both sides of a document pair, ready for the DP. */
export function buildFeatures(src: string[], tgt: string[], options: AnchorOptions = {}): PairFeatures {
  if (options.anchors === false) {
    return { src: packSide(src, src.map(() => [])), tgt: packSide(tgt, tgt.map(() => [])), weight: new Float32Array(0) };
  }
  const concepts = new Concepts();
  const raw = rawAnchors(src, tgt, options.lexicon, concepts);
  const size = concepts.kinds.length;
  const onSrc = presence(raw.src, size);
  const onTgt = presence(raw.tgt, size);
  const keep = options.keepUnshared === true;
  // Final ids: dense over the kept concepts (on both sides, or all with `keep`), target first.
  const final = new Int32Array(size).fill(-1);
  const weights: number[] = [];
  const remap = (lists: number[][]) => lists.map((list) => {
    const out: number[] = [];
    for (const c of list) {
      if (!keep && (onSrc[c] === 0 || onTgt[c] === 0)) continue;
      if (final[c] < 0) {
        final[c] = weights.length;
        weights.push(WEIGHT[concepts.kinds[c]]);
      }
      out.push(final[c]);
    }
    return out;
  });
  const tgtIds = remap(raw.tgt);
  const srcIds = remap(raw.src);
  return {
    src: packSide(src, srcIds, unsharedWeights(raw.src, concepts.kinds, onTgt)),
    tgt: packSide(tgt, tgtIds, unsharedWeights(raw.tgt, concepts.kinds, onSrc)),
    weight: Float32Array.from(weights),
  };
}

/** One side at 1/`factor` of the resolution: runs of `factor` consecutive sentences merged into one unit. */
export function coarsen(side: SideFeatures, factor = 2): SideFeatures {
  const count = Math.ceil(side.count / factor);
  const chars = new Float64Array(count);
  const unshared = new Float64Array(count);
  const anchorStart = new Int32Array(count + 1);
  for (let u = 0; u < count; u++) {
    const last = Math.min(side.count, factor * u + factor);
    for (let i = factor * u; i < last; i++) {
      chars[u] += side.chars[i];
      unshared[u] += side.unshared[i];
    }
    anchorStart[u + 1] = side.anchorStart[last];
  }
  return { count, chars, anchorStart, anchorIds: side.anchorIds, unshared };
}
