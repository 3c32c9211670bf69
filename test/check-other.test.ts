import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNumbers } from '../src/check/numbers.js';
import { checkUnits } from '../src/check/index.js';
import { checkPunctuation, documentPunctuation } from '../src/check/punctuation.js';
import type { AlignedUnit, Flag } from '../src/check/types.js';

/** Document from [en, ru] pairs. */
const doc = (pairs: Array<[string, string]>): AlignedUnit[] => pairs.map(([en, ru], index) => ({ index, en, ru, score: 1, bead: '1-1' }));
/** Indices of the units with a quotes/brackets warning. */
const flagged = (units: AlignedUnit[]) => documentPunctuation(units).flatMap((fs, i) => (fs.some((f) => f.severity === 'warning') ? [i] : []));
const kinds = (fs: Flag[]) => fs.map((f) => f.kind);

/** The seed story's quotations (data/000_* EN, data/001_* RU): spanning units on both sides, `“…”` in Russian. */
const SEED_SPAN: Array<[string, string]> = [
  ['"We just need to move faster.', '“Надо просто быстрее это делать.'],
  ['We need to speed up.', 'Надо ускоряться.'],
  ['Time forces us to accelerate," the Belarusian leader said.', 'Время нас заставляет ускоряться”, – отметил белорусский лидер.'],
];

describe('quotes and brackets in a document', () => {
  it('still flags a pair unbalanced on one side only (single pair)', () => {
    expect(kinds(checkPunctuation('He said "yes" (twice).', 'Он сказал «да» (дважды.'))).toEqual(['brackets']);
    expect(checkPunctuation('He said "yes".', 'Он сказал «да.').map((f) => [f.kind, f.ru])).toEqual([['quotes', ['«']]]);
    expect(checkPunctuation('He said "yes.', 'Он сказал «да».').map((f) => [f.kind, f.en])).toEqual([['quotes', ['"']]]);
  });

  it('balances a quotation spanning units on both sides, whatever the quote styles', () => {
    expect(flagged(doc(SEED_SPAN))).toEqual([]);
    const british = doc([
      ["Setting out his opposition to the EU, he said: 'We didn't fight world wars to be subservient.", 'Выступая против ЕС, он сказал: «Мы не воевали в мировых войнах, чтобы быть зависимыми.'],
      ["We want to make our own laws in our own country.'", 'Мы хотим устанавливать наши законы в нашей стране».'],
    ]);
    expect(flagged(british)).toEqual([]);
  });

  it('flags a closing quote dropped from a spanning quotation where the other side closes it (EN→RU and RU→EN)', () => {
    const ruDropped = SEED_SPAN.map(([en, ru], i): [string, string] => [en, i === 2 ? ru.replace('”', '') : ru]);
    expect(flagged(doc(ruDropped))).toEqual([2]);
    const enDropped = SEED_SPAN.map(([en, ru], i): [string, string] => [i === 2 ? en.replace('"', '') : en, ru]);
    expect(flagged(doc(enDropped))).toEqual([2]);
    expect(documentPunctuation(doc(enDropped))[2][0].en).toEqual(['"']);
  });

  it('does not flag quotes the translator adds or drops when each side is balanced', () => {
    expect(checkPunctuation("Kit, who married his Game of Thrones co-star, admitted he feels 'quite strongly' about it.",
      'Кит, который женился на коллеге по фильму «Игра престолов», признался, что он «весьма неравнодушен» к этой проблеме.')).toEqual([]);
    expect(flagged(doc([
      ['"I was squeezed into the ruins of the wall.', 'Меня втиснуло в обломки стены.'],
      ['I think," Haris told Associated Press.', 'Я так думаю, — рассказывает Харис Associated Press.'],
    ]))).toEqual([]);
  });

  it('reads a Russian quotation ending in a nested one with one closing quote, but not a title left open mid-sentence', () => {
    expect(checkPunctuation('"The U.S. insists on the "denuclearization-first,"" Ri said.',
      '«США настаивают на том, что «сначала должна быть произведена денуклеаризация», — говорит Ри.')).toEqual([]);
    expect(checkPunctuation('"It\'s not time to say, \'isn\'t that wonderful,\'" Pelosi said.',
      '«Сейчас не время восклицать: “как великолепно!”, — говорит Пелоси.')).toEqual([]);
    expect(kinds(checkPunctuation('Monday will bring Bolivia "an extraordinary opportunity" and a chance to "put an end to disagreements," he said.',
      'Понедельник принесет Боливии «исключительную возможность и шанс «положить конец разногласиям», — утверждает он.'))).toEqual(['quotes']);
  });

  it('takes straight quotes between letters and mangled possessives for apostrophes', () => {
    expect(checkPunctuation('German officers were ready to stage a coup d"état against Hitler.', 'Немецкие офицеры были готовы устроить переворот против Гитлера.')).toEqual([]);
    expect(checkPunctuation('"It will be more than one," said Walton on the Lakers" official website.',
      '«Больше одной», — ответил Уолтон на официальном сайте «Лейкерс».')).toEqual([]);
    expect(checkPunctuation('The research, by the Headmasters" and Headmistresses" Conference (HMC), found it.',
      'Исследование, проведенное Конференцией директоров школ (HMC), показало это.')).toEqual([]);
  });

  it('flags a stray closing quote a translator leaves after dropping the opening one (RU), and one in English', () => {
    const ru = doc([
      ['"Everyone knew him for his smile."', '«Все любили его улыбку».'],
      ['He gave up work, as he was "in a really dark place."', 'Он оставил работу, поскольку переживал по-настоящему страшные времена».'],
    ]);
    expect(flagged(ru)).toEqual([1]);
    const en = doc([
      ['Communications were crippled, Nugroho said.', 'Коммуникации с Дунгала были полностью разрушены.'],
      ['There are 300,000 people living there," the Red Cross said.', 'В районе Дунгала проживает 300 тыс. человек, — сообщает Красный Крест.'],
    ]);
    expect(flagged(en)).toEqual([1]);
  });

  it('reads brackets: enumerators are not brackets, a dropped one is flagged either way', () => {
    expect(checkPunctuation('There are two options: 1) stay, 2) leave.', 'Есть два варианта: 1) остаться, 2) уйти.')).toEqual([]);
    expect(checkPunctuation('They met on Saturday (September 29) in Berlin.', 'Они встретились в субботу (29 сентября) в Берлине.')).toEqual([]);
    expect(kinds(checkPunctuation('They met on Saturday (September 29) in Berlin.', 'Они встретились в субботу (29 сентября в Берлине.'))).toEqual(['brackets']);
    expect(kinds(checkPunctuation('They met on Saturday (September 29 in Berlin.', 'Они встретились в субботу (29 сентября) в Берлине.'))).toEqual(['brackets']);
  });

  it('checkUnits balances a quotation over the document, flags a closing mark dropped on one side, and honours --disable quotes', () => {
    const units = doc(SEED_SPAN);
    expect(kinds(checkPunctuation(units[0].en, units[0].ru))).toEqual([]);
    expect(checkUnits(units).flatMap((r) => kinds(r.flags)).filter((k) => k === 'quotes' || k === 'brackets')).toEqual([]);
    const broken = units.map((u, i) => (i === 2 ? { ...u, ru: u.ru.replace('”', '') } : u));
    expect(checkUnits(broken).flatMap((r) => kinds(r.flags))).toContain('quotes');
    expect(checkUnits(broken, { disabled: ['quotes'] }).flatMap((r) => kinds(r.flags))).not.toContain('quotes');
  });

  it('reads the Russian side in Russian document order when units carry it (a moved paragraph recovered)', () => {
    // Russian sentences 1 and 2 swapped by the alignment: unit 1 holds Russian 2, unit 2 holds Russian 1.
    const units = doc([
      ['He spoke first.', 'Он выступил первым.'],
      ['"We will win," he said.', 'Мы победим», — сказал он.'],
      ['Then the crowd cheered.', '«Толпа зааплодировала.'],
    ]).map((u, i) => ({ ...u, ruOrder: [0, 2, 1][i] }));
    expect(units.map((u) => u.ruOrder)).toEqual([0, 2, 1]);
    const withOrder = checkUnits(units).flatMap((r) => kinds(r.flags));
    const withoutOrder = checkUnits(units.map(({ ruOrder: _, ...u }) => u)).flatMap((r) => kinds(r.flags));
    expect(withoutOrder).toContain('quotes');
    expect(withOrder).not.toContain('quotes');
  });

  it('on real stories (NTREX sample), flags most closing » removed from a pair whose both sides quote', () => {
    const stories = readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean)
      .map((l) => JSON.parse(l) as { en: string[]; ru: string[] });
    let tried = 0;
    let caught = 0;
    for (const s of stories) {
      const units = doc(s.en.map((en, i) => [en, s.ru[i]]));
      const before = new Set(flagged(units));
      units.forEach((u, i) => {
        const at = u.ru.lastIndexOf('»');
        if (at < 0 || !/["“”]/.test(u.en) || before.has(i)) return;
        tried++;
        const broken = units.map((v, j) => (j === i ? { ...v, ru: v.ru.slice(0, at) + v.ru.slice(at + 1) } : v));
        if (flagged(broken).includes(i)) caught++;
      });
    }
    expect(tried).toBeGreaterThan(20);
    expect(caught / tried).toBeGreaterThan(0.8);
  });
});

const warnings = (en: string, ru: string) => checkNumbers(en, ru).filter((f) => f.severity !== 'info');

describe('numbers: spelled scales, decades, approximations, conversions', () => {
  it('reads a spelled thousand after a word as 1000, not after a multiplier (EN→RU and RU→EN)', () => {
    expect(warnings('More than 1,000 people were killed.', 'Было убито свыше тысячи людей.')).toEqual([]);
    expect(warnings('More than a thousand people were killed.', 'Было убито более 1000 человек.')).toEqual([]);
    expect(warnings('More than 2,000 people were killed.', 'Было убито свыше тысячи людей.').length).toBe(1);
    expect(warnings('Some 1,000 people fled.', 'Десятки тысяч людей бежали.').length).toBe(1);
    expect(warnings('Tens of thousands of people fled.', 'Бежали 1000 человек.').length).toBe(1);
    expect(checkNumbers('Tens of thousands of people fled.', 'Бежали 20 000 человек.').map((f) => f.severity)).toEqual(['info']);
  });

  it('matches an age decade with a number in it, and flags one outside', () => {
    expect(warnings('The victim, in his 40s, was shot.', 'Жертва, 40 лет, была ранена.')).toEqual([]);
    expect(warnings('The victim, in his 40s, was shot.', '45-летняя жертва была ранена.')).toEqual([]);
    expect(warnings('The victim, in his 40s, was shot.', 'Жертва, 50 лет, была ранена.').map((f) => f.ru)).toEqual([['50']]);
  });

  it('notes a plural quantity stated as a round number, and still flags other numbers', () => {
    const made = checkNumbers('He assaulted her decades ago.', 'Он домогался ее более 30 лет назад.');
    expect(made.map((f) => f.severity)).toEqual(['info']);
    expect(checkNumbers('Десятилетия назад он уехал.', 'He left 30 years ago.').map((f) => f.severity)).toEqual(['info']);
    expect(warnings('He assaulted her a decade ago.', 'Он домогался ее 30 лет назад.').length).toBe(1);
    expect(warnings('He assaulted her decades ago.', 'Он домогался ее 35 лет назад.').length).toBe(1);
  });

  it('does not match the same figure before units of two systems, so the wrong conversion is named', () => {
    const fs = warnings('Rainfall totals of 3 to 6 inches are expected, with up to 10 inches possible.', 'Может выпасть до 7–10 см осадков, местами до 25 см.');
    expect(fs.map((f) => [f.en, f.ru])).toEqual([[['6'], ['10']]]);
    expect(warnings('Rainfall totals of 3 to 6 inches are expected.', 'Может выпасть 7–15 см осадков.')).toEqual([]);
    expect(warnings('The wave travelled at 800 kph (497 mph).', 'Волна шла со скоростью 800 км/ч.')).toEqual([]);
  });

  it('reports a year given as a decade as one difference', () => {
    const fs = warnings('It was in the 1950 movie "Bells of Coronado".', 'Это было в фильме 1950-х годов «Колокола Коронадо».');
    expect(fs.map((f) => [f.en, f.ru])).toEqual([[['1950'], ['1950-х']]]);
  });
});
