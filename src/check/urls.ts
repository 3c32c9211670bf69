/**
 * URL check: web addresses, e-mail addresses, hashtags and @handles are copied verbatim by a
 * translation; one on one side without the same one on the other is flagged.
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

/** Links of side `from` missing on the other side. */
function missingLinks(mine: string[], theirs: string[], from: Side): Flag[] {
  const keys = new Set(theirs.map(linkKey));
  const other: Side = from === 'en' ? 'ru' : 'en';
  return [...new Set(mine)].filter((l) => !keys.has(linkKey(l))).map((l) => ({
    kind: 'url' as const, severity: 'warning' as const, message: `${l} missing in ${LANGUAGE[other]}`,
    en: from === 'en' ? [l] : [], ru: from === 'ru' ? [l] : [],
  }));
}

/** 'url' flags for a pair. */
export function checkUrls(en: string, ru: string): Flag[] {
  const e = links(en);
  const r = links(ru);
  return [...missingLinks(e, r, 'en'), ...missingLinks(r, e, 'ru')];
}
