/**
 * Omission/addition check over a document's aligned units: 1-0 beads are English text with no
 * Russian (omission), 0-1 beads Russian text with no English (addition). Short ones, and
 * unaligned text at the very top or bottom (a lone headline, site boilerplate), are only info;
 * long unaligned runs inside the body are errors. Aligned pairs scoring below `minScore` get
 * a 'low-score' flag.
 */
import type { AlignedUnit, Flag } from './types.js';

/** Default shortest unaligned text reported above info: shorter is a caption, dateline or stray heading. */
export const DEFAULT_MIN_OMISSION_CHARS = 30;
/** Default score below which an aligned pair is doubtful (bead scores are 0..1). */
export const DEFAULT_MIN_SCORE = 0.3;
/** Letters of an unaligned run inside the body from which it is an error (about two sentences). */
const LONG_RUN_CHARS = 250;
/** Units in an unaligned run inside the body from which it is an error. */
const LONG_RUN_UNITS = 3;
/** Letters above which unaligned text at a document edge is still worth a warning (a real paragraph, not a heading). */
const EDGE_CONTENT_CHARS = 200;
/** Characters of the text quoted in a message. */
const QUOTE_CHARS = 60;

const letters = (text: string) => (text.match(/\p{L}/gu) ?? []).length;
const aligned = (u: AlignedUnit) => u.en.trim() !== '' && u.ru.trim() !== '';

/** The text's start, cut at a word boundary, for a one-line message. */
function quoteStart(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= QUOTE_CHARS ? t : `${t.slice(0, QUOTE_CHARS).replace(/\s+\S*$/, '')}…`;
}

/** Maximal runs [from, to) of consecutive unaligned units with some text. */
function unalignedRuns(units: AlignedUnit[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < units.length; i++) {
    if (aligned(units[i]) || !(units[i].en.trim() || units[i].ru.trim())) continue;
    let j = i;
    while (j + 1 < units.length && !aligned(units[j + 1])) j++;
    runs.push([i, j + 1]);
    i = j;
  }
  return runs;
}

/** The flag for one unaligned unit, given where its run lies and how big the run is. */
function unalignedFlag(u: AlignedUnit, atEdge: boolean, longRun: boolean, minChars: number): Flag {
  const omission = u.en.trim() !== '';
  const text = omission ? u.en : u.ru;
  const n = letters(text);
  let severity: Flag['severity'] = longRun ? 'error' : 'warning';
  if (n < minChars || (atEdge && n < EDGE_CONTENT_CHARS)) severity = 'info';
  const message = omission ? `English text not in Russian: "${quoteStart(text)}"` : `Russian text not in English: "${quoteStart(text)}"`;
  return { kind: omission ? 'omission' : 'addition', severity, message, en: omission ? [text.trim()] : [], ru: omission ? [] : [text.trim()] };
}

/**
 * Omission, addition and low-score flags of a document's units, keyed by position in `units`.
 * Units before the first and after the last aligned pair are at the document edges.
 */
export function checkOmissions(units: AlignedUnit[], minChars: number): Map<number, Flag[]> {
  const out = new Map<number, Flag[]>();
  const firstAligned = units.findIndex(aligned);
  const lastAligned = units.length - 1 - [...units].reverse().findIndex(aligned);
  for (const [from, to] of unalignedRuns(units)) {
    const atEdge = firstAligned < 0 || to <= firstAligned || from > lastAligned;
    const runLetters = units.slice(from, to).reduce((s, u) => s + letters(u.en) + letters(u.ru), 0);
    const longRun = !atEdge && (runLetters >= LONG_RUN_CHARS || to - from >= LONG_RUN_UNITS);
    for (let i = from; i < to; i++) out.set(i, [unalignedFlag(units[i], atEdge, longRun, minChars)]);
  }
  return out;
}

/** A 'low-score' flag for an aligned pair scoring below `minScore`. */
export function checkScore(u: AlignedUnit, minScore: number): Flag[] {
  if (!aligned(u) || u.score >= minScore) return [];
  return [{ kind: 'low-score', severity: 'warning', message: `alignment score ${u.score.toFixed(2)} below ${minScore}`, en: [], ru: [] }];
}
