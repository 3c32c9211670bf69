/**
 * Untranslated check: a side in the wrong script (Cyrillic prose on the English side, Latin-only
 * prose on the Russian side) or the same text on both sides.
 */
import type { Flag } from './types.js';

/** Fewest letters for a judgement: names, codes and acronyms legitimately stay in Latin. */
const MIN_LETTERS = 20;
/** Share of the other script above which a side counts as written in it. */
const WRONG_SCRIPT_SHARE = 0.5;

/** URLs, e-mail addresses, handles and hashtags: Latin in any language, so they say nothing of the script. */
const NOT_PROSE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|[@#][\p{L}\p{N}_]+/gu;

function letterCounts(text: string): { latin: number; cyrillic: number } {
  const prose = text.replace(NOT_PROSE, ' ');
  return {
    latin: (prose.match(/[A-Za-z]/g) ?? []).length,
    cyrillic: (prose.match(/[\u0400-\u04FF]/g) ?? []).length,
  };
}

/** Text compared for identity: letters and digits, lower-cased. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** 'untranslated' flags for a pair. */
export function checkUntranslated(en: string, ru: string): Flag[] {
  const e = letterCounts(en);
  const r = letterCounts(ru);
  if (e.latin + e.cyrillic >= MIN_LETTERS && comparable(en) === comparable(ru)) {
    return [{ kind: 'untranslated', severity: 'error', message: 'same text on both sides', en: [en.trim()], ru: [ru.trim()] }];
  }
  const flags: Flag[] = [];
  if (e.cyrillic >= MIN_LETTERS && e.cyrillic / (e.latin + e.cyrillic) > WRONG_SCRIPT_SHARE) {
    flags.push({ kind: 'untranslated', severity: 'error', message: 'English side is in Cyrillic', en: [en.trim()], ru: [] });
  }
  if (r.latin >= MIN_LETTERS && r.latin / (r.latin + r.cyrillic) > WRONG_SCRIPT_SHARE) {
    flags.push({ kind: 'untranslated', severity: 'error', message: 'Russian side is in Latin script (untranslated?)', en: [], ru: [ru.trim()] });
  }
  return flags;
}
