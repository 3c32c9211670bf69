/**
 * Unicode and whitespace normalisation of decoded text, so later stages see one spelling
 * of each character and one kind of line break.
 */

/** No-break, thin, figure and other fixed-width spaces: typographic, not meaningful. */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters, direction marks, word joiner, BOM and soft hyphen: invisible, and they break word matching. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Latin letters drawn like Cyrillic ones, and the Cyrillic letter each stands for. */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у',
};
/** Cyrillic letters drawn like Latin ones, and the Latin letter each stands for. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', с: 'c', е: 'e', і: 'i', о: 'o', р: 'p', х: 'x', у: 'y', ѕ: 's', ј: 'j',
};
/** A word: letters and combining marks. */
const WORD = /[\p{L}\p{M}]+/gu;
const LATIN_LETTER = /\p{Script=Latin}/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
/**
 * A short lower-case word of Latin look-alikes between two Cyrillic words: a Cyrillic
 * preposition or conjunction typed in Latin (`c`, `o`, `a`, `y`). Capitals stay (Roman numerals).
 */
const LATIN_SHORT_WORD = /(?<=\p{Script=Cyrillic}[\p{P}]*\s+)[aceopxy]{1,3}(?=\s+[\p{Ps}\p{Pi}"]*[\p{Script=Cyrillic}\d])/gu;
/** Runs of spaces inside a line (after the indentation). */
const INNER_SPACES = /(\S) {2,}(?=\S)/g;

/** C0 controls left after line breaks and tabs, and DEL: separators in the source, so spaces (`Control\u0001chars` is two words). */
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Text in, normalised text out: NFC; CRLF, CR, U+2028, form feed and vertical tab → LF;
 * U+2029 → blank line; tabs and no-break/thin spaces → space; zero-width characters and soft
 * hyphens removed; other control characters → space; runs of inner spaces collapsed; trailing spaces trimmed; words mixing Latin
 * and Cyrillic look-alike letters put in one script. Leading indentation
 * is kept (collapsed tabs become spaces) because plain-text files may mark paragraphs with it.
 */
export function normalize(text: string): string {
  const unified = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\f\v\u0085]/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(INVISIBLE, '')
    .replace(/\t/g, ' ')
    .replace(CONTROLS, ' ')
    .replace(SPACES, ' ');
  return unified
    .split('\n')
    .map((line) => line.replace(INNER_SPACES, '$1 ').trimEnd())
    .map(unifyLineScripts)
    .join('\n');
}

/** `word` with its Latin look-alike letters in Cyrillic. */
function toCyrillic(word: string): string {
  return [...word].map((ch) => LATIN_TO_CYRILLIC[ch] ?? ch).join('');
}

/** A line with its mixed-script words put in one script (see {@link unifyScript}). */
function unifyLineScripts(line: string): string {
  // Most lines are in one script: two regex tests instead of one per character.
  if (!LATIN_LETTER.test(line) || !CYRILLIC_LETTER.test(line)) return line;
  let latin = 0;
  let cyrillic = 0;
  for (const ch of line) {
    if (LATIN_LETTER.test(ch)) latin++;
    else if (CYRILLIC_LETTER.test(ch)) cyrillic++;
  }
  if (latin === 0 || cyrillic === 0) return line;
  return line.replace(WORD, (word) => unifyScript(word, cyrillic >= latin)).replace(LATIN_SHORT_WORD, toCyrillic);
}

/**
 * One word in, the same word in one script out when it mixes Latin and Cyrillic look-alikes
 * (`Mосква` with a Latin M, from OCR, keyboard layouts or anti-copy tricks): the script of its
 * line (`lineCyrillic`) when every letter of the other script has a look-alike in it, else the
 * other way round when that works. Other words come back unchanged.
 */
function unifyScript(word: string, lineCyrillic: boolean): string {
  const chars = [...word];
  if (!chars.some((ch) => LATIN_LETTER.test(ch)) || !chars.some((ch) => CYRILLIC_LETTER.test(ch))) return word;
  return inScript(chars, lineCyrillic) ?? inScript(chars, !lineCyrillic) ?? word;
}

/** `chars` all in Cyrillic (or Latin), or null when some letter has no look-alike there. */
function inScript(chars: string[], cyrillic: boolean): string | null {
  const [map, other] = cyrillic ? [LATIN_TO_CYRILLIC, LATIN_LETTER] : [CYRILLIC_TO_LATIN, CYRILLIC_LETTER];
  if (!chars.every((ch) => !other.test(ch) || map[ch] !== undefined)) return null;
  return chars.map((ch) => (other.test(ch) ? (map[ch] ?? ch) : ch)).join('');
}
