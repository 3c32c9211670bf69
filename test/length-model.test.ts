import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignCorpus, DEFAULT_LENGTH_MODEL, refineLengthModel } from '../src/align/index.js';
import { clean } from '../src/ingest/clean.js';
import { normalize } from '../src/ingest/normalize.js';
import { segment } from '../src/segment.js';
import type { Bead, Lang } from '../src/types.js';

/** The seed file's sentences as `palign run` stores them. */
function seedSentences(name: string, lang: Lang): string[] {
  const text = clean(normalize(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'))).text;
  return segment(text, lang).map((s) => s.text);
}

const shapes = (beads: Bead[]) => beads.map((b) => `${b.src.length}-${b.tgt.length}`);

describe('length model estimated from a small corpus', () => {
  it('blends a variance measured on few pairs with the prior', () => {
    // 20 pairs whose lengths fit almost perfectly: alone they would say variance ≈ 0.
    const tight: Array<[number, number]> = Array.from({ length: 20 }, (_, j) => [80 + j, 80 + j]);
    const refined = refineLengthModel(DEFAULT_LENGTH_MODEL, tight);
    expect(refined.variance).toBeGreaterThan(DEFAULT_LENGTH_MODEL.variance / 3);
    expect(refined.variance).toBeLessThan(DEFAULT_LENGTH_MODEL.variance);
    // Many pairs: the data decides.
    const many = Array.from({ length: 5000 }, (_, j): [number, number] => [80 + (j % 40), 80 + (j % 40)]);
    expect(refineLengthModel(DEFAULT_LENGTH_MODEL, many).variance).toBeLessThan(3);
  });

  it('aligns the seed pair the same when a short, tightly translated pair joins the corpus', () => {
    const seed = { src: seedSentences('000_21f827a522ed410a.txt', 'en'), tgt: seedSentences('001_a200dc630372fd2b.txt', 'ru') };
    const short = {
      src: ['Moscow, 5 May.', 'The Kremlin said on Monday that talks would continue.', 'Peskov told reporters the sides had agreed on a schedule.'],
      tgt: ['Москва, 5 мая.', 'В Кремле в понедельник заявили, что переговоры продолжатся.', 'Песков сообщил журналистам, что стороны согласовали график.'],
    };
    const alone = alignCorpus([seed]).beads[0];
    const joined = alignCorpus([seed, short]).beads[0];
    expect(shapes(alone)[0]).toBe('0-1'); // the Russian headline
    expect(joined.map((b) => [b.src, b.tgt])).toEqual(alone.map((b) => [b.src, b.tgt]));
  });
});
