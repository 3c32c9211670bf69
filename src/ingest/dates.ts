/**
 * Publication dates as news pages print them, in English, Russian, Belarusian and Ukrainian:
 * `2023-04-13`, `13.04.2023`, `20 February 2023`, `February 20, 2023`, `7 августа 2025 г.`,
 * optionally with a weekday before and a time after. Used by cleaning to find a document's
 * date and to recognise date-only lines.
 */

/** Month names and abbreviations per month (1-based index = position + 1), as regex alternatives. */
const MONTH_NAMES: readonly string[] = [
  'january|jan|январ[ьяе]|студзен[ья]|січ(?:ень|ня)',
  'february|feb|феврал[ьяе]|лют(?:ы|ага)|лют(?:ий|ого)',
  'march|mar|март[ае]?|сакавік[а]?|берез(?:ень|ня)',
  'april|apr|апрел[ьяе]|красавік[а]?|квіт(?:ень|ня)',
  'may|ма[йяе]|травень|травня',
  'june|jun|июн[ьяе]|чэрвен[ья]|черв(?:ень|ня)',
  'july|jul|июл[ьяе]|ліпен[ья]|лип(?:ень|ня)',
  'august|aug|август[ае]?|жні(?:вень|ўня)|серп(?:ень|ня)',
  'september|sept|sep|сентябр[ьяе]|верас(?:ень|ня)|верес(?:ень|ня)',
  'october|oct|октябр[ьяе]|кастрычнік[а]?|жовт(?:ень|ня)',
  'november|nov|ноябр[ьяе]|лістапад[а]?|листопад[а]?',
  'december|dec|декабр[ьяе]|снеж(?:ань|ня)|груд(?:ень|ня)',
];
const MONTH = `(${MONTH_NAMES.join('|')})\\.?`;
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|'
  + 'понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)\\.?,?\\s+';
const YEAR_SUFFIX = '(?:\\s*(?:г\\.|года?|гады?|року?|р\\.))?';
/** Time zones news sites print after a time. */
const ZONE = '(?:am|pm|a\\.m\\.|p\\.m\\.|utc|gmt|bst|cet|cest|eet|eest|est|edt|cst|cdt|pst|pdt|et|msk|мск)';
const TIME = `\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*${ZONE})?`;
/** After a date only, `14.05 BST` is a time too (British style); before it, it could be a decimal. */
const TIME_AFTER_DATE = `(?:${TIME}|\\d{1,2}\\.\\d{2}(?:\\s*${ZONE})?)`;
/**
 * Words that introduce a publication date on its line (`Last updated on`, `Обновлено:`);
 * such a line is still nothing but a date.
 */
const DATE_WORDS = '(?:(?:last\\s+|first\\s+)?(?:updated|published|posted|modified)(?:\\s+(?:on|at))?|'
  + 'дата(?:\\s+публикации)?|опубликовано|обновлено|изменено|апублікавана|абноўлена|опубліковано|оновлено)\\s*[:：]?\\s*';
/** The word boundary `\b` is ASCII-only in JS regexes; this one works for Cyrillic too. */
const END = '(?![\\p{L}\\d])';

/** Each pattern captures [day, month, year] group numbers for its own layout. */
const LAYOUTS: ReadonlyArray<{ source: string; day: number; month: number; year: number; named: boolean }> = [
  { source: `(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:T${TIME})?`, year: 1, month: 2, day: 3, named: false },
  { source: `(\\d{1,2})[./](\\d{1,2})[./](\\d{4})`, day: 1, month: 2, year: 3, named: false },
  { source: `(\\d{1,2})(?:st|nd|rd|th|-?го)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})${YEAR_SUFFIX}`, day: 1, month: 2, year: 3, named: true },
  { source: `${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, month: 1, day: 2, year: 3, named: true },
];
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

const AT_START = LAYOUTS.map((l) => ({ ...l, re: new RegExp(`^(?:${WEEKDAY})?${l.source}${END}`, 'iu') }));

/** A date found at the start of a string: its ISO form and how many characters it took. */
export interface DateMatch {
  iso: string;
  length: number;
}

/** The date at the very start of `text` (after an optional weekday), or null. */
export function dateAtStart(text: string): DateMatch | null {
  for (const layout of AT_START) {
    const m = layout.re.exec(text);
    if (!m) continue;
    const month = layout.named ? monthNumber(m[layout.month]) : Number(m[layout.month]);
    const iso = isoDate(Number(m[layout.year]), month, Number(m[layout.day]));
    if (iso) return { iso, length: m[0].length };
  }
  return null;
}

/**
 * The ISO date when `line` is nothing but a date (with optional weekday, time and `г.`),
 * like a dateline under a headline; null otherwise.
 */
export function dateOnlyLine(line: string): string | null {
  const trimmed = line.trim()
    .replace(new RegExp(`^${DATE_WORDS}`, 'iu'), '')
    .replace(new RegExp(`^${TIME}\\s*[,|/–—-]?\\s*`, 'iu'), '');
  const date = dateAtStart(trimmed);
  if (!date) return null;
  const rest = trimmed.slice(date.length);
  const tail = new RegExp(`^(?:\\s*[,|/–—-]?\\s*(?:в\\s+|at\\s+|о\\s+|а\\s+)?${TIME_AFTER_DATE})?\\s*\\.?$`, 'iu');
  return tail.test(rest) ? date.iso : null;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  return MONTH_NAMES.findIndex((alts) => new RegExp(`^(?:${alts})$`, 'u').test(lower)) + 1;
}

/** `YYYY-MM-DD` for a real calendar date in a plausible range, else null. */
function isoDate(year: number, month: number, day: number): string | null {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
