/**
 * Quote and bracket check. Each side of a document is read as one stream of opening and closing
 * marks, matched across units, because a quotation often spans several sentences (opened in one
 * unit, closed in a later one) and the sides may split it differently, use other quote styles,
 * or drop the marks of reported speech. A mark is a problem only when its side of the document
 * never balances it nearby; a pair is flagged when one side has such a mark in the unit and the
 * other side does not (both unbalanced is a difference of segmentation, not of translation).
 */
import type { Flag } from './types.js';

type Kind = 'quotes' | 'brackets';

/** One quote or bracket of a side's stream: its unit, character and role. */
interface Mark {
  unit: number;
  /** Offset in the unit's text. */
  at: number;
  ch: string;
  open: boolean;
  /** Matching group: all quote styles are one (Russian closes `«…“…”` with one `”`), each bracket type its own. */
  family: string;
  /** A close that may also close the quotation around its own (`«…«…», — сказал он`). */
  endsQuotation: boolean;
  /** An opening quote of direct speech (at the start of the text or after a colon or dash). */
  opensSpeech: boolean;
  /** The unit of the mark this one was matched with, when matched. */
  partner?: number;
}

/** Units apart beyond which an opening and a closing mark are not one quotation or bracket. */
const MAX_SPAN = 6;

const BRACKET_OF: Record<string, { family: string; open: boolean }> = {
  '(': { family: '()', open: true }, ')': { family: '()', open: false },
  '[': { family: '[]', open: true }, ']': { family: '[]', open: false },
  '{': { family: '{}', open: true }, '}': { family: '{}', open: false },
};

/** Quotes whose direction is fixed; `“ ” "` are read by position (`“` opens in English, closes in `„…“`). */
const FIXED_QUOTE: Record<string, boolean> = { '«': true, '»': false, '„': true };
const POSITIONAL_QUOTE = /[“”"]/u;

/** What may precede an opening quote: a space, an opening bracket or quote, a dash or slash. */
const BEFORE_OPEN = /[\s([{«„“\-–—/]/u;
/** What may follow a closing quote: a space, punctuation, a closing bracket or quote, a dash. */
const AFTER_CLOSE = /[\s.,;:!?…)\]}»”"“'’\-–—]/u;

/**
 * After a closing quote: the end of the quotation (`», — сказал он`, `».`, end of text), where a
 * Russian writer drops the outer closing quote of a quotation that ends in a nested one.
 */
const END_OF_QUOTATION = /^[.,!?…]*\s*(?:[—–]|$)/u;
/** Before an opening quote of direct speech: nothing, or a colon or dash. */
const BEFORE_SPEECH = /(?:^|[:—–-])\s*$/u;

/** An enumerator `1)`, `a)` after a space or at the start: a closing bracket without opening when none is open. */
const ENUMERATOR = /(?:^|\s)(?:\d{1,2}|\p{L})$/u;

/**
 * A possessive written with a straight quote (`the Lakers" official`, `Dragons" Den`), as text
 * whose apostrophes were mangled has it: taken for an apostrophe when it closes nothing, or when
 * the unit's straight quotes would not pair up with it.
 */
const POSSESSIVE = /s"(?= \p{L})/gu;
/** An inch or second mark after a digit (`12" vinyl`, `5'11"`): like a possessive, dropped when it closes nothing. */
const MEASURE = /(?<=\d)"/gu;

/** Direction of a quote or bracket mark; 'either' for a straight quote with a space (or nothing) on both sides. */
type Direction = 'open' | 'close' | 'either';

/** One quote or bracket as read in its unit, before the document stream settles an 'either'. */
interface RawMark extends Omit<Mark, 'open'> {
  direction: Direction;
  /** A possessive `s"` (POSSESSIVE) or an inch mark `12"` (MEASURE): dropped when it closes nothing. */
  possessive: boolean;
}

/**
 * Direction of the positional quote at `i` of `text` (`prevOpen`: the quote just before it opens),
 * or null for an apostrophe written as a quote (`d"état`, between letters).
 */
function positional(text: string, i: number, prevOpen: boolean): Direction | null {
  const prev = text[i - 1];
  const next = text[i + 1];
  const openable = prev === undefined || BEFORE_OPEN.test(prev) || (POSITIONAL_QUOTE.test(prev) && prevOpen);
  const closable = next === undefined || AFTER_CLOSE.test(next);
  if (openable) return closable ? 'either' : 'open';
  return closable ? 'close' : null;
}

/** The quote and bracket marks of one unit's side, in order. */
function unitMarks(text: string, unit: number): RawMark[] {
  const marks: RawMark[] = [];
  const possessives = new Set([...[...text.matchAll(POSSESSIVE)].map((m) => m.index + 1), ...[...text.matchAll(MEASURE)].map((m) => m.index)]);
  let prevOpen = false;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const bracket = BRACKET_OF[ch];
    const base = { unit, at: i, ch, possessive: false, endsQuotation: false, opensSpeech: false };
    if (bracket) {
      brackets += bracket.open ? 1 : -1;
      const enumerator = !bracket.open && brackets < 0 && ENUMERATOR.test(text.slice(Math.max(0, i - 3), i));
      if (enumerator) brackets = 0;
      else marks.push({ ...base, family: bracket.family, direction: bracket.open ? 'open' : 'close' });
      continue;
    }
    const direction: Direction | null = ch in FIXED_QUOTE ? (FIXED_QUOTE[ch] ? 'open' : 'close')
      : POSITIONAL_QUOTE.test(ch) ? positional(text, i, prevOpen) : null;
    if (direction === null) continue;
    prevOpen = direction !== 'close';
    const endsQuotation = direction !== 'open' && END_OF_QUOTATION.test(text.slice(i + 1));
    const opensSpeech = direction !== 'close' && BEFORE_SPEECH.test(text.slice(0, i));
    marks.push({ ...base, family: 'quote', direction, endsQuotation, opensSpeech, possessive: possessives.has(i) });
  }
  return oddPossessive(marks);
}

/** `marks` without their first possessive `s"` when the unit's straight quotes are odd in number. */
function oddPossessive(marks: RawMark[]): RawMark[] {
  if (marks.filter((m) => m.ch === '"').length % 2 === 0) return marks;
  const first = marks.find((m) => m.possessive);
  return first ? marks.filter((m) => m !== first) : marks;
}

/**
 * For each unit of one side, the marks its document leaves unbalanced: a close with no opening
 * before it, an opening never closed, or a pair more than MAX_SPAN units apart (`loose`), and all
 * its marks (`all`). A straight quote spaced on both sides closes when a quotation is open, else opens. An opening of direct speech
 * followed in its unit by a nested quotation that ends the whole one (`«…«…», — сказал он`, the
 * Russian rule of one closing quote for two) counts as closed. Matched marks get their `partner`.
 */
function unbalanced(texts: string[]): { all: Mark[][]; loose: Mark[][] } {
  const out: Mark[][] = texts.map(() => []);
  const all: Mark[][] = texts.map(() => []);
  const stacks = new Map<string, Mark[]>();
  texts.forEach((text, unit) => {
    for (const raw of unitMarks(text, unit)) {
      const stack = stacks.get(raw.family) ?? [];
      stacks.set(raw.family, stack);
      const m: Mark = {
        unit, at: raw.at, ch: raw.ch, family: raw.family, endsQuotation: raw.endsQuotation, opensSpeech: raw.opensSpeech,
        open: raw.direction === 'open' || (raw.direction === 'either' && stack.length === 0),
      };
      all[unit].push(m);
      if (m.open) {
        stack.push(m);
        continue;
      }
      const top = stack.pop();
      if (!top) {
        if (!raw.possessive) out[unit].push(m);
        continue;
      }
      const below = stack[stack.length - 1];
      if (m.endsQuotation && below?.opensSpeech && below.unit === unit && top.unit === unit) stack.pop();
      if (unit - top.unit > MAX_SPAN) out[top.unit].push(top), out[unit].push(m);
      else top.partner = unit, m.partner = top.unit;
    }
  });
  for (const stack of stacks.values()) for (const m of stack) out[m.unit].push(m);
  return { all, loose: out };
}

/**
 * Unbalanced marks of one side (`loose`, per unit) moved to the unit where the other side
 * (`other`, all its marks per unit) ends or starts the same quotation or bracket: when a
 * quotation spans units 3–5 on the other side, an opening left unclosed in unit 3 lacks its
 * close in unit 5, and a stray close in unit 5 lacks its opening in unit 3.
 */
function relocate(loose: Mark[][], other: Mark[][]): Mark[][] {
  const out: Mark[][] = loose.map(() => []);
  loose.forEach((ms, unit) => {
    for (const m of ms) {
      const span = other[unit].find((o) => o.family === m.family && o.open === m.open && o.partner !== undefined && o.partner !== unit);
      out[span?.partner ?? unit].push(m);
    }
  });
  return out;
}

/** What a flag says of one side's unbalanced marks of a kind: the first one. */
function describe(marks: Mark[]): string {
  const m = marks[0];
  return m.open ? `${m.ch} not closed` : `${m.ch} without opening`;
}

/** The flag of `kind` for a pair when exactly one side has unbalanced marks of that kind. */
function pairFlag(kind: Kind, en: Mark[], ru: Mark[]): Flag[] {
  const of = (ms: Mark[]) => ms.filter((m) => (kind === 'quotes') === (m.family === 'quote'));
  const e = of(en);
  const r = of(ru);
  if ((e.length === 0) === (r.length === 0)) return [];
  const [side, marks] = e.length ? ['English', e] as const : ['Russian', r] as const;
  return [{
    kind, severity: 'warning', message: `${describe(marks)} in ${side} only (unbalanced in its document)`,
    en: e.map((m) => m.ch), ru: r.map((m) => m.ch),
  }];
}

/**
 * 'quotes' and 'brackets' flags for each unit of a document, each side read as one stream so
 * that a quotation or bracket spanning units is balanced; units with an empty side get none.
 */
export function documentPunctuation(units: ReadonlyArray<{ en: string; ru: string; ruOrder?: number }>): Flag[][] {
  const enMarks = unbalanced(units.map((u) => u.en));
  // A unit recovered across the alignment path (a moved paragraph) holds Russian from another
  // place: the Russian stream is read in the Russian document's order when the units say it.
  const order = units.every((u) => !u.ru.trim() || u.ruOrder !== undefined)
    ? units.map((_, i) => i).sort((a, b) => (units[a].ruOrder ?? a) - (units[b].ruOrder ?? b)) : undefined;
  const ruMarks = order ? inUnitOrder(unbalanced(order.map((i) => units[i].ru)), order) : unbalanced(units.map((u) => u.ru));
  const en = relocate(enMarks.loose, ruMarks.all);
  const ru = relocate(ruMarks.loose, enMarks.all);
  return units.map((u, i) => (!u.en.trim() || !u.ru.trim() ? [] : [...pairFlag('quotes', en[i], ru[i]), ...pairFlag('brackets', en[i], ru[i])]));
}

/** Marks found over texts taken in `order` (position → unit), indexed by unit again. */
function inUnitOrder(marks: { all: Mark[][]; loose: Mark[][] }, order: number[]): { all: Mark[][]; loose: Mark[][] } {
  const fix = (m: Mark): Mark => ({ ...m, unit: order[m.unit], partner: m.partner === undefined ? undefined : order[m.partner] });
  const all: Mark[][] = order.map(() => []);
  const loose: Mark[][] = order.map(() => []);
  order.forEach((unit, p) => {
    all[unit] = marks.all[p].map(fix);
    loose[unit] = marks.loose[p].map(fix);
  });
  return { all, loose };
}

/** 'quotes' and 'brackets' flags for a single pair, read as a document of one unit. */
export function checkPunctuation(en: string, ru: string): Flag[] {
  return documentPunctuation([{ en, ru }])[0];
}

