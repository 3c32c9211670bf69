/**
 * HTML → plain text for ingest, without a DOM: drops the parts of a page that are never
 * article text, turns block elements into paragraph breaks and decodes entities. The page's
 * headline (its `<h1>`, else its `<title>`) comes first, after a `title:` metadata line.
 */
import { MAX_HEADLINE_WORDS } from './clean.js';

/** Elements whose whole content is page furniture or code, never article text. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'svg', 'nav', 'aside', 'form', 'iframe', 'button', 'select', 'head'];
/** Page chrome, dropped unless it holds the article's `<h1>` (an `<article><header><h1>` title). */
const CHROME = ['header', 'footer'];
/** Elements that start a new paragraph. */
const BLOCKS = ['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tr', 'figure', 'figcaption', 'hr', 'address', 'header', 'footer',
  'body', 'html', 'title', 'caption', 'details', 'summary'];

/** An element whose class or id names a cookie/consent notice: a banner, never article text. */
const BANNER_OPEN = /<(div|section|aside|p|dialog|footer|header)\s[^>]*\b(?:class|id)\s*=\s*["'][^"']*(?:cookie|consent|gdpr)[^"']*["'][^>]*>/i;
/** Banners removed per page at most (a guard against pathological markup). */
const MAX_BANNERS = 20;
/** An `<h1>` whose text matches the `<title>` beats any merely longer one (a headline is under 40 words). */
const TITLE_MATCH_BONUS = 40;
/** Separators between a headline and the site's name in `<title>`. */
const TITLE_SEPARATOR = /\s+(?:[|–—·»]|-|::)\s+/gu;
/** A `<title>` segment of at most this many words beside a longer one is the site's name (`BelTA`, `BBC News`). */
const SITE_NAME_MAX_WORDS = 4;
/** A site's name may be its domain (`sputnik.by`); otherwise its words are capitalised (`BBC News`, `РИА Новости`). */
const SITE_DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}$/u;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', mdash: '—', ndash: '–', minus: '−',
  hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', prime: '′', Prime: '″', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', bull: '•',
  times: '×', divide: '÷', plusmn: '±', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶',
  frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', numero: '№',
};

/** A document that opens as an HTML page (after white space, a BOM or an XML declaration). */
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])/i;
/** Closing tags of text elements: a page saved under another name has many; prose has none. */
const CLOSING_TEXT_TAG = /<\/(?:p|div|h[1-6]|li|td|span|a|article|section)\s*>/gi;
/** Closing tags from which a document without an HTML start is markup. */
const MIN_CLOSING_TAGS = 3;

/**
 * True when `text` is an HTML page whatever its file name (`page.txt` saved from a browser or a
 * scraper): it opens like one, or it has MIN_CLOSING_TAGS closing tags of text elements.
 */
export function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text)) return true;
  let n = 0;
  for (const _ of text.matchAll(CLOSING_TEXT_TAG)) if (++n >= MIN_CLOSING_TAGS) return true;
  return false;
}

/** HTML in, plain text out: paragraphs separated by blank lines, `<br>` as a line break. */
export function htmlToText(html: string): string {
  let text = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ');
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  text = dropBanners(text);
  for (const tag of DROPPED) text = dropElement(text, tag, () => true);
  text = headlineFirst(text, title ? withoutSiteName(plainText(title[1])) : '');
  for (const tag of CHROME) text = dropElement(text, tag, (inner) => !/<h1[\s>]/i.test(inner));
  text = text.replace(/<pre[^>]*>([\s\S]*?)<\/pre>/gi, (_, inner: string) => `<p>${inner.replace(/\n/g, '<br>')}</p>`);
  text = text.replace(/\s+/g, ' ');
  text = text.replace(/<br\s*\/?>/gi, '\n');
  text = text.replace(new RegExp(`</?(?:${BLOCKS.join('|')})(?:\\s[^>]*)?/?>`, 'gi'), '\n\n');
  text = text.replace(/<[^>]*>/g, '');
  text = decodeEntities(text);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The page's headline goes first, so cleaning takes it as the title whatever precedes it in the
 * body (cookie banners, breadcrumbs, kickers, which then read as text after the headline): the
 * article's `<h1>` is moved to the start; without one, the `<title>` is put there, less a
 * trailing site name (`Headline | BelTA`). A `title:` line before it (metadata for cleaning)
 * keeps a short headline from being taken for a menu item.
 */
function headlineFirst(html: string, titleText: string): string {
  const h1 = articleH1(html, titleText);
  const headline = h1 ? plainText(h1.inner) : titleText;
  if (headline === '') return html;
  const meta = headline.split(' ').length <= MAX_HEADLINE_WORDS ? `<p>title: ${headline}</p>` : '';
  if (h1) return `${meta}<h1>${h1.inner}</h1>${html.slice(0, h1.index)} ${html.slice(h1.index + h1.length)}`;
  return `${meta}<p>${titleText}</p>${html}`;
}

/**
 * The `<h1>` that heads the article: the one matching the `<title>`, else the one with the most
 * words (a logo in an `<h1>` is a word or two). Null when the page has no non-empty `<h1>`.
 */
function articleH1(html: string, titleText: string): { index: number; length: number; inner: string } | null {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  let best: { index: number; length: number; inner: string; score: number } | null = null;
  for (const m of html.matchAll(/<h1(?:\s[^>]*)?>([\s\S]*?)<\/h1\s*>/gi)) {
    const text = key(plainText(m[1]));
    if (text === '') continue;
    const wanted = key(titleText);
    const matchesTitle = wanted !== '' && ((wanted.includes(text) && text.includes(' ')) || text.includes(wanted));
    const score = (matchesTitle ? TITLE_MATCH_BONUS : 0) + text.split(' ').length;
    if (!best || score > best.score) best = { index: m.index ?? 0, length: m[0].length, inner: m[1], score };
  }
  return best;
}

/**
 * `Headline | Site` → `Headline`: a segment of a few capitalised words (or a domain) after the
 * last separator is the site's name; `Brexit - what happens next` stays whole, and a leading
 * segment is never cut.
 */
export function withoutSiteName(title: string): string {
  const trimmed = title.trim();
  const separators = [...trimmed.matchAll(TITLE_SEPARATOR)];
  const last = separators[separators.length - 1];
  if (last?.index === undefined || last.index === 0) return trimmed;
  const head = trimmed.slice(0, last.index);
  const tail = trimmed.slice(last.index + last[0].length);
  const words = (s: string) => s.split(/\s+/).filter((w) => w !== '').length;
  // `Crash - Cyclist dies` is one headline: only cut when the head is longer than the tail or the only part.
  const nameLike = SITE_DOMAIN.test(tail) || tail.split(/\s+/).every((w) => /^[\p{Lu}\d]/u.test(w));
  if (!nameLike || words(tail) > SITE_NAME_MAX_WORDS || (separators.length > 1 && words(head) <= words(tail))) return trimmed;
  return head.trim();
}

/** Text of an HTML fragment: tags out, entities decoded, spaces collapsed. */
function plainText(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/**
 * Removes elements whose `class` or `id` names a cookie or consent banner, with everything
 * nested in them (found by counting nested tags of the same name).
 */
function dropBanners(html: string): string {
  let out = html;
  for (let guard = 0; guard < MAX_BANNERS; guard++) {
    const open = BANNER_OPEN.exec(out);
    if (!open) break;
    const end = closingIndex(out, open[1].toLowerCase(), open.index + open[0].length);
    out = `${out.slice(0, open.index)} ${out.slice(end)}`;
  }
  return out;
}

/** Index just after the `</tag>` closing an element whose content starts at `from` (the end of the text when unclosed). */
function closingIndex(html: string, tag: string, from: number): number {
  const re = new RegExp(`<(/?)${tag}(?:\\s[^>]*)?>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

/** Removes every `<tag>…</tag>` (innermost first, so nesting works) whose content `drop` approves. */
function dropElement(html: string, tag: string, drop: (inner: string) => boolean): string {
  const innermost = new RegExp(`<${tag}(?:\\s[^>]*)?>((?:(?!<${tag}[\\s>])[\\s\\S])*?)</${tag}\\s*>`, 'gi');
  let previous = '';
  let current = html;
  while (current !== previous) {
    previous = current;
    current = current.replace(innermost, (whole, inner: string) => (drop(inner) ? ' ' : whole.replace(`<${tag}`, `<${tag}-kept`)));
  }
  // Unclosed furniture (a `<script>` to the end of a truncated page) goes too.
  return current.replace(new RegExp(`<${tag}(?:\\s[^>]*)?>[\\s\\S]*$`, 'i'), ' ').replace(new RegExp(`<${tag}-kept`, 'gi'), `<${tag}`);
}

/** Decodes named (the common ones), decimal and hexadecimal character references. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
