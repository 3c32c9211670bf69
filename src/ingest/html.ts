/**
 * HTML → plain text for ingest, without a DOM: drops the parts of a page that are never
 * article text, turns block elements into paragraph breaks and decodes entities.
 */

/** Elements whose whole content is page furniture or code, never article text. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'svg', 'nav', 'aside', 'form', 'iframe', 'button', 'select', 'head'];
/** Page chrome, dropped unless it holds the article's `<h1>` (an `<article><header><h1>` title). */
const CHROME = ['header', 'footer'];
/** Elements that start a new paragraph. */
const BLOCKS = ['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'tr', 'figure', 'figcaption', 'hr', 'address', 'header', 'footer',
  'body', 'html', 'title', 'caption', 'details', 'summary'];

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', shy: '\u00ad', zwj: '\u200d', zwnj: '\u200c', mdash: '—', ndash: '–', minus: '−',
  hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', prime: '′', Prime: '″', copy: '©', reg: '®', trade: '™', deg: '°', middot: '·', bull: '•',
  times: '×', divide: '÷', plusmn: '±', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶',
  frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', numero: '№',
};

/** HTML in, plain text out: paragraphs separated by blank lines, `<br>` as a line break. */
export function htmlToText(html: string): string {
  let text = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ' ');
  text = keepTitleOnly(text);
  for (const tag of DROPPED) text = dropElement(text, tag, () => true);
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
 * `<head>` is dropped with the rest of the furniture, but when the body has no `<h1>` the
 * `<title>` is the only headline there is, so it is moved to the start of the body.
 */
function keepTitleOnly(html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (!title || /<h1[\s>]/i.test(html)) return html;
  const withoutHead = html.replace(/<head[\s>][\s\S]*?<\/head>/i, ' ');
  return `<p>${title[1]}</p>${withoutHead}`;
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
