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
  [/^(?:trillion|трлн\.?|триллион[а-я]*)$/i, 1e12],
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
  // `до` after a verb of change is the target (`выросли до 5%` = `rose to 5%`), not a bound.
  [/(?:under|less than|below|fewer than|up to|менее|меньше|(?<!(?:^|\s)\S*(?:рос|раст|увелич|сократ|сниж|сниз|упал|упад|пада|повыс|повыш|пониз|пониж|подня|подним|опуст|достиг|дорож|дешев|замедл|ускор|довед|довел)\S*\s+)до|не более|не больше)\s+$/i, 'under'],
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

function qualifierBefore(text: string, start: number): Qualifier {
  const before = text.slice(Math.max(0, start - 30), start).replace(/[$€£₽]\s*$/, '');
  for (const [pattern, qualifier] of QUALIFIERS) if (pattern.test(before)) return qualifier;
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

  const addDate = (start: number, end: number, day: number, month: number) => {
    if (month < 1 || day < 1 || day > 31) return;
    const key = `date:${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    mentions.push({ key, value: day, kind: 'date', qualifier: null, spelled: false, start, end, raw: text.slice(start, end) });
    taken.push([start, end]);
  };
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
  return mentions;
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
  return { key: keyOf(value, kind), value, kind, qualifier: qualified ? qualifierBefore(text, start) : null, spelled, start, end, raw: text.slice(start, end) };
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

/** The set of keys of the numbers that must be carried across a translation (spelled numbers excluded). */
export function numberKeys(text: string): Set<string> {
  if (!DIGIT.test(text)) return new Set();
  return new Set(mentionsOf(text, true, true).filter((m) => !m.spelled).map((m) => m.key));
}
