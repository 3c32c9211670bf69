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

/** CYR_TO_LAT as a Map: its lookup per character is ~2× faster than the object's keyed one. */
const CYR_TO_LAT_MAP = new Map(Object.entries(CYR_TO_LAT));

/** Lower-cased Latin transliteration of `text`; non-Cyrillic characters pass through lower-cased. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += CYR_TO_LAT_MAP.get(ch) ?? ch;
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
  let key = nameKeys.get(word);
  if (key === undefined) {
    if (nameKeys.size >= NAME_KEY_MEMO_LIMIT) nameKeys.clear();
    key = computeNameKey(word);
    nameKeys.set(word, key);
  }
  return key;
}

/** Memo of `nameKey`: checks and alignment key the same words over and over; cleared past this size. */
const NAME_KEY_MEMO_LIMIT = 100000;
const nameKeys = new Map<string, string>();

/** The uncached `nameKey`. */
function computeNameKey(word: string): string {
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
 * Tolerates Russian case endings on either side and small spelling differences, and knows the
 * common exonyms (`Moscow` ~ `Москвой`, `US` ~ `США`).
 */
export function cognateSimilarity(a: string, b: string): number {
  const ea = exonymKey(a);
  if (ea !== null && ea === exonymKey(b)) return 1;
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

/**
 * Names whose English and Russian forms are not transliterations of each other (exonyms),
 * with the adjective forms news uses for them. `en` is tested on the English word, `ru` on the
 * Russian one (stems, so every case form matches); acronyms are case-sensitive so that `US`
 * is not `us`. The key is the English name, lower-cased.
 */
const EXONYMS: ReadonlyArray<{ key: string; en: RegExp; ru: RegExp }> = [
  { key: 'russia', en: /^russia(?:n|ns)?$/i, ru: /^(?:росси|русск|РФ$)/i },
  { key: 'moscow', en: /^moscow$/i, ru: /^(?:москв|московск)/i },
  { key: 'belarus', en: /^(?:belarus(?:ian|ians)?|b[ey]?elorussia(?:n)?)$/i, ru: /^(?:беларус|белорус)/i },
  { key: 'ukraine', en: /^ukrain(?:e|ian|ians)$/i, ru: /^украин/i },
  { key: 'germany', en: /^germ(?:any|an|ans)$/i, ru: /^(?:германи|германск|немец|немецк|немц|ФРГ$)/i },
  { key: 'china', en: /^(?:china|chinese)$/i, ru: /^(?:кита[йяеюи]|КНР$)/i },
  { key: 'us', en: /^(?:US|USA|U\.S\.A?\.?|America|Americans?)$/, ru: /^(?:США$|[Аа]мерик|[Аа]мерикан)/ },
  { key: 'uk', en: /^(?:UK|Britain|British|Britons?)$/, ru: /^(?:[Вв]еликобритани|[Бб]ритани|[Бб]ританск|[Бб]ританц)/ },
  { key: 'france', en: /^(?:france|french)$/i, ru: /^(?:франци|француз)/i },
  { key: 'japan', en: /^(?:japan|japanese)$/i, ru: /^(?:япони|японск|японц|японец)/i },
  { key: 'india', en: /^(?:india|indian)$/i, ru: /^(?:инди[яиюе]|индийск)/i },
  { key: 'poland', en: /^(?:poland|polish|poles?)$/i, ru: /^(?:польш|польск|поляк)/i },
  { key: 'turkey', en: /^(?:turkey|turkish)$/i, ru: /^(?:турци|турецк)/i },
  { key: 'europe', en: /^(?:europe|european|europeans)$/i, ru: /^европ/i },
  { key: 'eu', en: /^EU$/, ru: /^(?:ЕС$|[Ее]вросоюз)/ },
  { key: 'un', en: /^UN$/, ru: /^ООН$/ },
  { key: 'soviet', en: /^(?:soviet|USSR)$/i, ru: /^(?:советск|СССР$)/i },
  { key: 'kyiv', en: /^(?:kyiv|kiev)$/i, ru: /^(?:киев|київ)/i },
  { key: 'warsaw', en: /^warsaw$/i, ru: /^варшав/i },
  { key: 'beijing', en: /^(?:beijing|peking)$/i, ru: /^пекин/i },
  { key: 'vienna', en: /^(?:vienna|viennese)$/i, ru: /^(?:вен[аеыуо]й?$|венск)/i },
  { key: 'rome', en: /^rome$/i, ru: /^рим[аеу]?$/i },
  { key: 'munich', en: /^munich$/i, ru: /^мюнхен/i },
  { key: 'petersburg', en: /^(?:petersburg|st-petersburg)$/i, ru: /^(?:петербург|санкт-петербург)/i },
  { key: 'italy', en: /^(?:italy|italian|italians)$/i, ru: /^(?:итали|итальян)/i },
  { key: 'spain', en: /^(?:spain|spanish)$/i, ru: /^(?:испани|испанск|испанц)/i },
  { key: 'georgia', en: /^(?:georgia|georgian|georgians)$/i, ru: /^(?:грузи[яиюей]|грузин)/i },
  { key: 'lithuania', en: /^(?:lithuania|lithuanian)$/i, ru: /^(?:литв[аеуыо]|литовск)/i },
  { key: 'latvia', en: /^(?:latvia|latvian)$/i, ru: /^(?:латви|латвийск)/i },
  { key: 'finland', en: /^(?:finland|finnish)$/i, ru: /^(?:финлянд|финск)/i },
  { key: 'sweden', en: /^(?:sweden|swedish)$/i, ru: /^(?:швеци|шведск)/i },
  { key: 'norway', en: /^(?:norway|norwegian)$/i, ru: /^(?:норвеги|норвежск)/i },
  { key: 'greece', en: /^(?:greece|greek)$/i, ru: /^(?:греци|греческ)/i },
  { key: 'hungary', en: /^(?:hungary|hungarian)$/i, ru: /^(?:венгри|венгерск)/i },
  { key: 'netherlands', en: /^(?:netherlands|holland|dutch)$/i, ru: /^(?:нидерланд|голланд)/i },
  { key: 'israel', en: /^(?:israel|israeli|israelis)$/i, ru: /^(?:израил|израильск)/i },
  { key: 'egypt', en: /^(?:egypt|egyptian)$/i, ru: /^(?:египет|египт)/i },
  { key: 'switzerland', en: /^(?:switzerland|swiss)$/i, ru: /^(?:швейцари)/i },
  { key: 'czech', en: /^(?:czech|czechia)$/i, ru: /^(?:чехи[яиюей]|чешск)/i },
  { key: 'england', en: /^(?:england|english)$/i, ru: /^(?:англи[яиюей]$|английск|англичан)/i },
  { key: 'scotland', en: /^(?:scotland|scottish|scots?|scotsm[ae]n)$/i, ru: /^шотланд/i },
  { key: 'wales', en: /^(?:wales|welsh)$/i, ru: /^(?:уэльс|валлийск)/i },
  { key: 'ireland', en: /^(?:ireland|irish)$/i, ru: /^ирланд/i },
  { key: 'denmark', en: /^(?:denmark|danish|danes?)$/i, ru: /^(?:дани[яиюей]$|датск|датчан)/i },
  { key: 'austria', en: /^(?:austria|austrians?)$/i, ru: /^австри/i },
  { key: 'croatia', en: /^(?:croatia|croatians?|croats?)$/i, ru: /^хорват/i },
  { key: 'armenia', en: /^(?:armenia|armenians?)$/i, ru: /^(?:армени|армян)/i },
  { key: 'korea', en: /^(?:korea|koreans?)$/i, ru: /^(?:коре[яиюей]$|корейск|корейц|КНДР$)/i },
  { key: 'naples', en: /^naples$/i, ru: /^неапол/i },
  { key: 'venice', en: /^(?:venice|venetian)$/i, ru: /^венеци/i },
  { key: 'florence', en: /^florence$/i, ru: /^флоренци/i },
  { key: 'athens', en: /^athens$/i, ru: /^афин/i },
  { key: 'hague', en: /^hague$/i, ru: /^гааг/i },
  { key: 'geneva', en: /^geneva$/i, ru: /^женев/i },
  { key: 'cologne', en: /^cologne$/i, ru: /^к[её]льн/i },
  { key: 'jerusalem', en: /^jerusalem$/i, ru: /^иерусалим/i },
  { key: 'auschwitz', en: /^auschwitz$/i, ru: /^освенцим/i },
  { key: 'mediterranean', en: /^mediterranean$/i, ru: /^средиземномор/i },
  { key: 'siberia', en: /^(?:siberia|siberian)$/i, ru: /^сибир/i },
  { key: 'caucasus', en: /^(?:caucasus|caucasian)$/i, ru: /^кавказ/i },
  { key: 'crimea', en: /^(?:crimea|crimean)$/i, ru: /^крым/i },
  { key: 'danube', en: /^danube$/i, ru: /^дуна[йяюе]/i },
  { key: 'rhine', en: /^rhine$/i, ru: /^рейн[аеуо]?$/i },
  { key: 'mexico', en: /^(?:mexico|mexican|mexicans)$/i, ru: /^(?:мексик|мехико)/i },
  { key: 'ohio', en: /^ohio$/i, ru: /^огайо/i },
  { key: 'jewish', en: /^(?:jews?|jewish)$/i, ru: /^(?:евре|иуде)/i },
];

/**
 * The canonical key of a word that is a known exonym (`Москвой` → `moscow`, `US` → `us`),
 * or null. Tests Russian stems for Cyrillic words and English forms otherwise.
 */
export function exonymKey(word: string): string | null {
  const cyrillic = isCyrillic(word);
  for (const entry of EXONYMS) {
    if ((cyrillic ? entry.ru : entry.en).test(word)) return entry.key;
  }
  return null;
}

/** Multi-word names that one language writes as a phrase, mapped to the same keys as `exonymKey`. */
const EXONYM_PHRASES: ReadonlyArray<[RegExp, string]> = [
  [/\bUnited\s+States\b/g, 'us'],
  [/\b(?:United\s+Kingdom|Great\s+Britain)\b/g, 'uk'],
  [/\bEuropean\s+Union\b/g, 'eu'],
  [/\bUnited\s+Nations\b/g, 'un'],
  [/\bSoviet\s+Union\b/g, 'soviet'],
  [/(?<!\p{L})Соедин[её]нн\p{L}*\s+Штат\p{L}*/gu, 'us'],
  [/(?<!\p{L})Европейск\p{L}*\s+[Сс]оюз\p{L}*/gu, 'eu'],
  [/(?<!\p{L})Организаци\p{L}*\s+Объедин[её]нн\p{L}*\s+Наци\p{L}*/gu, 'un'],
  [/(?<!\p{L})Советск\p{L}*\s+[Сс]оюз\p{L}*/gu, 'soviet'],
];

/** Every multi-word exonym phrase in `text`, with its key and offsets. */
export function exonymPhrases(text: string): Array<{ key: string; start: number; end: number }> {
  const out: Array<{ key: string; start: number; end: number }> = [];
  for (const [pattern, key] of EXONYM_PHRASES) {
    for (const m of text.matchAll(pattern)) out.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return out;
}
