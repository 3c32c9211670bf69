/**
 * Evidence that survives translation, extracted once per document: number keys, name keys
 * (transliterated, inflection-tolerant, exonyms folded), optional lexicon stems, title features,
 * length and date. Features are strings with a type prefix so one inverted index holds them all.
 */
import { extractNumbers } from '../text/numbers.js';
import { exonymKey, exonymPhrases, isCyrillic, nameKey, transliterate } from '../text/translit.js';
import { knownNames, nameCandidates, stem, words } from '../text/tokens.js';
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

/** English spelling → the letters a Russian transliteration would use (`Trump` ~ `Трамп`, `Mickelson` ~ `Микелсон`). */
function latinToPhonetic(s: string): string {
  return s.replace(/ch/g, 'ç').replace(/ck/g, 'k').replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k').replace(/ç/g, 'ch')
    .replace(/ph/g, 'f').replace(/th/g, 't').replace(/gh/g, '').replace(/q/g, 'k').replace(/x/g, 'ks')
    .replace(/w/g, 'v').replace(/j/g, 'dzh');
}

/**
 * A spelling-tolerant key of a name: its first consonants after transliteration, with `h` and
 * vowels dropped and doubles collapsed; an initial vowel is kept as `a`. `Trump` and `Трампом`
 * both give `trm`. Null when too short to say anything.
 */
export function skeletonFeature(word: string): string | null {
  const letters = transliterate(word.replace(/['’]s$/u, '')).replace(/[^a-z]/g, '');
  const phonetic = (isCyrillic(word) ? letters : latinToPhonetic(letters)).replace(/^y(?=[aeiou])/, '');
  const initial = /^[aeiouy]/.test(phonetic) ? 'a' : '';
  const consonants = phonetic.replace(/[aeiouyh]/g, '').replace(/(.)\1+/g, '$1');
  const key = initial + consonants.slice(0, SKELETON_CONSONANTS);
  return key.length >= MIN_SKELETON ? SKELETON_PREFIX + key : null;
}

/** Number features of `text`: written numbers only (spelled ones are too often written differently). */
export function numberFeatures(text: string): Map<string, FeatureMention> {
  const out = new Map<string, FeatureMention>();
  for (const m of extractNumbers(text)) {
    if (m.spelled) continue;
    const feature = NUMBER_PREFIX + m.key;
    if (!out.has(feature)) out.set(feature, { surface: m.raw, at: m.start });
  }
  return out;
}

/**
 * Name features of `text`: name candidates and multi-word exonyms, with a surface form each.
 * `known` (lower-cased names seen mid-sentence) lets sentence-initial names count.
 */
export function nameFeatures(text: string, known: ReadonlySet<string> = knownNames(text)): Map<string, FeatureMention> {
  const out = new Map<string, FeatureMention>();
  for (const phrase of exonymPhrases(text)) {
    const feature = NAME_PREFIX + phrase.key;
    if (!out.has(feature)) out.set(feature, { surface: text.slice(phrase.start, phrase.end), at: phrase.start });
  }
  for (const token of nameCandidates(text, known)) {
    for (const feature of [nameFeature(token.text), exonymKey(token.text) === null ? skeletonFeature(token.text) : null]) {
      if (feature !== null && !out.has(feature)) out.set(feature, { surface: token.text, at: token.start });
    }
  }
  return out;
}

/**
 * Lexicon features: for English, the Russian stems the lexicon gives for each word; for Russian,
 * the stems of its words. Both sides meet on Russian stems.
 */
export function lexiconFeatures(text: string, lang: Lang, lexicon: (enWord: string) => string[]): Map<string, FeatureMention> {
  const out = new Map<string, FeatureMention>();
  const seen = new Set<string>();
  for (const token of words(text)) {
    const lower = token.text.toLowerCase();
    if (lower.length < MIN_LEXICON_WORD || seen.has(lower)) continue;
    seen.add(lower);
    const stems = lang === 'en' ? lexicon(lower) : [stem(lower)];
    for (const s of stems) {
      const feature = LEXICON_PREFIX + s;
      if (!out.has(feature)) out.set(feature, { surface: token.text, at: token.start });
    }
  }
  return out;
}

/** True unless `text` has enough Cyrillic letters and a share of Belarusian/Ukrainian-only ones. */
export function looksRussian(text: string): boolean {
  const cyrillic = text.match(/[\u0400-\u04FF]/gu)?.length ?? 0;
  if (cyrillic < MIN_CYRILLIC_FOR_SCRIPT_TEST) return true;
  const foreign = text.match(/[іІўЎїЇєЄґҐ]/gu)?.length ?? 0;
  return foreign / cyrillic <= NON_RUSSIAN_LETTER_SHARE;
}

/** The title to compare: the document's own, or its first non-empty line. */
function titleOf(doc: MatchDoc): string {
  if (doc.title) return doc.title;
  const first = doc.text.slice(0, TITLE_FALLBACK_CHARS).split('\n').find((line) => line.trim() !== '');
  return first ?? '';
}

/** All evidence of one document; `lexicon` adds lexicon features when given. */
export function extractEvidence(doc: MatchDoc, lexicon?: (enWord: string) => string[]): DocEvidence {
  const known = knownNames(doc.text);
  const found = new Map<string, FeatureMention>([...numberFeatures(doc.text), ...nameFeatures(doc.text, known)]);
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
