import { describe, expect, it } from 'vitest';
import { checkPair, checkUnits, corpusVocabulary, lengthNorm, renderReport, type AlignedUnit, type Flag } from '../src/check/index.js';
import { stem } from '../src/text/tokens.js';

/** The seed story (data/000_* EN, data/001_* RU) as an aligner gives it: each EN sentence with its RU sentence(s). */
const SEED_PAIRS: Array<[string, string]> = [
  ['Belarus and Russia stake high hopes on cooperation in the manufacturing sector, Belarusian President Aleksandr Lukashenko said as he met with the head of Russia\'s Tatarstan Rustam Minnikhanov in Minsk on 13 April.', 'Беларусь и Россия делают очень большую ставку на промышленную сферу. Об этом Президент Беларуси Александр Лукашенко заявил на встрече с главой Татарстана Рустамом Миннихановым.'],
  ['"In cooperation with Russia we stake high hopes on the manufacturing sector.', '“Мы делаем очень большую ставку в сотрудничестве с Россией на промышленную сферу.'],
  ['This is why the Russian President and I once again paid special attention to this during bilateral negotiations and a meeting of the Supreme State Council of the Union State last week," Aleksandr Lukashenko said.', 'Именно поэтому мы с Президентом России в очередной раз уделили особое внимание этому направлению в ходе двусторонних переговоров и заседания ВГС на прошлой неделе в Москве”, – заявил Александр Лукашенко.'],
  ['According to him, the results of the joint work are already visible.', 'По его словам, итоги совместной работы уже видны.'],
  ['The President cited the example of cooperation in the manufacturing sector with Tatarstan.', 'Президент привел в пример сотрудничество в сфере промышленности с Татарстаном.'],
  ['In Kazan, there is a trade and production company MTZ-Tatarstan which has become a hub for many Belarusian enterprises.', 'В Казани функционирует Торгово-производственная компания МТЗ-Татарстан. Сегодня она стала хабом по реализации продукции многих белорусских предприятий.'],
  ['Minsk Motor Plant together with Tatarstan partners are designing modern gas engines.', 'А Минский моторный завод совместно с татарстанскими партнерами создает современные газовые двигатели.'],
  ['"It would be nice if you could help speed up their certification and launch their batch production," the head of state said.', '“Неплохо было бы, если бы вы помогли ускорить их сертификацию и запуск в серийное производство”, – сказал глава государства.'],
  ['The Belarusian Industry Ministry and KAMAZ agreed to advance cooperation in the production of various automotive parts, components, assemblies and microelectronics.', 'Министерство промышленности Беларуси и КАМАЗ договорились об углублении кооперации по производству различных автокомпонентов, узлов, агрегатов и микроэлектроники.'],
  ['"We just need to move faster.', '“Надо просто быстрее это делать.'],
  ['We need to speed up.', 'Надо ускоряться.'],
  ['Time forces us to accelerate," the Belarusian leader said.', 'Время нас заставляет ускоряться”, – отметил белорусский лидер.'],
  ['In 2021 alone, Belarus and Russia imported $19 billion worth of automotive components for the transport engineering.', 'Только в 2021 году Беларусь и Россия импортировали автокомпоненты для транспортного машиностроения на сумму свыше $19 млрд.'],
  ['The President stressed that this is huge money that must be saved to stay in the countries.', 'Президент подчеркнул, что это огромные деньги, которые необходимо сохранить внутри своих стран.'],
  ['"You and I can play a major role here," he added.', '“Мы с вами здесь можем сыграть основную роль”, – добавил он.'],
  ['Aleksandr Lukashenko recalled that plans are in place to launch about 15 projects in mechanical engineering within the framework of the Union State.', 'Александр Лукашенко напомнил, что в рамках Союзного государства планируется запустить около 15 проектов в машиностроении.'],
  ['The issues of their financing have been resolved.', 'Вопросы их финансирования решены.'],
  ['Belarus and Russia will jointly produce a wide range of goods: microcircuits, rock haulers, farm machines, and other equipment.', 'Беларусь и Россия будут вместе производить широкую линейку продукции: микросхемы, карьерные самосвалы, сельхозмашины, другую технику.'],
  ['"We just need to fight any delays," the head of state said.', '“Мы просто обязаны в этой ситуации выиграть время”, – заявил глава государства.'],
];

const seedUnits: AlignedUnit[] = SEED_PAIRS.map(([en, ru], index) => ({ index, en, ru, score: 0.8, bead: '1-1' }));
const flagsOf = (result: Array<{ index: number; flags: Flag[] }>, index: number) => result.find((r) => r.index === index)?.flags ?? [];
const serious = (f: Flag) => f.severity !== 'info';
const unit = (index: number, en: string, ru: string): AlignedUnit => ({ index, en, ru, score: 0.9, bead: '1-1' });
/** A document of plain body sentences around the unit under test, so that the length norm has pairs. */
const doc = (...middle: AlignedUnit[]): AlignedUnit[] => [
  unit(0, 'The talks lasted for several hours on Monday.', 'Переговоры продолжались несколько часов в понедельник.'),
  ...middle,
  unit(9, 'Both sides agreed to meet again next month.', 'Стороны договорились снова встретиться в следующем месяце.'),
];
const norm = { mean: 0.1, sd: 0.15 };

describe('seed story', () => {
  const result = checkUnits(seedUnits);
  it('names 13 April missing in Russian in the lead', () => {
    const lead = flagsOf(result, 0).filter((f) => f.kind === 'number');
    expect(lead.some((f) => f.severity === 'error' && f.en.includes('13 April') && /missing in Russian/.test(f.message))).toBe(true);
  });
  it('names Moscow added in Russian (an info note: the English side is not shorter than usual)', () => {
    const quote = flagsOf(result, 2).filter((f) => f.kind === 'name');
    expect(quote.some((f) => f.ru.includes('Москве') && /Moscow.*added in Russian/.test(f.message))).toBe(true);
  });
  it('raises no number error where the numbers agree (2021, $19 billion ~ свыше $19 млрд, about 15 ~ около 15)', () => {
    for (const i of [12, 15]) expect(flagsOf(result, i).filter((f) => f.kind === 'number' && serious(f))).toEqual([]);
    expect(flagsOf(result, 12).some((f) => f.kind === 'number' && f.severity === 'info' && /over/.test(f.message))).toBe(true);
  });
  it('does not flag names that have a transliterated or lower-case counterpart', () => {
    const all = result.flatMap((r) => r.flags).filter((f) => f.kind === 'name' && serious(f)).flatMap((f) => [...f.en, ...f.ru]);
    for (const name of ['Lukashenko', 'Belarusian', 'KAMAZ', 'Tatarstan', 'Kazan', 'President', 'Union', 'Президент', 'МТЗ-Татарстан']) {
      expect(all).not.toContain(name);
    }
  });
});

describe('numbers', () => {
  it('flags a number missing in Russian and one missing in English', () => {
    expect(checkPair('The plant employs 1,200 people.', 'На заводе работают люди.').map((f) => f.message)).toEqual(['1,200 missing in Russian']);
    expect(checkPair('The plant employs people.', 'На заводе работают 1 200 человек.').filter((f) => f.kind === 'number')[0].ru).toEqual(['1 200']);
  });
  it('reports a changed number as different, not as two missing ones', () => {
    const flags = checkPair('Exports grew by 12% in 2022.', 'Экспорт вырос на 15% в 2022 году.').filter((f) => f.kind === 'number');
    expect(flags).toHaveLength(1);
    expect(flags[0].en).toEqual(['12%']);
    expect(flags[0].ru).toEqual(['15%']);
  });
  it('accepts thousands separators, scales, dates and spelled numbers as counterparts', () => {
    expect(checkPair('It cost 1,000 dollars on 5 May.', 'Это стоило 1 000 долларов 5 мая.')).toEqual([]);
    expect(checkPair('Turnover reached $2.5 billion.', 'Оборот достиг $2,5 млрд.')).toEqual([]);
    expect(checkPair('Fifteen projects were approved.', 'Одобрено 15 проектов.')).toEqual([]);
    expect(checkPair('15 projects were approved.', 'Одобрено пятнадцать проектов.')).toEqual([]);
  });
  it('matches clock times across 12- and 24-hour notation', () => {
    expect(checkPair('The match starts at 3 p.m. on Wednesday.', 'Матч начнется в среду в 15:00.').filter((f) => f.kind === 'number')).toEqual([]);
  });
  it('can be disabled', () => {
    expect(checkPair('It cost 7 dollars.', 'Это стоило 9 долларов.', { disabled: ['number'] })).toEqual([]);
  });
});

describe('names', () => {
  it('flags a name missing in Russian and one added in Russian', () => {
    const missing = checkPair('Talks with Nazarbayev were held in Astana.', 'Переговоры прошли в Астане.');
    expect(missing.filter((f) => f.kind === 'name').map((f) => f.en)).toEqual([['Nazarbayev']]);
    const added = checkPair('Talks were held in Astana.', 'Переговоры с Назарбаевым прошли в Астане.');
    expect(added.filter((f) => f.kind === 'name').map((f) => f.ru)).toEqual([['Назарбаевым']]);
  });
  it('finds counterparts spelled by sound rather than letter', () => {
    const flags = checkPair('Senator Elizabeth Warren met Jones in West Virginia.', 'Сенатор Элизабет Уоррен встретилась с Джонсом в Западной Вирджинии.');
    expect(flags.filter((f) => f.kind === 'name' && serious(f)).flatMap((f) => f.en)).not.toContain('Warren');
    expect(flags.filter((f) => f.kind === 'name' && serious(f)).flatMap((f) => f.en)).not.toContain('Jones');
  });
  it('can be disabled', () => {
    expect(checkPair('Talks with Nazarbayev were held.', 'Переговоры прошли.', { disabled: ['name'] })).toEqual([]);
  });
});

describe('omissions, additions, low score', () => {
  const body = (i: number): AlignedUnit => ({ index: i, en: `Sentence number ${i} of the body says something long enough.`, ru: `Предложение номер ${i} основного текста говорит достаточно.`, score: 0.9, bead: '1-1' });
  const omitted: AlignedUnit = { index: 2, en: 'The ministry also said that the new rules will apply to all imported goods.', ru: '', score: 0, bead: '1-0' };
  const added: AlignedUnit = { index: 2, en: '', ru: 'Министерство также сообщило, что новые правила распространятся на все ввозимые товары.', score: 0, bead: '0-1' };
  it('flags a 1-0 bead inside the body as an omission and a 0-1 bead as an addition', () => {
    const units = [body(0), body(1), omitted, body(3), body(4)];
    expect(flagsOf(checkUnits(units), 2).map((f) => [f.kind, f.severity])).toEqual([['omission', 'warning']]);
    const units2 = [body(0), body(1), added, body(3), body(4)];
    expect(flagsOf(checkUnits(units2), 2).map((f) => [f.kind, f.severity])).toEqual([['addition', 'warning']]);
  });
  it('keeps a short trailer at the document edge to info, and a long run in the body is an error', () => {
    const trailer: AlignedUnit = { index: 5, en: '', ru: 'Источник: БелТА', score: 0, bead: '0-1' };
    expect(flagsOf(checkUnits([body(0), body(1), body(2), body(3), body(4), trailer]), 5).map((f) => f.severity)).toEqual(['info']);
    const run = [1, 2, 3].map((i) => ({ ...omitted, index: i }));
    const flags = checkUnits([body(0), ...run, body(4)]);
    expect(flagsOf(flags, 2).map((f) => f.severity)).toEqual(['error']);
  });
  it('flags a low alignment score, and each can be disabled', () => {
    const low = { ...body(1), score: 0.1 };
    expect(flagsOf(checkUnits([body(0), low, body(2)]), 1).map((f) => f.kind)).toEqual(['low-score']);
    expect(checkUnits([body(0), low, body(2)], { disabled: ['low-score'] })).toEqual([]);
    expect(checkUnits([body(0), body(1), omitted, body(3)], { disabled: ['omission'] })).toEqual([]);
  });
});

describe('length, untranslated, quotes, brackets, urls', () => {
  const en = 'The government approved the budget for next year after a long debate.';
  it('flags a pair far from the corpus length norm, either way', () => {
    const norm = lengthNorm(seedUnits);
    expect(checkPair(en, 'Бюджет утвержден.', { lengthRatio: norm }).map((f) => f.kind)).toEqual(['length']);
    expect(checkPair('Budget approved.', 'Правительство после долгих и продолжительных дебатов утвердило бюджет на следующий год и ряд поправок.', { lengthRatio: norm }).map((f) => f.kind)).toEqual(['length']);
    expect(checkPair(en, 'Бюджет утвержден.', { lengthRatio: norm, disabled: ['length'] })).toEqual([]);
  });
  it('flags untranslated text on either side and identical text', () => {
    expect(checkPair(en, en).map((f) => f.kind)).toContain('untranslated');
    expect(checkPair('Правительство утвердило бюджет на следующий год.', 'Правительство одобрило бюджет.').map((f) => f.kind)).toContain('untranslated');
    expect(checkPair(en, en, { disabled: ['untranslated', 'length'] })).toEqual([]);
    // A link is Latin in any language: it does not make the Russian side untranslated, prose does.
    const link = 'Подробности на https://www.example.com/news/2024/government-approves-next-year-budget-details.html';
    expect(checkPair('Details at https://www.example.com/news/2024/government-approves-next-year-budget-details.html', link).map((f) => f.kind)).not.toContain('untranslated');
    expect(checkPair('The government approved the budget.', 'The government approved the budget for next year.').map((f) => f.kind)).toContain('untranslated');
  });
  it('flags quotes or brackets unbalanced on one side only', () => {
    expect(checkPair('He said "yes" (twice).', 'Он сказал «да» (дважды.').map((f) => f.kind)).toEqual(['brackets']);
    expect(checkPair('He said "yes".', 'Он сказал «да.').map((f) => [f.kind, f.ru])).toEqual([['quotes', ['«']]]);
    expect(checkPair('"We will win.', '“Мы победим.')).toEqual([]);
    expect(checkPair('He said "yes".', 'Он сказал «да.', { disabled: ['quotes'] })).toEqual([]);
  });
  it('flags URLs, e-mails, hashtags and handles that differ', () => {
    const flags = checkPair('See www.belta.by or write to info@belta.by #news', 'См. belta.by или пишите на info@belta.by');
    expect(flags.filter((f) => f.kind === 'url').flatMap((f) => f.en)).toEqual(['www.belta.by', '#news']);
    expect(checkPair('Follow @president_by', 'Подпишитесь на @president_by').filter((f) => f.kind === 'url')).toEqual([]);
  });
});

describe('renderReport', () => {
  it('escapes hostile text and marks the evidence', () => {
    const units: AlignedUnit[] = [{ index: 0, en: 'Tom & <script>alert(1)</script> paid 5 dollars', ru: 'Том заплатил доллары', score: 0.9, bead: '1-1' }];
    const html = renderReport([{ title: 'A & <b>', enPath: 'en.txt', ruPath: 'ru.txt', units, flags: checkUnits(units) }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('Tom &#38; ');
    expect(html).toContain('<mark>5</mark>');
    expect(html).not.toMatch(/<link|<script|src=/);
    expect(html).toMatch(/<th>number<\/th><td>2<\/td>/);
  });
});

describe('second round: phonetic names, lexicon, corpus vocabulary, number localisations', () => {
  const nameFlags = (flags: Flag[]) => flags.filter((f) => f.kind === 'name' && serious(f)).flatMap((f) => [...f.en, ...f.ru]);
  it('matches names Russian spells by sound', () => {
    const flags = checkPair('Michael Hughes flew from Washington to Pyongyang with Jeffrey.', 'Майкл Хьюз вылетел из Вашингтона в Пхеньян вместе с Джеффри.');
    expect(nameFlags(flags)).toEqual([]);
  });
  it('still flags a name that is really missing', () => {
    expect(nameFlags(checkPair('Yesterday Michael Hughes flew to Pyongyang.', 'Вчера Хьюз вылетел в Пхеньян.'))).toEqual(['Michael']);
  });
  it('takes a lexicon translation of a capitalised word as its counterpart', () => {
    const en = 'On Monday Treasury lawyers rejected the appeal.';
    const ru = 'В понедельник юристы казначейства отклонили апелляцию.';
    const all = (flags: Flag[]) => flags.filter((f) => f.kind === 'name').flatMap((f) => [...f.en, ...f.ru]);
    // A common English word in a name: a note without the lexicon (it may be translated), nothing with it.
    expect(all(checkPair(en, ru))).toContain('Treasury');
    const lexicon = { entries: [{ src: stem('Treasury'), tgt: stem('казначейства'), weight: 0.7 }] };
    expect(nameFlags(checkPair(en, ru, { lexicon }))).toEqual([]);
  });
  it('keeps a capitalised word the corpus writes in lower case to an info note', () => {
    const vocabulary = corpusVocabulary([{ en: 'The hurricane hit the coast.', ru: 'Ураган обрушился на побережье.' }]);
    const name = (en: string) => checkPair(en, 'Синоптики сообщили, что шторм слабеет.', { vocabulary }).filter((f) => f.kind === 'name');
    expect(name('Forecasters said the Hurricane is weakening.').map((f) => f.severity)).toEqual(['info']);
    expect(name('Forecasters said Rosa is weakening.').map((f) => f.severity)).toEqual(['warning']);
  });
  it('accepts decades, Russian clock times, glued scales and compound spelled numbers', () => {
    const numberFlags = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'number' && serious(f));
    expect(numberFlags('The congregation moved out in the 1930s.', 'Прихожане покинули приход в 30-е годы.')).toEqual([]);
    expect(numberFlags('The attack occurred at 7 a.m.', 'Нападение произошло в 7 утра.')).toEqual([]);
    expect(numberFlags('At 2pm two vans arrived.', 'В 2 часа дня прибыли два автобуса.')).toEqual([]);
    expect(numberFlags('It sold the business for £125m.', 'Бизнес продан за 125 млн фунтов.')).toEqual([]);
    expect(numberFlags('A 25,000-strong crowd gathered.', 'Собралась 25-тысячная толпа.')).toEqual([]);
    expect(numberFlags('It will be less than 48.', 'Меньше сорока восьми.')).toEqual([]);
    expect(numberFlags('Expect 1 to 4 inches of rain.', 'Ожидается от 2,5 до 10 см осадков.')).toEqual([]);
    expect(numberFlags('The attack occurred at 7 a.m.', 'Нападение произошло в 9 утра.')).toHaveLength(1);
  });
});

describe('third round: conversions, moved names, acronyms, adjectives', () => {
  const numberFlags = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'number' && serious(f));
  const nameFlags = (flags: Flag[]) => flags.filter((f) => f.kind === 'name' && serious(f)).flatMap((f) => [...f.en, ...f.ru]);
  it('accepts a plausible unit conversion and warns about an implausible one', () => {
    const en = 'Rosa had winds of 85 mph and was located 385 miles southwest of Punta Eugenia.';
    expect(numberFlags(en, 'Ветер достигал 135 км/ч, циклон находился в 620 км к юго-западу от Пунта-Эухении.')).toEqual([]);
    const wrong = numberFlags(en, 'Ветер достигал 131 км/ч, циклон находился в 620 км к юго-западу от Пунта-Эухении.');
    expect(wrong.map((f) => [f.en, f.ru])).toEqual([[['85'], ['131']]]);
    expect(numberFlags('New York could reach 80 degrees.', 'В Нью-Йорке может быть до 27 градусов.')).toEqual([]);
    expect(numberFlags('New York could reach 80 degrees.', 'В Нью-Йорке может быть до 22 градусов.')).toHaveLength(1);
  });
  it('keeps a name moved to the neighbouring sentence to an info note', () => {
    const units: AlignedUnit[] = [
      { index: 0, en: 'The storm hit the coast on Sunday.', ru: 'Шторм обрушился на побережье в воскресенье.', score: 0.9, bead: '1-1' },
      { index: 1, en: 'Officials in Acapulco ordered an evacuation.', ru: 'Местные власти распорядились начать эвакуацию.', score: 0.9, bead: '1-1' },
      { index: 2, en: 'Thousands of people left their homes.', ru: 'Тысячи жителей Акапулько покинули свои дома.', score: 0.9, bead: '1-1' },
    ];
    const moved = flagsOf(checkUnits(units), 1).filter((f) => f.kind === 'name');
    expect(moved.map((f) => f.severity)).toEqual(['info']);
    expect(moved[0].message).toMatch(/moved/);
    const dropped = units.map((u, i) => (i === 2 ? { ...u, ru: 'Тысячи жителей покинули свои дома.' } : u));
    const flag = flagsOf(checkUnits(dropped), 1).filter((f) => f.kind === 'name');
    expect(flag.map((f) => f.message).join()).not.toMatch(/moved/);
    const known = dropped.map((u, i) => (i === 0 ? { ...u, en: 'The storm hit Acapulco on Sunday.', ru: 'Шторм обрушился на Акапулько в воскресенье.' } : u));
    expect(flagsOf(checkUnits(known), 1).filter((f) => f.kind === 'name').map((f) => f.severity)).toEqual(['warning']);
  });
  it('does not let a sentence-initial word or a person\'s name pair with an unrelated acronym', () => {
    expect(nameFlags(checkPair('But Grassley said the FBI would look into it.', 'Однако ФБР займется этим.'))).toEqual(['Grassley']);
    expect(nameFlags(checkPair('The Federation of German Industries (BDI) called on the US to stay away.', 'Федерация призвала США держаться подальше.'))).toContain('BDI');
    expect(nameFlags(checkPair('The FBI will investigate.', 'ФБР проведет расследование.'))).toEqual([]);
  });
  it('matches nationality adjectives to Russian compounds and warns when one the translation spells by sound is missing', () => {
    expect(nameFlags(checkPair('North Korean defectors arrived.', 'Прибыли северокорейские перебежчики.'))).toEqual([]);
    const units: AlignedUnit[] = [
      { index: 0, en: 'Chilean officials welcomed the ruling.', ru: 'Чилийские чиновники приветствовали решение.', score: 0.9, bead: '1-1' },
      { index: 1, en: 'The rhetoric has sapped any Chilean goodwill, she said.', ru: 'По ее словам, риторика уничтожила доброжелательность.', score: 0.9, bead: '1-1' },
    ];
    expect(flagsOf(checkUnits(units), 1).filter((f) => f.kind === 'name').map((f) => f.severity)).toEqual(['warning']);
    expect(checkPair('The rhetoric has sapped any Chilean goodwill.', 'Риторика уничтожила доброжелательность.').filter((f) => f.kind === 'name').map((f) => f.severity)).toEqual(['info']);
  });
  it('lowers a title-case headline word seen nowhere else, but not a name the body repeats', () => {
    const units: AlignedUnit[] = [
      { index: 0, en: 'Hurricane Rosa Soars Above Baja California', ru: 'Ураган «Роза» усиливается у Нижней Калифорнии', score: 0.9, bead: '1-1' },
      { index: 1, en: 'Rosa is expected to weaken near Baja California on Monday.', ru: 'Ожидается, что в понедельник «Роза» ослабнет у Нижней Калифорнии.', score: 0.9, bead: '1-1' },
    ];
    const head = flagsOf(checkUnits(units), 0).filter((f) => f.kind === 'name');
    expect(head.filter(serious)).toEqual([]);
    const dropped = units.map((u, i) => (i === 0 ? { ...u, ru: 'Ураган усиливается у Нижней Калифорнии' } : u));
    expect(nameFlags(flagsOf(checkUnits(dropped), 0)).join(' ')).toMatch(/\bRosa\b/);
  });
});

describe('fourth round: severity is evidence, abbreviations, sound rules', () => {
  const nameFlags = (flags: Flag[]) => flags.filter((f) => f.kind === 'name');
  const severities = (units: AlignedUnit[], i: number) => nameFlags(flagsOf(checkUnits(units, { lengthRatio: norm }), i)).map((f) => f.severity);

  it('EN→RU: a name missing in a sentence of normal length and rendered nowhere else is info; rendered elsewhere or with the clause gone, a warning', () => {
    const freedom = doc(unit(1, 'Officials in Acapulco ordered an evacuation of the coast.', 'Местные власти распорядились эвакуировать побережье.'));
    expect(severities(freedom, 1)).toEqual(['info']);
    expect(nameFlags(flagsOf(checkUnits(freedom, { lengthRatio: norm }), 1))[0].message).toMatch(/rendered nowhere else/);
    const known = [...freedom, unit(5, 'Acapulco is a resort.', 'Акапулько — курорт.')];
    expect(severities(known, 1)).toEqual(['warning']);
    const clause = doc(unit(1, 'Officials in Acapulco, the largest resort on the Pacific coast of the country, ordered an evacuation.', 'Власти распорядились начать эвакуацию.'));
    expect(severities(clause, 1)).toEqual(['warning']);
  });
  it('RU→EN: an added name is a warning only when the English side is short and the name new to the English document', () => {
    const added = doc(unit(1, 'The minister arrived yesterday.', 'Министр прибыл вчера в Вашингтон, где проведет переговоры с представителями Конгресса и Госдепартамента.'));
    expect(severities(added, 1)).toContain('warning');
    const explicit = doc(unit(1, 'The minister arrived yesterday, officials said.', 'Как сообщил Лавров, министр прибыл вчера.'), unit(2, 'Lavrov spoke to reporters.', 'Лавров выступил перед журналистами.'));
    const flags = nameFlags(flagsOf(checkUnits(explicit, { lengthRatio: norm }), 1));
    expect(flags.map((f) => f.severity)).toEqual(['info']);
    expect(flags[0].message).toMatch(/named elsewhere in English/);
  });
  it('takes an unmatched name on the other side with the same initial sound as a possible rendering, both directions', () => {
    const units = doc(unit(1, 'Joan Puig recorded the protest on his phone.', 'Хоан Пуч записал весь этот митинг на свой мобильный телефон.'));
    const flags = nameFlags(flagsOf(checkUnits(units, { lengthRatio: norm }), 1));
    expect(flags.filter(serious)).toEqual([]);
    expect(flags.some((f) => f.en.includes('Puig') && /may be its rendering/.test(f.message))).toBe(true);
  });
  it('raises a capitalised common word to a warning when the Russian lost about a clause', () => {
    const vocabulary = corpusVocabulary([{ en: 'the times were hard', ru: 'времена были тяжелые' }]);
    const units = doc(unit(1, 'A senior source told The Sunday Times that a policy review is expected before the end of the year.', 'Ожидается пересмотр.'));
    const flags = nameFlags(flagsOf(checkUnits(units, { lengthRatio: norm, vocabulary }), 1));
    expect(flags.find((f) => f.en.includes('Times'))?.severity).toBe('warning');
  });
  it('does not take a sentence ending in a full stop for a title-case headline', () => {
    const list = 'Relatives of Diego Angelini, Nicholas Cleves, Darren Drake, Hernan Ferruchi and Ariel Erlij.';
    const units = doc(unit(1, list, 'Родственники Диего Анджелини, Николаса Клевеса, Даррена Дрейка и Ариэля Эрлия.'), unit(2, 'Ferruchi was 47.', 'Ферруччи было 47 лет.'));
    const flag = nameFlags(flagsOf(checkUnits(units, { lengthRatio: norm }), 1)).find((f) => f.en.includes('Ferruchi'));
    expect(flag?.message ?? '').not.toMatch(/headline/);
  });
  it('matches abbreviations written as words or read out letter by letter, both directions', () => {
    const names = (en: string, ru: string) => nameFlags(checkPair(en, ru)).flatMap((f) => [...f.en, ...f.ru]);
    expect(names('The PM met reporters.', 'Премьер-министр встретился с журналистами.')).toEqual([]);
    expect(names('He told the BBC on Monday.', 'Он рассказал Би-би-си в понедельник.')).toEqual([]);
    expect(names('Local media reported the attack.', 'Об атаке сообщили местные СМИ.')).toEqual([]);
    expect(names('He told the BBC on Monday.', 'Он рассказал в понедельник.')).toEqual(['BBC']);
    expect(names('Local residents reported the attack.', 'Об атаке сообщили местные СМИ.')).toEqual(['СМИ']);
  });
  it('checks a hyphenated compound by its capitalised parts and skips name particles', () => {
    const names = (en: string, ru: string) => nameFlags(checkPair(en, ru)).flatMap((f) => [...f.en, ...f.ru]);
    expect(names('The Kim-Trump summit ended.', 'Саммит Кима и Трампа завершился.')).toEqual([]);
    expect(names('It sued the magazine Der Spiegel.', 'Он подал в суд на журнал «Шпигель».')).toEqual([]);
    expect(names('The Kim-Trump summit ended.', 'Саммит завершился.')).toEqual(['Kim-Trump']);
  });
  it('hears Chinese names in Palladius spelling, English ew, initial x and exonyms, both directions', () => {
    const names = (en: string, ru: string) => nameFlags(checkPair(en, ru)).flatMap((f) => [...f.en, ...f.ru]);
    expect(names('Xi Jinping met Zhou.', 'Си Цзиньпин встретился с Чжоу.')).toEqual([]);
    expect(names('Dewar said so.', 'Дьюар так сказал.')).toEqual([]);
    expect(names('A Welsh farmer and a Dane met in Vienna.', 'Валлийский фермер и датчанин встретились в венском кафе.')).toEqual([]);
    expect(names('A farmer met him.', 'Фермер из Уэльса и Цзиньпин встретились.')).toEqual(['Уэльса', 'Цзиньпин']);
    expect(names('A farmer from Wales met Xi Jinping.', 'Фермер встретился с председателем КНР.')).toEqual(['Wales', 'Jinping', 'КНР']);
  });
});

describe('qualifiers', () => {
  const numberNotes = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'number').map((f) => f.message);
  it('reads `до` after a verb of change as the target, elsewhere as a bound', () => {
    expect(numberNotes('Prices rose to 1,250.75 rubles.', 'Цены выросли до 1 250,75 рубля.')).toEqual([]);
    expect(numberNotes('Inflation slowed to 5%.', 'Инфляция замедлилась до 5%.')).toEqual([]);
    expect(numberNotes('Up to 300 people attended.', 'На мероприятии было до 300 человек.')).toEqual([]);
    expect(numberNotes('300 people attended.', 'На мероприятии было до 300 человек.')).toEqual(['qualifier differs for 300: "under" in Russian only']);
  });
});

describe('names: clitics, titles and quoted speech', () => {
  const names = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'name').flatMap((f) => [...f.en, ...f.ru]);
  it('reads an acronym with a possessive as the acronym, so the other side\'s acronym answers it', () => {
    expect(names('The FBI\'s investigation delayed the vote.', 'Расследование ФБР задержало голосование.')).toEqual([]);
    expect(names('The FBI\'s investigation delayed the vote.', 'Расследование задержало голосование.')).toEqual(['FBI']);
    expect(names('The investigation delayed the vote.', 'Расследование ФБР задержало голосование.')).toEqual(['ФБР']);
  });
  it('takes titles before a name (Judge, Sens.) as words, not names', () => {
    expect(names('Judge Brett Kavanaugh thanked Sens. John Kennedy and Lindsey Graham.', 'Судья Бретт Кавано поблагодарил сенаторов Джона Кеннеди и Линдси Грэма.')).toEqual([]);
    const dropped = names('Judge Brett Kavanaugh thanked Sens. John Kennedy and Lindsey Graham.', 'Судья Бретт Кавано поблагодарил сенаторов.');
    expect(dropped).toContain('Lindsey Graham');
    expect(dropped.filter((n) => /Judge|Sens/.test(n))).toEqual([]);
  });
  it('does not let a run both sides hold stand for a dropped acronym', () => {
    const en = 'It counted viewers of CBS, CNN, Fox News Channel and MSNBC.';
    expect(names(en, 'Учитывались зрители CBS, CNN, Fox News Channel и MSNBC.')).toEqual([]);
    expect(names(en, 'Учитывались зрители CBS, Fox News Channel и MSNBC.')).toEqual(['CNN']);
  });
  it('does not take the first word of quoted speech for a name', () => {
    expect(names('He called him and said, \'Did you do it?\'', 'Он позвонил ему и спросил: «Ты это сделал?»')).toEqual([]);
    expect(names('Он позвонил и сказал: «Где вы были?»', 'He called and said, "Where were you?"')).toEqual([]);
  });
});

describe('name evidence: common words, title words rendered by sound, whole names', () => {
  const nameFlagsAt = (units: AlignedUnit[], i: number) => flagsOf(checkUnits(units, { lengthRatio: norm }), i).filter((f) => f.kind === 'name');
  const flagged = (units: AlignedUnit[], i: number, name: string) => nameFlagsAt(units, i).find((f) => f.en.includes(name) || f.ru.includes(name));

  it('notes a common English word in a name that Russian translates, and warns when the document renders it by sound', () => {
    const counter = doc(
      unit(1, 'He built the first Geiger Counter in 1928.', 'Он построил первый счетчик Гейгера в 1928 году.'),
      unit(2, 'The Geiger Counter became famous.', 'Счетчик Гейгера стал знаменитым.'),
    );
    expect(flagged(counter, 1, 'Counter')?.severity).toBe('info');
    const surname = doc(
      unit(1, 'Senator Jeff Flake voted against the bill.', 'Сенатор Джефф Флейк проголосовал против законопроекта.'),
      unit(2, 'Later that day Flake changed his mind about the vote.', 'Позже в тот же день сенатор передумал насчет голосования.'),
    );
    expect(flagged(surname, 2, 'Flake')?.severity).toBe('warning');
  });
  it('checks a title word as a name when the document renders it by sound (Kanye West), not when it is translated', () => {
    const kanye = doc(
      unit(1, 'Kanye West appeared on the show on Saturday.', 'Канье Уэст появился на шоу в субботу.'),
      unit(2, 'Later, Kanye West spoke about politics at length.', 'Позже Канье Уэст долго говорил о политике.'),
      unit(3, 'The crowd cheered as West went on with his speech.', 'Толпа аплодировала, пока продолжалась речь.'),
    );
    expect(flagged(kanye, 3, 'West')).toBeDefined();
    const compass = doc(
      unit(1, 'The storm moved West on Saturday.', 'В субботу шторм сместился на запад.'),
      unit(2, 'Forecasters expect it to turn West again.', 'Синоптики ожидают, что он снова повернет на запад.'),
    );
    expect(flagged(compass, 1, 'West')).toBeUndefined();
  });
  it('warns when a whole multi-word name is gone, not when the translation keeps a part of it', () => {
    const gone = doc(unit(1, 'Omar Navarro, a Republican candidate, also voiced his thoughts on Twitter.', 'Кандидат от республиканцев также высказал свои мысли в Твиттере.'));
    expect(flagged(gone, 1, 'Navarro')?.severity).toBe('warning');
    const part = doc(unit(1, 'He replaces singer Ariana Grande on the show.', 'Он заменит на этом шоу известную певицу Ариану.'));
    expect(flagged(part, 1, 'Grande')?.severity).toBe('info');
  });
  it('matches plural acronyms to words and does not let a short name sound like a lower-case pronoun', () => {
    const names = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'name').flatMap((f) => [...f.en, ...f.ru]);
    expect(names('Supermarkets used the space for TVs.', 'Супермаркеты отводили место под телевизоры.')).toEqual([]);
    expect(names('Two Labour MPs resigned.', 'Два члена парламента от лейбористов ушли в отставку.')).toEqual([]);
    expect(names('Her partner Ana Balarin commented on the launch.', 'Ее партнер прокомментировал запуск, он доволен.')).toContain('Ana Balarin');
  });
  it('reads initial h as г, j as ж and Russian -ский adjectives, both directions', () => {
    const names = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'name').flatMap((f) => [...f.en, ...f.ru]);
    expect(names('She is a Hollywood star.', 'Она голливудская звезда.')).toEqual([]);
    expect(names('Oriol Junqueras spoke to Gregor Henry.', 'Ориол Жункерас поговорил с Грегором Генри.')).toEqual([]);
    expect(names('They came from Ohio and Mexico City.', 'Они приехали из Огайо и Мехико.')).toEqual([]);
    expect(names('She was a Jew.', 'Она была еврейкой.')).toEqual([]);
  });
  it('takes США after доллар for the currency, not an added country', () => {
    const names = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'name').flatMap((f) => [...f.en, ...f.ru]);
    expect(names('He was fined $2,000.', 'Его оштрафовали на 2 000 долларов США.')).toEqual([]);
    expect(names('He was fined in Ohio.', 'Его оштрафовали в США.')).toContain('США');
  });
});

describe('name evidence, round 8: names as Russian writes them, moves, pronouns, whole names', () => {
  const nameFlagsAt = (units: AlignedUnit[], i: number, options = {}) => flagsOf(checkUnits(units, { lengthRatio: norm, ...options }), i).filter((f) => f.kind === 'name');
  const flagged = (units: AlignedUnit[], i: number, name: string, options = {}) => nameFlagsAt(units, i, options).find((f) => f.en.includes(name) || f.ru.includes(name));

  it('warns on a common English word the document uses as a name (Waters ~ Уотерс), not on a cognate common noun (Hill ~ холм)', () => {
    const vocabulary = corpusVocabulary([unit(0, 'The flood waters rose near the hill.', 'Вода поднялась у холма.')]);
    const waters = doc(
      unit(1, 'Representative Maxine Waters spoke on Monday.', 'В понедельник выступила член палаты Максин Уотерс.'),
      unit(2, 'In her statement, Waters said her office had alerted the authorities.', 'В своем заявлении сообщила, что ее офис предупредил власти.'),
    );
    expect(flagged(waters, 2, 'Waters', { vocabulary })?.severity).toBe('warning');
    const hill = doc(
      unit(1, 'Protesters gathered on Capitol Hill on Monday.', 'Протестующие собрались на Капитолийском холме в понедельник.'),
      unit(2, 'The hearing on Capitol Hill lasted all day.', 'Слушания на Капитолии длились весь день.'),
    );
    expect(flagged(hill, 2, 'Hill', { vocabulary })?.severity ?? 'info').toBe('info');
  });

  it('takes a name found in a neighbour as moved only when it lengthened that neighbour', () => {
    const before = unit(1, 'The president arrived in Germany on Friday for a state visit.', 'Президент Эрдоган прибыл в Германию в пятницу с государственным визитом.');
    const moved = doc(before, unit(2, 'Then Erdogan headed for Cologne.', 'После этого он направился в Кельн.'));
    expect(flagged(moved, 2, 'Erdogan')?.message).toMatch(/moved\?/);
    const explicit = doc(
      unit(1, 'The long-serving president arrived in Germany on Friday for a three-day state visit with his wife.', 'Эрдоган прибыл в Германию в пятницу с трехдневным визитом вместе с женой.'),
      unit(2, 'Then Erdogan headed for Cologne to open a giant new mosque in the city.', 'Затем направился в Кельн, чтобы открыть огромную новую мечеть в городе.'),
    );
    expect(flagged(explicit, 2, 'Erdogan')?.message ?? '').not.toMatch(/moved\?/);
  });

  it('does not take a pronoun after a preposition (для них) for the missing name, and counts its/it in English', () => {
    const prepositional = doc(
      unit(1, 'Thomas Bjorn named his team on Monday.', 'Томас Бьорн назвал свою команду в понедельник.'),
      unit(2, 'Delighted with his players, Bjorn added that the course was tough.', 'Довольный его игроками, добавил, что поле для них было очень трудным.'),
    );
    expect(flagged(prepositional, 2, 'Bjorn')?.message ?? '').not.toMatch(/pronoun/);
    const subject = doc(
      unit(1, 'Thomas Bjorn named his team on Monday.', 'Томас Бьорн назвал свою команду в понедельник.'),
      unit(2, 'Bjorn added that the course was tough.', 'Он добавил, что поле было для игроков трудным.'),
    );
    expect(flagged(subject, 2, 'Bjorn')?.message).toMatch(/pronoun/);
    const its = doc(
      unit(1, 'Greece objects to the name of its neighbour.', 'Греция возражает против названия соседа.'),
      unit(2, 'Greece has vetoed its entry into NATO and its talks with the EU.', 'Она наложила вето на его вступление в НАТО и переговоры с ЕС.'),
    );
    expect(flagged(its, 2, 'Greece')?.message ?? '').not.toMatch(/pronoun/);
  });

  it('warns on a whole person name gone from a list, even when its other names are rendered around it', () => {
    const list = doc(unit(1, 'Janet Jackson, Cardi B, Janelle Monáe and Shawn Mendes will perform.', 'В этот вечер выступят Джанет Джексон, Карди Б, а также Шон Мендес.'));
    expect(flagged(list, 1, 'Janelle Monáe')?.severity).toBe('warning');
  });

  it('never takes a personal name for one the translation renders by meaning', () => {
    const ford = doc(
      unit(1, 'Christine Blasey Ford testified on Thursday.', 'В четверг дала свои показания главная истица по этому делу.'),
      unit(2, 'The senators questioned Christine Blasey Ford for hours.', 'Сенаторы допрашивали ее несколько часов.'),
    );
    expect(nameFlagsAt(ford, 1).map((f) => f.message).join(' ')).not.toMatch(/never rendered/);
  });

  it('does not let an acronym the sentence already accounts for (СМИ ~ media) stand for a dropped name', () => {
    const names = (en: string, ru: string) => checkPair(en, ru).filter((f) => f.kind === 'name').flatMap((f) => [...f.en, ...f.ru]);
    expect(names('It drew coverage from the Pittsburgh media, according to West Virginia Metro News.', 'Это привлекло внимание СМИ Питтсбурга.').join(' ')).toMatch(/Virginia/);
    expect(names('It drew coverage, according to West Virginia Metro News.', 'Это привлекло внимание, сообщает ВВМН.').join(' ')).not.toMatch(/Virginia/);
  });
});

describe('name evidence, round 8: headlines', () => {
  it('lowers a title-case headline word only when it is a common word, not a name no dictionary has', () => {
    const units = [
      unit(0, 'Trump Rallies Supporters in West Virginia', 'Трамп провел митинг сторонников в Западной'),
      unit(1, 'The president spoke for an hour on Saturday.', 'Президент выступал час в субботу.'),
      unit(2, 'Thousands of supporters came to the arena.', 'На арену пришли тысячи сторонников.'),
    ];
    const flags = flagsOf(checkUnits(units, { lengthRatio: norm }), 0).filter((f) => f.kind === 'name');
    expect(flags.find((f) => f.en.includes('Virginia'))?.message ?? '').not.toMatch(/headline/);
    expect(flags.find((f) => f.en.includes('Virginia'))).toBeDefined();
  });
});

describe('renderReport: pairs without flags', () => {
  it('counts pairs without flags instead of listing them', () => {
    const units = [unit(0, 'He left on Monday.', 'Он уехал в понедельник.')];
    const html = renderReport([
      { title: 'quiet pair', enPath: 'a.txt', ruPath: 'b.txt', units, flags: [] },
      { title: 'flagged pair', enPath: 'c.txt', ruPath: 'd.txt', units, flags: [{ index: 0, flags: [{ kind: 'name', severity: 'warning', message: 'X missing in Russian', en: ['X'], ru: [] }] }] },
    ]);
    expect(html).toContain('flagged pair');
    expect(html).not.toContain('quiet pair');
    expect(html).toContain('1 of 2 document pairs have no flags');
  });
});
