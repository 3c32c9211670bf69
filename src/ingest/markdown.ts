/**
 * Markdown markup in plain-text documents (notes apps and "copy as markdown" exports of news
 * pages): the markup would otherwise reach the segments and the translation memory. Only marks
 * that plain prose does not use are removed: `# ` headings, `**strong**`/`__strong__`,
 * `*emphasis*` around words, `[text](url)` links, `<url>` autolinks, `> ` quote prefixes and
 * backslash escapes; image lines (`![alt](url)`) are taken out whole.
 */

/** A line that is only an image, maybe linked: `![alt](src)` or `[![alt](src)](href)`. */
const IMAGE_LINE = /^\s*\[?!\[[^\]\n]*\]\([^)\n]*\)(?:\]\([^)\n]*\))?\s*$/u;
/** An inline image (dropped) inside a line of text. */
const INLINE_IMAGE = /!\[[^\]\n]*\]\([^)\s]*(?:\s+"[^"\n]*")?\)/gu;
/** `[text](url "title")` → text; the url must look like one, so `[sic](sic)` prose stays. */
const LINK = /\[([^\]\n]+)\]\((?:https?:\/\/|www\.|\/|#|mailto:)[^)\s]*(?:\s+"[^"\n]*")?\)/gu;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^>\s]+)>/gu;
/** ATX heading marks: one to six `#` and a space at the start of a line. */
const HEADING = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gmu;
/** `**x**` and `__x__`, the marks touching the text they wrap (so `2 ** 3` stays). */
const STRONG = /(\*\*|__)(?=\S)([^\n]*?\S)\1/gu;
/** `*x*` around words, not arithmetic (`2 * 3 * 4`) or footnote stars. */
const EMPHASIS = /(?<![\p{L}\p{N}*\\])\*(?=[\p{L}\p{N}"«“(])([^*\n]*?[\p{L}\p{N}.!?"»”)])\*(?![\p{L}\p{N}*])/gu;
/** Quote prefixes `> ` at line start (not breadcrumbs, which have text before the `>`). */
const QUOTE_PREFIX = /^(?:>[ \t]?)+/gmu;
/** Backslash escapes markdown writers add before punctuation (`1\.`, `\*`). */
const ESCAPE = /\\([\\`*_{}[\]()#+.!>-])/gu;
/** Markdown needs at least one of these to be worth touching; plain text rarely has any. */
const MARKDOWN_SIGNS = /^#{1,6}[ \t]|\*\*\S|__\S|\]\(|!\[|^>[ \t]|<https?:\/\//mu;

/** Removed image lines and the text with markup taken out. */
export interface Unmarked {
  text: string;
  images: string[];
}

/**
 * Text in (normalised), text without markdown markup out, plus the image lines removed.
 * Text without any markdown sign is returned unchanged.
 */
export function stripMarkdown(text: string): Unmarked {
  if (!MARKDOWN_SIGNS.test(text)) return { text, images: [] };
  const images: string[] = [];
  const lines = text.split('\n').filter((line) => {
    if (!IMAGE_LINE.test(line)) return true;
    images.push(line.trim());
    return false;
  });
  const out = lines.join('\n')
    .replace(INLINE_IMAGE, '')
    .replace(LINK, '$1')
    .replace(AUTOLINK, '$1')
    .replace(HEADING, '$1')
    .replace(STRONG, '$2')
    .replace(EMPHASIS, '$1')
    .replace(QUOTE_PREFIX, '')
    .replace(ESCAPE, '$1');
  return { text: out, images };
}
