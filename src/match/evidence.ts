/**
 * Evidence that survives translation, extracted once per document: number keys, name keys
 * (transliterated, inflection-tolerant, exonyms folded), optional lexicon stems, title features,
 * length and date. Features are strings with a type prefix so one inverted index holds them all.
 */
import { extractNumbers } from '../text/numbers.js';
import { soundSkeletons } from '../text/phonetic.js';
import { exonymKey, exonymPhrases, isCyrillic, nameKey } from '../text/translit.js';
import { knownKey, knownNames, nameCandidates, stem, words, type Token } from '../text/tokens.js';
import type { Lang } from '../types.js';

/** One document as matching sees it. */
export interface MatchDoc {
  id: number;
  path: string;
  lang: Lang;
  title: string | null;
  date: string | null;
  text: string;
}

/** Feature type prefixes: `#` numbers, `@` names, `~` lexicon stems. */
export const NUMBER_PREFIX = '#';
export const NAME_PREFIX = '@';
export const LEXICON_PREFIX = '~';

/** Name keys are cut to this many letters: covers Russian endings (`Минниханов|ым`) yet tells names apart. */
export const NAME_KEY_LENGTH = 5;
/** Name keys shorter than this are too ambiguous (`Al`, `Ли`) to be evidence. */
const MIN_NAME_KEY = 3;
/** English words shorter than this are function words; the lexicon is not asked about them. */
const MIN_LEXICON_WORD = 4;
/** Share of Belarusian/Ukrainian-only letters among Cyrillic ones above which a text is not Russian. */
const NON_RUSSIAN_LETTER_SHARE = 0.01;
/** Fewer Cyrillic letters than this and the letter test says nothing. */
const MIN_CYRILLIC_FOR_SCRIPT_TEST = 200;
/** How far into the text the title is looked for when the document has none. */
const TITLE_FALLBACK_CHARS = 300;

/** Where a feature was first seen and how it was written. */
export interface FeatureMention {
  surface: string;
  at: number;
}

/** The per-document evidence: features with the surface form first seen for each. */
export interface DocEvidence {
  id: number;
  lang: Lang;
  /** feature → surface form (`@minih` → `Minnikhanov`, `#19000000000` → `$19 billion`). */
  features: Map<string, string>;
  /** Character offset of each feature's first mention: translations keep the order of mentions. */
  positions: Map<string, number>;
  /** Features of the title alone (a subset of `features`). */
  titleFeatures: Set<string>;
  /** Characters of the text. */
  chars: number;
  /** ISO date or null. */
  date: string | null;
  /** False for a Cyrillic text whose letters say Belarusian or Ukrainian, whatever its label. */
  russianScript: boolean;
}

/** Russian endings (transliterated) stripped from short name keys so `МАЗа` meets `MAZ`. */
const SHORT_NAME_ENDINGS = /(?:om|em|oy|ey|ov|ym|im|a|u|e|i|y)$/;

/**
 * The feature key of one name: the exonym key when it is a known exonym, otherwise the first
 * `NAME_KEY_LENGTH` letters of its transliterated key; null when too short to be evidence.
 */
export function nameFeature(word: string): string | null {
  const clean = word.replace(/['’]s$/u, '');
  const exonym = exonymKey(clean);
  if (exonym !== null) return NAME_PREFIX + exonym;
  let key = nameKey(clean).replace(/^y(?=[eu])/, '');
  if (isCyrillic(clean) && key.length <= NAME_KEY_LENGTH && key.length > MIN_NAME_KEY) {
    key = key.replace(SHORT_NAME_ENDINGS, '');
  }
  if (key.length < MIN_NAME_KEY || /^\d+$/.test(key)) return null;
  return NAME_PREFIX + key.slice(0, NAME_KEY_LENGTH);
}

/** Consonants kept in a skeleton key: enough to tell names apart, few enough to survive spelling. */
const SKELETON_CONSONANTS = 3;
/** Skeletons shorter than this (`Li`, `Al`) are not evidence. */
const MIN_SKELETON = 2;
/** Prefix of skeleton features, distinct from the exact name keys. */
export const SKELETON_PREFIX = '@~';

/**
 * Spelling-tolerant keys of a name: the first consonants of each of its sound skeletons
 * (`text/phonetic.ts`), so `Trump` and `Трампом` share `trm`, `Michael` and `Майкл` share `mkl`.
 */
export function skeletonFeatures(word: string): string[] {
  const keys = soundSkeletons(word.replace(/['’]s$/u, ''))
    .map((s) => s.slice(0, SKELETON_CONSONANTS))
    .filter((k) => k.length >= MIN_SKELETON);
  return [...new Set(keys)].map((k) => SKELETON_PREFIX + k);
}

/** Number features of `text`: written numbers only (spelled ones are too often written differently). */
export function numberFeatures(text: string): Map<string, FeatureMention> {
  const out = new Map<string, FeatureMention>();
  // Written numbers need a digit and never span lines, so only lines with digits are parsed:
  // number extraction scans every word (for spelled numbers) and dominated the cost.
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (DIGIT.test(line)) {
      for (const m of extractNumbers(line)) {
        if (m.spelled) continue;
        const feature = NUMBER_PREFIX + m.key;
        if (!out.has(feature)) out.set(feature, { surface: m.raw, at: lineStart + m.start });
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
const DIGIT = /\d/;

/** Memo of `tokenNameFeatures`: names repeat across a corpus, transliterating them once is enough. */
const tokenFeatureCache = new Map<string, readonly string[]>();
/** The memo is dropped when it grows past this many words, so memory stays bounded on huge corpora. */
const MAX_CACHED_TOKENS = 200_000;

/** The name and skeleton features of one name token (memoised: a pure function of the token). */
function tokenNameFeatures(token: string): readonly string[] {
  const cached = tokenFeatureCache.get(token);
  if (cached) return cached;
  const out: string[] = [];
  const name = nameFeature(token);
  if (name !== null) out.push(name);
  if (exonymKey(token) === null) out.push(...skeletonFeatures(token));
  if (tokenFeatureCache.size >= MAX_CACHED_TOKENS) tokenFeatureCache.clear();
  tokenFeatureCache.set(token, out);
  return out;
}

/**
 * The name candidates of a whole document in one pass over its words (same result as
 * `nameCandidates(text, knownNames(text))`, which tokenises twice): mid-sentence names and
 * acronyms, plus sentence-initial words seen as names elsewhere in it.
 */
export function documentNames(text: string): { tokens: Token[]; known: Set<string> } {
  const mid = nameCandidates(text);
  const known = new Set(mid.map((t) => knownKey(t.text)));
  const starts = new Set(mid.map((t) => t.start));
  const initial: Token[] = [];
  for (const m of text.matchAll(SENTENCE_START_WORD)) {
    const word = m[1];
    const start = m.index + m[0].length - word.length;
    if (!starts.has(start) && known.has(knownKey(word))) initial.push({ text: word, start, end: start + word.length });
  }
  const tokens = initial.length === 0 ? mid : [...mid, ...initial].sort((a, b) => a.start - b.start);
  return { tokens, known };
}
/** A capitalised word opening the text, a line or a sentence (the words `nameCandidates` leaves to `known`). */
const SENTENCE_START_WORD = /(?:^|[.!?…:]\s*|\n\s*)["«“„'(\[–—-]?\s*(\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*)/gu;

/** Name features of the given name tokens of `text` and of its multi-word exonyms, with a surface form each. */
function nameFeaturesOf(text: string, tokens: readonly Token[]): Map<string, FeatureMention> {
  const out = new Map<string, FeatureMention>();
  for (const phrase of exonymPhrases(text)) {
    const feature = NAME_PREFIX + phrase.key;
    if (!out.has(feature)) out.set(feature, { surface: text.slice(phrase.start, phrase.end), at: phrase.start });
  }
  for (const token of tokens) {
    for (const feature of tokenNameFeatures(token.text)) {
      if (!out.has(feature)) out.set(feature, { surface: token.text, at: token.start });
    }
  }
  return out;
}

/**
 * Name features of `text`: name candidates and multi-word exonyms, with a surface form each.
 * `known` (lower-cased names seen mid-sentence) lets sentence-initial names count.
 */
export function nameFeatures(text: string, known: ReadonlySet<string> = knownNames(text)): Map<string, FeatureMention> {
  return nameFeaturesOf(text, nameCandidates(text, known));
}

/**
 * Lexicon features: for English, the Russian stems the lexicon gives for each word; for Russian,
 * the stems of its words (only those in `targets` when given: stems no English word can reach
 * would only dilute the score). Both sides meet on Russian stems.
 */
export function lexiconFeatures(text: string, lang: Lang, lexicon: (enWord: string) => string[], targets?: ReadonlySet<string>): Map<string, FeatureMention> {
  const out = new Map<string, FeatureMention>();
  const seen = new Set<string>();
  for (const token of words(text)) {
    if (token.text.length < MIN_LEXICON_WORD) continue;
    const lower = token.text.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    const stems = lang === 'en' ? lexicon(lower) : [stem(lower)];
    for (const s of stems) {
      if (targets && !targets.has(s)) continue;
      const feature = LEXICON_PREFIX + s;
      if (!out.has(feature)) out.set(feature, { surface: token.text, at: token.start });
    }
  }
  return out;
}

/**
 * Adds lexicon features to the evidence of already extracted documents (`texts` by id): English
 * first, so the Russian side keeps only stems some English word translates to.
 */
export function addLexiconFeatures(docs: readonly DocEvidence[], texts: ReadonlyMap<number, string>, lexicon: (enWord: string) => string[]): void {
  const targets = new Set<string>();
  const add = (doc: DocEvidence, found: Map<string, FeatureMention>) => {
    for (const [f, m] of found) {
      if (doc.features.has(f)) continue;
      doc.features.set(f, m.surface);
      doc.positions.set(f, m.at);
    }
  };
  for (const doc of docs) {
    if (doc.lang !== 'en') continue;
    const found = lexiconFeatures(texts.get(doc.id) ?? '', 'en', lexicon);
    for (const f of found.keys()) targets.add(f.slice(LEXICON_PREFIX.length));
    add(doc, found);
  }
  for (const doc of docs) if (doc.lang !== 'en') add(doc, lexiconFeatures(texts.get(doc.id) ?? '', doc.lang, lexicon, targets));
}

/** True unless `text` has enough Cyrillic letters and a share of Belarusian/Ukrainian-only ones. */
export function looksRussian(text: string): boolean {
  let cyrillic = 0;
  let foreign = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < CYRILLIC_FIRST || c > CYRILLIC_LAST) continue;
    cyrillic++;
    if (NON_RUSSIAN_LETTERS.has(c)) foreign++;
  }
  if (cyrillic < MIN_CYRILLIC_FOR_SCRIPT_TEST) return true;
  return foreign / cyrillic <= NON_RUSSIAN_LETTER_SHARE;
}
const CYRILLIC_FIRST = 0x400;
const CYRILLIC_LAST = 0x4ff;
/** і ў ї є ґ in both cases: letters Russian does not use. */
const NON_RUSSIAN_LETTERS = new Set([...'іІўЎїЇєЄґҐ'].map((ch) => ch.charCodeAt(0)));

/** The title to compare: the document's own, or its first non-empty line. */
function titleOf(doc: MatchDoc): string {
  if (doc.title) return doc.title;
  const first = doc.text.slice(0, TITLE_FALLBACK_CHARS).split('\n').find((line) => line.trim() !== '');
  return first ?? '';
}

/** All evidence of one document; `lexicon` adds lexicon features when given. */
export function extractEvidence(doc: MatchDoc, lexicon?: (enWord: string) => string[]): DocEvidence {
  const { tokens, known } = documentNames(doc.text);
  const found = new Map<string, FeatureMention>([...numberFeatures(doc.text), ...nameFeaturesOf(doc.text, tokens)]);
  if (lexicon) for (const [f, m] of lexiconFeatures(doc.text, doc.lang, lexicon)) if (!found.has(f)) found.set(f, m);
  const features = new Map<string, string>();
  const positions = new Map<string, number>();
  for (const [f, m] of found) {
    features.set(f, m.surface);
    positions.set(f, m.at);
  }
  const title = titleOf(doc);
  const titleFeatures = new Set([...numberFeatures(title).keys(), ...nameFeatures(title, known).keys()]);
  for (const f of titleFeatures) {
    if (!features.has(f)) features.set(f, f.slice(1));
    if (!positions.has(f)) positions.set(f, 0);
  }
  return {
    id: doc.id,
    lang: doc.lang,
    features,
    titleFeatures,
    positions,
    chars: doc.text.length,
    date: doc.date,
    russianScript: doc.lang !== 'ru' || looksRussian(doc.text),
  };
}
