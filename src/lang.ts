/**
 * Language identification for palign: English, Russian, Belarusian, Ukrainian, or `und`.
 *
 * Two kinds of evidence are combined:
 * - Script: the share of Latin vs Cyrillic letters decides which family is being looked at.
 * - Cyrillic: a Poisson model over the letters that tell the three East Slavic languages
 *   apart (і ў ї є ґ и щ ъ ы э ё and the apostrophe inside words), each with its usual rate
 *   per 1000 letters in each language, plus franc's trigram scores restricted to the same
 *   languages. The letters are decisive on anything longer than a phrase; franc breaks ties
 *   on very short text. Bulgarian is modelled too, so Bulgarian text comes out `und`, not `ru`.
 * - Latin: franc over English and a set of common Latin-script languages; anything but
 *   English is `und`, and so is text whose letters carry many diacritics.
 * A document is judged on all its text of the dominant script at once (pooled evidence is
 * strongest); paragraphs are judged one by one to report shares and mixing.
 */
import { francAll } from 'franc';
import { isCommonEnglishWord } from './text/english-words.js';
import type { Lang, LangGuess } from './types.js';

/** Fewer letters than this is not enough text to say anything. */
const MIN_LETTERS = 3;
/** Confidence grows with the amount of text up to this many letters (about two sentences). */
const FULL_CONFIDENCE_LETTERS = 120;
/** A paragraph with at least this many letters (and a confident verdict) counts for mixing. */
const SUBSTANCE_LETTERS = 50;
const SUBSTANCE_CONFIDENCE = 0.5;
/** Paragraphs in another language must hold at least this share of the letters to make a text mixed. */
const MIXED_MIN_SHARE = 0.05;
/** Rate (per 1000 letters) for a letter a language does not have: quoted names and typos still occur. */
const ABSENT = 0.05;
/** Weight of franc's normalised score (0..1) against the letter model's log-likelihood. */
const FRANC_WEIGHT = 8;
/** English almost never uses diacritics; a higher share of accented Latin letters means another language. */
const MAX_ENGLISH_DIACRITIC_SHARE = 0.01;
/** Diacritics below this count are loanwords and names (café, Türkiye), not a foreign language. */
const MIN_FOREIGN_DIACRITICS = 3;
/**
 * On short text franc's Latin trigrams waver; if this share of the words are English-only
 * function words and franc rates English at least {@link MIN_ENGLISH_SCORE}, it is English.
 */
const MIN_FUNCTION_WORD_SHARE = 0.2;
const MIN_ENGLISH_SCORE = 0.75;
/** Function words that no other common Latin-script language shares (so not `in`, `is`, `was`, `an`, `on`, `a`). */
const ENGLISH_FUNCTION_WORDS = new Set(['the', 'and', 'of', 'to', 'you', 'your', 'that', 'with', 'this', 'these',
  'have', 'has', 'had', 'not', 'but', 'are', 'were', 'be', 'been', 'they', 'their', 'them', 'we', 'our', 'he',
  'his', 'she', 'her', 'it', 'its', 'which', 'who', 'would', 'will', 'said', 'from', 'by', 'or', 'did', "didn't",
  "don't", "it's", 'what', 'when', 'there', 'about', 'one', 'all', 'can', 'could', 'should', 'my', 'me', 'if',
  'than', 'been', 'also', 'after', 'more', 'some', 'into', 'out', 'up', 'over', 'how', 'why', 'where', 'well',
  'wait', 'come', 'yes', 'just', 'now', 'very', 'only', 'any', 'because', 'while']);
/**
 * franc's margins shrink as text grows, so they make a poor confidence for English. Function
 * words do better: English news prose has about this share of them (NTREX-128 fixture: ~0.3).
 */
const EXPECTED_FUNCTION_WORD_SHARE = 0.25;
/** Confidence floor when franc alone (no function words, e.g. a headline of names) says English. */
const FRANC_ONLY_CONFIDENCE = 0.3;
/**
 * Dictionary evidence for short Latin text, where franc's trigrams waver (`Killer Pig Mauls
 * Chinese Farmer to Death` ranks Danish first). Words that are neither common English words nor
 * capitalised (names) are another language's words: English below this share of known words
 * among the non-names is not English, whatever franc says.
 */
const MIN_KNOWN_SHARE = 0.5;
/** With at least this share of known words among the non-names, the text reads as English… */
const LEXICAL_KNOWN_SHARE = 0.7;
/** …if names do not swamp it (known words among all words)… */
const LEXICAL_MIN_ALL_SHARE = 0.4;
/** …it has this many known words (`Was nun?` has two: German `was`, `nun` are English words too)… */
const LEXICAL_MIN_KNOWN = 3;
/** …and franc does not rule English out (its score relative to the best Latin language). */
const LEXICAL_MIN_ENGLISH_SCORE = 0.6;
/** Words shorter than this (initials, `m`, `K`) say nothing about the language. */
const MIN_WORD_LETTERS = 2;

type Cyrillic = 'ru' | 'be' | 'uk' | 'bg';

/** franc's codes for the languages compared in each script. */
const FRANC_CYRILLIC: Record<string, Cyrillic> = { rus: 'ru', bel: 'be', ukr: 'uk', bul: 'bg' };
/** English and common Latin-script languages, so that German or French is not forced into English. */
const FRANC_LATIN = ['eng', 'deu', 'fra', 'spa', 'ita', 'por', 'nld', 'pol', 'ces', 'swe', 'dan', 'nob', 'fin',
  'hun', 'ron', 'tur', 'hrv'];

/** Letters (and the in-word apostrophe, as `'`) whose rates tell the Cyrillic languages apart. */
const DIAGNOSTIC = ['і', 'ў', 'ї', 'є', 'ґ', 'и', 'щ', 'ъ', 'ы', 'э', 'ё', 'ь', "'"] as const;
type Diagnostic = (typeof DIAGNOSTIC)[number];

/**
 * Usual rate per 1000 Cyrillic letters of each diagnostic letter (standard letter frequencies;
 * checked against the NTREX fixture). Missing entries are letters the language does not have.
 */
const RATES: Record<Cyrillic, Partial<Record<Diagnostic, number>>> = {
  ru: { 'и': 75, 'щ': 4, 'ъ': 0.3, 'ы': 18, 'э': 3, 'ё': 0.5, 'ь': 14 },
  be: { 'і': 55, 'ў': 25, 'ы': 43, 'э': 15, 'ё': 4, 'ь': 13, "'": 1 },
  uk: { 'і': 60, 'ї': 6, 'є': 5, 'ґ': 0.2, 'и': 58, 'щ': 6, 'ь': 15, "'": 1.5 },
  // Bulgarian writes ь only before о (шофьор), hence its low rate.
  bg: { 'и': 80, 'щ': 6, 'ъ': 25, 'ь': 0.5 },
};
/**
 * Log prior (nats) per language. palign's input is EN/RU/BE/UK news, so Bulgarian must be
 * clearly evident: a Bulgarian text of any length has dozens of ъ, while a two-sentence
 * Russian text without ы or ь would otherwise be a coin toss against it.
 */
const LOG_PRIOR: Record<Cyrillic, number> = { ru: 0, be: 0, uk: 0, bg: -4 };
/**
 * Short function words each of which only some of the languages write: decisive on a sentence
 * or two that lacks the tell-tale letters (`Вони сказали, що справа закрита` has no і, ї or є;
 * `Это был сложный год` has the э and ы Belarusian writes more often than Russian). Content
 * words are left out: they are shared as loans and names. The `bg` list stands for the other
 * Cyrillic languages (Bulgarian, Macedonian, Serbian, Kazakh, Kyrgyz, Mongolian) when a short
 * text lacks their own letters; words Russian also writes (`да`, `у`, the `е` of `т. е.`) are not in it.
 */
const FUNCTION_WORDS: Record<Cyrillic, readonly string[]> = {
  ru: ['и', 'с', 'что', 'это', 'он', 'она', 'оно', 'они', 'был', 'была', 'были', 'было', 'или', 'уже', 'еще', 'ещё',
    'чтобы', 'также', 'если', 'только', 'когда', 'его', 'ее', 'её', 'тобой', 'очень', 'сейчас', 'кто', 'где', 'этот',
    'эта', 'мы', 'вы', 'меня', 'него', 'нет', 'будет', 'будем', 'быть', 'теперь', 'всегда', 'почему', 'потому',
    'однако', 'даже', 'лишь', 'от', 'из', 'со', 'который', 'которая', 'которые', 'которого', 'такой', 'этого', 'этом',
    'эти', 'может', 'можно', 'надо', 'нужно', 'сказал', 'говорит', 'ничего', 'тогда', 'здесь'],
  uk: ['з', 'й', 'що', 'це', 'вони', 'було', 'був', 'була', 'були', 'чи', 'вже', 'ще', 'щоб', 'цей', 'ця', 'ці', 'дуже',
    'також', 'тобою', 'але', 'як', 'хто', 'де', 'коли', 'якщо', 'тільки', 'його', 'її', 'ми', 'ви', 'вона', 'воно',
    'мене', 'буде', 'будемо', 'бути', 'немає', 'треба', 'зараз', 'тепер', 'чому', 'бо', 'проте', 'лише', 'який', 'яка',
    'яке', 'які', 'такий', 'така', 'такі', 'цього', 'цьому', 'цих', 'може', 'можна', 'має', 'мають', 'завжди', 'щось',
    'сказав', 'каже', 'от'],
  be: ['з', 'й', 'што', 'гэта', 'яны', 'яна', 'ён', 'каб', 'ужо', 'яшчэ', 'таксама', 'вельмі', 'табой', 'цяпер', 'але',
    'як', 'хто', 'дзе', 'калі', 'толькі', 'яго', 'яе', 'ці', 'мы', 'вы', 'было', 'яно', 'мяне', 'цябе', 'сябе', 'будзе',
    'будзем', 'быць', 'няма', 'трэба', 'таму', 'чаму', 'бо', 'нават', 'пасля', 'ад', 'праз', 'паміж', 'які', 'такі',
    'можа', 'можна', 'вось', 'гэты', 'гэтага', 'ёсць', 'дык', 'нешта', 'са'],
  bg: ['че', 'това', 'ще', 'със', 'във', 'които', 'който', 'която', 'което', 'тези', 'беше', 'бяха', 'като', 'са', 'се',
    'дека', 'тоа', 'многу', 'сите', 'од', 'деп', 'менен', 'жана', 'бул', 'энэ', 'байна', 'юм', 'гэж', 'нь'],
};
/**
 * Log-likelihood bonus (nats) per occurrence of a language's function word: a word the other
 * languages do not write outweighs the letter counts of a short sentence, not of a paragraph.
 */
const FUNCTION_WORD_WEIGHT = 3;
/** Each function word and the languages that write it. */
const FUNCTION_WORD_LANGS: ReadonlyMap<string, readonly Cyrillic[]> = (() => {
  const map = new Map<string, Cyrillic[]>();
  for (const [lang, words] of Object.entries(FUNCTION_WORDS) as Array<[Cyrillic, readonly string[]]>) {
    for (const word of words) map.set(word, [...(map.get(word) ?? []), lang]);
  }
  return map;
})();

/**
 * Cyrillic letters that none of these languages use (Serbian ђ ј, Macedonian ѓ ќ, Kazakh қ ә,
 * Tajik ҷ ӣ, Tatar җ, Mongolian ө ү…): any letter of the Cyrillic blocks outside the Russian,
 * Belarusian and Ukrainian alphabets. Their presence means `und`.
 */
const FOREIGN_CYRILLIC = /(?![А-Яа-яЁёІіЎўЇїЄєҐґ])[\u0400-\u052F]/gu;
/** Share of foreign Cyrillic letters above which the text is another Cyrillic language. */
const MAX_FOREIGN_CYRILLIC_SHARE = 0.005;

interface Verdict {
  lang: Lang;
  confidence: number;
  letters: number;
}

/** Language of a whole text: pooled verdict on its dominant script, plus per-paragraph shares and mixing. */
export function detectLanguage(text: string): LangGuess {
  const paragraphs = splitForDetection(text).map((p) => ({ text: p, ...judge(p) }));
  const total = paragraphs.reduce((sum, p) => sum + p.letters, 0);
  if (total < MIN_LETTERS) return { lang: 'und', confidence: 0, mixed: false, shares: {} };
  const shares: Partial<Record<Lang, number>> = {};
  for (const p of paragraphs) shares[p.lang] = (shares[p.lang] ?? 0) + p.letters / total;

  const cyrillic = paragraphs.filter((p) => isCyrillicMajority(p.text));
  const latin = paragraphs.filter((p) => !isCyrillicMajority(p.text));
  const lettersOf = (ps: typeof paragraphs) => ps.reduce((sum, p) => sum + p.letters, 0);
  const family = lettersOf(cyrillic) >= lettersOf(latin) ? cyrillic : latin;
  const pooled = judge(family.map((p) => p.text).join('\n'));
  const familyShare = lettersOf(family) / total;

  const disagreeing = paragraphs.filter((p) => p.letters >= SUBSTANCE_LETTERS
    && p.confidence >= SUBSTANCE_CONFIDENCE && p.lang !== pooled.lang);
  const mixed = lettersOf(disagreeing) / total >= MIXED_MIN_SHARE;
  return { lang: pooled.lang, confidence: round(pooled.confidence * familyShare), mixed, shares: roundAll(shares) };
}

/** Each paragraph's language, confidence and letter count (`chars`), in order. Blank lines separate paragraphs. */
export function detectParagraphs(text: string): Array<{ lang: Lang; confidence: number; chars: number }> {
  return splitForDetection(text).map((p) => {
    const v = judge(p);
    return { lang: v.lang, confidence: round(v.confidence), chars: v.letters };
  });
}

function splitForDetection(text: string): string[] {
  return text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
}

function countMatches(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

function isCyrillicMajority(text: string): boolean {
  return countMatches(text, /\p{Script=Cyrillic}/gu) > countMatches(text, /\p{Script=Latin}/gu);
}

/** Verdict on one piece of text, by the script most of its letters are in. */
function judge(text: string): Verdict {
  const cyrillic = countMatches(text, /\p{Script=Cyrillic}/gu);
  const latin = countMatches(text, /\p{Script=Latin}/gu);
  const letters = countMatches(text, /\p{L}/gu);
  if (letters < MIN_LETTERS) return { lang: 'und', confidence: 0, letters };
  const scriptShare = Math.max(cyrillic, latin) / letters;
  const verdict = cyrillic > latin ? judgeCyrillic(text, cyrillic) : latin > 0 ? judgeLatin(text, latin) : { lang: 'und' as Lang, confidence: 0 };
  const amount = Math.min(1, letters / FULL_CONFIDENCE_LETTERS);
  return { lang: verdict.lang, confidence: verdict.confidence * scriptShare * amount, letters };
}

/** Counts of each diagnostic letter (lower-cased; the apostrophe only between Cyrillic letters). */
function diagnosticCounts(text: string): Record<Diagnostic, number> {
  const lower = text.toLowerCase();
  const counts = Object.fromEntries(DIAGNOSTIC.map((d) => [d, 0])) as Record<Diagnostic, number>;
  for (const ch of lower) if (ch in counts) counts[ch as Diagnostic]++;
  counts["'"] = countMatches(lower, /(?<=\p{Script=Cyrillic})['’ʼ](?=\p{Script=Cyrillic})/gu);
  return counts;
}

/** How many of the words of `text` are function words of each language (a shared word counts for each). */
function functionWordCounts(text: string): Map<Cyrillic, number> {
  const counts = new Map<Cyrillic, number>();
  for (const word of text.toLowerCase().match(/\p{Script=Cyrillic}+/gu) ?? []) {
    for (const lang of FUNCTION_WORD_LANGS.get(word) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  return counts;
}

/** Poisson log-likelihood (up to a constant shared by all languages) of the diagnostic counts. */
function letterLogLikelihood(counts: Record<Diagnostic, number>, letters: number, lang: Cyrillic): number {
  let sum = 0;
  for (const d of DIAGNOSTIC) {
    const lambda = (letters * (RATES[lang][d] ?? ABSENT)) / 1000;
    sum += counts[d] * Math.log(lambda) - lambda;
  }
  return sum;
}

/** Russian, Belarusian or Ukrainian (Bulgarian and other Cyrillic languages → `und`). */
function judgeCyrillic(text: string, cyrillicLetters: number): { lang: Lang; confidence: number } {
  if (countMatches(text, FOREIGN_CYRILLIC) / cyrillicLetters > MAX_FOREIGN_CYRILLIC_SHARE) return { lang: 'und', confidence: 0.5 };
  const franc = new Map(francAll(text, { only: Object.keys(FRANC_CYRILLIC), minLength: 1 })
    .map(([code, score]) => [FRANC_CYRILLIC[code], score] as const));
  const counts = diagnosticCounts(text);
  const words = functionWordCounts(text);
  const scores = (Object.keys(RATES) as Cyrillic[]).map((lang) => ({
    lang,
    score: LOG_PRIOR[lang] + letterLogLikelihood(counts, cyrillicLetters, lang) + FRANC_WEIGHT * (franc.get(lang) ?? 0)
      + FUNCTION_WORD_WEIGHT * (words.get(lang) ?? 0),
  }));
  const posterior = softmax(scores.map((s) => s.score));
  const order = posterior.map((p, i) => ({ p, lang: scores[i].lang })).sort((a, b) => b.p - a.p);
  const [best, second] = order;
  return { lang: best.lang === 'bg' ? 'und' : best.lang, confidence: best.p - second.p };
}

/** English or `und`: franc among common Latin languages, helped by function words and a dictionary, vetoed by diacritics. */
function judgeLatin(text: string, latinLetters: number): { lang: Lang; confidence: number } {
  const ranked = francAll(text, { only: FRANC_LATIN, minLength: 1 });
  const [top] = ranked;
  if (!top || top[0] === 'und') return { lang: 'und', confidence: 0 };
  const englishScore = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  const accented = countMatches(text, /(?![a-zA-Z])\p{Script=Latin}/gu);
  const foreignLetters = accented >= MIN_FOREIGN_DIACRITICS && accented / latinLetters > MAX_ENGLISH_DIACRITIC_SHARE;
  const functionWords = englishFunctionWordShare(text);
  const lexicon = englishLexicon(text);
  const english = !foreignLetters && readsAsEnglish(lexicon)
    && (top[0] === 'eng' || (functionWords >= MIN_FUNCTION_WORD_SHARE && englishScore >= MIN_ENGLISH_SCORE)
      || isLexicallyEnglish(lexicon, englishScore));
  const englishness = Math.min(1, functionWords / EXPECTED_FUNCTION_WORD_SHARE);
  if (english) return { lang: 'en', confidence: FRANC_ONLY_CONFIDENCE + (1 - FRANC_ONLY_CONFIDENCE) * englishness };
  return { lang: 'und', confidence: foreignLetters ? 1 : 1 - englishness };
}

/** Word counts of a Latin text: all words, common English words, and names (capitalised, not common words). */
interface EnglishLexicon { words: number; known: number; names: number }

/** Counts the words of `text` (possessive `'s` dropped, initials skipped) against the common English word list. */
function englishLexicon(text: string): EnglishLexicon {
  const words = (text.match(/\p{Script=Latin}+(?:['’]\p{Script=Latin}+)*/gu) ?? [])
    .map((w) => w.replace(/['’]s$/u, ''))
    .filter((w) => w.length >= MIN_WORD_LETTERS);
  let known = 0;
  let names = 0;
  for (const word of words) {
    if (isCommonEnglishWord(word)) known++;
    else if (/^\p{Lu}/u.test(word)) names++;
  }
  return { words: words.length, known, names };
}

/** False when the text has no English word at all, or too many lower-case words English does not have. */
function readsAsEnglish({ words, known, names }: EnglishLexicon): boolean {
  return known > 0 && known / Math.max(1, words - names) >= MIN_KNOWN_SHARE;
}

/** A short text (a headline, a caption) made of common English words, which franc may rank below a neighbour. */
function isLexicallyEnglish({ words, known, names }: EnglishLexicon, englishScore: number): boolean {
  return known >= LEXICAL_MIN_KNOWN && known / Math.max(1, words - names) >= LEXICAL_KNOWN_SHARE
    && known / words >= LEXICAL_MIN_ALL_SHARE && englishScore >= LEXICAL_MIN_ENGLISH_SCORE;
}

/** Share of the words of `text` that are English-only function words. */
function englishFunctionWordShare(text: string): number {
  const words = text.toLowerCase().match(/[a-z]+(?:['’][a-z]+)?/g) ?? [];
  if (words.length === 0) return 0;
  return words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w.replace('’', "'"))).length / words.length;
}

function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** Three decimals are plenty for a confidence or share and keep outputs readable. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function roundAll(shares: Partial<Record<Lang, number>>): Partial<Record<Lang, number>> {
  return Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, round(v ?? 0)]));
}
