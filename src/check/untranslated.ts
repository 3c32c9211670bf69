/**
 * Untranslated check: a side in the wrong script (Cyrillic prose on the English side, Latin
 * prose on the Russian side) or the same text on both sides. Names and titles keep their own
 * script in a translation (`Об этом сообщает The Wall Street Journal`, `акции Goldman Sachs`),
 * so capitalised words of the other script count as prose only when the side has no word of
 * its own script at all (a headline left in English).
 */
import type { Flag, Side } from './types.js';

/** Fewest letters for a judgement: names, codes and acronyms legitimately stay in Latin. */
const MIN_LETTERS = 20;
/** Share of the other script above which a side counts as written in it. */
const WRONG_SCRIPT_SHARE = 0.5;

/** URLs, e-mail addresses, handles and hashtags: Latin in any language, so they say nothing of the script. */
const NOT_PROSE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+|[@#][\p{L}\p{N}_]+/gu;
/** Words of each script, with inner apostrophes and hyphens (`don't`, `Санкт-Петербург`). */
const WORD: Record<Side, RegExp> = {
  en: /[A-Za-z]+(?:['’-][A-Za-z]+)*/g,
  ru: /[\u0400-\u04FF]+(?:['’-][\u0400-\u04FF]+)*/g,
};
/** A word that starts with a capital: a name, a title word or an acronym. */
const CAPITALISED = /^[A-Z\u0400-\u042F]/;

/** Letters of `text`'s words in the script of `side`: all of them, and those of lower-case (prose) words. */
function scriptLetters(text: string, side: Side): { all: number; prose: number; words: number } {
  const words = text.replace(NOT_PROSE, ' ').match(WORD[side]) ?? [];
  const letters = (ws: string[]) => ws.reduce((n, w) => n + w.replace(/['’-]/g, '').length, 0);
  return { all: letters(words), prose: letters(words.filter((w) => !CAPITALISED.test(w))), words: words.length };
}

/**
 * True when `text`, meant to be in the script of `own`, is written in the other script: enough
 * letters of it, most of the text, counting capitalised words (names kept in their script) only
 * when the text has no word of its own script.
 */
function inOtherScript(text: string, own: Side): boolean {
  const mine = scriptLetters(text, own);
  const theirs = scriptLetters(text, own === 'en' ? 'ru' : 'en');
  const foreign = mine.words === 0 ? theirs.all : theirs.prose;
  return foreign >= MIN_LETTERS && foreign / (foreign + mine.all) > WRONG_SCRIPT_SHARE;
}

/** Text compared for identity: letters and digits, lower-cased. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** 'untranslated' flags for a pair. */
export function checkUntranslated(en: string, ru: string): Flag[] {
  const letters = scriptLetters(en, 'en').all + scriptLetters(en, 'ru').all;
  if (letters >= MIN_LETTERS && comparable(en) === comparable(ru)) {
    return [{ kind: 'untranslated', severity: 'error', message: 'same text on both sides', en: [en.trim()], ru: [ru.trim()] }];
  }
  const flags: Flag[] = [];
  if (inOtherScript(en, 'en')) {
    flags.push({ kind: 'untranslated', severity: 'error', message: 'English side is in Cyrillic', en: [en.trim()], ru: [] });
  }
  if (inOtherScript(ru, 'ru')) {
    flags.push({ kind: 'untranslated', severity: 'error', message: 'Russian side is in Latin script (untranslated?)', en: [], ru: [ru.trim()] });
  }
  return flags;
}
