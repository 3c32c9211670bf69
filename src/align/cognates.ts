/**
 * Cognates of ordinary (lower-case) words as anchors of a document pair: `denuclearization` ~
 * `денуклеаризации`, `president` ~ `президент`, `technology` ~ `технологии`. Names already
 * anchor through `translit.ts` (`anchors.ts`); long common words of Latin/Greek origin are the
 * other free evidence related-script pairs carry (hunalign and bertalign get much from them).
 * The test is stricter than the name test: words are folded to a spelling both scripts share
 * (English orthography and Russian transliteration meet: `tion` ~ `ция`, `c` ~ `к`/`ц`, `z` ~ `з`/`с`)
 * and compared over the shorter word's length, so inflection (`-ами`, `-ov`, `-s`) costs nothing
 * and one edit per ten letters is allowed.
 */
import { distance } from 'fastest-levenshtein';
import { isCyrillic, transliterate } from '../text/translit.js';
import type { PairFeatures, SideFeatures } from './anchors.js';

/** Source words shorter than this are not compared: short words agree by chance (`moment`, `police`). */
export const MIN_COGNATE_WORD = 8;
/** Target words shorter than this are not compared (a Russian stem may be shorter than its English cognate). */
const MIN_TARGET_WORD = 7;
/** Folded keys shorter than this over the compared prefix are too short to be told from chance. */
const MIN_FOLDED = 6;
/** Prefix similarity from which two words are cognates: at most one edit per ten folded letters. */
export const COGNATE_MIN_SIMILARITY = 0.9;
/** Source words are compared only with target words sharing this many leading folded letters (as names, `NAME_BUCKET`). */
const BUCKET = 3;

/**
 * English spellings rewritten to the letters Russian transliteration gives (Latin-script words
 * only), longest first: `tion` ~ `ция`, `ph` ~ `ф`, `th` ~ `т`, `ck` ~ `к`, `qu` ~ `кв`, `x` ~ `кс`,
 * `c` before e/i/y ~ `с`, `w` ~ `в`.
 */
const LATIN_FOLD: ReadonlyArray<[string, string]> = [
  ['tion', 'tsi'], ['ph', 'f'], ['th', 't'], ['ck', 'k'], ['qu', 'kv'], ['x', 'ks'], ['w', 'v'],
];
/** `c` is read `s` before these letters (`cycle` ~ `цикл` → `sikl`). */
const SOFT_C = 'eiy';

/** `word` (lower case, Latin) with LATIN_FOLD applied left to right. */
function foldLatin(word: string): string {
  let out = '';
  let p = 0;
  outer: while (p < word.length) {
    for (const [from, to] of LATIN_FOLD) {
      if (word.startsWith(from, p)) {
        out += to;
        p += from.length;
        continue outer;
      }
    }
    const ch = word[p];
    out += ch === 'c' && p + 1 < word.length && SOFT_C.includes(word[p + 1]) ? 's' : ch;
    p++;
  }
  return out;
}

/**
 * Folds applied to both scripts: letters the two spellings disagree on merged (`h` dropped, so
 * `kh` and `ch` meet `k`/`c`; `c` ~ `k`; `ts` ~ `s` ~ `z`; `y`/`j` ~ `i`), anything but a–z
 * dropped, doubled letters collapsed. One pass over the string (the key is made for every
 * distinct word of both sides, so a regex chain would cost more than the rest of the module).
 */
function foldCommon(latin: string): string {
  let out = '';
  let last = '';
  for (let p = 0; p < latin.length; p++) {
    let ch = latin[p];
    if (ch < 'a' || ch > 'z' || ch === 'h') continue;
    if (ch === 't' && latin[p + 1] === 's') {
      ch = 's';
      p++;
    } else if (ch === 'c') ch = 'k';
    else if (ch === 'z') ch = 's';
    else if (ch === 'y' || ch === 'j') ch = 'i';
    if (ch !== last) out += ch;
    last = ch;
  }
  return out;
}

/** First and last code of the Cyrillic block, which `transliterate` maps letter by letter. */
const CYRILLIC_FIRST = 0x400;
const CYRILLIC_LAST = 0x4ff;
/** `transliterate` of each lower-cased Cyrillic code, worked out once: a table read per letter instead of a string lookup. */
const CYRILLIC_LATIN: string[] = Array.from({ length: CYRILLIC_LAST - CYRILLIC_FIRST + 1 }, (_, j) => transliterate(String.fromCharCode(CYRILLIC_FIRST + j)));

/** `transliterate(word)` for a word with Cyrillic letters, through CYRILLIC_LATIN. */
function latinOf(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  for (let p = 0; p < lower.length; p++) {
    const c = lower.charCodeAt(p);
    out += c >= CYRILLIC_FIRST && c <= CYRILLIC_LAST ? CYRILLIC_LATIN[c - CYRILLIC_FIRST] : lower[p];
  }
  return out;
}

/** The spelling-neutral key of a word in either script: `денуклеаризации` and `denuclearization` → `denuklearisasi…`. */
export function cognateKey(word: string): string {
  // A word without Cyrillic letters transliterates to itself in lower case.
  return isCyrillic(word) ? foldCommon(latinOf(word)) : foldCommon(foldLatin(word.toLowerCase()));
}

/**
 * Similarity 0..1 of two cognate keys over the shorter one's length (endings of the longer word
 * ignored); 0 when that length is below MIN_FOLDED.
 */
export function prefixSimilarity(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  if (length < MIN_FOLDED) return 0;
  return 1 - distance(a.slice(0, length), b.slice(0, length)) / length;
}

/** True when the two words (any scripts) are long cognates by the rule above. */
export function areCognates(srcWord: string, tgtWord: string): boolean {
  return prefixSimilarity(cognateKey(srcWord), cognateKey(tgtWord)) >= COGNATE_MIN_SIMILARITY;
}

/** A side's candidate words: distinct words (by index) and, per sentence, the indices of its words (CSR). */
interface SideWords {
  words: string[];
  start: Int32Array;
  of: number[];
}

/**
 * True for a letter of the scripts transliteration and cognate keys handle (Basic Latin, Latin-1,
 * Latin Extended-A/B, Cyrillic), by code: a Unicode-property regex costs 2–4 × as much on
 * Cyrillic text, and every sentence of both sides is scanned. Other scripts have no cognate key.
 */
function isLetter(c: number): boolean {
  if (c < 0xc0) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return (c >= 0x400 && c <= 0x4ff) || (c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** True when `word` starts with a lower-case letter (names anchor elsewhere). */
function lowerInitial(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return true;
  if (c < 0x80) return false;
  return word[0] !== word[0].toUpperCase();
}

/** Seed and multiplier of the word hash (FNV-1a over UTF-16 code units). */
const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/**
 * Distinct words by a hash computed while scanning, so a repeated word costs no substring and no
 * string hashing: `Map<hash, index>`, with words whose hash collides with an earlier different
 * word kept in a plain string map.
 */
class WordIndex {
  readonly words: string[] = [];
  private readonly byHash = new Map<number, number>();
  private readonly collided = new Map<string, number>();

  constructor(private readonly accept: (word: string) => boolean) {}

  /** Index of the word s[from, to) with hash `hash` (added when new), −1 when not accepted. */
  id(s: string, from: number, to: number, hash: number): number {
    const known = this.byHash.get(hash);
    if (known !== undefined) {
      const w = known >= 0 ? this.words[known] : null;
      if (w !== null ? w.length === to - from && s.startsWith(w, from) : this.sameRejected(hash, s, from, to)) return known;
      const word = s.slice(from, to);
      let id = this.collided.get(word);
      if (id === undefined) {
        id = this.accept(word) ? this.words.push(word) - 1 : -1;
        this.collided.set(word, id);
      }
      return id;
    }
    const word = s.slice(from, to);
    const id = this.accept(word) ? this.words.push(word) - 1 : -1;
    this.byHash.set(hash, id);
    if (id < 0) this.rejected.set(hash, word);
    return id;
  }

  /** Rejected words by hash (to tell a repeat from a collision). */
  private readonly rejected = new Map<number, string>();

  private sameRejected(hash: number, s: string, from: number, to: number): boolean {
    const w = this.rejected.get(hash);
    return w !== undefined && w.length === to - from && s.startsWith(w, from);
  }
}

/**
 * The candidate words of each sentence: runs of letters (`isLetter`; an apostrophe or hyphen
 * ends a word, so `supermarket's` gives `supermarket`) of at least `min` letters, starting with a
 * lower-case letter when `lowerOnly`.
 */
function sideWords(sentences: string[], min: number, lowerOnly: boolean): SideWords {
  const index = new WordIndex(lowerOnly ? lowerInitial : () => true);
  const of: number[] = [];
  const start = new Int32Array(sentences.length + 1);
  for (let i = 0; i < sentences.length; i++) {
    start[i] = of.length;
    const s = sentences[i];
    const end = s.length;
    let p = 0;
    while (p < end) {
      // Skip to a letter, then hash the run of letters.
      while (p < end && !isLetter(s.charCodeAt(p))) p++;
      const from = p;
      let hash = HASH_SEED;
      for (let c = 0; p < end && isLetter(c = s.charCodeAt(p)); p++) hash = Math.imul(hash ^ c, HASH_PRIME);
      if (p - from >= min) {
        const id = index.id(s, from, p, hash);
        if (id >= 0) of.push(id);
      }
    }
  }
  start[sentences.length] = of.length;
  return { words: index.words, start, of };
}

/** Union–find root with path halving. */
function root(parent: Int32Array, x: number): number {
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]];
    x = parent[x];
  }
  return x;
}

/**
 * Groups of cognate words: source word j is node j, target word k node `srcCount + k`; every
 * target word is joined to each source word of its key bucket it is a cognate of (`areCognates`
 * over keys), so `president`, `presidents`, `президент`, `президента` end up in one group.
 * Returns the union–find parents. Work is per distinct word pair within a bucket.
 */
function cognateGroups(src: string[], tgt: string[]): Int32Array {
  const parent = Int32Array.from({ length: src.length + tgt.length }, (_, x) => x);
  const buckets = new Map<string, Array<[string, number]>>();
  src.forEach((w, j) => {
    const key = cognateKey(w);
    if (key.length < MIN_FOLDED) return;
    const prefix = key.slice(0, BUCKET);
    const bucket = buckets.get(prefix);
    if (bucket === undefined) buckets.set(prefix, [[key, j]]);
    else bucket.push([key, j]);
  });
  if (buckets.size === 0) return parent;
  tgt.forEach((w, k) => {
    const key = cognateKey(w);
    if (key.length < MIN_FOLDED) return;
    for (const [srcKey, j] of buckets.get(key.slice(0, BUCKET)) ?? []) {
      if (prefixSimilarity(srcKey, key) >= COGNATE_MIN_SIMILARITY) parent[root(parent, src.length + k)] = root(parent, j);
    }
  });
  return parent;
}

/** Cognate concepts of one side, per sentence (CSR, each concept once per sentence); ids 0..`count` − 1. */
export interface SideCognates {
  start: Int32Array;
  ids: Int32Array;
}

/** The cognate anchors of a document pair: concepts found on both sides. */
export interface PairCognates {
  src: SideCognates;
  tgt: SideCognates;
  count: number;
}

/** Per sentence, the distinct concept ids of its words (`conceptOf`: word index → concept id or −1). */
function sideConcepts(side: SideWords, conceptOf: Int32Array): SideCognates {
  const count = side.start.length - 1;
  const start = new Int32Array(count + 1);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const from = ids.length;
    for (let p = side.start[i]; p < side.start[i + 1]; p++) {
      const c = conceptOf[side.of[p]];
      if (c >= 0 && ids.indexOf(c, from) < 0) ids.push(c);
    }
    start[i + 1] = ids.length;
  }
  return { start, ids: Int32Array.from(ids) };
}

/**
 * The lower-case cognates of a document pair as anchors: source words of MIN_COGNATE_WORD
 * letters or more starting with a lower-case letter, target words of MIN_TARGET_WORD or more,
 * grouped by `areCognates`; a group with words on both sides is one concept.
 */
export function cognateAnchors(src: string[], tgt: string[]): PairCognates {
  const srcWords = sideWords(src, MIN_COGNATE_WORD, true);
  const tgtWords = sideWords(tgt, MIN_TARGET_WORD, false);
  const n = srcWords.words.length;
  const parent = cognateGroups(srcWords.words, tgtWords.words);
  // A group is a concept when a target word joined it (its root then has a source word in the group).
  const concept = new Int32Array(parent.length).fill(-1);
  let count = 0;
  for (let k = 0; k < tgtWords.words.length; k++) {
    const r = root(parent, n + k);
    if (r < n && concept[r] < 0) concept[r] = count++;
  }
  const conceptOf = (from: number, size: number) => Int32Array.from({ length: size }, (_, x) => concept[root(parent, from + x)]);
  return {
    src: sideConcepts(srcWords, conceptOf(0, n)),
    tgt: sideConcepts(tgtWords, conceptOf(n, tgtWords.words.length)),
    count,
  };
}

/** `side`'s anchors with `extra` concepts (ids offset by `base`) appended to each sentence's list. */
function appendAnchors(side: SideFeatures, extra: SideCognates, base: number): SideFeatures {
  const anchorStart = new Int32Array(side.count + 1);
  const anchorIds = new Int32Array(side.anchorIds.length + extra.ids.length);
  let n = 0;
  for (let i = 0; i < side.count; i++) {
    for (let p = side.anchorStart[i]; p < side.anchorStart[i + 1]; p++) anchorIds[n++] = side.anchorIds[p];
    for (let p = extra.start[i]; p < extra.start[i + 1]; p++) anchorIds[n++] = base + extra.ids[p];
    anchorStart[i + 1] = n;
  }
  return { ...side, anchorStart, anchorIds };
}

/**
 * `features` with the cognate concepts added as anchors of weight `weight` each (new concept
 * ids after the existing ones); the same object when there are none.
 */
export function withCognateAnchors(features: PairFeatures, cognates: PairCognates, weight: number): PairFeatures {
  if (cognates.count === 0) return features;
  const base = features.weight.length;
  const weights = new Float32Array(base + cognates.count);
  weights.set(features.weight);
  weights.fill(weight, base);
  return {
    src: appendAnchors(features.src, cognates.src, base),
    tgt: appendAnchors(features.tgt, cognates.tgt, base),
    weight: weights,
  };
}
