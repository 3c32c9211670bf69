import { describe, expect, it } from 'vitest';
import { extractNumbers, numberKeys } from '../src/text/numbers.js';

const keys = (text: string) => extractNumbers(text).map((m) => m.key);

describe('extractNumbers', () => {
  it('gives English and Russian amounts the same key', () => {
    expect(keys('$19 billion')).toEqual(keys('$19 млрд'));
    expect(keys('3.5 million people')).toEqual(keys('3,5 миллиона человек'));
    expect(keys('5 percent')).toEqual(keys('5 процентов'));
  });
  it('reads thousands separators and decimals', () => {
    expect(keys('1,000')).toEqual(keys('1 000'));
    expect(keys('1\u00A0000\u00A0000')).toEqual(keys('1,000,000'));
    expect(extractNumbers('7.5 magnitude')[0].value).toBe(7.5);
    expect(extractNumbers('магнитудой 7,5')[0].value).toBe(7.5);
    expect(extractNumbers('1,234.5')[0].value).toBe(1234.5);
  });
  it('keys dates by month and day in both languages and word orders', () => {
    expect(keys('on 13 April')).toEqual(keys('13 апреля'));
    expect(keys('April 13, 2023')).toEqual(keys('13 апреля 2023 года'));
    expect(extractNumbers('in 2021')[0].kind).toBe('year');
  });
  it('keeps the scale word out of a sentence-final dot but inside an abbreviation', () => {
    expect(extractNumbers('reached $2.5 billion.')[0].raw).toBe('2.5 billion');
    expect(extractNumbers('достиг $2,5 млрд.')[0].raw).toBe('2,5 млрд.');
  });
  it('spreads the scale of a range end to its start', () => {
    expect(keys('315-320 million')).toEqual(keys('315–320 млн'));
    expect(extractNumbers('315-320 million')[0].value).toBe(315e6);
  });
  it('records qualifiers and spelled numbers', () => {
    expect(extractNumbers('over $19 billion')[0].qualifier).toBe('over');
    expect(extractNumbers('свыше $19 млрд')[0].qualifier).toBe('over');
    expect(extractNumbers('около 15 проектов')[0].qualifier).toBe('about');
    expect(extractNumbers('15 projects')[0].qualifier).toBeNull();
    const spelled = extractNumbers('пятнадцать проектов')[0];
    expect([spelled.value, spelled.spelled]).toEqual([15, true]);
    expect(numberKeys('fifteen projects in 2021')).toEqual(new Set(['2021']));
  });
});
