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
const CONVERTIBLE_UNIT = /^[\s-]*(?:miles?|mi\b|inch(?:es)?|in\b|feet|foot|ft\b|yards?|yd|pounds?|lbs?|mph|ounces?|oz\b|gallons?|acres?|degrees?|°|f\b|fahrenheit|км|километр|сантиметр|см\b|мм\b|миллиметр|м\b|метр|кг\b|килограмм|грамм|г\b|литр|л\b|гектар|га\b|градус)/iu;

/** The clock times of `text` as number mentions keyed `time:HH:MM`. */
function times(text: string): NumberMention[] {
  return [...text.matchAll(TIME)].map((m) => {
    let hour = Number(m[1] ?? m[4]);
    const minute = Number(m[2] ?? m[5] ?? 0);
    if (m[3]) hour = (hour % 12) + (m[3].toLowerCase() === 'p' ? 12 : 0);
    const key = `time:${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    return { key, value: NaN, kind: 'number' as const, qualifier: null, spelled: false, start: m.index, end: m.index + m[0].length, raw: m[0].trim() };
  }).filter((t) => Number(t.key.slice(5, 7)) < 24 && Number(t.key.slice(8)) < 60);
}

/** Number mentions of `text`, clock times replacing the digit groups they consist of. */
function mentions(text: string): NumberMention[] {
  const clock = times(text);
  const inClock = (m: NumberMention) => clock.some((t) => m.start < t.end && m.end > t.start);
  return [...extractNumbers(text).filter((m) => !inClock(m)), ...clock].sort((a, b) => a.start - b.start);
}

/** True when a unit that translations convert follows mention `m` in `text`. */
function convertible(text: string, m: NumberMention): boolean {
  return m.kind === 'number' && CONVERTIBLE_UNIT.test(text.slice(m.end, m.end + 20));
}

/** True when `b` on the other side is a counterpart of `a`: same key, or same value of another kind (`5%` ~ `5 п.п.`). */
function counterpart(a: NumberMention, b: NumberMention): boolean {
  return a.key === b.key || (a.value === b.value && a.kind !== 'date' && b.kind !== 'date');
}

/** The digit mentions of `mine` that have no counterpart among `theirs`. */
function unmatched(mine: NumberMention[], theirs: NumberMention[]): NumberMention[] {
  return mine.filter((m) => !m.spelled && !theirs.some((t) => counterpart(m, t)));
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
  for (const e of enOnly) {
    const i = ruLeft.findIndex((r) => r.kind === e.kind);
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

/** Number flags for an aligned English/Russian pair. */
export function checkNumbers(en: string, ru: string): Flag[] {
  const enM = mentions(en);
  const ruM = mentions(ru);
  const enOnly = uniqueByKey(unmatched(enM, ruM));
  const ruOnly = uniqueByKey(unmatched(ruM, enM));
  const enConv = enOnly.filter((m) => convertible(en, m));
  const ruConv = ruOnly.filter((m) => convertible(ru, m));
  const flags = differenceFlags(enOnly.filter((m) => !enConv.includes(m)), ruOnly.filter((m) => !ruConv.includes(m)));
  if (enConv.length || ruConv.length) flags.push(conversionNote(en, ru, enConv, ruConv));
  return [...flags, ...qualifierFlags(uniqueByKey(enM), ruM)];
}

/** One info note for numbers before convertible units that differ (`85 mph` vs `135 км/ч`): probably converted, worth a look. */
function conversionNote(en: string, ru: string, enConv: NumberMention[], ruConv: NumberMention[]): Flag {
  const show = (text: string, ms: NumberMention[]) => ms.map((m) => text.slice(m.start, m.end + (CONVERTIBLE_UNIT.exec(text.slice(m.end, m.end + 20))?.[0].length ?? 0)).trim());
  const e = show(en, enConv);
  const r = show(ru, ruConv);
  return { kind: 'number', severity: 'info', message: `units converted? ${e.join(', ') || '–'} in English vs ${r.join(', ') || '–'} in Russian`, en: e, ru: r };
}
