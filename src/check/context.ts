/**
 * Document-level review of the per-pair name and number flags: a translation often moves a
 * name or number to the adjacent sentence, replaces a name by a pronoun the other side lacks,
 * or renders a recurring name otherwise throughout; headlines capitalise common words. Given all units of a document and their flags, such flags are lowered to info with
 * the reason in the message; every other flag is returned unchanged.
 */
import { words } from '../text/tokens.js';
import { logLengthRatio } from './length.js';
import { sameName } from './names.js';
import { mentionKeys } from './numbers.js';
import { LANGUAGE, type AlignedUnit, type Flag, type LengthNorm, type Side } from './types.js';

/** Units either side of a flagged one searched for the moved item: a name or number rarely travels further. */
const NEIGHBOUR_SPAN = 2;

/**
 * Length z-score beyond which the side missing an item counts as short: a pair that lost a
 * clause has lost the name with it, so a neighbour or a pronoun does not excuse it.
 */
const SHORT_Z = 1;

/** True when side `absent` of `u` is shorter than the corpus norm lets it be by SHORT_Z spreads. */
function short(u: AlignedUnit, absent: Side, norm: LengthNorm): boolean {
  const z = (logLengthRatio(u.en, u.ru) - norm.mean) / norm.sd;
  return absent === 'ru' ? z < -SHORT_Z : z > SHORT_Z;
}

/** Third-person pronouns, possessives included (`his` ~ `его`): what a name is replaced by. */
const PRONOUNS: Record<Side, ReadonlySet<string>> = {
  en: new Set(['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'they', 'them', 'their', 'theirs', 'themselves']),
  ru: new Set(['он', 'его', 'него', 'ему', 'нему', 'им', 'ним', 'нём', 'нем', 'она', 'её', 'ее', 'неё', 'нее', 'ей', 'ней', 'ею', 'нею',
    'они', 'их', 'них', 'ими', 'ними']),
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
 * The unit near `i` whose `absent` side holds the item while its own `from` side does not
 * (the item moved there), or undefined.
 */
function movedTo(units: AlignedUnit[], i: number, f: Flag, item: string, from: Side, absent: Side): AlignedUnit | undefined {
  for (let d = 1; d <= NEIGHBOUR_SPAN; d++) {
    for (const j of [i - d, i + d]) {
      const u = units[j];
      if (u && holds(f.kind, item, u[absent]) && !holds(f.kind, item, u[from])) return u;
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
  return units.filter((u) => holds('name', item, u[from])).length >= MIN_MENTIONS && !units.some((u) => holds('name', item, u[absent]));
}

/** Share of the longer words capitalised from which a line is in title case (a headline). */
const TITLE_CASE_SHARE = 0.6;
/** Words shorter than this (`of`, `a`, `the`) stay lower case in title case and are not counted. */
const TITLE_CASE_MIN_LETTERS = 4;
/** Fewest counted words for a line to be judged title case. */
const TITLE_CASE_MIN_WORDS = 3;

/** True when `text` is in title case (`Rosa Soars Above Baja`): every word is capitalised, names or not. */
function titleCase(text: string): boolean {
  const long = words(text).filter((w) => w.text.length >= TITLE_CASE_MIN_LETTERS);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w.text)).length;
  return long.length >= TITLE_CASE_MIN_WORDS && capitalised >= TITLE_CASE_SHARE * long.length;
}

/**
 * True when the name of unit `i` stands in a title-case line of side `from` and no other unit of
 * that side has it: a headline capitalises common words, and only the body tells names apart.
 */
function headlineWord(units: AlignedUnit[], i: number, item: string, from: Side): boolean {
  if (!titleCase(units[i][from])) return false;
  const parts = new Set(item.split(/\s+/).map((p) => p.toLowerCase()));
  return !units.some((u, j) => j !== i && words(u[from]).some((w) => parts.has(w.text.toLowerCase())));
}

/** `f` lowered to info with `why` appended to its message. */
const lowered = (f: Flag, why: string): Flag => ({ ...f, severity: 'info', message: `${f.message} (${why})` });

/** Flag `f` of unit `i`, lowered when its item moved, is a headline word, is never rendered by sound, or a pronoun stands for it. */
function review(units: AlignedUnit[], i: number, f: Flag, norm: LengthNorm): Flag {
  const s = f.severity === 'info' || (f.kind !== 'name' && f.kind !== 'number') ? null : sides(f);
  if (!s || short(units[i], s.absent, norm)) return f;
  const item = f[s.from][0];
  const moved = movedTo(units, i, f, item, s.from, s.absent);
  if (moved) return lowered(f, `in ${LANGUAGE[s.absent]} of unit ${moved.index}: moved?`);
  if (f.kind !== 'name') return f;
  if (headlineWord(units, i, item, s.from)) return lowered(f, 'a title-case headline word');
  if (neverRendered(units, item, s.from, s.absent)) return lowered(f, `never rendered by sound in ${LANGUAGE[s.absent]}`);
  if (pronounFor(units, i, item, s.from, s.absent)) return lowered(f, `a pronoun in ${LANGUAGE[s.absent]}?`);
  return f;
}

/**
 * The flags of each unit of a document (`flags[i]` belongs to `units[i]`) with name and number
 * flags lowered to info where the item sits in a neighbouring unit of the other side (and not in
 * that unit's own side) or, for names, where it is a word of a title-case headline the body never
 * repeats, where the other side renders it by sound nowhere in the document although it recurs,
 * or where a pronoun on the other side may stand for it; not
 * when the side missing the item is short for the pair (`norm`: the corpus length norm), since
 * then the item more likely went with a dropped clause.
 */
export function reviewInContext(units: AlignedUnit[], flags: Flag[][], norm: LengthNorm): Flag[][] {
  return flags.map((fs, i) => fs.map((f) => review(units, i, f, norm)));
}
