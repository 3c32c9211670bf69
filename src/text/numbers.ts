/**
 * Numbers, amounts, percentages and dates, normalised so that the English and Russian
 * spellings of the same quantity get the same key:
 * `$19 billion` ~ `$19 млрд` → `19000000000`, `1,000` ~ `1 000` → `1000`,
 * `13 April` ~ `13 апреля` → `date:04-13`, `5%` ~ `5 процентов` → `5%`.
 * The single source of number normalisation for matching, alignment and checks.
 */

export type NumberKind = 'number' | 'percent' | 'year' | 'date';
/** Words that change what an amount claims (`over`/`свыше`, `about`/`около`). */
export type Qualifier = 'over' | 'under' | 'about' | null;

export interface NumberMention {
  /** Cross-language comparison key. */
  key: string;
  value: number;
  kind: NumberKind;
  qualifier: Qualifier;
  /** True for a number written as a word (`fifteen`, `пятнадцать`): evidence when present, not required. */
  spelled: boolean;
  /** A sign written with the number (`-5`, `минус 5`, `5 below zero` are '-'; `+5`, `плюс 5`, `5 градусов тепла` '+'). */
  sign?: '+' | '-';
  /** Other keys the same text may mean (`04/05/2023`: 4 May or April 5); a counterpart may have any of them. */
  alt?: string[];
  start: number;
  end: number;
  raw: string;
}

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august',
  'september', 'october', 'november', 'december'];
/** Russian month stems; they cover the nominative, genitive and prepositional forms. */
const MONTHS_RU = ['январ', 'феврал', 'март', 'апрел', 'ма[йяе]', 'июн', 'июл', 'август',
  'сентябр', 'октябр', 'ноябр', 'декабр'];
const MONTHS_EN_SHORT = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const SCALES: Array<[RegExp, number]> = [
  [/^(?:thousand|тыс\.?|тысяч[а-я]*)$/i, 1e3],
  [/^(?:million|mln|mn|млн\.?|миллион[а-я]*)$/i, 1e6],
  [/^(?:billion|bln|bn|млрд\.?|миллиард[а-я]*)$/i, 1e9],
  [/^(?:trillion|tn|trn|трлн\.?|триллион[а-я]*)$/i, 1e12],
];

const PERCENT = /^\s*(?:%|per\s?cent\b|percent\b|процент[а-я]*|проц\.)/i;

/** Spelled-out numbers, only those common and unambiguous enough to be worth it. */
const SPELLED_WORDS: Array<[string, number]> = [
  ['two|дв[аеу]х?', 2], ['three|тр[иеё]х?', 3], ['four|четыр[её]х?|четыре', 4], ['five|пят[иь]', 5],
  ['six|шест[иь]', 6], ['seven|сем[иь]', 7], ['eight|восьм[иь]|восемь', 8], ['nine|девят[иь]', 9],
  ['ten|десят[иь]', 10], ['eleven|одиннадцат[иь]', 11], ['twelve|двенадцат[иь]', 12],
  ['thirteen|тринадцат[иь]', 13], ['fourteen|четырнадцат[иь]', 14], ['fifteen|пятнадцат[иь]', 15],
  ['sixteen|шестнадцат[иь]', 16], ['seventeen|семнадцат[иь]', 17], ['eighteen|восемнадцат[иь]', 18],
  ['nineteen|девятнадцат[иь]', 19], ['twenty|двадцат[иь]', 20], ['thirty|тридцат[иь]', 30],
  ['forty|сорок[а]?', 40], ['fifty|пятьдесят|пятидесяти', 50], ['hundred|сто|сотн[яи]', 100],
];
const SPELLED: Array<[RegExp, number]> = SPELLED_WORDS.map(([pattern, value]) => [new RegExp(`^(?:${pattern})$`, 'i'), value as number]);
/** Any of SPELLED at once: one test rejects the ordinary words of a sentence (same flags, so the same matches). */
const SPELLED_ANY = new RegExp(`^(?:${SPELLED_WORDS.map(([pattern]) => pattern).join('|')})$`, 'i');
/** SPELLED_ANY anywhere in a text: a text without digits where it fails has no mention at all. */
const SPELLED_INSIDE = new RegExp(SPELLED_WORDS.map(([pattern]) => pattern).join('|'), 'i');

const QUALIFIERS: Array<[RegExp, Exclude<Qualifier, null>]> = [
  [/(?:over|more than|above|exceeding|in excess of|at least|свыше|более|больше|не менее|по меньшей мере|как минимум)\s+$/i, 'over'],
  // `до` is a bound only where it is not a change's new level or a range's end (see levelOrRangeEnd).
  [/(?:under|less than|below|fewer than|up to|менее|меньше|(?<!\p{L})до|не более|не больше)\s+$/iu, 'under'],
  [/(?:about|around|approximately|nearly|almost|some|roughly|около|примерно|почти|порядка|приблизительно|где-то)\s+$/i, 'about'],
];

const L = '[A-Za-zА-Яа-яЁёІіЇїЄєҐґЎў]';
/** A digit group: `1 000 000` / `1,000` / `1.5` / `1,5` / `2021`. */
const NUMBER = `\\d{1,3}(?:[ \\u00A0\\u202F\\u2009]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)*`;
const DAY_MONTH = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|-?го)?\\s+(?:of\\s+)?(${MONTHS_EN.join('|')}|(?:${MONTHS_EN_SHORT.join('|')})\\.?|(?:${MONTHS_RU.join('|')})[а-я]*)(?!${L})`,
  'giu',
);
const MONTH_DAY = new RegExp(
  `\\b(${MONTHS_EN.join('|')}|(?:${MONTHS_EN_SHORT.join('|')})\\.?)\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[.,]?\\d)`,
  'giu',
);
const TOKEN = new RegExp(`(?<![\\d${L.slice(1, -1)}])(${NUMBER})(?!\\d)|(?<!${L})(${L}+)(?!${L})`, 'gu');
/**
 * TOKEN's number alternative alone, for texts where SPELLED_INSIDE fails: no word there passes
 * SPELLED_ANY, and TOKEN's word alternative only takes letters, where no number starts, so the
 * numbers found are TOKEN's, without a match object for every word.
 */
const NUMBER_TOKEN = new RegExp(`(?<![\\d${L.slice(1, -1)}])(${NUMBER})(?!\\d)`, 'gu');

/**
 * PERCENT's alternatives anywhere in a text (a superset: no anchor, no word boundary). Without a
 * match no spelled number is a percentage, and that is the only way a spelled number changes the
 * key of a number that is not spelled (`5 to ten percent`: 5 → 5%, see spreadRangeScale; a spelled
 * range end with a scale gives no scale, `ten` parses as NaN, and a spelled word between two numbers
 * already breaks their range). `numberKeys` skips spelled numbers in such texts.
 */
const ANY_PERCENT = /%|per\s?cent|процент|проц\./i;
/** MONTHS_RU anchored at the start, compiled once (monthOf runs for every date mention). */
const MONTHS_RU_START = MONTHS_RU.map((stem) => new RegExp(`^${stem}`, 'u'));
/** Every mention but a spelled-out number has a digit: without one only spelled words can match. */
const DIGIT = /\d/;
/**
 * Any month name of DAY_MONTH or MONTH_DAY anywhere in a text (same alternatives, same flags, so
 * every date match contains a match of it): a text without one needs neither date pattern run.
 */
const ANY_MONTH = new RegExp([...MONTHS_EN, ...MONTHS_EN_SHORT, ...MONTHS_RU].join('|'), 'iu');

/** The 1-based month number of an English or Russian month name, or 0. */
function monthOf(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const en = MONTHS_EN.findIndex((m) => m === lower || m.slice(0, 3) === lower);
  if (en >= 0) return en + 1;
  const ru = MONTHS_RU_START.findIndex((pattern) => pattern.test(lower));
  return ru + 1;
}

/** Parses a digit group; a comma or point before exactly three digits is a thousands separator. */
function parseNumber(raw: string): number {
  const compact = raw.replace(/[ \u00A0\u202F\u2009]/g, '');
  const groups = compact.split(/[.,]/);
  if (groups.length === 1) return Number(compact);
  const last = groups[groups.length - 1];
  const separators = compact.match(/[.,]/g) ?? [];
  const mixed = new Set(separators).size > 1;
  if (mixed) {
    // `1,234.5` or `1.234,5`: the last separator is the decimal one.
    const decimal = separators[separators.length - 1];
    const intPart = compact.slice(0, compact.lastIndexOf(decimal)).replace(/[.,]/g, '');
    return Number(`${intPart}.${last}`);
  }
  if (separators.length > 1 || (separators[0] === ',' && last.length === 3 && groups[0] !== '0')) {
    return Number(groups.join(''));
  }
  return Number(compact.replace(',', '.'));
}

/** Integers below this read the same after rounding to 12 significant digits. */
const EXACT_INTEGER = 1e12;

function keyOf(value: number, kind: NumberKind): string {
  // Most values are such integers: the `toPrecision` round trip (a string and a parse) changes nothing for them.
  const rounded = Number.isInteger(value) && value < EXACT_INTEGER && value > -EXACT_INTEGER ? value : Number(value.toPrecision(12));
  return kind === 'percent' ? `${rounded}%` : String(rounded);
}

/** How far back a qualifier word may stand before its number. */
const QUALIFIER_WINDOW = 30;
/** How far back `до` looks for the verb of change it completes (`упали на 2,3% в 2022 году, до 450`). */
const CLAUSE_WINDOW = 80;
/**
 * Words of change whose `до X` is the new level (`выросла до 5%` = `rose to 5%`), verbs and their
 * nouns (`рост`, `падение`), by stem from the word's start (`рос` not before `с`: not `Россия`).
 */
const CHANGE_WORD = new RegExp(
  '(?<!\\p{L})(?:(?:вы|воз|под)?рос(?:л|т|ш)?(?!с)|раст[её]т|растут|увелич|сокра[тщ]|сни[жз]|упа[лд]|пада|падени|повы[сш]|пони[зж]'
  + '|подн[яи]|опус[тк]|достиг|(?:по)?дорож|(?:по)?дешев|замедл|ускор|дов[её]л|довед|ослаб|укреп|подскоч|скакн|обвал|рухн|прибав|потер)\\p{L}*',
  'iu',
);
/** `с 10 до 8`, `от 5 до 10 лет`, `от $5 млн до`: `до` ends a range that starts with a number. */
const RANGE_START = /(?<!\p{L})(?:с|со|от)\s+[$€£₽]?\d[\d\s.,]*(?:[\p{L}%.]+\s+){0,2}до\s+$/iu;

/** True when the `до` ending `before` is a change's new level or a range's end, not an upper bound. */
function levelOrRangeEnd(before: string): boolean {
  if (!/(?<!\p{L})до\s+$/iu.test(before)) return false;
  // The clause: back to the last sentence or clause stop (a point inside `2.3` is none).
  const clause = before.slice(Math.max(0, before.length - CLAUSE_WINDOW)).split(/[.!?;:](?!\d)/u).pop() ?? '';
  return RANGE_START.test(clause) || CHANGE_WORD.test(clause);
}

function qualifierBefore(text: string, start: number): Qualifier {
  const near = text.slice(Math.max(0, start - CLAUSE_WINDOW), start).replace(/[$€£₽]\s*$/, '');
  const before = near.slice(Math.max(0, near.length - QUALIFIER_WINDOW));
  for (const [pattern, qualifier] of QUALIFIERS) {
    if (pattern.test(before)) return qualifier === 'under' && levelOrRangeEnd(near) ? null : qualifier;
  }
  return null;
}

/** Every number mention of `text`, in order, for English or Russian (or a mix). */
export function extractNumbers(text: string): NumberMention[] {
  return mentionsOf(text, DIGIT.test(text));
}

/**
 * `extractNumbers` with the digit test already done (`digits`: whether `text` has a digit).
 * `forKeys`: only the keys of the mentions that are not spelled will be used (see `numberKeys`),
 * so qualifiers are not looked for, nor spelled numbers where they cannot change another key.
 */
function mentionsOf(text: string, digits: boolean, forKeys = false): NumberMention[] {
  const mentions: NumberMention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([ts, te]) => s < te && e > ts);

  /** Adds the date at [start, end) unless it is no day of a month; says whether it did. */
  const addDate = (start: number, end: number, day: number, month: number, alt?: string): boolean => {
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    mentions.push({ key: dateKey(month, day), value: day, kind: 'date', qualifier: null, spelled: false, start, end, raw: text.slice(start, end), ...(alt ? { alt: [alt] } : {}) });
    taken.push([start, end]);
    return true;
  };
  if (digits) {
    for (const found of numericDates(text)) {
      if (!addDate(found.start, found.end, found.day, found.month, found.alt) || found.year === null) continue;
      mentions.push(yearMention(text, found.yearStart, found.yearEnd, found.year));
      taken.push([found.yearStart, found.yearEnd]);
    }
    for (const m of text.matchAll(PHONE)) {
      if (overlaps(m.index, m.index + m[0].length) || (m[0].match(/\d/g) ?? []).length < PHONE_DIGITS) continue;
      mentions.push({ key: `phone:${m[0].replace(/\D/g, '')}`, value: NaN, kind: 'number', qualifier: null, spelled: false, start: m.index, end: m.index + m[0].length, raw: m[0] });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  const spelledInside = (!forKeys || ANY_PERCENT.test(text)) && SPELLED_INSIDE.test(text);
  if (!digits && !spelledInside) return mentions;
  if (digits && ANY_MONTH.test(text)) {
    for (const m of text.matchAll(DAY_MONTH)) addDate(m.index, m.index + m[0].length, Number(m[1]), monthOf(m[2]));
    for (const m of text.matchAll(MONTH_DAY)) {
      if (!overlaps(m.index, m.index + m[0].length)) addDate(m.index, m.index + m[0].length, Number(m[2]), monthOf(m[1]));
    }
  }

  for (const m of text.matchAll(spelledInside ? TOKEN : NUMBER_TOKEN)) {
    const start = m.index;
    if (overlaps(start, start + m[0].length)) continue;
    if (m[2] !== undefined) {
      if (!SPELLED_ANY.test(m[2])) continue;
      const spelled = SPELLED.find(([pattern]) => pattern.test(m[2]));
      if (!spelled) continue;
      mentions.push(mention(text, start, start + m[0].length, spelled[1], true, !forKeys));
      continue;
    }
    const value = parseNumber(m[1]);
    if (!Number.isFinite(value)) continue;
    mentions.push(mention(text, start, start + m[0].length, value, false, !forKeys));
  }
  mentions.sort((a, b) => a.start - b.start);
  spreadRangeScale(text, mentions);
  spreadRangeMonth(text, mentions);
  return mentions;
}

/** The key of a day of a month: `date:MM-DD`. */
function dateKey(month: number, day: number): string {
  return `date:${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `13.04.2023` (day first, as Russian and European texts write it), with a year of two or four digits. */
const DATE_DOTS = /(?<![\d.,])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d|[.,]\d)/gu;
/**
 * `13/04/2023`, `4/13/23`, `13/04`: day first unless only month first fits. Without a year both
 * parts need two digits: `5/4`, `2/1` are scores and fractions far more often than dates.
 */
const DATE_SLASH = /(?<![\d/.,])(?:(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})|(\d{2})\/(\d{2}))(?![\d/]|[.,]\d)/gu;
/** ISO `2023-04-13`. */
const DATE_ISO = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/gu;
/** Two-digit years up to this one are read in the 2000s (`13.04.23`), later ones in the 1900s (`05.03.50`). */
const LAST_SHORT_YEAR_2000S = 49;
/** Months in a year: a day-first reading past it must be month first. */
const MONTHS_IN_YEAR = 12;

/** A date written in digits: the day-and-month part at [start, end), the year (if any) at [yearStart, yearEnd). */
interface NumericDate { start: number; end: number; day: number; month: number; alt?: string; year: number | null; yearStart: number; yearEnd: number }

/** The dates written in digits in `text` (`13.04.2023`, `04/13/2023`, `2023-04-13`); an ambiguous slash date keeps the month-first reading as `alt`. */
function numericDates(text: string): NumericDate[] {
  const year = (raw: string | undefined) => raw === undefined ? null
    : raw.length === 4 ? Number(raw) : Number(raw) + (Number(raw) <= LAST_SHORT_YEAR_2000S ? 2000 : 1900);
  /** The day-and-month part ends before the separator of a trailing year. */
  const dayMonthEnd = (m: RegExpMatchArray & { index: number }, yearRaw: string | undefined) => m.index + m[0].length - (yearRaw ? yearRaw.length + 1 : 0);
  const found: NumericDate[] = [];
  for (const m of text.matchAll(DATE_ISO)) {
    found.push({ start: m.index + 5, end: m.index + m[0].length, day: Number(m[3]), month: Number(m[2]), year: Number(m[1]), yearStart: m.index, yearEnd: m.index + 4 });
  }
  for (const m of text.matchAll(DATE_DOTS)) {
    const end = dayMonthEnd(m, m[3]);
    found.push({ start: m.index, end, day: Number(m[1]), month: Number(m[2]), year: year(m[3]), yearStart: end + 1, yearEnd: m.index + m[0].length });
  }
  for (const m of text.matchAll(DATE_SLASH)) {
    const [a, b] = [Number(m[1] ?? m[4]), Number(m[2] ?? m[5])];
    const monthFirst = a <= MONTHS_IN_YEAR && b > MONTHS_IN_YEAR;
    const ambiguous = a <= MONTHS_IN_YEAR && b <= MONTHS_IN_YEAR && a !== b;
    const end = dayMonthEnd(m, m[3]);
    found.push({
      start: m.index, end, day: monthFirst ? b : a, month: monthFirst ? a : b, year: year(m[3]), yearStart: end + 1,
      yearEnd: m.index + m[0].length, ...(ambiguous ? { alt: dateKey(a, b) } : {}),
    });
  }
  return found;
}

/** A year read off a numeric date, at [start, end) of `text`. */
function yearMention(text: string, start: number, end: number, year: number): NumberMention {
  const kind: NumberKind = year >= 1800 && year <= 2100 ? 'year' : 'number';
  return { key: keyOf(year, kind), value: year, kind, qualifier: null, spelled: false, start, end, raw: text.slice(start, end) };
}

/**
 * Phone numbers: a `+` country code, or an area code in brackets (`(020)`, `8 (800)`), then digit
 * groups; keyed by their digits, so `+7 495 123-45-67` ~ `+7 (495) 123-45-67`.
 */
const PHONE = /(?<![\p{L}\d+])(?:\+\d{1,3}[\s\u00A0.-]?(?:\(\d{1,5}\)|\d{1,5})|\(0\d{1,4}\)|8[\s\u00A0]?\(\d{3,5}\))(?:[\s\u00A0.-]?\d{2,4}){2,4}(?!\d)/gu;
/** Fewer digits are no phone number (`+5 000` is an amount). */
const PHONE_DIGITS = 7;

/** A day before a date, joined as a range (`1-5 May`, `с 1 по 5 мая`, `1 and 2 May`). */
const DAY_RANGE_JOINT = /^\s*(?:[-–—]|to|until|till|and|по|до|и)\s*$/iu;

/**
 * The month of a date spread over the other end of its day range: `1` of `с 1 по 5 мая` and `5`
 * of `May 1-5` are dates too, so `May 1-5` ~ `с 1 по 5 мая`.
 */
function spreadRangeMonth(text: string, mentions: NumberMention[]): void {
  const isDay = (m: NumberMention | undefined): m is NumberMention =>
    m !== undefined && m.kind === 'number' && !m.spelled && /^\d{1,2}$/.test(m.raw) && m.value >= 1 && m.value <= 31;
  const toDate = (m: NumberMention, month: number): NumberMention => ({ ...m, kind: 'date', key: dateKey(month, m.value) });
  for (let i = 0; i < mentions.length; i++) {
    const d = mentions[i];
    if (d.kind !== 'date' || d.alt) continue;
    const month = Number(d.key.slice('date:'.length, 'date:'.length + 2));
    const prev = mentions[i - 1];
    if (isDay(prev) && /^\d/.test(d.raw) && DAY_RANGE_JOINT.test(text.slice(prev.end, d.start))) mentions[i - 1] = toDate(prev, month);
    const next = mentions[i + 1];
    if (isDay(next) && /^\p{L}/u.test(d.raw) && DAY_RANGE_JOINT.test(text.slice(d.end, next.start))) mentions[i + 1] = toDate(next, month);
  }
}

/**
 * A mention for the number at [start, end), extended over a following scale word or percent sign;
 * its qualifier is looked for when `qualified` (else null).
 */
function mention(text: string, start: number, end: number, value: number, spelled: boolean, qualified: boolean): NumberMention {
  let kind: NumberKind = 'number';
  const rest = text.slice(end, end + 40);
  const scaleWord = /^\s*([A-Za-zА-Яа-яё]+)(\.?)/u.exec(rest);
  // `млрд.` keeps its abbreviation dot; `billion.` at a sentence end does not.
  const withDot = scaleWord && SCALES.find(([pattern]) => pattern.test(scaleWord[1] + scaleWord[2]));
  const scale = withDot ?? (scaleWord && SCALES.find(([pattern]) => pattern.test(scaleWord[1])));
  const percent = PERCENT.exec(rest);
  if (scale && scaleWord) {
    value *= scale[1];
    end += scaleWord[0].length - (withDot ? 0 : scaleWord[2].length);
  } else if (percent) {
    kind = 'percent';
    end += percent[0].length;
  } else if (!spelled && /^\d{4}$/.test(text.slice(start, end)) && value >= 1800 && value <= 2100) {
    kind = 'year';
  }
  const signed = signOf(text, start, end);
  if (signed.sign === '-') value = -value;
  const qualifier = qualified ? qualifierBefore(text, signed.start) : null;
  const sign = signed.sign ? { sign: signed.sign } : {};
  return { key: keyOf(value, kind), value, kind, qualifier, spelled, start: signed.start, end, raw: text.slice(signed.start, end), ...sign };
}

/**
 * A minus or plus glued to the digits, after a space, bracket, quote or the start (a hyphen after
 * a letter or digit joins a compound or range: `COVID-19`, `5-7`, `3-1`); U+2212 is always a minus.
 */
const SIGN_BEFORE = /(?:^|[\s(\[«"“'/])([-+])$|(−)$/u;
/** A sign written as a word: `минус 5`, `minus 5`, `плюс 5` (English `plus` is mostly addition). */
const SIGN_WORD_BEFORE = /(?<!\p{L})(минус|minus|плюс)\s+$/iu;
/** `5 degrees below zero`, `5 градусов мороза`, `5 ниже нуля`: below zero; `тепла`, `above zero`: above. */
const ZERO_AFTER = /^\s*(?:°\s*[CСcс]?\s*|degrees?\s+(?:celsius\s+|c\s+)?|градус\p{L}*\s+(?:цельсия\s+)?)?(below\s+zero|ниже\s+нуля|мороза|above\s+zero|выше\s+нуля|тепла)(?!\p{L})/iu;

/** The sign written with the number at [start, end) of `text`, and where the mention then starts. */
function signOf(text: string, start: number, end: number): { sign?: '+' | '-'; start: number } {
  const before = text.slice(Math.max(0, start - 8), start);
  const glued = SIGN_BEFORE.exec(before);
  if (glued) return { sign: glued[1] === '+' ? '+' : '-', start: start - 1 };
  const word = SIGN_WORD_BEFORE.exec(before);
  if (word) return { sign: /^плюс$/iu.test(word[1]) ? '+' : '-', start: start - word[0].length };
  const zero = ZERO_AFTER.exec(text.slice(end, end + 40));
  if (zero) return { sign: /below|ниже|мороза/iu.test(zero[1]) ? '-' : '+', start };
  return { start };
}

/** `315 - 320 million` means 315 million too: the scale of a range's end applies to its start. */
function spreadRangeScale(text: string, mentions: NumberMention[]): void {
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i];
    const b = mentions[i + 1];
    if (a.kind !== 'number' || a.spelled || a.raw !== String(a.value).replace('.', a.raw.includes(',') ? ',' : '.')) continue;
    if (!/^\s*[-–—]\s*$|^\s*(?:to|до|и|and)\s+$/u.test(text.slice(a.end, b.start))) continue;
    if (b.kind === 'percent') {
      mentions[i] = { ...a, kind: 'percent', key: keyOf(a.value, 'percent') };
    } else if (b.kind === 'number' && b.value > a.value * 1000) {
      const scale = 10 ** Math.floor(Math.log10(b.value / parseNumber(b.raw.split(/\s+(?=\D)/u)[0])));
      if (scale >= 1000) mentions[i] = { ...a, value: a.value * scale, key: keyOf(a.value * scale, 'number') };
    }
  }
}

/**
 * The set of keys of the numbers that must be carried across a translation (spelled numbers
 * excluded), without a minus: as anchors `-0.5%` and `снизился на 0,5%` are the same figure.
 */
export function numberKeys(text: string): Set<string> {
  if (!DIGIT.test(text)) return new Set();
  return new Set(mentionsOf(text, true, true).filter((m) => !m.spelled).map((m) => (m.sign === '-' ? m.key.replace(/^-/, '') : m.key)));
}
