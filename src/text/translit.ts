/**
 * Cyrillic → Latin transliteration and cognate comparison.
 *
 * One place for the rule that lets palign see `Миннихановым` ~ `Minnikhanov` and
 * `КАМАЗ` ~ `KAMAZ` without a dictionary: used by matching, alignment and checks.
 */
import { distance } from 'fastest-levenshtein';

/** Close to the romanisation English-language news uses (BGN/PCGN without diacritics). */
const CYR_TO_LAT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
  // Belarusian and Ukrainian letters, so their names transliterate too.
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};

/**
 * Russian inflectional endings, longest first, in transliterated form.
 * Stripping them lets `Kazani` (Казани) meet `Kazan`, `Tatarstanom` meet `Tatarstan`.
 */
const RU_ENDINGS = [
  'ovymi', 'evymi', 'ovym', 'evym', 'ovoy', 'ovoi', 'ogo', 'ego', 'omu', 'emu', 'ymi', 'imi',
  'ami', 'yami', 'akh', 'yakh', 'om', 'em', 'oy', 'ey', 'ov', 'ev', 'yu', 'ya', 'ye', 'ym', 'im',
  'ah', 'a', 'u', 'e', 'i', 'y', 'o',
];

/** Lower-cased Latin transliteration of `text`; non-Cyrillic characters pass through lower-cased. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYR_TO_LAT[ch] ?? ch;
  return out;
}

/** True when the word has at least one Cyrillic letter. */
export function isCyrillic(word: string): boolean {
  return /[\u0400-\u04FF]/.test(word);
}

/**
 * A comparison key for a name in either script: transliterated, lower-cased, letters only,
 * with spelling variants that transliteration schemes disagree on folded together.
 */
export function nameKey(word: string): string {
  return transliterate(word)
    .replace(/[^a-z0-9]/g, '')
    .replace(/kh/g, 'h')
    .replace(/ks/g, 'x')
    .replace(/(?<=[aeiou])y(?=[aeiou]|$)/g, 'i')
    .replace(/iy$|yi$|ii$/, 'y')
    .replace(/j/g, 'y')
    .replace(/w/g, 'v')
    .replace(/(.)\1/g, '$1');
}

/** `key` without one Russian inflectional ending, if it has one and enough stem is left. */
function stripEnding(key: string): string {
  for (const ending of RU_ENDINGS) {
    if (key.length - ending.length >= 3 && key.endsWith(ending)) return key.slice(0, -ending.length);
  }
  return key;
}

/** Similarity of two keys in 0..1 (1 = identical), from Levenshtein distance. */
function keySimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  return 1 - distance(a, b) / Math.max(a.length, b.length);
}

/**
 * How likely two words (any script) are the same name or cognate, 0..1.
 * Tolerates Russian case endings on either side and small spelling differences.
 */
export function cognateSimilarity(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka.length < 2 || kb.length < 2) return 0;
  if (ka === kb) return 1;
  let best = keySimilarity(ka, kb);
  const sa = stripEnding(ka);
  const sb = stripEnding(kb);
  best = Math.max(best, keySimilarity(sa, kb), keySimilarity(ka, sb), keySimilarity(sa, sb));
  // A stem that is a prefix of the other word is an inflected form (Kazan / Kazanskiy is not, but
  // the length guard keeps such adjectives from scoring as the name itself).
  const [short, long] = ka.length <= kb.length ? [ka, kb] : [kb, ka];
  if (short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3) {
    best = Math.max(best, 0.9);
  }
  return best;
}

/** Threshold above which two words count as the same name in matching, alignment and checks. */
export const COGNATE_THRESHOLD = 0.8;
