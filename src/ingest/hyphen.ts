/**
 * Joining a word hyphenated across a line break, as text copied from PDFs and print layouts
 * has it (`полити-` / `ка`, `govern-` / `ment`): the break hyphen goes, a compound's hyphen
 * (`по-` / `моему`, `Сан-` / `Диего`, `COVID-` / `19`) stays.
 */

/**
 * First parts that keep their hyphen before any lower-case second part (`кое-что`,
 * `вице-премьер`, `self-made`). Not `по`, `so`, `pre`: they are also common first syllables.
 */
const HYPHEN_PREFIXES = new Set([
  'кое', 'кой', 'вице', 'экс', 'лейб', 'обер', 'унтер', 'штаб', 'северо', 'юго', 'тёмно', 'темно', 'светло',
  'ярко', 'бледно', 'північно', 'південно', 'self', 'well',
]);
/** Second parts that keep their hyphen: particles (`какой-то`, `хто-небудь`), `из-за`, `из-под`. */
const HYPHEN_SUFFIXES = new Set(['то', 'либо', 'нибудь', 'таки', 'небудь', 'будь', 'нібудзь', 'небудзь', 'колечы', 'за', 'под']);
/** `по-русски`, `по-моему`, `во-первых`: adverbs whose ending gives them away. */
const HYPHEN_ADVERB = /^(?:по|во|па|у)-\p{L}*(?:ски|цки|ому|ему|ых|аму|яму|ску|цку)$/u;

/** Every lower-cased word form of `text`, hyphenated compounds whole: the document's own spellings. */
export function wordForms(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/\p{L}+(?:-\p{L}+)*/gu) ?? []));
}

/**
 * `left` (ending in letter + `-`) joined with the next line `right`: without the hyphen when it
 * is a line-break hyphen, with it when it belongs to a compound. The document's own spellings
 * (`forms`) decide first, then the known compound parts; by default the hyphen is a break.
 */
export function joinHyphenated(left: string, right: string, forms: ReadonlySet<string>): string {
  const before = /(\p{L}+)-$/u.exec(left)?.[1] ?? '';
  const after = /^\p{L}+/u.exec(right)?.[0] ?? '';
  // A capital, digit or symbol after the break: a name or a code (`Сан-Диего`, `COVID-19`).
  if (after === '' || !/^\p{Ll}/u.test(after)) return left + right;
  const first = before.toLowerCase();
  const second = after.toLowerCase();
  if (forms.has(`${first}-${second}`)) return left + right;
  if (forms.has(first + second)) return left.slice(0, -1) + right;
  if (HYPHEN_PREFIXES.has(first) || HYPHEN_SUFFIXES.has(second) || HYPHEN_ADVERB.test(`${first}-${second}`)) return left + right;
  return left.slice(0, -1) + right;
}
