/**
 * Number check: every number, amount, percentage or date written in digits on one side must
 * have a counterpart with the same normalised key (or value) on the other side. Spelled-out
 * numbers satisfy a digit on the other side but are never themselves required. A matched
 * amount whose qualifier differs (`over`/`свыше` on one side only) gets an info note.
 */
import { extractNumbers, type NumberMention } from '../text/numbers.js';
import { LANGUAGE, type Flag, type Side } from './types.js';

/** Clock times: `3 p.m.`, `7.55am`, `15:00`; compared as `time:HH:MM` so `3 p.m.` meets `15:00`. */
const TIME = /(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?|(?<![\d.,:])(\d{1,2}):(\d{2})(?![\d:])/giu;
/** Units a translation may convert (imperial ↔ metric, °F ↔ °C): a differing number before one is not an error. */
const CONVERTIBLE_UNIT = /^[\s-]*(?:miles?|mi(?!\p{L})|inch(?:es)?|in(?!\p{L})|feet|foot|ft(?!\p{L})|yards?|yd|pounds?|lbs?|mph|kph|km\/h|km(?!\p{L})|kilomet|ounces?|oz(?!\p{L})|gallons?|acres?|degrees?|°|f(?!\p{L})|fahrenheit|км|километр|сантиметр|см(?!\p{L})|мм(?!\p{L})|миллиметр|м(?!\p{L})|метр|кг(?!\p{L})|килограмм|грамм|г(?!\p{L})|литр|л(?!\p{L})|гектар|га(?!\p{L})|градус)/iu;
/** The joint between a range's ends (`1 to 4`, `2,5–5`, `от 5 до 10`): a unit after the end applies to the start too. */
const RANGE_JOINT = /^\s*(?:[-–—]|to|до|and|и)\s*$/iu;

/** Russian clock times by part of day: `7 утра`, `2 часа дня`, `4 часов утра`, `10 вечера`. */
const RU_TIME = /(?<![\d.,])(\d{1,2})(?:[:.](\d{2}))?\s+(?:час\p{L}*\s+)?(утра|дня|вечера|ночи)(?!\p{L})/giu;
/**
 * Russian clock times with a point after a preposition of time (`в 15.30`, `с 9.00 до 18.00`): a
 * Russian decimal takes a comma, so `HH.MM` there is a time unless a unit or `раз` follows.
 */
const RU_DOT_TIME = /(?<=(?:^|[\s(])(?:в|во|к|с|со|до|около|после|по)\s+)([01]?\d|2[0-3])\.([0-5]\d)(?![\d%]|[.,]\d|\s*(?:раз|процент|млн|млрд|тыс|трлн|долл|руб|евро|[$€£₽]))/giu;
/** Hours after noon by the Russian part of day (`2 дня` is 14:00, `10 ночи` 22:00). */
function ruHour(hour: number, part: string): number {
  const p = part.toLowerCase();
  if (p === 'утра') return hour % 12;
  if (p === 'ночи') return hour >= 6 && hour < 12 ? hour + 12 : hour % 12;
  return hour < 12 ? hour + 12 : hour;
}

/** A clock-time mention at [start, end) of `text`, keyed `time:HH:MM`. */
function timeMention(text: string, start: number, end: number, hour: number, minute: number): NumberMention {
  const key = `time:${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return { key, value: NaN, kind: 'number', qualifier: null, spelled: false, start, end, raw: text.slice(start, end).trim() };
}

/** The clock times of `text` as number mentions keyed `time:HH:MM`. */
function times(text: string): NumberMention[] {
  const ru = [...text.matchAll(RU_TIME)].map((m) => timeMention(text, m.index, m.index + m[0].length, ruHour(Number(m[1]), m[3]), Number(m[2] ?? 0)));
  const inRu = (i: number) => ru.some((t) => i >= t.start && i < t.end);
  ru.push(...[...text.matchAll(RU_DOT_TIME)].filter((m) => !inRu(m.index)).map((m) => timeMention(text, m.index, m.index + m[0].length, Number(m[1]), Number(m[2]))));
  return [...ru, ...[...text.matchAll(TIME)].map((m) => {
    let hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5] ?? 0);
    if (m[3]) hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
    const key = `time:${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    return { key, value: NaN, kind: 'number' as const, qualifier: null, spelled: false, start: m.index, end: m.index + m[0].length, raw: m[0].trim() };
  })].filter((t) => Number(t.key.slice(5, 7)) < 24 && Number(t.key.slice(8)) < 60);
}

/** English decades `1930s`, `the '80s` and Russian `30-е`, `1930-х годов`: keyed by the decade within its century. */
const DECADE = /(?<![\d\p{L}])['’]?(\d{2}|\d{4})(?:['’]?s(?!\p{L})|-(?:е|х|ые|ых)(?!\p{L}))/gu;
/** A digit group glued to a scale (`£125m`, `$3bn`, `5k`) or written as a Russian compound (`25-тысячную`): factor by suffix. */
const GLUED_SCALE = /^(?:bn|b(?!\p{L})|k(?!\p{L})|tn|trn|-?тысяч|-?миллион|-?миллиард|-?триллион)/iu;
const GLUED_FACTOR: Array<[RegExp, number]> = [
  [/^(?:bn|b|-?миллиард)/i, 1e9], [/^(?:k|-?тысяч)/i, 1e3], [/^-?миллион/i, 1e6], [/^(?:tn|trn|-?триллион)/i, 1e12],
];
/** `m` glued to an amount is millions only after a currency sign (`£125m`); `100m` alone is metres. */
const CURRENCY_MILLIONS = /[$£€₽]\s?$/;
/** English `thousand(s)`, `a million` and Russian `тысячи`, `миллион` without a digit: 1000, 10^6 (spelled, so evidence only). */
const BARE_SCALE: Array<[RegExp, number]> = [
  [/(?<!\p{L})(?:thousands?|тысяч\p{L}*)(?!\p{L})/giu, 1e3],
  [/(?<!\p{L})(?:millions?|миллион\p{L}*)(?!\p{L})/giu, 1e6],
  [/(?<!\p{L})(?:decades?|десятилети\p{L}*|десять\s+лет)(?!\p{L})/giu, 10],
  [/(?<!\p{L})(?:dozens?|дюжин\p{L}*)(?!\p{L})/giu, 12],
  [/(?<!\p{L})(?:сутки|суток|суточн\p{L}*)(?!\p{L})/giu, 24],
  [/(?<!\p{L})(?:half|halves|половин\p{L}*|пол(?=\p{L}))(?!\p{L})/giu, 0.5],
];

/** The decades of `text` as mentions keyed `decade:NN`. */
function decades(text: string): NumberMention[] {
  return [...text.matchAll(DECADE)].filter((m) => Number(m[1]) % 10 === 0).map((m) => {
    const key = `decade:${m[1].slice(-2)}`;
    return { key, value: NaN, kind: 'number' as const, qualifier: null, spelled: false, start: m.index, end: m.index + m[0].length, raw: m[0] };
  });
}

/**
 * Words before a scale word that multiply it (`десятки тысяч`, `tens of thousands`, `5 тысяч`):
 * the amount is then no plain 1000; `свыше тысячи` and `a thousand` are.
 */
const MULTIPLIER_BEFORE = /(?:\d|(?<!\p{L})(?:of|tens|hundreds|several|many|few|десятк\p{L}*|сотн\p{L}*|сотен|нескольк\p{L}*|мног\p{L}*))\s*$/iu;

/**
 * Spelled amounts without digits (`thousands`, `свыше тысячи`, `сутки`, `half`): evidence for a
 * digit on the other side, never required; none inside a mention of `plain` (`двух тысяч`).
 */
function bareScales(text: string, plain: NumberMention[]): NumberMention[] {
  return BARE_SCALE.flatMap(([pattern, value]) => [...text.matchAll(pattern)]
    .filter((m) => !plain.some((p) => m.index < p.end && m.index + m[0].length > p.start))
    .filter((m) => value < 1e3 || !MULTIPLIER_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index)))
    .map((m) => ({
      key: String(value), value, kind: 'number' as const, qualifier: null, spelled: true, start: m.index, end: m.index + m[0].length, raw: m[0],
    })));
}

/** `m` with a glued scale applied (`£125m` → 125000000, `25-тысячную` → 25000), else `m`. */
function gluedScale(text: string, m: NumberMention): NumberMention {
  if (m.kind !== 'number' || m.spelled) return m;
  const after = text.slice(m.end, m.end + 12);
  let factor = GLUED_FACTOR.find(([p]) => GLUED_SCALE.test(after) && p.test(after))?.[1];
  const gluedM = /^mn?(?!\p{L})/u.test(after);
  if (factor === undefined && gluedM && CURRENCY_MILLIONS.test(text.slice(0, m.start))) factor = 1e6;
  // Without a currency `1.1m` may be millions (`1.1m barrels`) or metres (`3m high`): either reading may meet the other side.
  if (factor === undefined && gluedM) return { ...m, alt: [...(m.alt ?? []), String(Number((m.value * 1e6).toPrecision(12)))] };
  if (factor === undefined) return m;
  const value = Number((m.value * factor).toPrecision(12));
  return { ...m, value, key: String(value) };
}

/** Spelled tens followed by spelled units (`сорока восьми`, `forty-eight`) as one spelled number. */
function compoundSpelled(text: string, ms: NumberMention[]): NumberMention[] {
  const out: NumberMention[] = [];
  for (const m of ms) {
    const last = out[out.length - 1];
    if (last && last.spelled && m.spelled && last.value % 10 === 0 && last.value >= 20 && last.value < 100 && m.value < 10
      && /^[\s-]$/.test(text.slice(last.end, m.start))) {
      const value = last.value + m.value;
      out[out.length - 1] = { ...last, value, key: String(value), end: m.end, raw: text.slice(last.start, m.end) };
    } else out.push(m);
  }
  return out;
}

/** A plain number mention of `value` written as `raw` at `start` (a Roman numeral, a number inside a word). */
function wordMention(start: number, raw: string, value: number, spelled: boolean): NumberMention {
  return { key: String(value), value, kind: 'number', qualifier: null, spelled, start, end: start + raw.length, raw };
}

/** Roman numerals of centuries (`XXI век`, `в XIX–XX вв.`; Cyrillic `Х` and `І` typed for X and I): the Russian way to write them. */
const ROMAN_CENTURY = /(?<![\p{L}\d])([IVXХІ]{1,5})(?:\s*[-–—]\s*([IVXХІ]{1,5}))?(?:-?(?:й|го|м|ом))?\s+(?:век\p{L}*|вв?\.|столети\p{L}*|century|centuries)(?!\p{L})/gu;
const ROMAN_DIGITS: Record<string, number> = { I: 1, V: 5, X: 10 };

/** The value of a Roman numeral up to 39 in canonical form (`XXI` 21), or null (`IIII`, `VX`). */
function romanValue(numeral: string): number | null {
  const s = numeral.replace(/Х/g, 'X').replace(/І/g, 'I');
  let value = 0;
  for (let i = 0; i < s.length; i++) {
    const d = ROMAN_DIGITS[s[i]];
    const next = ROMAN_DIGITS[s[i + 1]] ?? 0;
    value += d < next ? -d : d;
  }
  const canonical = 'X'.repeat(Math.floor(value / 10)) + ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][value % 10];
  return value > 0 && canonical === s ? value : null;
}

/** The Roman century numerals of `text` as number mentions (`XXI век` ~ `21st century`). */
function romanCenturies(text: string): NumberMention[] {
  return [...text.matchAll(ROMAN_CENTURY)].flatMap((m) => [m[1], m[2]].flatMap((numeral) => {
    const value = numeral ? romanValue(numeral) : null;
    if (value === null) return [];
    return [wordMention(m.index + m[0].indexOf(numeral, numeral === m[1] ? 0 : m[1].length), numeral, value, false)];
  }));
}

/** Russian numeral stems that begin compound words (`пяти|летний`, `двадцати|пяти|летие`), longest first. */
const NUMERAL_STEMS: Array<[string, number]> = [
  ['одиннадцати', 11], ['двенадцати', 12], ['тринадцати', 13], ['четырнадцати', 14], ['пятнадцати', 15], ['шестнадцати', 16],
  ['семнадцати', 17], ['восемнадцати', 18], ['девятнадцати', 19], ['двадцати', 20], ['тридцати', 30], ['сорока', 40],
  ['пятидесяти', 50], ['шестидесяти', 60], ['семидесяти', 70], ['восьмидесяти', 80], ['девяност[оа]', 90], ['двухсот', 200],
  ['тр[её]хсот', 300], ['пятисот', 500], ['тысяче', 1000], ['одно', 1], ['двух', 2], ['тр[её]х', 3], ['четыр[её]х', 4],
  ['пяти', 5], ['шести', 6], ['семи', 7], ['восьми', 8], ['девяти', 9], ['десяти', 10], ['сто', 100],
];
/** What a numeral stem measures in a compound (`-летний`, `-дневный`, `-этажный`, `-кратный`…): only these make it a number. */
const COMPOUND_UNIT = 'лет(?:н|и|к)|дневн|часов|месячн|недельн|минутн|секундн|этажн|кратн|процентн|километров|метров|тонн|местн|серийн|томн|градусн|годичн|суточн|комнатн|ярусн';
const NUMERAL_STEM = NUMERAL_STEMS.map(([p]) => p).join('|');
const RU_COMPOUND = new RegExp(`(?<!\\p{L})(${NUMERAL_STEM})(${NUMERAL_STEM})?(?:${COMPOUND_UNIT})\\p{L}*`, 'giu');
/** Russian collective numerals counting people (`двое`, `троих`, `пятеро`), by stem. */
const RU_COLLECTIVE = /(?<!\p{L})(?:(дво|тро)(?:е|их|им|ими)|(четвер|пятер|шестер|семер|восьмер|девятер|десятер)(?:о|ых|ым|ыми))(?!\p{L})/giu;
const COLLECTIVE_VALUE: Record<string, number> = { дво: 2, тро: 3, четвер: 4, пятер: 5, шестер: 6, семер: 7, восьмер: 8, девятер: 9, десятер: 10 };

/** The value of a numeral stem of NUMERAL_STEMS. */
function stemValue(stem: string): number {
  return NUMERAL_STEMS.find(([p]) => new RegExp(`^(?:${p})$`, 'i').test(stem))?.[1] ?? NaN;
}

/**
 * Numbers spelled inside Russian words: compounds (`пятилетнего` 5, `двадцатипятилетие` 25) and
 * collective numerals (`трое` 3). Spelled, so evidence for a digit on the other side, never required.
 */
function russianWordNumbers(text: string): NumberMention[] {
  const compounds = [...text.matchAll(RU_COMPOUND)].flatMap((m) => {
    const first = stemValue(m[1]);
    const second = m[2] === undefined ? 0 : stemValue(m[2]);
    // Only tens then units make one number (`двадцати|пяти`); any other pair is no numeral.
    if (m[2] !== undefined && !(first % 10 === 0 && first >= 20 && first < 100 && second < 10)) return [];
    return [wordMention(m.index, m[0], first + second, true)];
  });
  const collective = [...text.matchAll(RU_COLLECTIVE)].map((m) => wordMention(m.index, m[0], COLLECTIVE_VALUE[(m[1] ?? m[2]).toLowerCase()], true));
  return [...compounds, ...collective];
}

/** Ordinal words up to ten, Russian by stem and adjective ending, English without `second` (mostly the unit of time). */
const ORDINAL_WORD = /(?<!\p{L})(?:(перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ый|ой|ий|ая|ое|ого|ому|ым|ом|ую|ые|ых|ыми|ья|ье|ьи|ьего|ьему|ьим|ьем|ью|ьей|ьих|ьими)|(first|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))(?!\p{L})/giu;
const ORDINAL_VALUE: Record<string, number> = {
  перв: 1, втор: 2, трет: 3, четверт: 4, четвёрт: 4, пят: 5, шест: 6, седьм: 7, восьм: 8, девят: 9, десят: 10,
  first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};

/** Ordinals spelled as words (`третьим` ~ `3rd`, `fifth` ~ `5-й`): spelled, so evidence for a digit on the other side, never required. */
function ordinalWords(text: string): NumberMention[] {
  return [...text.matchAll(ORDINAL_WORD)].map((m) => wordMention(m.index, m[0], ORDINAL_VALUE[(m[1] ?? m[2]).toLowerCase()], true));
}

/** Years joined to a year range written short (`2018-19`, `1999/00`): the end as the full year, as the other side may write it. */
const SHORT_RANGE_JOINT = /^\s?[-–—/]\s?$/u;

/** `ms` with the two-digit end of a year range (`2018-19`) read as the full year (2019). */
function fullRangeEnds(text: string, ms: NumberMention[]): NumberMention[] {
  return ms.map((m, i) => {
    const prev = ms[i - 1];
    if (!prev || !/^\d{2}$/.test(m.raw) || !/^[12]\d{3}$/.test(prev.raw) || !SHORT_RANGE_JOINT.test(text.slice(prev.end, m.start))) return m;
    let value = Math.floor(prev.value / 100) * 100 + m.value;
    if (value <= prev.value) value += 100;
    return { ...m, value, key: String(value), kind: prev.kind };
  });
}

/** Number mentions of `text`, clock times and decades replacing the digit groups they consist of. */
function mentions(text: string): NumberMention[] {
  const special = [...times(text), ...decades(text), ...romanCenturies(text)];
  const inSpecial = (m: NumberMention) => special.some((t) => m.start < t.end && m.end > t.start);
  const plain = fullRangeEnds(text, compoundSpelled(text, extractNumbers(text).filter((m) => !inSpecial(m)).map((m) => gluedScale(text, m))));
  const inPlain = (m: NumberMention) => plain.some((p) => m.start < p.end && m.end > p.start);
  const words = [...russianWordNumbers(text), ...ordinalWords(text)].filter((m) => !inPlain(m));
  return [...plain, ...special, ...bareScales(text, plain), ...words].sort((a, b) => a.start - b.start);
}

/** The keys of the number mentions of `text` (digits, spelled numbers, clock times, decades, dates). */
export function mentionKeys(text: string): Set<string> {
  return new Set(mentions(text).map((m) => m.key));
}

/** A Russian ordinal's case ending after a hyphen (`3-м`, `5-й`): `-м` there is no metre. */
const ORDINAL_ENDING = /^-(?:м|ом|ым|й|го|му|я|е|х)(?!\p{L})/u;

/** True when a unit that translations convert follows mention `m` in `text`, or follows the end of the range `m` starts (`1 to 4 inches`). */
function convertible(text: string, m: NumberMention, all: NumberMention[]): boolean {
  if (m.kind !== 'number' || ORDINAL_ENDING.test(text.slice(m.end))) return false;
  if (CONVERTIBLE_UNIT.test(text.slice(m.end, m.end + 20))) return true;
  const next = all.find((n) => n.start >= m.end && !n.spelled);
  return next !== undefined && RANGE_JOINT.test(text.slice(m.end, next.start)) && CONVERTIBLE_UNIT.test(text.slice(next.end, next.end + 20));
}

/** What a unit measures; temperatures convert by formula, the rest by factor. */
type Dimension = 'length' | 'speed' | 'mass' | 'volume' | 'area' | 'temperature';
/** A unit a translation may convert: its dimension, size in the dimension's metric base, and whether it is imperial. */
interface Unit { dimension: Dimension; factor: number; imperial: boolean }
/** Unit words right after a number, longest readings first (`miles per hour` before `miles`). */
const UNITS: Array<[RegExp, Unit]> = [
  [/^(?:mph|miles? (?:per|an) hour)/i, { dimension: 'speed', factor: 1.609344, imperial: true }],
  [/^(?:kph|km\/h|kilomet\w* (?:per|an) hour|км\/ч|км в час|километр\p{L}* в час)/iu, { dimension: 'speed', factor: 1, imperial: false }],
  [/^(?:miles?|mi(?!\p{L})|мил\p{L}*)/iu, { dimension: 'length', factor: 1609.344, imperial: true }],
  [/^(?:inch(?:es)?|in(?!\p{L})|дюйм\p{L}*)/iu, { dimension: 'length', factor: 0.0254, imperial: true }],
  [/^(?:feet|foot|ft(?!\p{L})|фут\p{L}*)/iu, { dimension: 'length', factor: 0.3048, imperial: true }],
  [/^(?:yards?|yd(?!\p{L})|ярд\p{L}*)/iu, { dimension: 'length', factor: 0.9144, imperial: true }],
  [/^(?:km(?!\p{L})|kilomet\w*|км(?!\p{L})|километр\p{L}*)/iu, { dimension: 'length', factor: 1000, imperial: false }],
  [/^(?:cm(?!\p{L})|centimet\w*|см(?!\p{L})|сантиметр\p{L}*)/iu, { dimension: 'length', factor: 0.01, imperial: false }],
  [/^(?:mm(?!\p{L})|millimet\w*|мм(?!\p{L})|миллиметр\p{L}*)/iu, { dimension: 'length', factor: 0.001, imperial: false }],
  [/^(?:metres?|meters?|м(?!\p{L})|метр\p{L}*)/iu, { dimension: 'length', factor: 1, imperial: false }],
  [/^(?:pounds?|lbs?(?!\p{L}))/iu, { dimension: 'mass', factor: 0.45359237, imperial: true }],
  [/^(?:ounces?|oz(?!\p{L}))/iu, { dimension: 'mass', factor: 0.0283495, imperial: true }],
  [/^(?:kg(?!\p{L})|kilogram\w*|кг(?!\p{L})|килограмм\p{L}*)/iu, { dimension: 'mass', factor: 1, imperial: false }],
  [/^(?:grams?|г(?!\p{L})|грамм\p{L}*)/iu, { dimension: 'mass', factor: 0.001, imperial: false }],
  [/^(?:gallons?)/iu, { dimension: 'volume', factor: 3.78541, imperial: true }],
  [/^(?:lit(?:re|er)s?|л(?!\p{L})|литр\p{L}*)/iu, { dimension: 'volume', factor: 1, imperial: false }],
  [/^(?:acres?)/iu, { dimension: 'area', factor: 0.404686, imperial: true }],
  [/^(?:hectares?|га(?!\p{L})|гектар\p{L}*)/iu, { dimension: 'area', factor: 1, imperial: false }],
  [/^(?:°\s?c|degrees? c(?:elsius)?(?!\p{L})|градус\p{L}*)/iu, { dimension: 'temperature', factor: 1, imperial: false }],
  [/^(?:°\s?f?|degrees?(?: f(?:ahrenheit)?(?!\p{L}))?|f(?!\p{L})|fahrenheit)/iu, { dimension: 'temperature', factor: 1, imperial: true }],
];
/**
 * Relative slack of a converted amount: rounding to two significant figures moves a value by
 * under 4% except just above a power of ten, and translators round conversions that way.
 */
const CONVERSION_TOLERANCE = 0.04;
/** Absolute slack: a conversion rounded or cut to a whole number (`12 mph` → `19 км/ч`, `3 inches` → `7 см`). */
const CONVERSION_SLACK = 1;

/** The unit after mention `m` of `text`, or after the end of the range `m` starts, or null. */
function unitOf(text: string, m: NumberMention, all: NumberMention[]): Unit | null {
  const at = (end: number) => {
    const after = text.slice(end, end + 30).replace(/^[\s-]+/, '');
    return UNITS.find(([p]) => p.test(after))?.[1] ?? null;
  };
  const own = ORDINAL_ENDING.test(text.slice(m.end)) ? null : at(m.end);
  if (own) return own;
  const next = all.find((n) => n.start >= m.end && !n.spelled);
  return next !== undefined && RANGE_JOINT.test(text.slice(m.end, next.start)) ? at(next.end) : null;
}

/** The values amount `x` in unit `from` may be written as in unit `to` (a temperature or a temperature difference). */
function converted(x: number, from: Unit, to: Unit): number[] {
  if (from.dimension === 'temperature') {
    if (from.imperial === to.imperial) return [x];
    return from.imperial ? [((x - 32) * 5) / 9, (x * 5) / 9] : [(x * 9) / 5 + 32, (x * 9) / 5];
  }
  return [(x * from.factor) / to.factor];
}

/** True when `b` in unit `ub` may be a conversion of `a` in unit `ua` from the other measuring system. */
function converts(a: number, ua: Unit, b: number, ub: Unit): boolean {
  if (ua.dimension !== ub.dimension || ua.imperial === ub.imperial || !Number.isFinite(a) || !Number.isFinite(b)) return false;
  return converted(a, ua, ub).some((c) => Math.abs(b - c) <= Math.max(CONVERSION_SLACK, CONVERSION_TOLERANCE * Math.abs(c)));
}

/** Decades without a century (`80s`) with no counterpart: an idiom of age or temperature more often than an error. */
const vagueDecade = (m: NumberMention) => /^decade:/.test(m.key) && !/\d{4}/.test(m.raw);

/**
 * True when `b` on the other side is a counterpart of `a`: same key (or another reading of an
 * ambiguous date), same value of another kind (`5%` ~ `5 п.п.`), or a minus the other side leaves to
 * a verb (`-0.5%` ~ `снизился на 0,5%`; temperatures are kept apart by `checkNumbers`).
 */
function counterpart(a: NumberMention, b: NumberMention): boolean {
  return a.key === b.key || (a.value === b.value && a.kind !== 'date' && b.kind !== 'date') || inDecade(a, b) || inDecade(b, a)
    || readings(a).some((k) => readings(b).includes(k)) || signLeftOut(a, b);
}

/** Every key mention `m` may stand for: its own and the other readings of an ambiguous date (`4/5`). */
function readings(m: NumberMention): string[] {
  return m.alt ? [m.key, ...m.alt] : [m.key];
}

/** True when one of `a`, `b` is a negative amount and the other the same amount with no sign written. */
function signLeftOut(a: NumberMention, b: NumberMention): boolean {
  return a.value !== 0 && a.value === -b.value && a.kind === b.kind && (a.sign === undefined) !== (b.sign === undefined) && (a.value < 0 ? !b.sign : !a.sign);
}

/** A temperature right after a number: a unit of UNITS or a glued scale letter (`-5C`, `23F`). */
const GLUED_TEMPERATURE = /^[CСF](?!\p{L})/u;

/** True when mention `m` of `text`, of unit `unit` (`unitOf`), is a temperature, whose sign a translation must keep (`-5C` is no `5 градусов`). */
function temperature(text: string, m: NumberMention, unit: Unit | null | undefined): boolean {
  return GLUED_TEMPERATURE.test(text.slice(m.end)) || unit?.dimension === 'temperature';
}

/** True when `d` is a decade without century (`his 40s`) and `n` a number within it (`40 лет`, `45-летний`). */
function inDecade(d: NumberMention, n: NumberMention): boolean {
  if (!vagueDecade(d) || n.kind !== 'number' || !Number.isFinite(n.value)) return false;
  const start = Number(d.key.slice('decade:'.length));
  return n.value >= start && n.value < start + 10;
}

/** The digit mentions of `mine` that have no counterpart among `theirs` (`apart`: pairs that cannot be counterparts). */
function unmatched(mine: NumberMention[], theirs: NumberMention[], apart: (m: NumberMention, t: NumberMention) => boolean): NumberMention[] {
  return mine.filter((m) => !m.spelled && !theirs.some((t) => counterpart(m, t) && !apart(m, t)));
}

/** One mention per key, the first one: a repeated number is one fact. */
function uniqueByKey(mentions: NumberMention[]): NumberMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => !seen.has(m.key) && seen.add(m.key) !== undefined);
}

/** Pairs unmatched mentions of the same kind across the sides as "different", in order; the rest are missing. */
function differenceFlags(enOnly: NumberMention[], ruOnly: NumberMention[]): Flag[] {
  const flags: Flag[] = [];
  const ruLeft = [...ruOnly];
  const digits = (m: NumberMention) => m.raw.replace(/\D/g, '');
  for (const e of enOnly) {
    // Same digits first (`1950` ~ `1950-х`, a year read as a decade), then the same kind in order.
    const same = ruLeft.findIndex((r) => digits(r) !== '' && digits(r) === digits(e));
    const i = same >= 0 ? same : ruLeft.findIndex((r) => r.kind === e.kind);
    if (i < 0) {
      flags.push(missing(e, 'ru'));
      continue;
    }
    const [r] = ruLeft.splice(i, 1);
    flags.push({
      kind: 'number', severity: 'error', message: `${e.raw} in English but ${r.raw} in Russian`,
      en: [e.raw], ru: [r.raw],
    });
  }
  for (const r of ruLeft) flags.push(missing(r, 'en'));
  return flags;
}

/** A flag for mention `m` that has no counterpart on side `absentFrom`. */
function missing(m: NumberMention, absentFrom: Side): Flag {
  return {
    kind: 'number', severity: 'error', message: `${m.raw} missing in ${LANGUAGE[absentFrom]}`,
    en: absentFrom === 'ru' ? [m.raw] : [], ru: absentFrom === 'en' ? [m.raw] : [],
  };
}

/** Info notes for matched amounts whose qualifier (`over`, `about`, `under`) differs; years are left alone (`до 2025 года` is "by 2025"). */
function qualifierFlags(en: NumberMention[], ru: NumberMention[]): Flag[] {
  const flags: Flag[] = [];
  for (const e of en) {
    if (e.kind === 'year' || e.kind === 'date') continue;
    const r = ru.find((m) => m.key === e.key);
    if (!r || r.qualifier === e.qualifier) continue;
    const what = r.qualifier ? `"${r.qualifier}" in Russian only` : `"${e.qualifier}" in English only`;
    const detail = e.qualifier && r.qualifier ? `"${e.qualifier}" in English, "${r.qualifier}" in Russian` : what;
    flags.push({ kind: 'number', severity: 'info', message: `qualifier differs for ${e.raw}: ${detail}`, en: [e.raw], ru: [r.raw] });
  }
  return flags;
}

/**
 * Plural quantity words (`decades`, `десятки`, `hundreds`, `тысячами`): a vague amount that a
 * translation may state as a round number (`decades ago` → `более 30 лет назад`), by scale.
 * Russian `тысячи` is left out: it is also the singular of `свыше тысячи`.
 */
const VAGUE_PLURAL: Array<[RegExp, number]> = [
  [/(?<!\p{L})(?:decades|десятилети[йяи])(?!\p{L})/giu, 10],
  [/(?<!\p{L})(?:dozens|tens|десятк(?:и|ов|ами))(?!\p{L})/giu, 10],
  [/(?<!\p{L})(?:hundreds|сотни|сотен|сотнями)(?!\p{L})/giu, 100],
  [/(?<!\p{L})(?:thousands|тысяч|тысячами)(?!\p{L})/giu, 1e3],
  [/(?<!\p{L})(?:millions|миллионы|миллионов|миллионами)(?!\p{L})/giu, 1e6],
];
/** A scale word after a plural quantity word multiplies it: `tens of thousands`, `сотни тысяч`. */
const SCALE_AFTER: Array<[RegExp, number]> = [
  [/^\s+(?:of\s+)?(?:thousands?|тысяч\p{L}*)(?!\p{L})/iu, 1e3],
  [/^\s+(?:of\s+)?(?:millions?|миллион\p{L}*)(?!\p{L})/iu, 1e6],
];

/** The plural quantity words of `text` with their scales (`десятки тысяч`: 10000). */
function vaguePlurals(text: string): Array<{ word: string; scale: number }> {
  return VAGUE_PLURAL.flatMap(([pattern, scale]) => [...text.matchAll(pattern)].map((m) => {
    const after = text.slice(m.index + m[0].length);
    const times = SCALE_AFTER.find(([p]) => p.test(after));
    return { word: times ? m[0] + (after.match(times[0])?.[0] ?? '') : m[0], scale: scale * (times?.[1] ?? 1) };
  }));
}

/** The plural quantity word of `text` that digit mention `m` may state as a round number (a multiple of two or more of its scale), or null. */
function approximated(m: NumberMention, text: string): string | null {
  if (m.kind !== 'number' || !Number.isFinite(m.value)) return null;
  return vaguePlurals(text).find(({ scale }) => m.value % scale === 0 && m.value >= 2 * scale)?.word ?? null;
}

/** Info notes for digit mentions of `mine` that state a plural quantity word of the other side (`other`) as a round number; the rest are returned. */
function approximations(mine: NumberMention[], other: string, side: Side): { flags: Flag[]; rest: NumberMention[] } {
  const flags: Flag[] = [];
  const rest = mine.filter((m) => {
    const word = approximated(m, other);
    if (!word) return true;
    const otherSide: Side = side === 'en' ? 'ru' : 'en';
    flags.push({
      kind: 'number', severity: 'info', message: `${m.raw} in ${LANGUAGE[side]} for "${word}" in ${LANGUAGE[otherSide]}: made precise?`,
      en: side === 'en' ? [m.raw] : [word], ru: side === 'ru' ? [m.raw] : [word],
    });
    return false;
  });
  return { flags, rest };
}

/** Number flags for an aligned English/Russian pair. */
export function checkNumbers(en: string, ru: string): Flag[] {
  const enM = mentions(en);
  const ruM = mentions(ru);
  // The same figure before units of the two measuring systems (`10 inches`, `10 см`) is no match;
  // not for temperatures, whose English `degrees` may be either scale.
  const enUnits = new Map(enM.map((m) => [m, unitOf(en, m, enM)]));
  const ruUnits = new Map(ruM.map((m) => [m, unitOf(ru, m, ruM)]));
  const otherSystem = (a: Unit | null | undefined, b: Unit | null | undefined) => !!a && !!b && a.dimension === b.dimension && a.dimension !== 'temperature' && a.imperial !== b.imperial;
  // A temperature's sign is part of it: `-5C` and `5 градусов` are no counterparts.
  const hot = new Set([...enM.filter((m) => temperature(en, m, enUnits.get(m))), ...ruM.filter((m) => temperature(ru, m, ruUnits.get(m)))]);
  const signApart = (e: NumberMention, r: NumberMention) => e.value !== r.value && (hot.has(e) || hot.has(r));
  const apart = (e: NumberMention, r: NumberMention) => otherSystem(enUnits.get(e), ruUnits.get(r)) || signApart(e, r);
  const enApprox = approximations(uniqueByKey(unmatched(enM, ruM, apart)), ru, 'en');
  const ruApprox = approximations(uniqueByKey(unmatched(ruM, enM, (r, e) => apart(e, r))), en, 'ru');
  const enOnly = enApprox.rest;
  const ruOnly = ruApprox.rest;
  const enConv = enOnly.filter((m) => convertible(en, m, enM) || vagueDecade(m));
  const ruConv = ruOnly.filter((m) => convertible(ru, m, ruM) || vagueDecade(m));
  const flags = differenceFlags(enOnly.filter((m) => !enConv.includes(m)), ruOnly.filter((m) => !ruConv.includes(m)));
  const units = { en: (m: NumberMention) => unitOf(en, m, enM), ru: (m: NumberMention) => unitOf(ru, m, ruM) };
  const { enLeft, ruLeft } = dropConversions(enConv, ruConv, units.en, units.ru);
  const wrong = wrongConversions(enLeft, ruLeft, units.en, units.ru);
  flags.push(...wrong.flags);
  if (wrong.enLeft.length || wrong.ruLeft.length) flags.push(conversionNote(en, ru, wrong.enLeft, wrong.ruLeft));
  return [...flags, ...enApprox.flags, ...ruApprox.flags, ...qualifierFlags(uniqueByKey(enM), ruM)];
}

type UnitOf = (m: NumberMention) => Unit | null;

/** The mentions left after removing each English/Russian pair where one is a plausible conversion of the other. */
function dropConversions(enConv: NumberMention[], ruConv: NumberMention[], enUnit: UnitOf, ruUnit: UnitOf): { enLeft: NumberMention[]; ruLeft: NumberMention[] } {
  const ruLeft = [...ruConv];
  const enLeft = enConv.filter((e) => {
    const ue = enUnit(e);
    const i = ue ? ruLeft.findIndex((r) => { const ur = ruUnit(r); return ur !== null && converts(e.value, ue, r.value, ur); }) : -1;
    if (i >= 0) ruLeft.splice(i, 1);
    return i < 0;
  });
  return { enLeft, ruLeft };
}

/**
 * Warnings for amounts of one dimension left unconverted on both sides (`85 mph` vs `131 км/ч`,
 * ≈137 expected), paired in order; the mentions left over (a unit given twice, `800 kph (497 mph)`) are returned.
 */
function wrongConversions(enLeft: NumberMention[], ruLeft: NumberMention[], enUnit: UnitOf, ruUnit: UnitOf): { flags: Flag[]; enLeft: NumberMention[]; ruLeft: NumberMention[] } {
  const flags: Flag[] = [];
  const ruRest = [...ruLeft];
  const enRest = enLeft.filter((e) => {
    const ue = enUnit(e);
    const i = ue ? ruRest.findIndex((r) => ruUnit(r)?.dimension === ue.dimension) : -1;
    if (!ue || i < 0) return true;
    const [r] = ruRest.splice(i, 1);
    const ur = ruUnit(r) as Unit;
    const expect = ur.imperial === ue.imperial ? '' : ` (≈${converted(e.value, ue, ur).map((c) => Number(c.toPrecision(3))).join(' or ')} expected)`;
    flags.push({ kind: 'number', severity: 'warning', message: `${e.raw} in English but ${r.raw} in Russian${expect}`, en: [e.raw], ru: [r.raw] });
    return false;
  });
  return { flags, enLeft: enRest, ruLeft: ruRest };
}

/** One info note for numbers before convertible units that differ (`85 mph` vs `135 км/ч`): probably converted, worth a look. */
function conversionNote(en: string, ru: string, enConv: NumberMention[], ruConv: NumberMention[]): Flag {
  const show = (text: string, ms: NumberMention[]) => ms.map((m) => text.slice(m.start, m.end + (CONVERTIBLE_UNIT.exec(text.slice(m.end, m.end + 20))?.[0].length ?? 0)).trim());
  const e = show(en, enConv);
  const r = show(ru, ruConv);
  return { kind: 'number', severity: 'info', message: `units converted? ${e.join(', ') || '–'} in English vs ${r.join(', ') || '–'} in Russian`, en: e, ru: r };
}
