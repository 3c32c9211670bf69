/**
 * Name check: a proper name or acronym on one side with no transliterated counterpart
 * anywhere on the other side (`Moscow (Москве) added in Russian`). Counterparts are looked
 * for among all words of the other side, lower-case ones too, because Russian writes
 * nationality adjectives and titles in lower case (`Belarusian` ~ `белорусский`).
 */
import { COGNATE_THRESHOLD, cognateSimilarity, exonymKey, isCyrillic, nameKey, transliterate } from '../text/translit.js';
import { knownNames, nameCandidates, stem, words, type Token } from '../text/tokens.js';
import type { Lexicon } from '../align/lexicon.js';
import { soundAlike } from '../text/phonetic.js';
import { isCommonEnglishWord } from '../text/english-words.js';
import { LANGUAGE, type CorpusVocabulary, type Flag, type NameContext, type Side } from './types.js';

/**
 * English words capitalised in titles and institution names that are common nouns in Russian
 * (`Union State` → `Союзного государства`): no transliteration can be expected for them.
 */
const TITLE_WORDS = new Set([
  'president', 'presidential', 'prime', 'minister', 'ministry', 'ministers', 'government', 'state', 'states',
  'union', 'council', 'supreme', 'high', 'court', 'parliament', 'parliamentary', 'assembly', 'house',
  'senate', 'chamber', 'committee', 'commission', 'department', 'office', 'agency', 'service', 'services',
  'bureau', 'board', 'federation', 'federal', 'republic', 'kingdom', 'united', 'national', 'international',
  'central', 'general', 'secretary', 'chairman', 'chair', 'deputy', 'head', 'chief', 'governor', 'mayor',
  'king', 'queen', 'prince', 'princess', 'emperor', 'pope', 'saint', 'st', 'lord', 'sir', 'lady',
  'ambassador', 'embassy', 'army', 'navy', 'forces', 'force', 'police', 'guard', 'border', 'security',
  'defence', 'defense', 'foreign', 'affairs', 'interior', 'justice', 'finance', 'health', 'education',
  'industry', 'trade', 'economy', 'economic', 'energy', 'culture', 'sports', 'sport', 'transport',
  'agriculture', 'emergency', 'emergencies', 'development', 'bank', 'party', 'church', 'university',
  'college', 'school', 'academy', 'institute', 'museum', 'theatre', 'theater', 'library', 'hospital',
  'company', 'corporation', 'group', 'plant', 'factory', 'works', 'motor', 'motors', 'airlines', 'airport',
  'station', 'street', 'square', 'avenue', 'road', 'bridge', 'river', 'lake', 'sea', 'ocean', 'mountains',
  'island', 'islands', 'region', 'regional', 'district', 'province', 'county', 'city', 'town', 'village',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'day', 'year', 'week',
  'cup', 'championship', 'games', 'olympic', 'olympics', 'festival', 'forum', 'summit', 'conference',
  'war', 'world', 'great', 'patriotic', 'victory', 'independence', 'constitution', 'constitutional',
  'treaty', 'agreement', 'act', 'law', 'code', 'award', 'prize', 'order', 'medal', 'hero', 'new', 'old',
  'first', 'second', 'third', 'communist', 'democratic', 'socialist', 'labour', 'labor', 'conservative',
  'liberal', 'god', 'lord', 'christmas', 'easter', 'internet', 'member', 'members', 'leader', 'people',
  'white', 'black', 'red', 'green', 'blue', 'pacific', 'atlantic', 'nations', 'judiciary', 'justice', 'mount',
  'congress', 'league', 'premier',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'prof', 'col', 'gen', 'sen', 'sens', 'gov', 'rep', 'reps', 'lt', 'sgt', 'capt', 'jr', 'sr',
  'judge', 'senator', 'senators', 'congressman', 'congresswoman', 'representative', 'representatives',
  'investigative', 'prosecutor', 'prosecutor-general', 'attorney', 'information', 'news', 'press',
]);

/** How many leading characters of two name keys must be identical for an inflected or derived form (`Putin` ~ `путинский`). */
const PREFIX_LENGTH = 5;
/** Shortest stem left after cutting an adjective suffix; shorter stems match too much. */
const MIN_ADJ_STEM = 4;
/** English and Russian (transliterated) nationality/derivation suffixes (`Armenian` ~ `армянский`). */
const EN_ADJ_SUFFIX = /(?:ians?|eans?|ans?|ese|ish|ic|i)$/;
const RU_ADJ_SUFFIX = /(?:sk|tsk|ck|ts)[a-z]{0,4}$/;
/** Words that may sit inside an acronym's spelled-out form without a capital (`Council of the Union`). */
const ACRONYM_MAX = 6;
const ACRONYM = /^[\p{Lu}\d-]{2,}$/u;
/** English nationality/derived adjectives (`Scottish`, `Korean`, `Mexican`; not any `-an`, which names end in too): Russian renders many with another stem, so only info. */
const EN_ADJECTIVE = /(?:ish|ese|ian|ean|ican|ic)$/;
/** English possessive ending, not part of the name (`Russia's`). */
const POSSESSIVE = /['’](?:s|m|ve|ll|d|re|t)?$/;
/**
 * Russian adjective endings: a capitalised Russian adjective without counterpart is usually the
 * first word of an institution's name (`Союзного государства` ~ `Union State`), so only info.
 */
const RU_ADJECTIVE = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими)$/u;

/** Cuts an adjective suffix from a name key when enough stem is left. */
function adjectiveStem(key: string): string {
  const cut = key.replace(RU_ADJ_SUFFIX, '').replace(EN_ADJ_SUFFIX, '');
  return cut.length >= MIN_ADJ_STEM ? cut : key;
}

/** Levenshtein-free similarity of two short stems: 1 - edits / longer length (via cognateSimilarity on keys). */
function stemsAgree(a: string, b: string): boolean {
  return a.length >= MIN_ADJ_STEM && b.length >= MIN_ADJ_STEM && cognateSimilarity(a, b) >= COGNATE_THRESHOLD;
}

/** True when `word` on the other side can be the counterpart of name `name`. */
export function sameName(name: string, word: string): boolean {
  const key = `${name}\u0000${word}`;
  let same = sameNameMemo.get(key);
  if (same === undefined) {
    if (sameNameMemo.size >= SAME_NAME_MEMO_LIMIT) sameNameMemo.clear();
    same = compareNames(name, word);
    sameNameMemo.set(key, same);
  }
  return same;
}

/** Memo of `sameName`: a document compares the same names with the same words many times; cleared past this size. */
const SAME_NAME_MEMO_LIMIT = 200000;
const sameNameMemo = new Map<string, boolean>();

/** The uncached comparison behind `sameName`. */
function compareNames(name: string, word: string): boolean {
  name = name.replace(POSSESSIVE, '').replace(/\./g, '');
  word = word.replace(POSSESSIVE, '').replace(/\./g, '');
  const capital = /^\p{Lu}/u.test(word);
  if (soundAlike(name, word, capital) || soundAlike(word, name, capital)) return true;
  if (cognateSimilarity(name, word) >= COGNATE_THRESHOLD) return true;
  const a = nameKey(name);
  const b = nameKey(word);
  if (a.length >= PREFIX_LENGTH && b.length >= PREFIX_LENGTH && a.slice(0, PREFIX_LENGTH) === b.slice(0, PREFIX_LENGTH)) return true;
  return stemsAgree(adjectiveStem(a), adjectiveStem(b)) || nationalAgree(a, b);
}

/** Share of the shorter country stem two adjectives must begin with alike (`korea` ~ `korey`). */
const NATIONAL_SHARE = 0.8;

/** The country stem of an adjective key: `korean` → `korea`, `chilean` → `chile`, `koreysky` → `korey`. */
function nationalStem(key: string): string {
  const cut = key.replace(/(?<=[ie]a)n$/, '').replace(RU_ADJ_SUFFIX, '');
  return cut.length >= MIN_ADJ_STEM ? cut : key;
}

/** Length of the common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * True when keys `a` and `b` are adjectives of one country, the Russian one perhaps a compound
 * (`korean` ~ `koreysky`, `korean` ~ `severokoreyskih` via the linking vowel of `северо-`).
 */
function nationalAgree(a: string, b: string): boolean {
  const x = nationalStem(a);
  const y = nationalStem(b);
  const alike = (p: string, q: string) => commonPrefix(p, q) >= Math.max(MIN_ADJ_STEM, NATIONAL_SHARE * Math.min(p.length, q.length));
  return alike(x, y) || compoundPart(x, y) || compoundPart(y, x);
}

/** Shortest first part of a Russian compound adjective (`северо-`, `южно-`, `ново-`). */
const MIN_COMPOUND_HEAD = 3;

/**
 * True when `key` is a Russian compound adjective whose second part is `nameStem`, joined by
 * the linking vowel (`severokoreyskikh` ~ `kore` of `Korean`, `yuzhnoafrikanskiy` ~ `afrik`).
 */
function compoundPart(nameStem: string, key: string): boolean {
  if (nameStem.length < MIN_ADJ_STEM) return false;
  for (let n = MIN_ADJ_STEM; n <= nameStem.length; n++) {
    const at = key.indexOf(nameStem.slice(0, n), MIN_COMPOUND_HEAD + 1);
    if (at > MIN_COMPOUND_HEAD && /[oe]/.test(key[at - 1]) && commonPrefix(nameStem, key.slice(at)) >= NATIONAL_SHARE * nameStem.length) return true;
  }
  return false;
}

/** The runs of two or more consecutive capitalised words of `text` (a spelled-out acronym is such a run). */
function capitalisedRuns(text: string): string[][] {
  const runs: string[][] = [];
  let run: string[] = [];
  let lastEnd = -1;
  for (const w of words(text)) {
    const capital = /^\p{Lu}/u.test(w.text);
    const adjacent = lastEnd >= 0 && /^\s+$/.test(text.slice(lastEnd, w.start));
    if (capital && adjacent && run.length > 0) run.push(w.text);
    else {
      if (run.length > 1) runs.push(run);
      run = capital ? [w.text] : [];
    }
    lastEnd = w.end;
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/**
 * True when a run of capitalised words reads as an institution's name, which news abbreviates:
 * it has an English title word (`Supreme State Council`) or a Russian adjective (`Соединенные Штаты`).
 * A person's name (`Donald Trump`) or a sentence start (`But Flake`) is no such run.
 */
function institutionRun(run: string[]): boolean {
  return run.some((w) => TITLE_WORDS.has(w.toLowerCase()) || (isCyrillic(w) && RU_ADJECTIVE.test(w.toLowerCase())));
}

/** True when acronym `acr` may stand for an institution's run of capitalised words on the other side (`ВГС` ~ `Supreme State Council`). */
function acronymSpelledOut(acr: string, otherRuns: string[][]): boolean {
  const letters = acronymLetters(acr);
  return letters <= ACRONYM_MAX && otherRuns.some((r) => institutionRun(r) && Math.abs(r.length - letters) <= 1);
}

/** Shortest non-acronym name checked: two-letter capitalised words are mostly abbreviations (`Св`, `Mr`). */
const MIN_NAME_LETTERS = 3;
/** Pronouns and auxiliaries that survive as capitalised tokens with a clitic (`I'm`, `I've`). */
const CLITIC_HOSTS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'there', 'let', 'don', 'can', 'won', 'what',
  'didn', 'doesn', 'isn', 'wasn', 'aren', 'weren', 'couldn', 'wouldn', 'shouldn', 'hasn', 'haven', 'hadn', 'ain', 'who', 'here']);

/** Articles and particles inside names (`Der Spiegel`, `van Gogh`): the name is the rest, which the other side may render without them. */
const NAME_PARTICLES = new Set(['der', 'die', 'das', 'den', 'van', 'von', 'del', 'della', 'des', 'dos', 'los', 'las', 'ibn']);

/**
 * The name candidates of one side, without words the document writes in lower case and without
 * title words, unless `renderedTitle` says the document renders that one by sound (`West` ~
 * `Уэст` for Kanye West, where `west` is usually translated).
 */
function candidates(text: string, known: ReadonlySet<string>, lower: ReadonlySet<string>, renderedTitle: (w: string) => boolean): Token[] {
  const out: Token[] = [];
  for (const t of nameCandidates(text, known)) {
    // The name without its clitic (`FBI's` is the acronym `FBI`, which `ФБР` can answer).
    const base = t.text.replace(POSSESSIVE, '');
    const l = base.toLowerCase();
    const name = { text: base, start: t.start, end: t.start + base.length };
    if (CURRENCY_COUNTRY.test(text.slice(0, t.start))) continue;
    if (ACRONYM.test(base)) out.push(name);
    else if (base.length < MIN_NAME_LETTERS || CLITIC_HOSTS.has(l) || NAME_PARTICLES.has(l)) continue;
    else if ((!TITLE_WORDS.has(l) || renderedTitle(base)) && !lower.has(l) && !/^(?:\p{Lu}\.)+$/u.test(base)) out.push(name);
  }
  return out;
}

/** A currency just before a word: `долларов США` names the currency (the English `$`), not the country. */
const CURRENCY_COUNTRY = /(?:доллар\p{L}*|долл\.)\s*$/u;

/** Dotted acronyms (`U.S.`) of `text` as one word each, without dots (`US`), so that `США` can meet them. */
function dottedAcronyms(text: string): string[] {
  return [...text.matchAll(/(?<!\p{L})(?:\p{Lu}\.){2,}/gu)].map((m) => m[0].replace(/\./g, ''));
}

/** How a Russian name reads in English: the exonym when known (`Москве` → `Moscow`), else its transliteration. */
function latinForm(word: string): string {
  const key = exonymKey(word);
  const latin = key ?? transliterate(word);
  return key && key.length <= 3 ? key.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** Merges missing names separated only by spaces into one multi-word name (`Aleksandr Lukashenko`). */
function mergeAdjacent(text: string, tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && /^\s+$/.test(text.slice(last.end, t.start))) out[out.length - 1] = { text: text.slice(last.start, t.end), start: last.start, end: t.end };
    else out.push(t);
  }
  return out;
}

/** Letters of an acronym (`U.S.` → 2). */
const acronymLetters = (acr: string) => acr.replace(/[^\p{L}]/gu, '').length;

/** Acronyms of `text`, dotted ones included. */
function acronyms(text: string): string[] {
  return [...words(text).map((w) => w.text.replace(POSSESSIVE, '')).filter((w) => ACRONYM.test(w)), ...dottedAcronyms(text)];
}

/** The run of capitalised words holding `token` in `text` (just the token when alone). */
export function runOf(text: string, token: Token): string[] {
  const before = text.slice(0, token.start).match(/(?:\p{Lu}[\p{L}-]*\s+)*$/u)?.[0] ?? '';
  const after = text.slice(token.end).match(/^(?:\s+\p{Lu}[\p{L}-]*)*/u)?.[0] ?? '';
  return [...(before.match(/\S+/g) ?? []), token.text, ...(after.match(/\S+/g) ?? [])];
}

/**
 * Letter counts of the acronyms of `theirs` that no word of `mine` already accounts for
 * (`США` is taken by `U.S.`, `СМИ` by `media`): only those are free to stand for another name of `mine`.
 */
function freeAcronyms(mine: string, theirs: string): number[] {
  const mineWords = counterpartWords(mine);
  return acronyms(theirs).filter((a) => !mineWords.some((w) => sameName(a, w) || abbreviationOf(a, w))).map(acronymLetters);
}

/**
 * True when `c` may correspond to an abbreviation on the other side: a free acronym (see
 * `freeAcronyms`) of the same length (`HIV` ~ `ВИЧ`), or an institution's run whose length
 * matches an acronym's letters (`ВГС` ~ `Supreme State Council`, `Соединенные Штаты` ~ `US`).
 */
function abbreviationCounterpart(mine: string, c: Token, theirs: string): boolean {
  const free = freeAcronyms(mine, theirs);
  if (ACRONYM.test(c.text)) {
    const n = acronymLetters(c.text);
    return free.includes(n) || acronymSpelledOut(c.text, freeRuns(mine, theirs));
  }
  const run = runOf(mine, c);
  return run.length > 1 && institutionRun(run) && free.some((n) => Math.abs(n - run.length) <= 1);
}

/**
 * The capitalised runs of `theirs` that `mine` does not itself hold word for word (`Fox News
 * Channel` on both sides is not free to stand for a `CNN` the other side dropped).
 */
function freeRuns(mine: string, theirs: string): string[][] {
  const mineWords = counterpartWords(mine);
  return capitalisedRuns(theirs).filter((run) => !run.every((w) => mineWords.some((m) => sameName(w, m))));
}

/** True when `text` has capitalised title words (`Cup`, `Supreme`) mid-sentence, which Russian may render as capitalised common nouns. */
function hasTitleWords(text: string): boolean {
  return words(text).some((w) => /^\p{Lu}/u.test(w.text) && TITLE_WORDS.has(w.text.toLowerCase()) && w.start > 0);
}

/** The words of `text` to look for counterparts in: all words, hyphenated parts (`Нью-Йорке`), dotted acronyms without dots. */
function counterpartWords(text: string): string[] {
  const all = words(text).map((w) => w.text);
  return [...all, ...all.filter((w) => w.includes('-')).flatMap((w) => w.split('-')), ...dottedAcronyms(text)];
}

/** Stem translations indexed both ways: English stem → Russian stems and back. */
interface LexiconIndex {
  en: Map<string, Set<string>>;
  ru: Map<string, Set<string>>;
}

/** Indexes of lexicons already seen: a corpus's lexicon is indexed once, not per pair. */
const lexiconIndexes = new WeakMap<Lexicon, LexiconIndex>();

/** An entry is used only when its weight is at least this share of the best one of its source and of its target stem. */
const MUTUAL_SHARE = 0.9;

/**
 * The two-way index of `lexicon`, built on first use, with mutually best entries only: a name
 * co-occurs with its neighbours too (`Jeremy` with `Корбин`), but its neighbour's translation
 * is a better partner for that neighbour than for the name.
 */
function lexiconIndex(lexicon: Lexicon): LexiconIndex {
  let index = lexiconIndexes.get(lexicon);
  if (index) return index;
  const bestSrc = new Map<string, number>();
  const bestTgt = new Map<string, number>();
  for (const e of lexicon.entries) {
    bestSrc.set(e.src, Math.max(bestSrc.get(e.src) ?? 0, e.weight));
    bestTgt.set(e.tgt, Math.max(bestTgt.get(e.tgt) ?? 0, e.weight));
  }
  index = { en: new Map(), ru: new Map() };
  const add = (map: Map<string, Set<string>>, from: string, to: string) => map.set(from, (map.get(from) ?? new Set()).add(to));
  for (const e of lexicon.entries) {
    if (e.weight < MUTUAL_SHARE * (bestSrc.get(e.src) ?? 0) || e.weight < MUTUAL_SHARE * (bestTgt.get(e.tgt) ?? 0)) continue;
    add(index.en, e.src, e.tgt);
    add(index.ru, e.tgt, e.src);
  }
  lexiconIndexes.set(lexicon, index);
  return index;
}

/** True when a lexicon translation of `name`'s stem is among the stems of the other side's words. */
function translated(name: string, from: Side, theirStems: ReadonlySet<string>, lexicon?: Lexicon): boolean {
  if (!lexicon) return false;
  const targets = lexiconIndex(lexicon)[from].get(stem(name.replace(POSSESSIVE, '')));
  return targets !== undefined && [...targets].some((t) => theirStems.has(t));
}

/**
 * Stems of the words of `theirs` that are not the sound counterpart of a name of `mine`: a
 * surname always seen with its first name (`Lopez Obrador`) gets the first name's partner in
 * the lexicon, which must not stand in for the first name once that is dropped.
 */
function unclaimedStems(theirWords: string[], mineNames: Token[]): Set<string> {
  return new Set(theirWords.filter((w) => !mineNames.some((n) => sameName(n.text, w))).map(stem));
}

/**
 * Well-known abbreviations that one language writes as words (`PM` ~ `премьер-министр`,
 * `TV` ~ `телевидение`, `СМИ` ~ `media`): an acronym of one side matching `en` or `ru` has a
 * counterpart in any word of the other side matching the other pattern (Russian as stems).
 */
const ABBREVIATIONS: ReadonlyArray<{ en: RegExp; ru: RegExp }> = [
  { en: /^TVs?$/, ru: /^(?:теле|ТВ$)/i },
  { en: /^PMs?$/, ru: /^премьер/i },
  { en: /^MPs?$/, ru: /^(?:депутат|парламент)/i },
  { en: /^(?:MEPs?)$/, ru: /^(?:евродепутат|депутат|Европарламент)/i },
  { en: /^CEOs?$/, ru: /^(?:гендиректор|генеральн|директор|руководител|глав)/i },
  { en: /^(?:GOP)$/, ru: /^республикан/i },
  { en: /^AI$/, ru: /^(?:ИИ$|искусствен)/i },
  { en: /^HQs?$/, ru: /^штаб/i },
  { en: /^(?:NGOs?|non-?governmental|nongovernmental|non-?profits?)$/i, ru: /^(?:НКО$|НГО$|неправительств|некоммерч)/i },
  { en: /^PhDs?$/, ru: /^(?:доктор|кандидат|PhD)/i },
  { en: /^DNA$/, ru: /^ДНК$/ },
  { en: /^(?:UAE)$/, ru: /^(?:ОАЭ$|Эмират)/i },
  { en: /^(?:[ECMP][SD]T|BST|GMT|UTC|CET|CEST)$/, ru: /^(?:времен|местн|Гринвич|UTC$|GMT$|МСК$)/i },
  { en: /^(?:media|press|news|outlets?|journalists?|reports?)$/i, ru: /^СМИ$/ },
  { en: /^(?:navy|naval)$/i, ru: /^ВМ[ФС]$/ },
];

/** Russian names of the Latin letters, as acronyms are read out (`BBC` ~ `Би-би-си`, `CNN` ~ `Си-эн-эн`). */
const LETTER_NAMES: Record<string, string> = {
  a: 'эй', b: 'би', c: 'си', d: 'ди', e: 'и', f: 'эф', g: 'джи', h: 'эйч', i: 'ай', j: 'джей', k: 'кей', l: 'эль?',
  m: 'эм', n: 'эн', o: 'оу?', p: 'пи', q: 'кью', r: 'ар', s: 'эс', t: 'ти', u: 'ю', v: 'ви', w: 'дабл-?ю', x: 'экс', y: 'уай', z: 'зе[дт]',
};

/** True when Russian `word` reads Latin acronym `acr` out letter by letter (`Би-би-си` for `BBC`), case endings allowed. */
function spelledOut(acr: string, word: string): boolean {
  if (!isCyrillic(word) || !ACRONYM.test(acr) || /[^A-Z]/.test(acr)) return false;
  const pattern = [...acr.toLowerCase()].map((c) => `(?:${LETTER_NAMES[c]})`).join('-?');
  return new RegExp(`^${pattern}$`, 'u').test(word.toLowerCase());
}

/** True when `name` and the other side's `word` are an abbreviation and its rendering as words or letter names. */
function abbreviationOf(name: string, word: string): boolean {
  const [en, ru] = isCyrillic(name) ? [word, name] : [name, word];
  return spelledOut(en, ru) || ABBREVIATIONS.some((a) => a.en.test(en) && a.ru.test(ru));
}

/**
 * True when candidate `c` has a counterpart among `theirWords`: the whole word, an abbreviation
 * rendered as words, or for a hyphenated compound (`Kim-Trump`, `US-China`, `Netherlands-based`)
 * any capitalised part of it.
 */
function hasCounterpart(c: Token, theirWords: string[]): boolean {
  const name = c.text.replace(POSSESSIVE, '');
  const parts = name.includes('-') ? name.split('-').filter((p) => /^\p{Lu}/u.test(p) && p.length >= 2) : [];
  return [name, ...parts].some((n) => theirWords.some((w) => sameName(n, w) || abbreviationOf(n, w)));
}

/** Names of side `from` (text `mine`) with no counterpart in `theirs`, as flags. */
function missingNames(mine: string, theirs: string, from: Side, ctx: NameContext): Flag[] {
  const known = from === 'en' ? ctx.enKnown : ctx.ruKnown;
  const lower = from === 'en' ? ctx.enLower : ctx.ruLower;
  const corpusLower = ctx.corpus?.[from];
  const theirWords = counterpartWords(theirs);
  const mineNames = candidates(mine, known, lower, (w) => renderedElsewhere([w], from, ctx.units));
  const matched = mineNames.filter((c) => theirWords.some((w) => sameName(c.text, w)));
  const theirStems = unclaimedStems(theirWords, matched);
  const missing = mineNames.filter((c) =>
    !hasCounterpart(c, theirWords) && !abbreviationCounterpart(mine, c, theirs)
    && !translated(c.text, from, theirStems, ctx.lexicon));
  const other: Side = from === 'en' ? 'ru' : 'en';
  const titles = from === 'ru' && hasTitleWords(theirs);
  return mergeAdjacent(mine, missing).map((t) => {
    const shown = from === 'ru' && isCyrillic(t.text) ? `${t.text.split(/\s+/).map(latinForm).join(' ')} (${t.text})` : t.text;
    const message = from === 'en' ? `${shown} missing in ${LANGUAGE[other]}` : `${shown} added in ${LANGUAGE[from]}`;
    const parts = t.text.split(/\s+/);
    const adjective = from === 'ru' ? RU_ADJECTIVE : EN_ADJECTIVE;
    const titleWord = titles && parts.every((w) => exonymKey(w) === null);
    const common = corpusLower !== undefined && parts.every((w) => commonWord(w, corpusLower));
    const adjectival = parts.every((w) => adjective.test(w));
    // A common English word in a name (`Geiger Counter`, `Capitol Hill`) is often translated
    // (`счетчик`, `холм`): a missing sound counterpart says little unless the document renders it as a name.
    const dictionary = from === 'en' && parts.every((w) => !ACRONYM.test(w) && isCommonEnglishWord(w.replace(POSSESSIVE, '')));
    const uncertain = titleWord || ((common || dictionary) && !renderedAsName(parts, from, ctx))
      || (adjectival && !renderedElsewhere(parts, from, ctx.units));
    return { kind: 'name', severity: uncertain ? 'info' : 'warning', message, en: from === 'en' ? [t.text] : [], ru: from === 'ru' ? [t.text] : [] };
  });
}

/**
 * True when another pair of the document has some part of a name on side `from` and its sound
 * counterpart on the other side: the translation renders this adjective by sound (`Chilean` ~
 * `чилийский`), so missing here it is not just rendered with another stem (`German` ~ `немецкий`).
 */
function renderedElsewhere(parts: string[], from: Side, units?: NameContext['units']): boolean {
  if (!units) return false;
  let memo = renderedMemo.get(units);
  if (!memo) renderedMemo.set(units, (memo = new Map()));
  const other: Side = from === 'en' ? 'ru' : 'en';
  return parts.some((p) => {
    const key = `${from}\u0000${p}`;
    let rendered = memo.get(key);
    if (rendered === undefined) {
      const lower = p.toLowerCase();
      rendered = units.some((u) => words(u[from]).some((w) => w.text.toLowerCase() === lower)
        && counterpartWords(u[other]).some((w) => sameName(p, w)));
      memo.set(key, rendered);
    }
    return rendered;
  });
}

/** `renderedElsewhere` per document (its units) and word: every pair of a document asks about the same title words. */
const renderedMemo = new WeakMap<NonNullable<NameContext['units']>, Map<string, boolean>>();

/** `renderedAsName` per name context (a document with its vocabulary) and word. */
const namedMemo = new WeakMap<NameContext, Map<string, boolean>>();

/**
 * True when another pair of the document has an English part of the name capitalised and, on
 * the Russian side, a capitalised word that renders it by sound (`Waters` ~ `Уотерс`) and is no
 * Russian common word: Russian capitalises only names, so the document uses this otherwise
 * common English word (`waters`, `west`) as a name. A cognate common noun (`Party` ~ `партия`,
 * `Hill` ~ `холм`) is written in lower case mid-sentence, or elsewhere in the corpus.
 */
function renderedAsName(parts: string[], from: Side, ctx: NameContext): boolean {
  const units = ctx.units;
  if (!units || from !== 'en') return false;
  const ruLower = ctx.corpus?.ru ?? ctx.ruLower;
  let memo = namedMemo.get(ctx);
  if (!memo) namedMemo.set(ctx, (memo = new Map()));
  return parts.some((p) => {
    let rendered = memo.get(p);
    if (rendered === undefined) {
      rendered = units.some((u) => words(u.en).some((w) => w.text === p)
        && words(u.ru).some((w) => /^\p{Lu}/u.test(w.text) && isCyrillic(w.text) && !ruLower.has(w.text.toLowerCase())
          && sameName(p, w.text)));
      memo.set(p, rendered);
    }
    return rendered;
  });
}

/** All-caps words shorter than this are acronyms even when the corpus has the same letters in lower case (`US` ~ `us`). */
const MIN_CAPS_WORD = 4;

/** True when the corpus also writes `word` in lower case: a common word in title case or capitals (`Judge`, `NOT`). */
function commonWord(word: string, corpusLower: ReadonlySet<string>): boolean {
  const base = word.replace(POSSESSIVE, '');
  return (!ACRONYM.test(base) || base.length >= MIN_CAPS_WORD) && corpusLower.has(base.toLowerCase());
}

/** Lower-cased words that occur in lower case in `text`. */
export function lowerCaseWords(text: string): Set<string> {
  return new Set(words(text).map((w) => w.text).filter((w) => !/^\p{Lu}/u.test(w)).map((w) => w.toLowerCase()));
}

/** Words each side of a corpus writes in lower case: the `vocabulary` check option. */
export function corpusVocabulary(units: Iterable<{ en: string; ru: string }>): CorpusVocabulary {
  const en = new Set<string>();
  const ru = new Set<string>();
  for (const u of units) {
    for (const w of lowerCaseWords(u.en)) en.add(w);
    for (const w of lowerCaseWords(u.ru)) ru.add(w);
  }
  return { en, ru };
}

/**
 * Name context for a document pair: names seen mid-sentence and words seen in lower case, per
 * side, with the corpus vocabulary and lexicon when there are.
 */
export function nameContext(enDoc: string, ruDoc: string, corpus?: CorpusVocabulary, lexicon?: Lexicon): NameContext {
  return { enKnown: knownNames(enDoc), ruKnown: knownNames(ruDoc), enLower: lowerCaseWords(enDoc), ruLower: lowerCaseWords(ruDoc), corpus, lexicon };
}

/**
 * Name flags for an aligned pair: English names missing in Russian and Russian names added in
 * Russian. `context` (from `nameContext` over the whole documents) decides sentence-initial
 * words and brings the corpus vocabulary and lexicon.
 */
export function checkNames(en: string, ru: string, context?: NameContext): Flag[] {
  const ctx = context ?? nameContext(en, ru);
  return [...missingNames(en, ru, 'en', ctx), ...missingNames(ru, en, 'ru', ctx)];
}
