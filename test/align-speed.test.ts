/**
 * The speed-ups of the aligner must not change a result: the coarse scorer's precomputed
 * unit-pair matches (filled per concept over the band, whichever way it moves) against the exact scorer's, the word offsets of `tokens.ts` against the
 * word pattern's own match positions, the table-driven word scan against the pattern's matches,
 * the number scan's shortcuts (no spelled word; no percent word for `numberKeys`) against the full
 * token pattern, the name case test against `\p{Lu}`, and `transliterate`'s Map lookup.
 */
import { describe, expect, it } from 'vitest';
import { stories } from './fixtures.js';
import { BeadScorer, buildFeatures, CoarseScorer, DEFAULT_LENGTH_MODEL } from '../src/align/index.js';
import { coarsen, type PairFeatures } from '../src/align/anchors.js';
import { beadCost } from '../src/align/score.js';
import { charLength } from '../src/align/length.js';
import { extractNumbers, numberKeys } from '../src/text/numbers.js';
import { contentStems, nameCandidates, wordList, words } from '../src/text/tokens.js';
import { transliterate } from '../src/text/translit.js';


/** Several stories back to back (concepts repeat across units, as in a long document). */
function longPair(count: number): { src: string[]; tgt: string[] } {
  const picked = stories.slice(0, count);
  return { src: picked.flatMap((s) => s.en), tgt: picked.flatMap((s) => s.ru) };
}

/** A coarse bead's cost from first principles: unit-pair matches summed, capped at half the weight. */
function referenceCost(f: PairFeatures, exact: BeadScorer, i0: number, i1: number, k0: number, k1: number): number {
  let srcChars = 0;
  let tgtChars = 0;
  let total = 0;
  let matched = 0;
  for (let i = i0; i < i1; i++) {
    srcChars += f.src.chars[i];
    for (let p = f.src.anchorStart[i]; p < f.src.anchorStart[i + 1]; p++) total += f.weight[f.src.anchorIds[p]];
  }
  for (let k = k0; k < k1; k++) {
    tgtChars += f.tgt.chars[k];
    for (let p = f.tgt.anchorStart[k]; p < f.tgt.anchorStart[k + 1]; p++) total += f.weight[f.tgt.anchorIds[p]];
  }
  for (let i = i0; i < i1; i++) for (let k = k0; k < k1; k++) matched += exact.pairMatch(i, k);
  matched = Math.min(matched, total / 2);
  return beadCost(srcChars, tgtChars, matched, total - 2 * matched, i1 - i0, k1 - k0, DEFAULT_LENGTH_MODEL);
}

describe('CoarseScorer', () => {
  const { src, tgt } = longPair(12);
  const fine = buildFeatures(src, tgt);
  /** Band start and end per row: along the diagonal, or jumping back and forth (the start moving left too). */
  const bands: Record<string, (i: number, n: number, m: number) => [number, number]> = {
    diagonal: (i, n, m) => [Math.max(0, Math.floor((i * m) / n) - 2), Math.min(m, Math.floor((i * m) / n) + 2)],
    zigzag: (i, n, m) => {
      const centre = Math.floor((((i * 7) % n) * m) / n);
      return [Math.max(0, centre - 3), Math.min(m, centre + 3)];
    },
  };
  for (const factor of [2, 8]) {
    for (const [name, bandOf] of Object.entries(bands)) {
      it(`costs every bead as the exact scorer's pair matches say (units of ${factor} sentences, ${name} band)`, () => {
        const f: PairFeatures = { src: coarsen(fine.src, factor), tgt: coarsen(fine.tgt, factor), weight: fine.weight };
        const n = f.src.count;
        const m = f.tgt.count;
        // A narrow band, so that pairs both inside and outside the precomputed ones are asked for.
        const lo = Int32Array.from({ length: n + 1 }, (_, i) => bandOf(i, n, m)[0]);
        const hi = Int32Array.from({ length: n + 1 }, (_, i) => bandOf(i, n, m)[1]);
        const coarse = new CoarseScorer(f, DEFAULT_LENGTH_MODEL, { lo, hi });
        const exact = new BeadScorer(f, DEFAULT_LENGTH_MODEL);
        let compared = 0;
        for (let i0 = 0; i0 < n; i0++) {
          for (let k0 = Math.max(0, lo[i0] - 3); k0 < Math.min(m, hi[i0] + 3); k0++) {
            for (const [a, b] of [[1, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1]]) {
              if (i0 + a > n || k0 + b > m) continue;
              expect(coarse.cost(i0, i0 + a, k0, k0 + b)).toBe(referenceCost(f, exact, i0, i0 + a, k0, k0 + b));
              compared++;
            }
          }
        }
        expect(compared).toBeGreaterThan(100);
      });
    }
  }

  it('costs every bead of the whole lattice (no band) as the exact scorer says', () => {
    const f: PairFeatures = { src: coarsen(fine.src, 16), tgt: coarsen(fine.tgt, 16), weight: fine.weight };
    const coarse = new CoarseScorer(f, DEFAULT_LENGTH_MODEL);
    const exact = new BeadScorer(f, DEFAULT_LENGTH_MODEL);
    for (let i0 = 0; i0 < f.src.count; i0++) {
      for (let k0 = 0; k0 < f.tgt.count; k0++) {
        expect(coarse.cost(i0, i0 + 1, k0, k0 + 1)).toBe(referenceCost(f, exact, i0, i0 + 1, k0, k0 + 1));
      }
    }
  });
});

describe('tokens', () => {
  const WORD = /\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*/gu;
  const texts = [
    ...stories.slice(0, 10).flatMap((s) => [...s.en, ...s.ru]),
    "don't stop — из-за O’Neil’s a--b -a a-", 'x\u0301\u0302-y\u0301 \u0301a', '𝐀𝐁 c 𝐀𝐁 😀a😀', 'a\udc00b \ud800A ab\ud835',
    'The the. The NATO-led NATO talks', 'ab Ab ab-Ab Ab ab',
  ];
  it('gives the offsets of the word pattern', () => {
    for (const text of texts) {
      const expected = [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
      expect(words(text)).toEqual(expected);
      for (const token of nameCandidates(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    }
  });
  it('lists the words the pattern matches, by the table scan and by the regex past U+3000', () => {
    const edge = [
      "rock'n'roll ’tis O'Brien-Smith- -x x' 'x", 'ab\u0301-\u0301c a-\u0301 \u0301\u0301', 'Ωμέγα Ἀθῆναι ǅemal ﬁne',
      'Минск 中文 ab-cd', 'x\ufeffword', 'ｆｕｌｌ？ a', 'tail-', "a'", '', '-', 'a-b-c--d',
      'ʼApostrophe modifier ʼa', 'ⅰⅱ ℕat', '٣ عربي ‎abc', 'क्षत्रिय', 'a\u2019b\u2018c',
    ];
    const texts2 = [...texts, ...edge, ...stories.slice(10, 20).flatMap((s) => [...s.en, ...s.ru])];
    for (const text of texts2) {
      expect(wordList(text)).toEqual(text.match(WORD) ?? []);
      expect(contentStems(text).length).toBeLessThanOrEqual(wordList(text).length);
    }
    // Every code unit below the table's end on its own and between letters: the class table against \p{L} / \p{M}.
    for (let c = 0; c < 0x3100; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}b`, `a-${ch}`, `${ch}'a`]) expect(wordList(text)).toEqual(text.match(WORD) ?? []);
    }
  });
  it('finds repeated words at their own offsets', () => {
    expect(words('ab Ab ab ab').map((t) => t.start)).toEqual([0, 3, 6, 9]);
    expect(nameCandidates('He met Ann and Ann met Bob.').map((t) => t.start)).toEqual([7, 15, 23]);
  });
});

describe('numberKeys', () => {
  it('keys the same mentions extractNumbers finds (spelled ones aside), with and without month names', () => {
    const texts = [
      ...stories.slice(0, 20).flatMap((s) => [...s.en, ...s.ru]),
      'On 5 March 2021 prices rose 3%.', '5 марта 2021 года цены выросли на 3%.', 'March 5: 1,500 people', 'В 2020 году — 1 500 человек.',
      // A spelled range end that is a percentage makes its start one (spelled numbers are skipped without a percent word).
      'from 5 to ten percent', 'от 5 до десяти процентов', '5 - ten per cent', '5 and seven%', 'between 2 and three hundred',
      'two 5 - ten million', '7 to ten, 8 to eleven', '0.05 to ten million', '5 и сто проц.', 'в 5 – семи раз',
    ];
    let dates = 0;
    for (const text of texts) {
      const mentions = extractNumbers(text).filter((mention) => !mention.spelled);
      expect([...numberKeys(text)].sort()).toEqual([...new Set(mentions.map((mention) => mention.key))].sort());
      dates += mentions.filter((mention) => mention.kind === 'date').length;
    }
    expect(dates).toBeGreaterThanOrEqual(3);
  });
});

describe('charLength', () => {
  it('counts trimmed characters with white-space runs as one', () => {
    const texts = [
      ...stories.slice(0, 10).flatMap((s) => [...s.en, ...s.ru]),
      '', ' ', 'a  b', ' a', 'a ', 'a\tb', 'a\u00a0b', 'a b', '\ufeffa', 'a\u2028 b', ' \n a \r\n b \t', 'a\u3000\u3000b',
    ];
    for (const text of texts) expect(charLength(text)).toBe(text.trim().replace(/\s+/g, ' ').length);
  });
});

describe('number scan without spelled words', () => {
  // TOKEN of numbers.ts, both alternatives: what the shortcut for texts without a spelled word must reproduce.
  const L = 'A-Za-zА-Яа-яЁёІіЇїЄєҐґЎў';
  const NUMBER = '\\d{1,3}(?:[ \\u00A0\\u202F\\u2009]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)*';
  const TOKEN = new RegExp(`(?<![\\d${L}])(${NUMBER})(?!\\d)|(?<![${L}])([${L}]+)(?![${L}])`, 'gu');
  it('finds a number at every start of the full token pattern outside dates', () => {
    const texts = [
      ...stories.slice(0, 20).flatMap((s) => [...s.en, ...s.ru]),
      'Often 5 or 6, attention 1 234,5.', 'Место 100 и 2,5 млн', '3 to five percent', 'ab12 3a 4 5-6 7.8.9',
      'On 5 March 2021, 10 people', 'x1 000 000y 2 000', '',
    ];
    for (const text of texts) {
      const mentions = extractNumbers(text);
      const dates = mentions.filter((m) => m.kind === 'date');
      const expected = [...text.matchAll(TOKEN)]
        .filter((m) => m[1] !== undefined && !dates.some((d) => m.index < d.end && m.index + m[0].length > d.start))
        .map((m) => m.index);
      expect(mentions.filter((m) => !m.spelled && m.kind !== 'date').map((m) => m.start)).toEqual(expected);
    }
  });
});

describe('nameCandidates case test', () => {
  it('takes a mid-sentence word as a name exactly when it starts with an upper-case letter', () => {
    const words = ['Ann', 'ann', 'Zed', 'Аня', 'аня', 'Ёлка', 'ёлка', 'Ѐва', 'ѐва', 'Ωmega', 'ωmega', 'ǅemal', 'Ärger', 'ärger', '𝐀bc', 'ßx', 'İzmir'];
    for (const w of words) {
      const found = nameCandidates(`x ${w} y`).map((t) => t.text);
      expect(found).toEqual(/^\p{Lu}/u.test(w) ? [w] : []);
    }
  });
});

describe('transliterate', () => {
  it('maps Cyrillic letters and passes every other code point through lower-cased', () => {
    expect(transliterate('Щукин ЁЖ Ўладзімір Її')).toBe('shchukin ezh uladzimir yiyi');
    expect(transliterate('𝐀bc-Ω\ud800')).toBe('𝐀bc-ω\ud800');
    expect(transliterate('constructor __proto__ toString')).toBe('constructor __proto__ tostring');
  });
});
