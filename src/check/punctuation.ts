/**
 * Quote and bracket check: a pair where one side has unbalanced quotes or brackets and the
 * other is balanced. Both sides unbalanced is normal (a quotation spanning several sentences).
 */
import type { Flag } from './types.js';

const BRACKETS: Array<[string, string]> = [['(', ')'], ['[', ']'], ['{', '}']];

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** The first unbalanced bracket pair of `text` (`(` without `)`), or null. */
function unbalancedBracket(text: string): string | null {
  for (const [open, close] of BRACKETS) if (count(text, open) !== count(text, close)) return count(text, open) > count(text, close) ? open : close;
  return null;
}

/**
 * The unbalanced quote character of `text`, or null. `«»` must pair up; the other double quotes
 * (`“ ” „ "`) are counted together because `“` opens in English and closes in `„…“`.
 */
function unbalancedQuote(text: string): string | null {
  const guillemets = count(text, '«') - count(text, '»');
  if (guillemets !== 0) return guillemets > 0 ? '«' : '»';
  const doubles = text.match(/[“”„"]/g) ?? [];
  return doubles.length % 2 ? doubles[doubles.length - 1] : null;
}

/** A flag when exactly one side is unbalanced according to `find`. */
function compare(en: string, ru: string, find: (t: string) => string | null, kind: 'quotes' | 'brackets'): Flag[] {
  const e = find(en);
  const r = find(ru);
  if ((e === null) === (r === null)) return [];
  const side = e !== null ? 'English' : 'Russian';
  const ch = (e ?? r) as string;
  return [{ kind, severity: 'warning', message: `unbalanced ${ch} in ${side} only`, en: e ? [ch] : [], ru: r ? [ch] : [] }];
}

/** 'quotes' and 'brackets' flags for a pair. */
export function checkPunctuation(en: string, ru: string): Flag[] {
  return [...compare(en, ru, unbalancedQuote, 'quotes'), ...compare(en, ru, unbalancedBracket, 'brackets')];
}
