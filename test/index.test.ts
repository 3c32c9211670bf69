import { describe, expect, it } from 'vitest';
import * as palign from '../src/index.js';

describe('library entry point', () => {
  it('runs the pure stages end to end on a tiny pair', () => {
    const en = palign.segment(palign.clean(palign.normalize('KAMAZ and MAZ agree.\n\nIn 2021 alone, they imported $19 billion worth of parts. Time forces us to accelerate.')).text, 'en');
    const ru = palign.segment(palign.clean(palign.normalize('КАМАЗ и МАЗ договорились.\n\nТолько в 2021 году они импортировали деталей на $19 млрд. Время нас заставляет ускоряться.')).text, 'ru');
    expect(palign.detectLanguage(ru.map((s) => s.text).join(' ')).lang).toBe('ru');
    const beads = palign.alignSentences(en.map((s) => s.text), ru.map((s) => s.text));
    expect(beads.map((b) => `${b.src.length}-${b.tgt.length}`)).toEqual(['1-1', '1-1', '1-1']);
    expect(Math.min(...beads.map((b) => b.score))).toBeGreaterThan(0.5);
  });
});
