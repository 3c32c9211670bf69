/**
 * Tokenisation shared by matching, alignment and checks: words with offsets, name candidates
 * (capitalised words and acronyms), and the prefix stems the lexicon is learned on.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Letters (any script) with inner hyphens and apostrophes: `MTZ-Tatarstan`, `don't`, `из-за`. */
const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
const UPPER = /^\p{Lu}/u;
const ACRONYM = /^[\p{Lu}\d-]{2,}$/u;

/**
 * Capitalised words that are not names in either language: sentence-initial function words,
 * months and weekdays (dates are compared as numbers instead).
 */
const NOT_NAMES = new Set([
  'i', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'he', 'she', 'we', 'they', 'you',
  'in', 'on', 'at', 'of', 'for', 'with', 'by', 'from', 'to', 'and', 'but', 'or', 'as', 'if', 'so',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mr', 'mrs', 'ms', 'dr',
  // Quoted speech starts with a capital after a comma (`said, 'Did you do it?'`), where the
  // sentence-start test cannot see it: function words that are never names.
  'do', 'does', 'did', 'is', 'are', 'was', 'were', 'have', 'has', 'had', 'would', 'should', 'could',
  'can', 'must', 'what', 'why', 'how', 'when', 'where', 'who', 'which', 'there', 'here', 'my', 'our',
  'your', 'his', 'her', 'their', 'its', 'me', 'us', 'him', 'them', 'no', 'not', 'yes', 'all', 'some',
  'every', 'just', 'oh', 'now', 'then', 'after', 'before', 'because', 'although', 'also', 'even', 'only',
  'в', 'во', 'на', 'и', 'а', 'но', 'с', 'со', 'к', 'по', 'о', 'об', 'от', 'для', 'это', 'он', 'она',
  'они', 'мы', 'вы', 'я', 'не', 'как', 'что', 'так', 'же', 'если', 'когда', 'где', 'почему', 'кто', 'мой',
  'наш', 'ваш', 'все', 'всё', 'да', 'нет', 'ну', 'вот', 'уже', 'еще', 'ещё', 'там', 'здесь', 'после',
  'при', 'из', 'за', 'чтобы', 'однако', 'также', 'только', 'даже', 'или',
  // Pronouns, capitalised at the start of a quotation or title (`«Этим утром»`).
  'этот', 'эта', 'это', 'эти', 'этого', 'этой', 'этому', 'этим', 'этом', 'эту', 'этих', 'этими',
  'тот', 'та', 'то', 'те', 'того', 'той', 'тому', 'тем', 'том', 'ту', 'тех', 'теми',
  'его', 'её', 'ее', 'их', 'ему', 'ей', 'им', 'ими', 'наши', 'ваши', 'свой', 'своя', 'свои', 'сам', 'сама', 'сами',
]);

/** Every word of `text` with its offsets. */
export function words(text: string): Token[] {
  const out: Token[] = [];
  forEachWord(text, (word, start) => {
    out.push({ text: word, start, end: start + word.length });
  });
  return out;
}

/** Classes of a code unit for WORD: `\p{L}`, `\p{M}`, neither. */
const OTHER = 0;
const LETTER = 1;
const MARK = 2;
/** Up to CJK (U+3000): Latin, Greek, Cyrillic, general punctuation… A text with a code unit at or above it goes to the regex. */
const TABLE_END = 0x3000;
let classes: Uint8Array | undefined;

/**
 * The class of each code unit below TABLE_END (built on first use, ≈ 1 ms). WORD's regex is ~3×
 * slower on Cyrillic than on English text (its large range set is mostly skipped for Latin-1
 * subjects); a scan over this table is as fast on both.
 */
function charClasses(): Uint8Array {
  if (classes === undefined) {
    classes = new Uint8Array(TABLE_END);
    for (let c = 0; c < TABLE_END; c++) {
      const ch = String.fromCharCode(c);
      classes[c] = /\p{L}/u.test(ch) ? LETTER : /\p{M}/u.test(ch) ? MARK : OTHER;
    }
  }
  return classes;
}

/** An inner word separator of WORD: `'`, `’`, `-`. */
function isJoiner(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2d;
}

/**
 * `text.match(WORD) ?? []`: every word of `text` as a plain string, by a scan over the class
 * table (WORD's grammar: a letter, letters or marks, then joiner + letter + letters or marks);
 * texts with a code unit beyond the table (CJK, surrogates) go to the regex itself.
 * `starts`, when given, receives each word's offset.
 */
export function wordList(text: string, starts?: number[]): string[] {
  const table = charClasses();
  const out: string[] = [];
  const n = text.length;
  let j = 0;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c >= TABLE_END) return regexWords(text, starts);
    if (table[c] !== LETTER) {
      j++;
      continue;
    }
    const start = j;
    for (j++; ; j += 2) {
      // Letters and marks; a code unit past the table ends the word, and the outer loop then hands the text to the regex.
      while (j < n && text.charCodeAt(j) < TABLE_END && table[text.charCodeAt(j)] !== OTHER) j++;
      const next = j + 1 < n ? text.charCodeAt(j + 1) : TABLE_END;
      if (!(isJoiner(text.charCodeAt(j)) && next < TABLE_END && table[next] === LETTER)) break;
    }
    out.push(text.slice(start, j));
    starts?.push(start);
  }
  return out;
}

/**
 * `wordList` by the regex. A word's offset is its first occurrence from the previous word's end,
 * since no letter lies between two words and every letter starts one.
 */
function regexWords(text: string, starts?: number[]): string[] {
  const out = text.match(WORD) ?? [];
  if (starts !== undefined) {
    starts.length = 0;
    let from = 0;
    for (const word of out) {
      const start = text.indexOf(word, from);
      from = start + word.length;
      starts.push(start);
    }
  }
  return out;
}

/** Calls `visit` with every word of `text` and its offset. */
function forEachWord(text: string, visit: (word: string, start: number) => void): void {
  const starts: number[] = [];
  const list = wordList(text, starts);
  for (let k = 0; k < list.length; k++) visit(list[k], starts[k]);
}

/** True when the word at `start` begins a sentence (nothing but opening punctuation since the last stop). */
function sentenceInitial(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  return /(?:^|[.!?…:]\s*|\n\s*)["«“„'(\[–—-]?\s*$/u.test(before) || start === 0;
}

/**
 * Name candidates of `text`: acronyms (`KAMAZ`, `МТЗ`), and capitalised words that are not
 * sentence-initial. A sentence-initial word counts when `known` (`knownKey`s of names seen
 * mid-sentence elsewhere, e.g. in the same document) has it.
 */
export function nameCandidates(text: string, known?: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  forEachWord(text, (word, start) => {
    // The case test first: most words are lower-case, and it needs no lower-cased copy.
    if (!startsUpper(word)) return;
    const lower = word.toLowerCase();
    if (NOT_NAMES.has(lower)) return;
    if (ACRONYM.test(word) || !sentenceInitial(text, start) || known?.has(knownKey(word))) out.push({ text: word, start, end: start + word.length });
  });
  return out;
}

/**
 * `UPPER.test(word)` for a word (it starts with a letter): Basic Latin and basic Cyrillic letters
 * are decided by their code (a regex call per word costs more), the rest by the regex.
 */
function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return false;
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c >= 0x430 && c <= 0x44f) return false;
  if (c >= 0x410 && c <= 0x42f) return true;
  return UPPER.test(word);
}

/** A possessive clitic (`Erdogan's`), which a name seen mid-sentence may carry and its sentence-initial use not. */
const POSSESSIVE_S = /['’]s$/;

/** The key of a name in a `known` set: lower case, without a possessive (`Erdogan's` → `erdogan`). */
export function knownKey(word: string): string {
  return word.toLowerCase().replace(POSSESSIVE_S, '');
}

/** Keys (`knownKey`) of the names seen mid-sentence in `text`: the `known` set for `nameCandidates`. */
export function knownNames(text: string): Set<string> {
  return new Set(nameCandidates(text).map((t) => knownKey(t.text)));
}

/** Length of the prefix used as a stem: long enough to tell words apart, short enough to cover inflection. */
export const STEM_LENGTH = 5;

/** A crude language-independent stem: the lower-cased word cut to `STEM_LENGTH` characters. */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  // The test is cheaper than a replace on the many words without `ё`.
  return (lower.includes('ё') ? lower.replace(/ё/g, 'е') : lower).slice(0, STEM_LENGTH);
}

/** Words shorter than this are mostly function words and carry little lexical evidence. */
const MIN_CONTENT_WORD = 3;

/** The distinct stems of the words of `text` that are long enough to be content words. */
export function contentStems(text: string): string[] {
  const out = new Set<string>();
  for (const w of wordList(text)) if (w.length >= MIN_CONTENT_WORD) out.add(stem(w));
  return [...out];
}
