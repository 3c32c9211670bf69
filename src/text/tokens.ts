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
]);

/** Every word of `text` with its offsets. */
export function words(text: string): Token[] {
  const out: Token[] = [];
  forEachWord(text, (word, start) => {
    out.push({ text: word, start, end: start + word.length });
  });
  return out;
}

/**
 * Calls `visit` with every word of `text` and its offset. `match` gives plain strings (no match
 * object per word); a word's offset is its first occurrence from the previous word's end, since
 * no letter lies between two words and every letter starts one.
 */
function forEachWord(text: string, visit: (word: string, start: number) => void): void {
  let from = 0;
  for (const word of text.match(WORD) ?? []) {
    const start = text.indexOf(word, from);
    from = start + word.length;
    visit(word, start);
  }
}

/** True when the word at `start` begins a sentence (nothing but opening punctuation since the last stop). */
function sentenceInitial(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  return /(?:^|[.!?…:]\s*|\n\s*)["«“„'(\[–—-]?\s*$/u.test(before) || start === 0;
}

/**
 * Name candidates of `text`: acronyms (`KAMAZ`, `МТЗ`), and capitalised words that are not
 * sentence-initial. A sentence-initial word counts when `known` (lower-cased names seen
 * mid-sentence elsewhere, e.g. in the same document) has it.
 */
export function nameCandidates(text: string, known?: ReadonlySet<string>): Token[] {
  const out: Token[] = [];
  forEachWord(text, (word, start) => {
    // The case test first: most words are lower-case, and it needs no lower-cased copy.
    if (!startsUpper(word)) return;
    const lower = word.toLowerCase();
    if (NOT_NAMES.has(lower)) return;
    if (ACRONYM.test(word) || !sentenceInitial(text, start) || known?.has(lower)) out.push({ text: word, start, end: start + word.length });
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

/** Lower-cased names seen mid-sentence in `text`: the `known` set for `nameCandidates`. */
export function knownNames(text: string): Set<string> {
  return new Set(nameCandidates(text).map((t) => t.text.toLowerCase()));
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
  // `match` gives plain strings: no match objects for every word.
  for (const w of text.match(WORD) ?? []) if (w.length >= MIN_CONTENT_WORD) out.add(stem(w));
  return [...out];
}
