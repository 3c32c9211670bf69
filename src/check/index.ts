/**
 * Discrepancy checks over aligned English/Russian segment pairs, in the manner of translators'
 * QA tools: numbers, names, omissions/additions, low alignment scores, length, untranslated
 * text, quotes/brackets and URLs. Each check is its own module; this one runs them.
 */
import { checkLength, DEFAULT_LENGTH_NORM } from './length.js';
import { reviewInContext } from './context.js';
import { checkNames, nameContext } from './names.js';
export { corpusVocabulary } from './names.js';
import { checkNumbers } from './numbers.js';
import { checkOmissions, checkScore, DEFAULT_MIN_OMISSION_CHARS, DEFAULT_MIN_SCORE } from './omissions.js';
import { checkPunctuation, documentPunctuation } from './punctuation.js';
import { checkUntranslated } from './untranslated.js';
import { checkUrls } from './urls.js';
import type { AlignedUnit, CheckKind, CheckOptions, Flag, NameContext } from './types.js';

export type { AlignedUnit, CheckKind, CheckOptions, CorpusVocabulary, Flag, LengthNorm, Severity } from './types.js';
export { CHECK_KINDS, SEVERITIES, atLeast } from './types.js';
export { lengthNorm } from './length.js';
export { renderReport, type ReportPair } from './report.js';

/** |z| of the log length ratio above which a pair is flagged: ~0.3% of normal pairs. */
export const DEFAULT_LENGTH_Z = 3;

/** True unless the options turn `kind` off. */
function enabled(options: CheckOptions, kind: CheckKind): boolean {
  return !options.disabled?.includes(kind);
}

/**
 * The per-pair checks, with document context for names when there is one. Quotes and brackets
 * are left to the caller when it reads them over the whole document (`documentPunctuation`).
 */
function pairFlags(en: string, ru: string, options: CheckOptions, context?: NameContext): Flag[] {
  if (!en.trim() || !ru.trim()) return [];
  const flags = [
    ...checkNumbers(en, ru),
    ...checkNames(en, ru, context ?? nameContext(en, ru, options.vocabulary, options.lexicon)),
    ...checkLength(en, ru, options.lengthRatio ?? DEFAULT_LENGTH_NORM, options.lengthZ ?? DEFAULT_LENGTH_Z),
    ...checkUntranslated(en, ru),
    ...(context ? [] : checkPunctuation(en, ru)),
    ...checkUrls(en, ru),
  ];
  return flags.filter((f) => enabled(options, f.kind));
}

/**
 * Flags for one aligned pair (numbers, names, length, untranslated, quotes/brackets, URLs).
 * Sentence-initial words count as names only when they are acronyms or used as names in the pair.
 */
export function checkPair(en: string, ru: string, options: CheckOptions = {}): Flag[] {
  return pairFlags(en, ru, options);
}

/**
 * Flags for all units of one document pair: the per-pair checks with the whole documents as
 * name context, quotes and brackets balanced over the document, plus omissions/additions and low scores, reviewed in the document
 * (`reviewInContext`): a name or number moved to a neighbouring unit is an info note, and a name
 * flag is a warning only on evidence of a real omission or addition (a side shorter than the
 * corpus length norm predicts, or a name the document renders elsewhere). Only units with flags
 * are returned, `index` being the unit's own index.
 */
export function checkUnits(units: AlignedUnit[], options: CheckOptions = {}): Array<{ index: number; flags: Flag[] }> {
  const context = { ...nameContext(units.map((u) => u.en).join('\n'), units.map((u) => u.ru).join('\n'), options.vocabulary, options.lexicon), units };
  const unaligned = checkOmissions(units, options.minOmissionChars ?? DEFAULT_MIN_OMISSION_CHARS);
  // A quotation or bracket may open in one unit and close in a later one: balanced per document.
  const punctuation = documentPunctuation(units);
  const perUnit = units.map((u, i) => [
    ...(unaligned.get(i) ?? []),
    ...checkScore(u, options.minScore ?? DEFAULT_MIN_SCORE),
    ...pairFlags(u.en, u.ru, options, context),
    ...punctuation[i],
  ].filter((f) => enabled(options, f.kind)));
  const reviewed = reviewInContext(units, perUnit, options.lengthRatio ?? DEFAULT_LENGTH_NORM);
  return units.flatMap((u, i) => (reviewed[i].length ? [{ index: u.index, flags: reviewed[i] }] : []));
}
