import { describe, expect, it } from 'vitest';
import { LANGS, seed, stories, textberg } from './fixtures.js';
import { detectLanguage, detectParagraphs } from '../src/lang.js';
import type { Lang } from '../src/types.js';


/** A story as a document: three sentences a paragraph. */
function asDocument(sentences: string[]): string {
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
  return paragraphs.join('\n\n');
}

describe('detectLanguage on NTREX stories', () => {
  it('gets every whole story right in all four languages, confidently', () => {
    const wrong: string[] = [];
    for (const story of stories) {
      for (const lang of LANGS) {
        const guess = detectLanguage(asDocument(story[lang]));
        if (guess.lang !== lang || guess.mixed || guess.confidence < 0.5) wrong.push(`${story.docid}/${lang}: ${JSON.stringify(guess)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gets short two-sentence documents right (at most 1% wrong)', () => {
    let total = 0;
    const wrong: string[] = [];
    for (const story of stories) {
      for (const lang of LANGS) {
        for (let i = 0; i + 2 <= story[lang].length; i += 6) {
          total++;
          const text = story[lang].slice(i, i + 2).join(' ');
          if (detectLanguage(text).lang !== lang) wrong.push(`${lang}: ${text}`);
        }
      }
    }
    expect(total).toBeGreaterThan(300);
    expect(wrong.length / total).toBeLessThanOrEqual(0.01);
  });

  it('reads Ukrainian- and Belarusian-only letters as strong evidence', () => {
    expect(detectLanguage('Ўсё будзе добра.').lang).toBe('be');
    expect(detectLanguage('Їжак знайшов яблуко біля ґанку.').lang).toBe('uk');
    expect(detectLanguage('Съешь же ещё этих мягких французских булок.').lang).toBe('ru');
  });
});

describe('detectLanguage on the seed articles', () => {
  it('reads the English and Russian seeds', () => {
    expect(detectLanguage(seed('000_21f827a522ed410a.txt')).lang).toBe('en');
    expect(detectLanguage(seed('003_96bef5b325124bb3.txt')).lang).toBe('en');
    const ru = detectLanguage(seed('001_a200dc630372fd2b.txt'));
    expect(ru.lang).toBe('ru');
    expect(ru.mixed).toBe(false);
  });
});

describe('detectLanguage: other languages, mixing, nothing to say', () => {
  it('answers und for German and French', () => {
    for (const file of ['dev.de', 'dev.fr']) {
      const lines = textberg(file);
      expect(detectLanguage(lines.join('\n')).lang).toBe('und');
      // A prose passage of a few sentences, well inside the text (headings and captions skipped).
      const passage = lines.slice(40).filter((l) => l.split(/\s+/).length >= 10).slice(0, 3).join(' ');
      expect(passage.length).toBeGreaterThan(100);
      expect(detectLanguage(passage).lang, passage).toBe('und');
    }
  });

  it('answers und for other Cyrillic languages, whichever of their own letters they use', () => {
    const texts = [
      'Председник Србије Александар Вучић изјавио је да ће Србија наставити да гради добре односе са свим суседима.',
      'Претседателот на Северна Македонија изјави дека земјата ќе продолжи со реформите по средбата со министрите.',
      'Қазақстан Президенті Қасым-Жомарт Тоқаев үкімет отырысында сөз сөйледі және министрлерге жаңа тапсырмалар берді.',
      // Tajik: ҷ, ҳ and ӣ only, none of the letters the Serbian or Kazakh texts have.
      'Президенти Тоҷикистон Эмомалӣ Раҳмон дар ҷаласаи ҳукумат суханронӣ кард. Вай ба вазирон супоришҳои нав дод.',
    ];
    for (const text of texts) expect(detectLanguage(text).lang, text).toBe('und');
  });

  it('flags a document with English and Russian paragraphs as mixed', () => {
    const en = asDocument(stories[0].en.slice(0, 6));
    const ru = asDocument(stories[0].ru.slice(0, 3));
    const guess = detectLanguage(`${en}\n\n${ru}`);
    expect(guess.lang).toBe('en');
    expect(guess.mixed).toBe(true);
    expect(guess.shares.en).toBeGreaterThan(guess.shares.ru ?? 1);
    expect(guess.shares.ru).toBeGreaterThan(0.2);
    expect(detectParagraphs(`${en}\n\n${ru}`).map((p) => p.lang)).toEqual(['en', 'en', 'ru']);
  });

  it('is und with zero confidence for empty, number-only and punctuation-only text', () => {
    for (const text of ['', '   \n\n ', '12 345 678 2023-04-13 15%', '— … «» !!!']) {
      expect(detectLanguage(text)).toEqual({ lang: 'und', confidence: 0, mixed: false, shares: {} });
    }
  });

  it('gives lower confidence to a phrase than to a paragraph', () => {
    const phrase = detectLanguage('Да, конечно.');
    const paragraph = detectLanguage(stories[1].ru.slice(0, 3).join(' '));
    expect(paragraph.lang).toBe('ru');
    expect(phrase.confidence).toBeLessThan(paragraph.confidence);
  });

  it('reports each paragraph with its letter count', () => {
    const paragraphs = detectParagraphs('Hello there, my friend, how are you?\n\n12 345');
    expect(paragraphs.map((p) => p.lang as Lang)).toEqual(['en', 'und']);
    expect(paragraphs[0].chars).toBe('Hellotheremyfriendhowareyou'.length);
    expect(paragraphs[1]).toEqual({ lang: 'und', confidence: 0, chars: 0 });
  });
});
