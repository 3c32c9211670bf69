/**
 * Anchors: what two sentences in different languages can share without a dictionary
 * (numbers, names and cognates, telling punctuation) plus translations from a lexicon.
 * Each anchor is a concept id shared by both sides; a concept only counts when it occurs on
 * both sides of the document pair, so an anchor that can never match does not push its
 * sentence out of the alignment.
 */
import { numberKeys } from '../text/numbers.js';
import { COGNATE_THRESHOLD, cognateSimilarity, nameKey } from '../text/translit.js';
import { contentStems, knownKey, nameCandidates, wordList } from '../text/tokens.js';
import { charLength } from './length.js';
import type { Lexicon } from './lexicon.js';
import { Interner } from '../text/interner.js';

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
 * concept key stands for any of its characters (each one UTF-16 code unit, see TRAITS).
 */
const PUNCTUATION: Array<[string, string[]]> = [
  ['p:?', ['?', '？']], ['p:!', ['!']], ['p:q', ['"', '«', '»', '“', '”', '„']], ['p:(', ['(']],
];
/** The concept of quotation marks. */
const QUOTE = 'p:q';
/**
 * A single quotation mark opening a quote (British headlines: `Tough talk 'and then we fell in
 * love'`): at the start or after a space or bracket, before a letter or digit. An apostrophe sits
 * inside or at the end of a word, so it never matches.
 */
const OPENING_SINGLE_QUOTE = /(?:^|[\s(\[])['‘][\p{L}\p{N}]/u;
/** Trait bits of `sentenceTraits` beyond PUNCTUATION's (bit p: a character of PUNCTUATION[p]). */
const DIGIT_BIT = 1 << PUNCTUATION.length;
/** `'` or `‘`: OPENING_SINGLE_QUOTE can match only then. */
const SINGLE_QUOTE_BIT = DIGIT_BIT << 1;

/** The trait bits of each UTF-16 code unit. */
const TRAITS = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  PUNCTUATION.forEach(([, chars], p) => {
    for (const ch of chars) table[ch.charCodeAt(0)] |= 1 << p;
  });
  for (const ch of '0123456789') table[ch.charCodeAt(0)] |= DIGIT_BIT;
  for (const ch of "'‘") table[ch.charCodeAt(0)] |= SINGLE_QUOTE_BIT;
  return table;
})();

/**
 * The traits of a sentence in one pass of table lookups: which PUNCTUATION concepts' characters,
 * a digit (`\d`), a single quote. Replaces a dozen `includes` and regex scans per sentence,
 * which are slow on two-byte (Cyrillic) strings.
 */
function sentenceTraits(sentence: string): number {
  let traits = 0;
  for (let j = 0; j < sentence.length; j++) traits |= TRAITS[sentence.charCodeAt(j)];
  return traits;
}

/**
 * Concept keys interned as dense ids while the anchors of a document pair are collected, with
 * the kind of each (the key prefix `n:`/`p:`/`m:`/`l:` fixes it, so a key has one kind).
 */
class Concepts {
  private readonly keys = new Interner();
  readonly kinds: Kind[] = [];

  id(concept: string, kind: Kind): number {
    const id = this.keys.id(concept);
    if (id === this.kinds.length) this.kinds.push(kind);
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
  const traits = sentenceTraits(sentence);
  // `numberKeys` finds nothing without a digit; testing first spares an empty set for most sentences.
  if (traits & DIGIT_BIT) for (const key of numberKeys(sentence)) out.push(concepts.id(`n:${key}`, 'number'));
  for (let p = 0; p < PUNCTUATION.length; p++) {
    const [concept] = PUNCTUATION[p];
    const found = (traits & (1 << p)) !== 0
      || (concept === QUOTE && (traits & SINGLE_QUOTE_BIT) !== 0 && OPENING_SINGLE_QUOTE.test(sentence));
    if (found) out.push(concepts.id(concept, 'punctuation'));
  }
}

/** The first word of a sentence (the `tokens.ts` word pattern, first match only). */
const FIRST_WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/u;
const INITIAL_UPPER = /^\p{Lu}/u;

/**
 * Name candidates of every source sentence; a sentence-initial capitalised word counts when the
 * same word occurs mid-sentence elsewhere in the document (tokens.ts `nameCandidates` rule).
 */
function sourceNames(src: string[]): string[][] {
  const mid = src.map((sentence) => nameCandidates(sentence).map((t) => t.text));
  const known = new Set<string>();
  for (const list of mid) for (const w of list) known.add(knownKey(w));
  return src.map((sentence, i) => {
    const first = FIRST_WORD.exec(sentence)?.[0];
    const initial = first !== undefined && INITIAL_UPPER.test(first) && known.has(knownKey(first)) && !mid[i].includes(first);
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

/**
 * Concept ids of every sentence of one side in one flat list (in order, repeats kept): sentence i
 * owns `ids[start[i] .. start[i + 1])`. One list per side instead of one small array per
 * sentence: less garbage, and the lists are packed without a copy per sentence.
 */
interface RawSide {
  ids: number[];
  start: Int32Array;
}

/** Raw anchors of the source side: shared anchors, names, lexicon stems. */
function rawSource(src: string[], names: string[][], keyOf: (word: string) => string, lexSrc: Set<string>, concepts: Concepts): RawSide {
  const ids: number[] = [];
  const start = new Int32Array(src.length + 1);
  // Names repeat: the concept id (-1: key too short) once per distinct name, interned at its first use as before.
  const nameConcept = new Map<string, number>();
  for (let i = 0; i < src.length; i++) {
    start[i] = ids.length;
    const s = src[i];
    addSharedAnchors(s, concepts, ids);
    for (const text of names[i]) {
      let id = nameConcept.get(text);
      if (id === undefined) {
        const key = keyOf(text);
        id = key.length >= MIN_NAME_KEY ? concepts.id(`m:${key}`, 'name') : -1;
        nameConcept.set(text, id);
      }
      if (id >= 0) ids.push(id);
    }
    if (lexSrc.size) for (const st of contentStems(s)) if (lexSrc.has(st)) ids.push(concepts.id(`l:${st}`, 'lexicon'));
  }
  start[src.length] = ids.length;
  return { ids, start };
}

/** Raw anchors of the target side: shared anchors, source-name cognates, lexicon stems. */
function rawTarget(
  tgt: string[], buckets: Map<string, Map<string, string>>, keyOf: (word: string) => string,
  lexTgt: Map<string, string>, concepts: Concepts,
): RawSide {
  const ids: number[] = [];
  const start = new Int32Array(tgt.length + 1);
  // Target words are looked up once per distinct word: -1 none, else the concept id.
  const wordConcept = new Map<string, number>();
  for (let i = 0; i < tgt.length; i++) {
    start[i] = ids.length;
    const s = tgt[i];
    addSharedAnchors(s, concepts, ids);
    // Plain strings, no token objects in the hot loop.
    for (const word of wordList(s)) {
      let id = wordConcept.get(word);
      if (id === undefined) {
        const concept = targetConcept(word, buckets, keyOf);
        id = concept === null ? -1 : concepts.id(concept, 'name');
        wordConcept.set(word, id);
      }
      if (id >= 0) ids.push(id);
    }
    if (lexTgt.size) {
      for (const st of contentStems(s)) {
        const to = lexTgt.get(st);
        if (to !== undefined) ids.push(concepts.id(`l:${to}`, 'lexicon'));
      }
    }
  }
  start[tgt.length] = ids.length;
  return { ids, start };
}

/** Concept ids of every sentence of both sides, over one concept space. */
function rawAnchors(src: string[], tgt: string[], lexicon: Lexicon | undefined, concepts: Concepts): { src: RawSide; tgt: RawSide } {
  const keyOf = keyCache();
  const names = sourceNames(src);
  const buckets = indexNames(names, keyOf);
  const lex = lexiconMaps(lexicon);
  const srcRaw = rawSource(src, names, keyOf, lex.src, concepts);
  return { src: srcRaw, tgt: rawTarget(tgt, buckets, keyOf, lex.tgt, concepts) };
}

/** One side's lengths with its packed anchors (final concept ids). */
function packSide(sentences: string[], anchorStart: Int32Array, anchorIds: Int32Array, unshared?: Float64Array): SideFeatures {
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
function presence(raw: RawSide, size: number): Uint8Array {
  const on = new Uint8Array(size);
  const ids = raw.ids;
  for (let k = 0; k < ids.length; k++) on[ids[k]] = 1;
  return on;
}

/** Per sentence, the weight of telling anchors whose concept the other side lacks (`other`). */
function unsharedWeights(raw: RawSide, kinds: Kind[], other: Uint8Array): Float64Array {
  const count = raw.start.length - 1;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let w = 0;
    for (let k = raw.start[i]; k < raw.start[i + 1]; k++) {
      const c = raw.ids[k];
      if (other[c] === 0 && TELLING.has(kinds[c])) w += WEIGHT[kinds[c]];
    }
    out[i] = w;
  }
  return out;
}

/** Lengths and anchors of both sides of a document pair, ready for the DP. */
export function buildFeatures(src: string[], tgt: string[], options: AnchorOptions = {}): PairFeatures {
  if (options.anchors === false) {
    return {
      src: packSide(src, new Int32Array(src.length + 1), new Int32Array(0)),
      tgt: packSide(tgt, new Int32Array(tgt.length + 1), new Int32Array(0)),
      weight: new Float32Array(0),
    };
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
  const remap = (side: RawSide): { anchorStart: Int32Array; anchorIds: Int32Array } => {
    const count = side.start.length - 1;
    const anchorStart = new Int32Array(count + 1);
    const kept = new Int32Array(side.ids.length);
    let n = 0;
    for (let i = 0; i < count; i++) {
      for (let k = side.start[i]; k < side.start[i + 1]; k++) {
        const c = side.ids[k];
        if (!keep && (onSrc[c] === 0 || onTgt[c] === 0)) continue;
        if (final[c] < 0) {
          final[c] = weights.length;
          weights.push(WEIGHT[concepts.kinds[c]]);
        }
        kept[n++] = final[c];
      }
      anchorStart[i + 1] = n;
    }
    return { anchorStart, anchorIds: n === kept.length ? kept : kept.slice(0, n) };
  };
  const tgtIds = remap(raw.tgt);
  const srcIds = remap(raw.src);
  return {
    src: packSide(src, srcIds.anchorStart, srcIds.anchorIds, unsharedWeights(raw.src, concepts.kinds, onTgt)),
    tgt: packSide(tgt, tgtIds.anchorStart, tgtIds.anchorIds, unsharedWeights(raw.tgt, concepts.kinds, onSrc)),
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
