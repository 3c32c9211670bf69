/**
 * Document-level review of the per-pair name and number flags. Severity is confidence: a
 * translation often moves a name or number to the adjacent sentence, replaces a name by a
 * pronoun or a description, renders a name otherwise (a word, an exonym, a spelling the sound
 * match misses), or adds a name the source leaves implicit; headlines capitalise common words.
 * Given all units of a document and their flags, a name flag stays a warning only with evidence
 * of a real omission or addition (the side lacking the name is shorter than the corpus norm
 * predicts, or, for an omission, the document renders the name elsewhere, so the translator knew
 * it); otherwise it is lowered to info with the reason in the message. Other flags are returned
 * unchanged, numbers only lowered when moved.
 */
import { isCommonEnglishWord } from '../text/english-words.js';
import { soundSkeletons } from '../text/phonetic.js';
import { isCyrillic } from '../text/translit.js';
import { words } from '../text/tokens.js';
import { logLengthRatio } from './length.js';
import { runOf, sameName } from './names.js';
import { mentionKeys } from './numbers.js';
import { LANGUAGE, type AlignedUnit, type Flag, type LengthNorm, type Side } from './types.js';

/** Units either side of a flagged one searched for the moved item: a name or number rarely travels further. */
const NEIGHBOUR_SPAN = 2;

/**
 * Length z-score beyond which the side missing an item counts as short: a pair that lost a
 * clause has lost the name with it, so a neighbour or a pronoun does not excuse it.
 */
const SHORT_Z = 1;

/**
 * Length z-score beyond which the side missing a name has lost about a clause: evidence strong
 * enough to make a warning of a capitalised word the name check was unsure of (`Times`, `Arctic`).
 */
const CLAUSE_Z = 2;

/** How many spreads side `absent` of `u` is shorter than the corpus norm predicts (negative: longer). */
function shortness(u: AlignedUnit, absent: Side, norm: LengthNorm): number {
  const z = (logLengthRatio(u.en, u.ru) - norm.mean) / norm.sd;
  return absent === 'ru' ? -z : z;
}

/** True when side `absent` of `u` is shorter than the corpus norm lets it be by SHORT_Z spreads. */
function short(u: AlignedUnit, absent: Side, norm: LengthNorm): boolean {
  return shortness(u, absent, norm) > SHORT_Z;
}

/** Third-person pronouns, possessives included (`his` ~ `его`): what a name is replaced by. */
const PRONOUNS: Record<Side, ReadonlySet<string>> = {
  en: new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their', 'theirs', 'themselves']),
  // Not the forms used after prepositions (`для них`, `с ним`): those mostly point back to
  // things and groups already named, not to a person the sentence names.
  ru: new Set(['он', 'его', 'ему', 'им', 'она', 'её', 'ее', 'ей', 'ею', 'они', 'их', 'ими']),
};

/** How many third-person pronouns `text` of `side` has. */
function pronounCount(text: string, side: Side): number {
  return words(text).filter((w) => PRONOUNS[side].has(w.text.toLowerCase())).length;
}

/** The side a one-sided flag's item is on and the side it is missing from, or null for two-sided flags. */
function sides(f: Flag): { from: Side; absent: Side } | null {
  if (f.en.length && !f.ru.length) return { from: 'en', absent: 'ru' };
  if (f.ru.length && !f.en.length) return { from: 'ru', absent: 'en' };
  return null;
}

/** True when `text` holds the flagged item: a counterpart of any word of a name, or every number key of a number. */
function holds(kind: Flag['kind'], item: string, text: string): boolean {
  if (!text.trim()) return false;
  if (kind === 'number') {
    const keys = mentionKeys(item);
    const theirs = mentionKeys(text);
    return keys.size > 0 && [...keys].every((k) => theirs.has(k));
  }
  const tokens = words(text).map((w) => w.text);
  return item.split(/\s+/).some((part) => tokens.some((w) => sameName(part, w)));
}

/**
 * The unit near `i` whose `absent` side holds the item while its own `from` side does not, and
 * is no shorter than the corpus norm predicts (the item moved there and lengthened it), or undefined.
 */
function movedTo(units: AlignedUnit[], i: number, f: Flag, item: string, from: Side, absent: Side, norm: LengthNorm): AlignedUnit | undefined {
  for (let d = 1; d <= NEIGHBOUR_SPAN; d++) {
    for (const j of [i - d, i + d]) {
      const u = units[j];
      if (u && holds(f.kind, item, u[absent]) && !holds(f.kind, item, u[from]) && shortness(u, absent, norm) <= 0) return u;
    }
  }
  return undefined;
}

/**
 * True when a missing name of unit `i` may stand as a pronoun on the other side: that side has
 * more third-person pronouns than this one, and the name has a counterpart elsewhere in its document.
 */
function pronounFor(units: AlignedUnit[], i: number, item: string, from: Side, absent: Side): boolean {
  const u = units[i];
  if (pronounCount(u[absent], absent) <= pronounCount(u[from], from)) return false;
  return units.some((v, j) => j !== i && holds('name', item, v[absent]));
}

/** Mentions from which a name never rendered on the other side is a habit of the translation, not an omission. */
const MIN_MENTIONS = 2;

/**
 * True when the name is mentioned in MIN_MENTIONS or more units on its own side and has a
 * counterpart in no unit of the other side: the translation renders it otherwise throughout
 * (`TV` as `телевидение`, `Hollywood` as `киноиндустрия`), which a sound match cannot see.
 */
function neverRendered(units: AlignedUnit[], item: string, from: Side, absent: Side): boolean {
  if (!item.split(/\s+/).every(mayBeTranslated)) return false;
  // The cheap test first: most names are rendered somewhere, and `some` stops at the first.
  if (units.some((u) => holds('name', item, u[absent]))) return false;
  let mentions = 0;
  return units.some((u) => holds('name', item, u[from]) && ++mentions >= MIN_MENTIONS);
}

/**
 * True when a word of a name may be rendered by meaning rather than by sound: an acronym (`TV`
 * ~ `телевидение`), a common English word (`Thrones`, `Foundation`), any Russian word. A
 * personal name (`Janelle Monáe`, `Christine Blasey Ford`) can only be transliterated or dropped.
 */
function mayBeTranslated(word: string): boolean {
  return isCyrillic(word) || /^[\p{Lu}\d.-]{2,}$/u.test(word) || dictionaryWord(word);
}

/** True when `word`, without a possessive `'s`, is a common English word (`Thrones`, `Embarked`). */
const dictionaryWord = (word: string): boolean => isCommonEnglishWord(word.replace(/['’]s?$/u, ''));

/** Share of the longer words capitalised from which a line is in title case (a headline). */
const TITLE_CASE_SHARE = 0.6;
/** Words shorter than this (`of`, `a`, `the`) stay lower case in title case and are not counted. */
const TITLE_CASE_MIN_LETTERS = 4;
/** Fewest counted words for a line to be judged title case. */
const TITLE_CASE_MIN_WORDS = 3;

/** Terminal punctuation, perhaps inside a closing quote or bracket: a headline has none (a list of names does). */
const ENDS_SENTENCE = /[.!?…]["'”’»“)\]]*$/u;

/** True when `text` is a title-case line (`Rosa Soars Above Baja`): every word capitalised, names or not, and no terminal punctuation. */
function titleCase(text: string): boolean {
  if (ENDS_SENTENCE.test(text.trim())) return false;
  const long = words(text).filter((w) => w.text.length >= TITLE_CASE_MIN_LETTERS);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w.text)).length;
  return long.length >= TITLE_CASE_MIN_WORDS && capitalised >= TITLE_CASE_SHARE * long.length;
}

/**
 * True when the name of unit `i` stands in a title-case line of side `from` and no other unit of
 * that side writes it capitalised: a headline capitalises common words (`Embarked`), and only
 * the body tells names apart; a body that has the word only in lower case calls it a common word.
 */
function headlineWord(units: AlignedUnit[], i: number, item: string, from: Side): boolean {
  if (!titleCase(units[i][from])) return false;
  const parts = new Set(item.split(/\s+/));
  // Title case capitalises common words (`Embarked`); a word no dictionary has is a name anyway (`Virginia`).
  if (from === 'en' && ![...parts].some(dictionaryWord)) return false;
  return !units.some((u, j) => j !== i && words(u[from]).some((w) => parts.has(w.text)));
}

/**
 * True when another unit of the document has a counterpart of the name on side `absent`: the
 * translation renders this name, so its absence here is not a habit of the translation.
 */
function renderedElsewhere(units: AlignedUnit[], i: number, item: string, absent: Side): boolean {
  return units.some((u, j) => j !== i && holds('name', item, u[absent]));
}

/** True when some sound skeletons of `a` and `b` begin with the same sound (`Puig` ~ `Пуч`, `Ant` ~ `Энтони`). */
function sameInitialSound(a: string, b: string): boolean {
  const heads = new Set(soundSkeletons(a).map((k) => k[0]));
  return soundSkeletons(b).some((k) => heads.has(k[0]));
}

/**
 * True when unit `i`'s flags also hold a name of side `absent`, with no counterpart on side
 * `from`, that begins with the same sound as `item`: each side then has a name the other
 * lacks, more likely one rendering the sound match missed (`Puig` ~ `Пуч`, `Craig` ~ `Кэйга`)
 * than an omission beside an unrelated addition.
 */
function unmatchedOpposite(flags: Flag[], item: string, absent: Side): boolean {
  return opposite(flags, absent).some((name) => sameInitialSound(item, name));
}

/** The names of side `absent` that unit's `flags` report without counterpart on the other side. */
function opposite(flags: Flag[], absent: Side): string[] {
  const from: Side = absent === 'en' ? 'ru' : 'en';
  return flags.filter((g) => g.kind === 'name' && g[absent].length > 0 && g[from].length === 0).map((g) => g[absent][0]);
}

/** Unmatched names each side must have before they say the sentences do not correspond: one each is a common freedom (`Rosa` → `ураган`, `США` added). */
const MIN_UNRELATED = 2;

/**
 * True when each side has MIN_UNRELATED or more names without counterpart and none of them
 * can be a rendering of another (no shared initial sound): unrelated names each missing on the
 * other side say that the sentences may not correspond at all (a swapped sentence), so the flag stands.
 */
function unrelatedNames(flags: Flag[], absent: Side): boolean {
  const theirs = opposite(flags, absent);
  const mine = opposite(flags, absent === 'en' ? 'ru' : 'en');
  return Math.min(theirs.length, mine.length) >= MIN_UNRELATED && !theirs.some((name) => mine.some((n) => sameInitialSound(n, name)));
}

/**
 * Why a missing or added name of unit `i` (side `from`) lacks the evidence for a warning, or
 * null when it has it. An omission has it when the side lacking the name is short for the pair
 * (the name went with a clause), or when the document renders the name elsewhere (the
 * translator knew it) or the whole multi-word name is gone (`wholeNameMissing`), and no
 * unmatched name of the other side may be its rendering here. An
 * addition has it only when the English side is short for the pair and the name is new to the
 * English document: a translation adds names the source left to a pronoun or the context
 * (`По словам Трампа` for `He said`), and those the English has elsewhere.
 */
function weakEvidence(units: AlignedUnit[], i: number, flags: Flag[], item: string, from: Side, isShort: boolean): string | null {
  const absent: Side = from === 'en' ? 'ru' : 'en';
  if (unrelatedNames(flags, absent)) return null;
  if (from === 'ru') {
    if (renderedElsewhere(units, i, item, absent)) return `named elsewhere in ${LANGUAGE[absent]}: explicitation?`;
    return isShort ? null : `${LANGUAGE[absent]} side not shorter than usual`;
  }
  if (isShort) return null;
  if (unmatchedOpposite(flags, item, absent)) return `an unmatched name in ${LANGUAGE[absent]} may be its rendering`;
  if (!renderedElsewhere(units, i, item, absent) && !wholeNameMissing(units[i], item, from, absent)) return `rendered nowhere else in ${LANGUAGE[absent]}, sentence not shorter than usual`;
  return null;
}

/** Fewest words of a capitalised run for it to be a full name (`Omar Navarro`, `Batik Air Flight`). */
const FULL_NAME_WORDS = 2;

/**
 * True when `item` stands in a run of FULL_NAME_WORDS or more capitalised words on side `from`
 * of which no word has a counterpart on side `absent`: a whole name gone (`Omar Navarro, a
 * Republican candidate` → `кандидат от республиканцев`), where a translator's freedom keeps a
 * part (`Ariana Grande` → `Арианы`) or a title (`Prime Minister Theresa May` → `Премьер-министр`).
 */
function wholeNameMissing(u: AlignedUnit, item: string, from: Side, absent: Side): boolean {
  const start = u[from].indexOf(item);
  if (start < 0) return false;
  const run = runOf(u[from], { text: item, start, end: start + item.length }).flatMap((w) => w.split(/\s+/)).filter((w) => /^\p{L}{2,}$/u.test(w));
  if (run.length < FULL_NAME_WORDS) return false;
  // Words of the other side that answer another name of this sentence (`Джанет` for `Janet`)
  // cannot be this name's counterpart (`Janelle`).
  const others = words(u[from]).map((w) => w.text).filter((w) => /^\p{Lu}/u.test(w) && !run.includes(w));
  const free = words(u[absent]).map((w) => w.text).filter((w) => !others.some((o) => sameName(o, w))).join(' ');
  return !run.some((w) => holds('name', w, free));
}

/** `f` lowered to info with `why` appended to its message. */
const lowered = (f: Flag, why: string): Flag => ({ ...f, severity: 'info', message: `${f.message} (${why})` });

/** `f` raised to a warning with `why` appended to its message. */
const raised = (f: Flag, why: string): Flag => ({ ...f, severity: 'warning', message: `${f.message} (${why})` });

/**
 * An English name flag the name check left at info because the word may be no name (`Times`,
 * `Arctic`, `Kurdish`), raised to a warning when the Russian side has lost about a clause: the
 * capitalised word went with it. Not Russian ones: Russian capitalises only the first word of an
 * institution's name (`Национальной`), so a capitalised Russian common noun says little.
 */
function reviewUncertain(units: AlignedUnit[], i: number, f: Flag, norm: LengthNorm): Flag {
  const s = f.kind === 'name' ? sides(f) : null;
  if (!s || s.from !== 'en' || shortness(units[i], s.absent, norm) <= CLAUSE_Z) return f;
  if (headlineWord(units, i, f.en[0], s.from)) return f;
  return raised(f, `${LANGUAGE[s.absent]} side much shorter than usual`);
}

/**
 * Flag `f` of unit `i` (whose flags are `flags`), lowered when its item moved, is a headline
 * word, is never rendered by sound, a pronoun stands for it, or, for names, when nothing but the
 * missing counterpart speaks for an omission or addition (`weakEvidence`); info name flags are
 * raised on strong length evidence (`reviewUncertain`).
 */
function review(units: AlignedUnit[], i: number, f: Flag, flags: Flag[], norm: LengthNorm): Flag {
  if (f.severity === 'info') return reviewUncertain(units, i, f, norm);
  const s = f.kind !== 'name' && f.kind !== 'number' ? null : sides(f);
  if (!s) return f;
  const item = f[s.from][0];
  if (f.kind === 'name' && headlineWord(units, i, item, s.from)) return lowered(f, 'a title-case headline word');
  const isShort = short(units[i], s.absent, norm);
  if (!isShort) {
    const moved = movedTo(units, i, f, item, s.from, s.absent, norm);
    if (moved) return lowered(f, `in ${LANGUAGE[s.absent]} of unit ${moved.index}: moved?`);
    if (f.kind !== 'name') return f;
    if (neverRendered(units, item, s.from, s.absent)) return lowered(f, `never rendered by sound in ${LANGUAGE[s.absent]}`);
    if (pronounFor(units, i, item, s.from, s.absent)) return lowered(f, `a pronoun in ${LANGUAGE[s.absent]}?`);
  }
  if (f.kind !== 'name') return f;
  const weak = weakEvidence(units, i, flags, item, s.from, isShort);
  return weak ? lowered(f, weak) : f;
}

/**
 * The flags of each unit of a document (`flags[i]` belongs to `units[i]`), reviewed in the
 * document: a name or number found in a neighbouring unit of the other side (and not in that
 * unit's own side) is lowered to info as moved, unless the side missing it is short for the
 * pair (`norm`: the corpus length norm), since then it more likely went with a dropped clause.
 * Name flags are warnings only on evidence of a real omission or addition (see `weakEvidence`);
 * a headline word, a name never rendered by sound though it recurs, or one a pronoun may stand
 * for is info; an info name flag whose side lost about a clause is raised to a warning.
 */
export function reviewInContext(units: AlignedUnit[], flags: Flag[][], norm: LengthNorm): Flag[][] {
  return flags.map((fs, i) => fs.map((f) => review(units, i, f, fs, norm)));
}
