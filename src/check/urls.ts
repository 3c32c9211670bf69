/**
 * URL check: web addresses, e-mail addresses, hashtags and @handles are copied verbatim by a
 * translation; one on one side without the same one on the other is flagged. An address the
 * other side writes bare (`mos.ru` for `https://www.mos.ru`) is the same address: an info note.
 */
import { LANGUAGE, type Flag, type Side } from './types.js';

/** URLs (with a scheme or `www.`), e-mails, #hashtags and @handles. */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"«»“”]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w#])#[\p{L}\d_]+|(?<![\w@])@[A-Za-z\d_]+/gu;

/** Comparison form: lower-cased, without scheme, `www.`, and trailing punctuation or slash. */
function linkKey(raw: string): string {
  return raw.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/[/.,;:!?)]+$/, '');
}

/** The links of `text`, trailing sentence punctuation removed. */
export function links(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[0].replace(/[.,;:!?)]+$/, ''));
}

/** Characters that may continue an address: a bare one found inside a longer address is no match. */
const ADDRESS_CHAR = /[\p{L}\p{N}_.\/@-]/u;

/**
 * Where `text` writes the address `key` bare (`mos.ru`, `example.com/a` for `https://www.mos.ru`),
 * which LINK does not take for an address: the span, or null.
 */
function bareSpan(key: string, text: string): string | null {
  const lower = text.toLowerCase();
  for (let i = lower.indexOf(key); i >= 0; i = lower.indexOf(key, i + 1)) {
    const before = lower[i - 1] ?? ' ';
    const after = lower.slice(i + key.length).replace(/^[/.,;:!?)]+(?=\s|$)/, '')[0] ?? ' ';
    if (!ADDRESS_CHAR.test(before) && !ADDRESS_CHAR.test(after)) return text.slice(i, i + key.length);
  }
  return null;
}

/**
 * Links of side `from` missing on the other side (`theirs` its links, `text` its text): a warning,
 * or an info note when the other side writes the same address bare (a translation often drops
 * the scheme and `www.`).
 */
function missingLinks(mine: string[], theirs: string[], text: string, from: Side): Flag[] {
  const keys = new Set(theirs.map(linkKey));
  const other: Side = from === 'en' ? 'ru' : 'en';
  return [...new Set(mine)].filter((l) => !keys.has(linkKey(l))).map((l): Flag => {
    const bare = bareSpan(linkKey(l), text);
    const evidence = (side: Side) => (side === from ? [l] : bare ? [bare] : []);
    return bare
      ? { kind: 'url', severity: 'info', message: `${l} written as ${bare} in ${LANGUAGE[other]}`, en: evidence('en'), ru: evidence('ru') }
      : { kind: 'url', severity: 'warning', message: `${l} missing in ${LANGUAGE[other]}`, en: evidence('en'), ru: evidence('ru') };
  });
}

/** 'url' flags for a pair. */
export function checkUrls(en: string, ru: string): Flag[] {
  const e = links(en);
  const r = links(ru);
  return [...missingLinks(e, r, ru, 'en'), ...missingLinks(r, e, en, 'ru')];
}
