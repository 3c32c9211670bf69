import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignCorpus, DEFAULT_LENGTH_MODEL, estimateLengthModel, refineLengthModel } from '../src/align/index.js';
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

describe('length model of a partial translation', () => {
  const stories = readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line) as { en: string[]; ru: string[] });
  const story = stories.find((s) => s.en.length >= 14 && s.en.length === s.ru.length) ?? stories[0];
  const half = { src: story.en, tgt: story.ru.slice(0, story.en.length >> 1) };

  it('does not take the ratio from the totals of a side with half the sentences', () => {
    expect(estimateLengthModel([half]).ratio).toBe(DEFAULT_LENGTH_MODEL.ratio);
    const full = estimateLengthModel([{ src: story.en, tgt: story.ru }]).ratio;
    expect(full).toBeGreaterThan(0.8);
    expect(full).toBeLessThan(1.5);
  });

  it('takes the ratio from a few confident pairs, the variance only from more', () => {
    const refined = refineLengthModel({ ratio: 0.5, variance: 12 }, [[100, 110], [80, 90], [120, 130], [60, 70]]);
    expect(refined.ratio).toBeGreaterThan(1);
    expect(refined.variance).toBe(12);
  });

  it('aligns the Russian first half to the English first half and leaves the rest 1-0', () => {
    const beads = alignCorpus([half]).beads[0];
    for (const b of beads) {
      if (b.src.length && b.tgt.length) expect(b.src, JSON.stringify(b)).toContain(b.tgt[0]);
    }
    const aligned = beads.filter((b) => b.src.length && b.tgt.length).flatMap((b) => b.tgt);
    expect(aligned.length).toBeGreaterThanOrEqual(half.tgt.length - 1);
  });
});
