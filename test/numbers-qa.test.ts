/**
 * QA of the number check on hand-made news pairs: each case is a bug found in the check (a
 * miss or a false flag) and fails on the code before its fix.
 */
import { describe, expect, it } from 'vitest';
import { checkNumbers } from '../src/check/numbers.js';
import { extractNumbers, numberKeys } from '../src/text/numbers.js';

/** The number flags of a pair of warning severity or worse (what a user is asked to look at). */
const serious = (en: string, ru: string) => checkNumbers(en, ru).filter((f) => f.severity !== 'info');
const keys = (text: string) => extractNumbers(text).map((m) => m.key);

describe('signs', () => {
  it('flags a minus turned into a plus', () => {
    expect(serious('The temperature fell to -5C.', 'Температура упала до +5 градусов.')).not.toEqual([]);
    expect(serious('The temperature fell to -5C.', 'Температура упала до плюс 5 градусов.')).not.toEqual([]);
    expect(serious('Temperatures rose to 5C above zero.', 'Температура поднялась до минус 5 градусов.')).not.toEqual([]);
  });
  it('flags a temperature that loses its minus', () => {
    expect(serious('The temperature fell to -5C.', 'Температура упала до 5 градусов.')).not.toEqual([]);
  });
  it('reads the minus written as a word, as U+2212 and below zero alike', () => {
    const values = (text: string) => extractNumbers(text).map((m) => m.value);
    for (const text of ['минус 5', '−5 °C', '-5°C', '5 degrees below zero', '5 градусов мороза']) expect(values(text)).toEqual([-5]);
    expect(keys('минус 5')).toEqual(keys('-5'));
    expect(keys('+5')).toEqual(keys('5 градусов тепла'));
    expect(keys('+5')).not.toEqual(keys('-5'));
    expect(serious('It dropped to -5°C overnight.', 'Ночью температура опустилась до 5 градусов мороза.')).toEqual([]);
    expect(serious('It dropped to minus 20 degrees.', 'Температура опустилась до -20 градусов.')).toEqual([]);
    expect(serious('Growth was -0.3% in the third quarter.', 'В третьем квартале рост составил минус 0,3%.')).toEqual([]);
  });
  it('takes no hyphen of a range, score or compound for a minus', () => {
    for (const text of ['5-7 people', 'won 3-1', 'COVID-19', 'Boeing 737-800', 'the 2018-19 season']) {
      expect(extractNumbers(text).every((m) => m.value >= 0 && m.sign === undefined)).toBe(true);
    }
  });
  it('lets a verb carry the minus of a change', () => {
    expect(serious('GDP shrank by 0.5%.', 'ВВП: -0,5%.')).toEqual([]);
    expect(serious('The index fell 2.1% (-2.1%).', 'Индекс снизился на 2,1%.')).toEqual([]);
    expect(numberKeys('ВВП: -0,5%')).toEqual(numberKeys('shrank by 0.5%'));
  });
});

describe('qualifier of до', () => {
  it('reads до after a verb of change as the new level, also with words between', () => {
    for (const [en, ru] of [
      ['Shares fell 2.3 per cent to 450p.', 'Акции упали на 2,3% до 450 пенсов.'],
      ['Revenue rose by 5% to $3bn last year.', 'Выручка в прошлом году выросла на 5% до $3 млрд.'],
      ['Sales rose 12% year-on-year to 1.2 million units.', 'Продажи выросли на 12% в годовом выражении до 1,2 млн единиц.'],
      ['The rouble weakened to 90 per dollar.', 'Рубль ослаб до 90 за доллар.'],
      ['The bank raised rates by 0.25 percentage points to 4.5%.', 'Банк повысил ставку на 0,25 процентного пункта до 4,5%.'],
    ]) expect(checkNumbers(en, ru)).toEqual([]);
  });
  it('reads до as a range end after с or от and a number', () => {
    expect(checkNumbers('Prices fell from 10 to 8 roubles.', 'Цены снизились с 10 до 8 рублей.')).toEqual([]);
    expect(checkNumbers('The sentence ranges from 5 to 10 years.', 'Наказание составляет от 5 до 10 лет.')).toEqual([]);
  });
  it('keeps до as "up to" where no change or range precedes it', () => {
    expect(extractNumbers('Ему грозит до 10 лет тюрьмы.')[0].qualifier).toBe('under');
    expect(extractNumbers('Россия выделит до $5 млрд.')[0].qualifier).toBe('under');
    expect(checkNumbers('He faces 10 years in prison.', 'Ему грозит до 10 лет тюрьмы.').map((f) => f.severity)).toEqual(['info']);
  });
});

describe('dates written in digits', () => {
  it('matches 13.04.2023, 13/04/2023, 2023-04-13 and 13/04 with month names', () => {
    expect(serious('The summit will be held on April 13, 2023.', 'Саммит пройдет 13.04.2023.')).toEqual([]);
    expect(serious('The summit will be held on 13/04/2023.', 'Саммит пройдет 13 апреля 2023 года.')).toEqual([]);
    expect(serious('The summit will be held on 2023-04-13.', 'Саммит пройдет 13 апреля 2023 года.')).toEqual([]);
    expect(serious('The summit will be held on 13/04.', 'Саммит пройдет 13 апреля.')).toEqual([]);
    expect(serious('He was born on 05.03.50.', 'Он родился 5 марта 1950 года.')).toEqual([]);
  });
  it('still flags a wrong day or year in a numeric date', () => {
    expect(serious('The summit will be held on April 13, 2023.', 'Саммит пройдет 14.04.2023.')).not.toEqual([]);
    expect(serious('The summit will be held on April 13, 2023.', 'Саммит пройдет 13.04.2024.')).not.toEqual([]);
  });
  it('accepts either reading of an ambiguous slash date, month first when the day is past 12', () => {
    expect(serious('He was jailed on 4/5/2023.', 'Его посадили 5 апреля 2023 года.')).toEqual([]);
    expect(serious('He was jailed on 4/5/2023.', 'Его посадили 4 мая 2023 года.')).toEqual([]);
    expect(serious('The 09/11 anniversary.', 'Годовщина 11 сентября.')).toEqual([]);
  });
  it('takes no score or fraction without a year for a date', () => {
    expect(serious('They won 5&4 and then 2&1.', 'Они победили со счетом 5/4, а затем 2/1.')).toEqual([]);
    expect(extractNumbers('3/4 of voters').every((m) => m.kind !== 'date')).toBe(true);
    expect(keys('04/13/2023')).toEqual(keys('13 апреля 2023'));
    expect(serious('He was jailed on 4/5/2023.', 'Его посадили 6 мая 2023 года.')).not.toEqual([]);
  });
  it('spreads the month over a day range in either word order', () => {
    expect(serious('The festival runs May 1-5.', 'Фестиваль пройдет с 1 по 5 мая.')).toEqual([]);
    expect(serious('Meeting on June 1 and 2.', 'Встреча 1 и 2 июня.')).toEqual([]);
    expect(serious('The festival runs May 1-5.', 'Фестиваль пройдет с 1 по 6 мая.')).not.toEqual([]);
  });
});

describe('amounts and phone numbers', () => {
  it('reads tn as trillions and m without a currency as either metres or millions', () => {
    expect(serious('Toyota earned ¥2.5tn.', 'Toyota заработала 2,5 трлн иен.')).toEqual([]);
    expect(keys('2.5 tn')).toEqual(keys('2,5 трлн'));
    expect(serious('Output fell 3% in 2022, to 1.1m barrels.', 'Добыча упала на 3% в 2022 году, до 1,1 млн баррелей.')).toEqual([]);
    expect(serious('The wall is 3m high.', 'Высота стены 3 м.')).toEqual([]);
    expect(serious('Output fell to 1.1m barrels.', 'Добыча упала до 1,2 млн баррелей.')).not.toEqual([]);
  });
  it('keys a phone number by its digits, however its groups are written', () => {
    expect(serious('Call +7 495 123-45-67.', 'Звоните по телефону +7 (495) 123-45-67.')).toEqual([]);
    expect(serious('Call +7 495 123-45-67.', 'Звоните по телефону +7 (495) 123-45-76.')).not.toEqual([]);
    expect(keys('+44 20 7946 0958')).toEqual(['phone:442079460958']);
  });
});

describe('times and ordinals', () => {
  it('reads a Russian HH.MM after a preposition of time as a clock time', () => {
    expect(serious('The meeting starts at 3.30pm.', 'Встреча начнется в 15.30.')).toEqual([]);
    expect(serious('Shops open from 9am to 6pm.', 'Магазины работают с 9.00 до 18.00.')).toEqual([]);
    expect(serious('The meeting starts at 3.30pm.', 'Встреча начнется в 16.30.')).not.toEqual([]);
    expect(serious('Prices rose 1.5 times.', 'Цены выросли в 1.5 раза.')).toEqual([]);
  });
  it('takes an ordinal word as the counterpart of an ordinal in digits', () => {
    expect(checkNumbers('He finished 3rd in the race.', 'Он финишировал третьим в гонке.')).toEqual([]);
    expect(checkNumbers('He finished third in the race.', 'Он финишировал 3-м в гонке.')).toEqual([]);
    expect(serious('He finished 3rd in the race.', 'Он финишировал четвертым в гонке.')).not.toEqual([]);
    expect(serious('On Friday 5 people died.', 'В пятницу погибли 5 человек.')).toEqual([]);
  });
});
