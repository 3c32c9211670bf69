/**
 * Unicode and whitespace normalisation of decoded text, so later stages see one spelling
 * of each character and one kind of line break.
 */

/** No-break, thin, figure and other fixed-width spaces: typographic, not meaningful. */
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/** Zero-width characters, direction marks, word joiner, BOM and soft hyphen: invisible, and they break word matching. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** Runs of spaces inside a line (after the indentation). */
const INNER_SPACES = /(\S) {2,}(?=\S)/g;

/**
 * Text in, normalised text out: NFC; CRLF, CR, U+2028, form feed and vertical tab → LF;
 * U+2029 → blank line; tabs and no-break/thin spaces → space; zero-width characters and soft
 * hyphens removed; runs of inner spaces collapsed; trailing spaces trimmed. Leading indentation
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
    .replace(SPACES, ' ');
  return unified
    .split('\n')
    .map((line) => line.replace(INNER_SPACES, '$1 ').trimEnd())
    .join('\n');
}
