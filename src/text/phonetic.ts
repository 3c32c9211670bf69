/**
 * Sound skeletons of names for the name check: English orthography and Russian Cyrillic folded
 * to a common consonant alphabet, vowels dropped, so that `Michael` ~ `Майкл`, `Hughes` ~ `Хьюз`,
 * `Pyongyang` ~ `Пхеньян`, `Washington` ~ `Вашингтон` come out alike. English spellings with
 * more than one reading (`ch` = ч/к/ш, `g` before e/i = г/дж/ж, `ng` = нг/н, `j` = дж/х/й) give
 * one skeleton per reading.
 *
 * Alphabet: b d f g h k l m n p r s t v and C (ч), J (дж), S (ш/щ), Z (ж); `a` marks an initial vowel.
 */
import { distance } from 'fastest-levenshtein';
import { isCyrillic } from './translit.js';

/** Russian letters as sounds; vowels, й, ь, ъ become `*` (dropped later). */
const RU_SOUND: Record<string, string> = {
  а: '*', б: 'b', в: 'v', г: 'g', д: 'd', е: '*', ё: '*', ж: 'Z', з: 's', и: '*', й: '*', к: 'k', л: 'l',
  м: 'm', н: 'n', о: '*', п: 'p', р: 'r', с: 's', т: 't', у: '*', ф: 'f', х: 'h', ц: 'ts', ч: 'C', ш: 'S',
  щ: 'S', ъ: '', ы: '*', ь: '', э: '*', ю: '*', я: '*', і: '*', ї: '*', є: '*', ґ: 'g', ў: 'v',
};
/** Cyrillic vowels after which `у` is the glide English writes `w` (`Уоррен`, `Дуайер`, `Эдуард`). */
const RU_GLIDE = /у(?=[аоэеиы])/gu;

/**
 * English spellings folded to sounds, in order (longer spellings first). `1`..`4` mark the
 * ambiguous readings expanded by `AMBIGUOUS`.
 */
const EN_RULES: Array<[RegExp, string]> = [
  [/^wr/, 'r'], [/^kn/, 'n'], [/mb$/, 'm'], [/ph/g, 'f'], [/sch/g, 'S'], [/sh/g, 'S'], [/tch/g, 'C'],
  [/ch/g, '1'], [/th/g, 't'], [/dg(?=[eiy])/g, 'J'], [/ck/g, 'k'], [/que$/, 'k'], [/qu/g, 'kv'], [/q/g, 'k'],
  [/zh/g, '6'], [/^x/, '7'], [/x/g, 'ks'],
  [/^gh/, 'g'], [/gh/g, ''], [/wh/g, 'v'], [/(?<=e)w(?=[aeiouy])/g, '5'], [/w(?=[aeiouy])/g, 'v'], [/w/g, ''], [/ng/g, '3'],
  [/g(?=[eiy])/g, '2'], [/^h/, '8'], [/j/g, '4'], [/c(?=[eiy])/g, 's'], [/c/g, 'k'], [/kh/g, 'h'], [/z/g, 's'],
  [/(?<=.)e$/, ''],
];
/** The readings of each ambiguous English spelling. */
const AMBIGUOUS: Record<string, string[]> = {
  1: ['C', 'k', 'S'], // Charles ~ Чарльз, Michael ~ Майкл, Bouchard ~ Бушар
  2: ['g', 'J', 'Z'], // Gerald ~ Джеральд, Gibson ~ Гибсон, Rouge ~ Руж
  3: ['ng', 'n'], // Washington ~ Вашингтон, Pyongyang ~ Пхеньян
  4: ['J', 'h', '*', 'Z'], // John ~ Джон, Baja ~ Баха, Jurgen ~ Юрген, Jinping ~ Цзиньпин (see RU_CHINESE), Jacques ~ Жак
  5: ['v', '*'], // Edwards ~ Эдвардс, Dewar ~ Дьюар, Stewart ~ Стюарт
  6: ['Z', 'J'], // Zhivago ~ Живаго, Zhou ~ Чжоу
  7: ['ks', 's', 'J'], // Xavier ~ Ксавье, Xi ~ Си (pinyin), Xherdan ~ Джердан (Albanian)
  8: ['h', 'g'], // Hughes ~ Хьюз, Hollywood ~ Голливуд, Henry ~ Генри (the older rendering of h)
};
/** At most this many readings per word: enough for names, bounded for long words. */
const MAX_READINGS = 9;

/** Every reading of a folded string with ambiguity markers, at most MAX_READINGS. */
function expand(folded: string): string[] {
  let out = [''];
  for (const ch of folded) {
    const options = AMBIGUOUS[ch] ?? [ch];
    out = out.flatMap((prefix) => options.map((o) => prefix + o)).slice(0, MAX_READINGS);
  }
  return out;
}

/** Vowels (`*`, Latin vowels) dropped after the first sound, `h` kept only first, doubles collapsed. */
function consonants(sounds: string): string {
  const s = sounds.replace(/[aeiouy]/g, '*');
  if (!s) return '';
  const head = s[0] === '*' ? 'a' : s[0];
  return (head + s.slice(1).replace(/[*h]/g, '')).replace(/(.)\1+/g, '$1');
}

/**
 * Russian spellings of Chinese names (Palladius system): `цз` and `чж` write the affricates
 * pinyin spells `j`/`z` and `zh` (`Цзиньпин` ~ `Jinping`, `Чжоу` ~ `Zhou`), read as J.
 */
const RU_CHINESE = /цз|чж/g;

/** The skeletons of a Cyrillic word: the glide `у` read as v and as a vowel, Chinese `цз`/`чж` also as J. */
function russianSkeletons(word: string): string[] {
  const plain = word.toLowerCase().replace(/дж/g, 'J');
  const chinese = plain.replace(RU_CHINESE, 'J');
  return [...new Set((chinese === plain ? [plain] : [plain, chinese]).flatMap(cyrillicReadings))];
}

/** The skeletons of a lower-cased Cyrillic word (`дж` already J): the glide `у` read as v and as a vowel. */
function cyrillicReadings(lower: string): string[] {
  const fold = (w: string) => [...w].map((ch) => RU_SOUND[ch] ?? (ch === 'J' ? 'J' : '')).join('');
  const readings = new Set([consonants(fold(lower)), consonants(fold(lower.replace(RU_GLIDE, 'в')))]);
  return [...readings].filter(Boolean);
}

/** The skeletons of a Latin-script word, one per reading of its ambiguous spellings. */
function englishSkeletons(word: string): string[] {
  let s = word.toLowerCase().replace(/[^a-z]/g, '');
  for (const [pattern, to] of EN_RULES) s = s.replace(pattern, to);
  return [...new Set(expand(s).map(consonants))].filter(Boolean);
}

/** Memo of skeletons; cleared when it grows past this size so memory stays bounded. */
const MEMO_LIMIT = 50000;
const memo = new Map<string, string[]>();

/** The sound skeletons of `word` (either script), e.g. `Michael` → [mCl, mkl, mSl], `Майкл` → [mkl]. */
export function soundSkeletons(word: string): string[] {
  let out = memo.get(word);
  if (out) return out;
  out = isCyrillic(word) ? russianSkeletons(word) : englishSkeletons(word);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, out);
  return out;
}

/** Skeleton similarity from which two names count as the same (one consonant in four may differ). */
const SKELETON_THRESHOLD = 0.75;
/** Skeletons shorter than this must be identical, and are only compared with capitalised words. */
const SHORT_SKELETON = 4;

/** True when skeletons `a` and `b` agree: identical when short (and `capital`), else within SKELETON_THRESHOLD. */
function skeletonsAgree(a: string, b: string, capital: boolean): boolean {
  if (!a || !b) return false;
  if (Math.min(a.length, b.length) < SHORT_SKELETON) return capital && a === b;
  return 1 - distance(a, b) / Math.max(a.length, b.length) >= SKELETON_THRESHOLD;
}

/** The skeleton of a Russian `-ск-` adjective's ending (`голливудская` ~ `Hollywood`), with a consonantal case ending. */
const RU_ADJECTIVE_END = /(?<=.{3})sk[mvh]?$/;

/**
 * True when `name` and `word` (either script) sound alike: some reading of each has agreeing
 * skeletons, a Russian consonantal case ending (`-ом`, `-ов`, `-ым`) or adjective ending
 * (`-ский`) allowed on `word`. Short
 * skeletons count only when `capital` (by default: `word` is capitalised), so that `Ana` is not
 * `он`; a caller comparing both ways passes the other side's capital for both.
 */
export function soundAlike(name: string, word: string, capital = /^\p{Lu}/u.test(word)): boolean {
  const mine = soundSkeletons(name);
  const theirs = soundSkeletons(word);
  const variants = isCyrillic(word) ? [...theirs, ...theirs.map((b) => b.replace(/[mv]$/, '')), ...theirs.map((b) => b.replace(RU_ADJECTIVE_END, ''))] : theirs;
  return mine.some((a) => variants.some((b) => skeletonsAgree(a, b, capital)));
}
