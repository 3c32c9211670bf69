/**
 * Match verification with bead scores beyond chance (`verifyPair(…, { chanceContext: true })`):
 * an option for measurement; `matchDocuments` keeps the plain scores (bench/README.md `## match`,
 * round 7: short true translations lose their coverage beyond chance).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sentenceFeatures, verifyPair, type SentenceFeatures, type Verification } from '../src/match/index.js';
import { alignsAsTranslation } from '../src/match/assign.js';
import type { Story } from '../bench/lib/match-corpus.js';

const DATA = new URL('../data/', import.meta.url);
const seedFiles = readdirSync(DATA).filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string, lang: 'en' | 'ru') => sentenceFeatures(readFileSync(new URL(seedFiles.find((f) => f.startsWith(prefix)) ?? '', DATA), 'utf8'), lang);
const stories: Story[] = readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Story);
const sides = (s: Story) => ({ en: sentenceFeatures(s.en.join('\n\n'), 'en'), ru: sentenceFeatures(s.ru.join('\n\n'), 'ru') });

/** Everything but the coverage, which is the only field the bead scores enter. */
const shape = (v: Verification) => ({ share: v.share, anchored: v.anchored, sentences: v.sentences, gaps: v.gaps, aligned: v.aligned });

describe('verifyPair with scores beyond chance', () => {
  const ru = seed('001', 'ru');
  const translation = seed('000', 'en');
  const siblings: SentenceFeatures[] = ['002', '003', '004'].map((p) => seed(p, 'en'));

  it('keeps the plain scores by default', () => {
    expect(verifyPair(translation, ru)).toEqual(verifyPair(translation, ru, { chanceContext: false }));
    expect(verifyPair(siblings[0], ru, {})).toEqual(verifyPair(siblings[0], ru));
  });

  it('changes only the coverage: the alignment is the same', () => {
    for (const en of [translation, ...siblings]) {
      expect(shape(verifyPair(en, ru, { chanceContext: true }))).toEqual(shape(verifyPair(en, ru)));
    }
  });

  it('keeps the seed translation covered and its same-topic siblings below it', () => {
    const own = verifyPair(translation, ru, { chanceContext: true });
    expect(alignsAsTranslation(own)).toBe(true);
    for (const en of siblings) {
      const plain = verifyPair(en, ru);
      const chance = verifyPair(en, ru, { chanceContext: true });
      expect(chance.coverage).toBeLessThan(own.coverage);
      expect(chance.coverage).toBeLessThanOrEqual(plain.coverage);
      expect(alignsAsTranslation(chance)).toBe(false);
    }
  });

  it('covers most complete NTREX translations beyond chance, but not all (why verification keeps plain scores)', () => {
    const drops = stories.map((s) => {
      const { en, ru: r } = sides(s);
      const plain = verifyPair(en, r).coverage;
      const chance = verifyPair(en, r, { chanceContext: true }).coverage;
      return { plain, chance };
    });
    // Most complete translations match enough anchors beyond chance to stay covered...
    expect(drops.filter((d) => d.chance >= 0.5).length).toBeGreaterThanOrEqual(0.75 * stories.length);
    // ...but one with few anchors beyond what its topic repeats loses the coverage it had plainly.
    expect(Math.max(...drops.map((d) => d.plain - d.chance))).toBeGreaterThan(0.25);
  });
});
