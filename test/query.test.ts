import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containsLiteral, foldForMatch, kwic, parseQuery, unmark, HIT_CLOSE, HIT_OPEN } from '../src/query.js';
import { openStore, type Db } from '../src/store/open.js';
import { search } from '../src/store/search.js';
import { putAlignment } from '../src/store/units.js';
import type { Segment } from '../src/types.js';
import { tempDir } from './cli-helpers.js';

describe('parseQuery', () => {
  it('turns plain words into prefix terms and a substring search', () => {
    expect(parseQuery('ускор')).toEqual({ words: '"ускор"*', substrings: '"ускор"', literals: [], advanced: false });
    expect(parseQuery('gas engines')).toEqual({ words: '"gas"* AND "engines"*', substrings: '"gas" AND "engines"', literals: [], advanced: false });
  });
  it('leaves the substring search out when a word is too short for trigrams', () => {
    expect(parseQuery('to be')?.substrings).toBeNull();
  });
  it('passes FTS5 syntax through as written', () => {
    for (const q of ['"gas engines"', 'engin*', 'KAMAZ OR MAZ', 'NEAR(gas engines, 3)', 'Tatarstan NOT Kazan']) {
      expect(parseQuery(q)).toEqual({ words: q, substrings: null, literals: [], advanced: true });
    }
  });
  it('drops punctuation that FTS5 would choke on from plain queries', () => {
    expect(parseQuery("'; DROP TABLE units; --")?.words).toBe('"DROP"* AND "TABLE"* AND "units"*');
    expect(parseQuery(';;;')).toBeNull();
  });
  it('matches numbers as whole tokens, unless the user writes *', () => {
    expect(parseQuery('1994')?.words).toBe('"1994"');
    expect(parseQuery('KAMAZ 2021')).toMatchObject({ words: '"KAMAZ"* AND "2021"', substrings: null });
    expect(parseQuery('199*')).toMatchObject({ words: '199*', advanced: true });
  });
  it('makes a term with punctuation inside a phrase of its parts that must occur as written', () => {
    expect(parseQuery('U.S.')).toMatchObject({ words: '"U S"*', literals: ['u.s'] });
    expect(parseQuery('a-b')).toMatchObject({ words: '"a b"*', literals: ['a-b'] });
    expect(parseQuery('$19')).toMatchObject({ words: '"19"', literals: ['$19'] });
    expect(parseQuery('5%')).toMatchObject({ words: '"5"', literals: ['5%'] });
    expect(parseQuery('It’s cold')).toMatchObject({ words: '"It s"* AND "cold"*', literals: ["it's"], substrings: null });
  });
  it('reads a literal term in text the way people write it', () => {
    const has = (text: string, literal: string) => containsLiteral(foldForMatch(text), literal);
    expect(has('up 5 % on the year', '5%')).toBe(true);
    expect(has('up 55% on the year', '5%')).toBe(false);
    expect(has('a $190 loan', '$19')).toBe(false);
    expect(has('рост на 19,5%', '19.5')).toBe(true);
    expect(has('the U.S. Army', 'u.s')).toBe(true);
    expect(has('It’s here', "it's")).toBe(true);
  });
});

describe('highlighting', () => {
  it('splits highlight() output into text and hit offsets', () => {
    const marked = unmark(`Надо ${HIT_OPEN}ускоряться${HIT_CLOSE}. Время ${HIT_OPEN}ускор${HIT_CLOSE}яет`);
    expect(marked.text).toBe('Надо ускоряться. Время ускоряет');
    expect(marked.hits.map(([s, e]) => marked.text.slice(s, e))).toEqual(['ускоряться', 'ускор']);
  });
  it('centres the first hit in a keyword-in-context line', () => {
    const text = `${'a'.repeat(200)} KAMAZ ${'b'.repeat(200)}`;
    const line = kwic({ text, hits: [[201, 206]] }, 60, (h) => `[${h}]`);
    expect(line).toContain('[KAMAZ]');
    expect(line.startsWith('…')).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThan(80);
  });
});

describe('search over a small store', () => {
  let db: Db;
  const seg = (texts: string[]): Segment[] => texts.map((text, index) => ({ index, text, start: 0, end: text.length, paragraph: index }));

  beforeAll(() => {
    db = openStore(path.join(tempDir(), 'q.db'));
    const doc = (p: string, lang: string) =>
      Number(db.prepare(`INSERT INTO documents (root, path, sha256, encoding, lang, lang_confidence, title, date, text, stripped, ingested_at) VALUES ('/r', ?, 'x', 'utf-8', ?, 1, NULL, NULL, 't', '[]', 'now')`).run(p, lang).lastInsertRowid);
    const pairs: Array<[string, string, string[], string[], number[]]> = [
      ['a-en.txt', 'a-ru.txt', ['We need to speed up.', 'Time forces us to accelerate.', 'KAMAZ makes trucks in Tatarstan.'], ['Надо ускоряться.', 'Время нас заставляет ускоряться.', 'КАМАЗ делает грузовики в Татарстане.'], [0.9, 0.4, 0.8]],
      ['b-en.txt', 'b-ru.txt', ['The plant will speed up certification.'], ['Завод ускорит сертификацию.'], [0.7]],
    ];
    for (const [enPath, ruPath, en, ru, scores] of pairs) {
      const enId = doc(enPath, 'en');
      const ruId = doc(ruPath, 'ru');
      const pairId = Number(db.prepare(`INSERT INTO doc_pairs (en_doc, ru_doc, score, evidence) VALUES (?, ?, 1, '{}')`).run(enId, ruId).lastInsertRowid);
      putAlignment(db, { id: pairId, enId, ruId }, seg(en), seg(ru), en.map((_, i) => ({ src: [i], tgt: [i], score: scores[i] })));
    }
  });
  afterAll(() => db.close());

  const base = { lang: 'any' as const, limit: 20 };

  it('finds inflected Russian forms from a stem, and highlights them', () => {
    const hits = search(db, 'ускор', { ...base, lang: 'ru' });
    expect(hits.map((h) => h.ru.text).sort()).toEqual(['Время нас заставляет ускоряться.', 'Завод ускорит сертификацию.', 'Надо ускоряться.']);
    for (const h of hits) expect(h.ru.hits.length).toBeGreaterThan(0);
  });

  it('folds case in both languages', () => {
    expect(search(db, 'kamaz', base)).toHaveLength(1);
    expect(search(db, 'камаз', base)[0].en.text).toBe('KAMAZ makes trucks in Tatarstan.');
    expect(search(db, 'ТАТАРСТАН', { ...base, lang: 'ru' })).toHaveLength(1);
  });

  it('finds a substring inside a word through the trigram index', () => {
    expect(search(db, 'тификац', { ...base, lang: 'ru' })[0].ru.text).toBe('Завод ускорит сертификацию.');
  });

  it('restricts to one side', () => {
    expect(search(db, 'speed', { ...base, lang: 'ru' })).toHaveLength(0);
    expect(search(db, 'speed', { ...base, lang: 'en' })).toHaveLength(2);
  });

  it('filters by score, document and limit', () => {
    expect(search(db, 'ускор', { ...base, minScore: 0.5 }).map((h) => h.score).sort()).toEqual([0.7, 0.9]);
    const docB = (db.prepare(`SELECT id FROM documents WHERE path = 'b-ru.txt'`).get() as { id: number }).id;
    expect(search(db, 'ускор', { ...base, docId: docB }).map((h) => h.ruDoc)).toEqual(['b-ru.txt']);
    expect(search(db, 'ускор', { ...base, limit: 1 })).toHaveLength(1);
  });

  it('supports phrases and boolean operators', () => {
    expect(search(db, '"speed up certification"', base)).toHaveLength(1);
    expect(search(db, 'speed NOT plant', { ...base, lang: 'en' })).toHaveLength(1);
  });

  it('turns syntax errors into one clear message and never runs user text as SQL', () => {
    for (const q of ['"', '*', 'NEAR(', 'a OR', '(((']) expect(() => search(db, q, base)).toThrow(/^query: cannot parse/);
    expect(search(db, "x'; DROP TABLE units; --", base)).toHaveLength(0);
    expect(() => search(db, "x'); DROP TABLE units; --", base)).toThrow(/^query: cannot parse/);
    expect((db.prepare(`SELECT count(*) AS n FROM units`).get() as { n: number }).n).toBe(4);
  });
});

describe('search with punctuation and numbers in the query', () => {
  let db: Db;
  const seg = (texts: string[]): Segment[] => texts.map((text, index) => ({ index, text, start: 0, end: text.length, paragraph: index }));
  const EN = [
    'U.S. officials met on Monday.',
    'North Korea says it will not disarm unless it can trust us.',
    'The a-b test ran for a week.',
    'A big test ran before the budget.',
    'The deal is worth $19 billion.',
    'The volcano has been active since 1994.',
    'Prices rose 5% last year.',
    'We spoke about him playing 55 minutes.',
    'He averaged 5.6 points a game.',
    'Inflation reached 19.5 percent.',
  ];
  const RU = [
    'Американские чиновники встретились в понедельник.',
    'Северная Корея заявляет, что не разоружится без доверия.',
    'Тест a-b длился неделю.',
    'Большой тест прошёл до бюджета.',
    'Сделка стоит 19 млрд долларов.',
    'Вулкан активен с 1994 года.',
    'Цены выросли на 5 % за прошлый год.',
    'Мы говорили о том, что он сыграет 55 минут.',
    'Он набирал в среднем 5,6 очка за игру.',
    'Инфляция достигла 19,5 процента.',
  ];

  beforeAll(() => {
    db = openStore(path.join(tempDir(), 'p.db'));
    const doc = (p: string, lang: string) =>
      Number(db.prepare(`INSERT INTO documents (root, path, sha256, encoding, lang, lang_confidence, title, date, text, stripped, ingested_at) VALUES ('/r', ?, 'x', 'utf-8', ?, 1, NULL, NULL, 't', '[]', 'now')`).run(p, lang).lastInsertRowid);
    const enId = doc('en.txt', 'en');
    const ruId = doc('ru.txt', 'ru');
    const pairId = Number(db.prepare(`INSERT INTO doc_pairs (en_doc, ru_doc, score, evidence) VALUES (?, ?, 1, '{}')`).run(enId, ruId).lastInsertRowid);
    putAlignment(db, { id: pairId, enId, ruId }, seg(EN), seg(RU), EN.map((_, i) => ({ src: [i], tgt: [i], score: 0.8 })));
  });
  afterAll(() => db.close());

  const found = (q: string, lang: 'en' | 'ru' | 'any' = 'en') => search(db, q, { lang, limit: 20 }).map((h) => (lang === 'ru' ? h.ru.text : h.en.text)).sort();

  it('finds U.S. as written, not every word starting with u or s', () => {
    expect(found('U.S.')).toEqual([EN[0]]);
  });
  it('finds a hyphenated term, not every word starting with its letters', () => {
    expect(found('a-b')).toEqual([EN[2]]);
  });
  it('finds an amount or a percentage as a whole number', () => {
    expect(found('$19')).toEqual([EN[4]]);
    expect(found('5%')).toEqual([EN[6]]);
    expect(found('5%', 'ru')).toEqual([RU[6]]);
    expect(found('19')).toEqual([EN[4], EN[9]].sort());
    expect(found('199*')).toEqual([EN[5]]);
  });
  it('finds a decimal written with a point or a comma', () => {
    expect(found('19.5')).toEqual([EN[9]]);
    expect(found('19.5', 'ru')).toEqual([RU[9]]);
  });
  it('still fills the limit when the first word-index hits lack the punctuation', () => {
    expect(search(db, '5%', { lang: 'any', limit: 1 }).map((h) => h.en.text)).toEqual([EN[6]]);
  });
});
