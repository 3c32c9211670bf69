/**
 * Bootstrap lexicon for matching: the confidently matched document pairs of a first pass are
 * parallel text, so co-occurrence of English and Russian stems across them (Dice, counted per
 * passage at the same place in both texts) yields word translations without any dictionary.
 * A second pass then also scores the content words, which separates sibling stories that share
 * names and numbers but tell different things, and finds pairs with hardly any names or numbers.
 */
import { stem, words } from '../text/tokens.js';
import { Interner } from '../text/interner.js';

/** Typical Russian/English character ratio of a translation: puts both texts on one position scale. */
const RU_EN_CHAR_RATIO = 1.11;
/** Passage length (Russian characters) of one co-occurrence unit: a few sentences, so chance pairs stay rare. */
const PASSAGE_CHARS = 500;
/** Words shorter than this are mostly function words. */
const MIN_WORD = 4;
/** A stem pair must meet in at least this many passages to be more than chance. */
const MIN_COUNT = 2;
/** Dice coefficient below which a stem pair is noise. */
const MIN_DICE = 0.3;
/** A second translation of a stem is kept when its Dice is at least this share of the best one. */
const ALTERNATIVE_SHARE = 0.7;
/** Stems in more than this share of the passages are function words and say nothing. */
const MAX_PASSAGE_SHARE = 0.1;
/** At most this many document pairs are learned from: more adds little and costs time. */
export const MAX_LEARN_PAIRS = 400;
/** Room for stem ids in a combined pair key. */
const STRIDE = 1 << 21;

/** English stem → Russian stems (5-letter prefix stems, `tokens.ts` `stem`). */
export type StemLexicon = Map<string, string[]>;

/** The distinct content-word stem ids of `text` per passage; `scale` maps offsets to Russian characters. */
function passages(text: string, scale: number, ids: Interner): Array<Set<number>> {
  const out: Array<Set<number>> = [];
  for (const w of words(text)) {
    if (w.text.length < MIN_WORD) continue;
    const p = Math.floor((w.start * scale) / PASSAGE_CHARS);
    while (out.length <= p) out.push(new Set());
    out[p].add(ids.id(stem(w.text)));
  }
  return out;
}

/** Adds one to `counts[key]`. */
function bump(counts: Map<number, number>, key: number): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Stem translations learned from matched documents (`en`/`ru` texts of the same story), by
 * Dice over passages at the same place: each English stem keeps its best Russian stem and close
 * alternatives. Empty when the pairs are too few to say anything.
 */
export function learnStemLexicon(pairs: ReadonlyArray<{ en: string; ru: string }>): StemLexicon {
  const enIds = new Interner();
  const ruIds = new Interner();
  const enCount = new Map<number, number>();
  const ruCount = new Map<number, number>();
  const joint = new Map<number, number>();
  let units = 0;
  for (const pair of pairs.slice(0, MAX_LEARN_PAIRS)) {
    const en = passages(pair.en, RU_EN_CHAR_RATIO, enIds);
    const ru = passages(pair.ru, 1, ruIds);
    for (let i = 0; i < Math.min(en.length, ru.length); i++) {
      units++;
      for (const e of en[i]) bump(enCount, e);
      for (const r of ru[i]) bump(ruCount, r);
      for (const e of en[i]) for (const r of ru[i]) bump(joint, e * STRIDE + r);
    }
  }
  const maxCount = Math.max(MIN_COUNT, units * MAX_PASSAGE_SHARE);
  const best = new Map<number, Array<[number, number]>>();
  for (const [key, count] of joint) {
    if (count < MIN_COUNT) continue;
    const e = Math.floor(key / STRIDE);
    const r = key % STRIDE;
    const ce = enCount.get(e) ?? 0;
    const cr = ruCount.get(r) ?? 0;
    if (ce > maxCount || cr > maxCount) continue;
    const dice = (2 * count) / (ce + cr);
    if (dice < MIN_DICE) continue;
    const list = best.get(e);
    if (list) list.push([r, dice]);
    else best.set(e, [[r, dice]]);
  }
  const out: StemLexicon = new Map();
  for (const [e, list] of best) {
    list.sort((a, b) => b[1] - a[1]);
    const top = list[0][1];
    out.set(enIds.names[e], list.filter(([, d]) => d >= top * ALTERNATIVE_SHARE).map(([r]) => ruIds.names[r]));
  }
  return out;
}

/** A stored lexicon (`src` English stem, `tgt` Russian stem) as a stem lexicon. */
export function stemLexiconOf(entries: ReadonlyArray<{ src: string; tgt: string }>): StemLexicon {
  const out: StemLexicon = new Map();
  for (const { src, tgt } of entries) {
    const list = out.get(src);
    if (list) {
      if (!list.includes(tgt)) list.push(tgt);
    } else out.set(src, [tgt]);
  }
  return out;
}

/** The `(enWord) => Russian stems` function of a stem lexicon, for `MatchOptions.lexicon`. */
export function lexiconLookup(lexicon: StemLexicon): (enWord: string) => string[] {
  return (word) => lexicon.get(stem(word)) ?? [];
}
