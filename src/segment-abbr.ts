/**
 * Abbreviation and sentence-starter tables for `segment.ts`, per script.
 * All entries are lower case with their final period; the segmenter lower-cases before looking up.
 */
import { DefaultAbbrMarkerOptions } from 'sentence-splitter';
import type { Lang } from './types.js';

/** How the segmenter treats the word before a period that is followed by a capitalised word or digit. */
export interface AbbrRules {
  /** Never end a sentence: titles and street/place prefixes that a name follows (`Mr.`, `ул.`). */
  neverEnd: ReadonlySet<string>;
  /** Do not end a sentence when a digit follows (`Jan. 5`, `No. 3`, `стр. 12`); otherwise may end. */
  beforeNumber: ReadonlySet<string>;
  /** End a sentence only right after a number (`2021 г.` = year vs `г. Минск` = city; `10 см.` vs `см.`). */
  afterNumber: ReadonlySet<string>;
  /** End a sentence after a conjunction (`и др.`, `и пр.`), otherwise never (`пр. Независимости`). */
  afterConjunction: ReadonlySet<string>;
  /** The conjunctions `afterConjunction` looks for. */
  conjunctions: ReadonlySet<string>;
  /** May be an abbreviation or a word (`St.`, `им.`): end only when a sentence-starting word follows. */
  ambiguous: ReadonlySet<string>;
  /** Multi-part abbreviations that may end a sentence even though their last part never does (`т. д.`). */
  mayEnd: ReadonlySet<string>;
  /** Verbs of saying: `"…!" Hammel added.` keeps a capitalised attribution with its quote. */
  speechVerbs: ReadonlySet<string>;
  /** Lower-case words that typically start a sentence: after an initial (`Plan B. The`) they mean a new one. */
  starters: ReadonlySet<string>;
}

/** Abbreviations whose reading is decided by what follows, so they are taken out of `neverEnd`. */
const EN_AMBIGUOUS = ['st.', 'ft.', 'v.', 'ph.', 'a.m.', 'p.m.'];

/** English titles and prefixes: sentence-splitter's prepositive list plus common news ones. */
const EN_NEVER_END = [
  ...DefaultAbbrMarkerOptions.language.PREPOSITIVE_ABBREVIATIONS.map((a) => a.toLowerCase()),
  'e.g.', 'i.e.', 'cf.', 'viz.', 'approx.', 'hon.', 'rt.', 'pres.', 'gens.', 'mme.', 'mlle.', 'messrs.',
].filter((a) => !EN_AMBIGUOUS.includes(a));

const EN_BEFORE_NUMBER = [
  'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.',
  'no.', 'nos.', 'nr.', 'p.', 'pp.', 'vol.', 'ch.', 'art.', 'fig.', 'sec.', 'para.', 'op.',
];

const EN_STARTERS = [
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'in', 'on', 'at', 'for', 'with', 'from', 'after',
  'before', 'as', 'if', 'when', 'while', 'however', 'his', 'her', 'its', 'their', 'our', 'my', 'what',
  'why', 'how', 'who', 'some', 'many', 'most', 'all', 'one', 'now', 'then', 'also', 'meanwhile',
  'according', 'both', 'each', 'since', 'during', 'to', 'by', 'it’s', "it's", 'last', 'next', 'earlier',
  'today', 'tomorrow', 'yesterday', 'later', 'police', 'officials',
];

/** Russian, Ukrainian and Belarusian place/person prefixes and connectives that a word follows. */
const CYR_NEVER_END = [
  'ул.', 'пл.', 'пер.', 'просп.', 'пос.', 'д.', 'с.', 'кв.', 'корп.', 'т.е.', 'т.к.', 'т.н.', 'т.ч.',
  'напр.', 'ср.', 'проф.', 'акад.', 'ген.', 'тов.', 'св.', 'оз.', 'стр.', 'пр.', 'вул.', 'ім.', 'пров.',
  // "от англ. Member of…": a language name introduces the foreign word that follows
  'англ.', 'нем.', 'франц.', 'фр.', 'лат.', 'греч.', 'итал.', 'исп.', 'кит.', 'яп.', 'араб.', 'рус.',
  'укр.', 'бел.', 'польск.', 'тур.', 'пол.',
];

/** `ок. 5 тыс.` (около): a number follows, so the period ends nothing. */
const CYR_BEFORE_NUMBER = ['№', 'рис.', 'табл.', 'гл.', 'п.', 'пп.', 'ч.', 'ок.', 'прибл.'];

/** Year, century, unit: the same letters mean city / "see" / street when no number precedes. */
const CYR_AFTER_NUMBER = ['г.', 'гг.', 'в.', 'вв.', 'см.', 'м.', 'ст.', 'р.', 'рр.'];

const CYR_AFTER_CONJUNCTION = ['др.', 'пр.', 'ін.'];
const CYR_CONJUNCTIONS = ['и', 'і', 'та', 'й'];
/**
 * `им.` is both "имени" (a name follows) and the pronoun "им"; `долл.` usually precedes `США`;
 * `дж.` is the initial J. in `Мерфи Дж. Пол`.
 */
const CYR_AMBIGUOUS = ['им.', 'долл.', 'дж.'];
const CYR_MAY_END = ['т.д.', 'т.п.', 'т.і.', 'т.д', 'т.п'];

const CYR_STARTERS = [
  // Russian
  'он', 'она', 'оно', 'они', 'мы', 'я', 'вы', 'ты', 'это', 'этот', 'эта', 'эти', 'тот', 'та', 'те',
  'там', 'тогда', 'но', 'а', 'и', 'в', 'во', 'на', 'по', 'с', 'со', 'к', 'у', 'о', 'об', 'из', 'за',
  'для', 'при', 'после', 'до', 'как', 'так', 'также', 'однако', 'кроме', 'его', 'ее', 'её', 'их',
  'все', 'всё', 'что', 'когда', 'если', 'хотя', 'поэтому', 'именно', 'сегодня', 'вчера', 'теперь',
  'уже', 'еще', 'ещё', 'не', 'нет', 'да', 'по-моему',
  // Ukrainian
  'він', 'вона', 'воно', 'вони', 'ми', 'ви', 'це', 'цей', 'ця', 'ці', 'але', 'і', 'й', 'з', 'із',
  'після', 'як', 'також', 'однак', 'проте', 'її', 'їх', 'що', 'коли', 'якщо', 'сьогодні',
  // Belarusian
  'ён', 'яна', 'яно', 'яны', 'гэта', 'гэты', 'ў', 'да', 'пры', 'пасля', 'таксама', 'яго', 'яе', 'іх',
  'што', 'калі', 'сёння',
];

/** Build one rule set from per-script lists. */
function build(parts: Array<Partial<Record<keyof AbbrRules, readonly string[]>>>): AbbrRules {
  const pick = (key: keyof AbbrRules): Set<string> => new Set(parts.flatMap((p) => p[key] ?? []));
  return {
    neverEnd: pick('neverEnd'),
    beforeNumber: pick('beforeNumber'),
    afterNumber: pick('afterNumber'),
    afterConjunction: pick('afterConjunction'),
    conjunctions: pick('conjunctions'),
    ambiguous: pick('ambiguous'),
    mayEnd: pick('mayEnd'),
    starters: pick('starters'),
    speechVerbs: pick('speechVerbs'),
  };
}

const EN_SPEECH_VERBS = [
  'said', 'says', 'added', 'adds', 'asked', 'asks', 'told', 'wrote', 'writes', 'replied', 'explained',
  'noted', 'stressed', 'shouted', 'yelled', 'recalled', 'continued', 'insisted', 'declared', 'tweeted',
  'reported', 'reports', 'announced', 'stated', 'commented', 'warned', 'argued', 'admitted', 'answered',
];

/** Russian/Ukrainian/Belarusian attribution after a quote normally takes a dash and lower case; these cover inversions. */
const CYR_SPEECH_VERBS = [
  'сказал', 'сказала', 'заявил', 'заявила', 'добавил', 'добавила', 'отметил', 'отметила', 'сообщил',
  'сообщила', 'спросил', 'спросила', 'написал', 'написала', 'подчеркнул', 'подчеркнула',
  'сказав', 'заявив', 'додав', 'зазначив', 'сказаў', 'заявіў', 'дадаў', 'адзначыў', 'напісаў',
];

const LATIN: Partial<Record<keyof AbbrRules, readonly string[]>> = {
  neverEnd: EN_NEVER_END,
  beforeNumber: EN_BEFORE_NUMBER,
  ambiguous: EN_AMBIGUOUS,
  starters: EN_STARTERS,
  speechVerbs: EN_SPEECH_VERBS,
};

const CYRILLIC: Partial<Record<keyof AbbrRules, readonly string[]>> = {
  neverEnd: CYR_NEVER_END,
  beforeNumber: CYR_BEFORE_NUMBER,
  afterNumber: CYR_AFTER_NUMBER,
  afterConjunction: CYR_AFTER_CONJUNCTION,
  conjunctions: CYR_CONJUNCTIONS,
  ambiguous: CYR_AMBIGUOUS,
  mayEnd: CYR_MAY_END,
  starters: CYR_STARTERS,
  speechVerbs: CYR_SPEECH_VERBS,
};

/** English-only rules: Cyrillic tables cannot match Latin text, but they would only cost lookups. */
const EN_RULES = build([LATIN]);
/** Cyrillic-script languages keep the Latin tables too: news in Russian quotes `Inc.` and `Mr.`. */
const ALL_RULES = build([CYRILLIC, LATIN]);

/** The abbreviation rules for `lang`; `und` and the Cyrillic languages get every table. */
export function rulesFor(lang: Lang): AbbrRules {
  return lang === 'en' ? EN_RULES : ALL_RULES;
}
