/**
 * QA of `palign check`: bugs found by running the checks as a user would, each test failing
 * before its fix. Hand-made EN/RU pairs, the seed articles in data/, and the NTREX fixture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkPair } from '../src/check/index.js';
import { checkNumbers } from '../src/check/numbers.js';
import { checkPunctuation } from '../src/check/punctuation.js';
import { highlight } from '../src/check/report.js';
import { checkUntranslated } from '../src/check/untranslated.js';
import { checkUrls } from '../src/check/urls.js';
import { check } from '../src/pipeline/check.js';
import { openStore, type Db } from '../src/store/open.js';
import { markAligned } from '../src/store/pairs.js';
import { listFlags, putAlignment } from '../src/store/units.js';
import type { Bead, Segment } from '../src/types.js';
import { DATA, jsonLines, runCli, tempDir } from './cli-helpers.js';

const segments = (texts: string[]): Segment[] => texts.map((text, index) => ({ index, text, start: 0, end: text.length, paragraph: index }));

/** A store holding one aligned document pair with the given sentences and beads. */
function storeWithPair(en: string[], ru: string[], beads: Bead[]): { db: Db; pairId: number } {
  const db = openStore(path.join(tempDir('qa-check-'), 'c.db'));
  const doc = (p: string, lang: string, text: string) =>
    Number(db.prepare(`INSERT INTO documents (root, path, sha256, encoding, lang, lang_confidence, title, date, text, stripped, ingested_at) VALUES ('/r', ?, ?, 'utf-8', ?, 1, NULL, NULL, ?, '[]', 'now')`).run(p, p, lang, text).lastInsertRowid);
  const enId = doc('a-en.txt', 'en', en.join('\n'));
  const ruId = doc('a-ru.txt', 'ru', ru.join('\n'));
  const pairId = Number(db.prepare(`INSERT INTO doc_pairs (en_doc, ru_doc, score, evidence) VALUES (?, ?, 1, '{}')`).run(enId, ruId).lastInsertRowid);
  putAlignment(db, { id: pairId, enId, ruId }, segments(en), segments(ru), beads);
  markAligned(db, pairId, true);
  return { db, pairId };
}

describe('quotes over crossing beads (ruOrder wired from the store to the checks)', () => {
  let db: Db | undefined;
  afterEach(() => db?.close());

  // The translator put the quotation's two sentences in the other order; the aligner pairs them
  // across the path, so in English (unit) order the Russian close comes before its opening.
  const EN = ['"The plant will open in 2025.', 'We will build it in Kazan," he said.', 'The minister left for Moscow on Friday.'];
  const RU = ['Он сказал: «Мы построим завод в Казани.', 'Он откроется в 2025 году».', 'В пятницу министр уехал в Москву.'];
  const CROSSING: Bead[] = [{ src: [0], tgt: [1], score: 0.9 }, { src: [1], tgt: [0], score: 0.9 }, { src: [2], tgt: [2], score: 0.9 }];

  const quoteFlags = (s: { db: Db; pairId: number }) => listFlags(s.db, s.pairId).filter((f) => f.kind === 'quotes');

  it('does not flag quotes that balance in Russian document order', () => {
    const s = storeWithPair(EN, RU, CROSSING);
    db = s.db;
    check(s.db, { force: true });
    expect(quoteFlags(s)).toEqual([]);
  });

  it('still flags a quote really dropped in Russian when beads cross (EN→RU)', () => {
    const s = storeWithPair(EN, [RU[0], RU[1].replace('»', ''), RU[2]], CROSSING);
    db = s.db;
    check(s.db, { force: true });
    const flags = quoteFlags(s);
    expect(flags).toHaveLength(1);
    expect(flags[0].ru).toEqual(['«']);
  });

  it('still flags a quote really dropped in English when beads cross (RU→EN)', () => {
    const s = storeWithPair([EN[0].replace('"', ''), EN[1], EN[2]], RU, CROSSING);
    db = s.db;
    check(s.db, { force: true });
    const flags = quoteFlags(s);
    expect(flags).toHaveLength(1);
    expect(flags[0].en).toEqual(['"']);
  });
});

describe('untranslated: names and titles kept in their own script are no untranslated text', () => {
  const russianSide = (en: string, ru: string) => checkUntranslated(en, ru).filter((f) => f.ru.length > 0 && f.en.length === 0);
  const englishSide = (en: string, ru: string) => checkUntranslated(en, ru).filter((f) => f.en.length > 0 && f.ru.length === 0);

  it('does not flag Russian sentences naming Latin-script papers, firms and songs', () => {
    expect(russianSide('This was reported by The Wall Street Journal.', 'Об этом сообщает The Wall Street Journal.')).toEqual([]);
    expect(russianSide('Shares of Goldman Sachs and JPMorgan Chase rose.', 'Акции Goldman Sachs и JPMorgan Chase выросли.')).toEqual([]);
    expect(russianSide('The song "We Are the Champions" by Queen was played.', 'Прозвучала песня Queen «We Are the Champions».')).toEqual([]);
    expect(russianSide('Photo: Reuters/Maxim Shemetov/AFP Photo Agency', 'Фото: Reuters/Maxim Shemetov/AFP Photo Agency')).toEqual([]);
  });

  it('still flags English prose left on the Russian side (EN→RU), also under a Russian first word', () => {
    expect(russianSide('The minister said the talks were productive.', 'The minister said the talks had been productive and useful.')).toHaveLength(1);
    expect(russianSide('The minister said the talks were productive.', 'Министр said the talks had been productive and useful.')).toHaveLength(1);
    // A title-case headline with no Russian word at all is Latin text, names or not.
    expect(russianSide('Oil prices jump after OPEC cuts output', 'Oil Prices Jump After OPEC Cuts Production')).toHaveLength(1);
  });

  it('flags Russian prose on the English side (RU→EN) but not a Russian title quoted in English', () => {
    expect(englishSide('Министр заявил, что переговоры были продуктивными.', 'Министр заявил, что переговоры были продуктивными и полезными.')).toHaveLength(1);
    expect(englishSide('Tolstoy\'s novel «Война И Мир» was filmed again.', 'Роман Толстого «Война и мир» снова экранизировали.')).toEqual([]);
  });
});

describe('url: an address written without scheme or www. on the other side is the same address', () => {
  const warnings = (en: string, ru: string) => checkUrls(en, ru).filter((f) => f.severity !== 'info');

  it('is no warning, only a note naming both forms, in both directions', () => {
    expect(warnings('Details: https://www.mos.ru/news/item/12345', 'Подробности: mos.ru/news/item/12345')).toEqual([]);
    expect(warnings('More on mos.ru.', 'Подробнее на сайте https://www.mos.ru.')).toEqual([]);
    const note = checkUrls('More at www.kremlin.ru.', 'Подробнее на сайте kremlin.ru.');
    expect(note.map((f) => [f.severity, f.en, f.ru])).toEqual([['info', ['www.kremlin.ru'], ['kremlin.ru']]]);
  });

  it('still warns of a different address, or one only found inside a longer one', () => {
    expect(warnings('More at https://www.opec.org/press.', 'Подробнее на сайте opec.org/news.').map((f) => f.en)).toEqual([['https://www.opec.org/press']]);
    expect(warnings('Visit https://opec.org today.', 'Пишите на press@opec.org.').map((f) => f.message)).toEqual(['https://opec.org missing in Russian', 'press@opec.org missing in English']);
    expect(warnings('See www.mos.ru.', 'См. news.mos.ru.').map((f) => f.en)).toEqual([['www.mos.ru']]);
  });
});

describe('numbers Russian writes in words or Roman numerals, and short year ranges', () => {
  const errors = (en: string, ru: string) => checkNumbers(en, ru).filter((f) => f.severity === 'error').map((f) => f.message);

  it('reads Roman century numerals (XXI век, Cyrillic Х too) in both directions', () => {
    expect(errors('In the 21st century, things changed.', 'В XXI веке все изменилось.')).toEqual([]);
    expect(errors('Buildings of the 19th and 20th centuries', 'Здания ХIХ–ХХ вв.')).toEqual([]);
    expect(errors('In the 20th century, things changed.', 'В XXI веке все изменилось.')).toHaveLength(1);
    expect(errors('In this century, things changed.', 'В XXI веке все изменилось.')).toEqual(['XXI missing in English']);
  });

  it('takes numbers inside Russian compounds and collective numerals as evidence, not as requirements', () => {
    expect(errors('A 5-year-old boy was found.', 'Нашли пятилетнего мальчика.')).toEqual([]);
    expect(errors('The 25th anniversary of the treaty', 'Двадцатипятилетие договора')).toEqual([]);
    expect(errors('Two people died and 3 were injured.', 'Двое погибли, трое ранены.')).toEqual([]);
    expect(errors('A 12-storey building burned.', 'Сгорел девятиэтажный дом.')).toEqual(['12 missing in Russian']);
    // Words that only begin like numerals are no numbers: a seminar has no 7 in it.
    expect(errors('The 7 delegates attended a seminar.', 'Делегаты посетили семинар.')).toEqual(['7 missing in Russian']);
  });

  it('reads the short end of a year range as the full year (2018-19 = 2018–2019), both ways', () => {
    expect(errors('The 2018-19 season ended.', 'Сезон 2018–2019 годов завершился.')).toEqual([]);
    expect(errors('The 2018-2019 season ended.', 'Сезон 2018/19 завершился.')).toEqual([]);
    expect(errors('The 1999-00 season ended.', 'Сезон 1999-2000 годов завершился.')).toEqual([]);
    expect(errors('The 2018-19 season ended.', 'Сезон 2017–2018 годов завершился.').length).toBeGreaterThan(0);
    expect(errors('In 2018, 19 people died.', 'В 2018 году погибли 19 человек.')).toEqual([]);
  });
});

describe('quotes: an inch mark after a digit is no quote', () => {
  it('does not flag 5\'11" or 12" on one side only, in either direction', () => {
    expect(checkPunctuation('He is 5\'11" tall.', 'Его рост 180 см.')).toEqual([]);
    expect(checkPunctuation('A 12-inch record', 'Пластинка 12" в конверте')).toEqual([]);
  });

  it('still reads a quote after a digit that closes a quotation, and flags one dropped', () => {
    expect(checkPunctuation('He said the score was "10" out of 10.', 'Он сказал, что оценка — «10» из 10.')).toEqual([]);
    expect(checkPunctuation('He said the score was "10 out of 10.', 'Он сказал, что оценка — «10» из 10.').map((f) => f.en)).toEqual([['"']]);
  });
});

describe('HTML report highlights whole tokens', () => {
  it('marks the flagged 5, not the 5 inside 2015 (and escapes the text around it)', () => {
    const en = 'At least 5 people were arrested in 2015 at the <script> portal.';
    const flag = checkPair(en, 'По меньшей мере 6 человек были арестованы в 2015 году на портале <script>.').find((f) => f.kind === 'number');
    expect(flag?.en).toEqual(['5']);
    const html = highlight(en, flag?.en ?? []);
    expect(html.match(/<mark>/g)).toHaveLength(1);
    expect(html).toContain('in 2015 at');
    expect(html).toContain('&#60;script&#62;');
  });

  it('falls back to every occurrence when evidence only occurs inside a word', () => {
    expect(highlight('Москвой', ['Москв'])).toBe('<mark>Москв</mark>ой');
  });
});

describe('palign check on the seed pair, as a user runs it', () => {
  let db = '';
  beforeAll(async () => {
    db = path.join(tempDir('qa-check-cli-'), 'corpus.db');
    expect((await runCli(['align', '--en', path.join(DATA, '000_21f827a522ed410a.txt'), '--ru', path.join(DATA, '001_a200dc630372fd2b.txt'), '--db', db])).code).toBe(0);
  });

  it('lists each flagged unit in the HTML report under the unit number the terminal and --json give', async () => {
    const html = path.join(path.dirname(db), 'r.html');
    const listed = await runCli(['check', '--db', db, '--json', '--html', html]);
    expect(listed.code).toBe(0);
    const units = [...new Set(jsonLines<{ unit: number }>(listed.stdout).map((f) => f.unit))];
    expect(units.length).toBeGreaterThan(2);
    const rows = [...fs.readFileSync(html, 'utf8').matchAll(/<tr><td class="n">(\d+) /g)].map((m) => Number(m[1]));
    expect(rows).toEqual(units);
  });

  it('refuses bad option values with one line and exit 2, before touching the database', async () => {
    for (const args of [['--length-z', '0'], ['--length-z', '-2'], ['--disable', 'lenght'], ['--disable'], ['--severity', 'warn'], ['--html']]) {
      const r = await runCli(['check', '--db', path.join(path.dirname(db), 'absent.db'), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr, args.join(' ')).toContain(args[0].slice(2));
    }
  });

  it('takes --disable as a comma-separated list too', async () => {
    const both = await runCli(['check', '--db', db, '--json', '--disable', 'number,name']);
    expect(both.code).toBe(0);
    const kinds = new Set(jsonLines<{ kind: string }>(both.stdout).map((f) => f.kind));
    expect(kinds.has('number') || kinds.has('name')).toBe(false);
    const all = await runCli(['check', '--db', db, '--json']);
    expect(new Set(jsonLines<{ kind: string }>(all.stdout).map((f) => f.kind))).toContain('number');
  });
});

describe('palign check before alignment', () => {
  it('says that matched pairs were not checked instead of reporting them clean', async () => {
    const db = path.join(tempDir('qa-check-match-'), 'corpus.db');
    expect((await runCli(['ingest', DATA, '--db', db])).code).toBe(0);
    expect((await runCli(['match', '--db', db])).code).toBe(0);
    const r = await runCli(['check', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 matched pair is not aligned yet/);
    const json = await runCli(['check', '--db', db, '--json']);
    expect(json.stdout).toBe('');
    expect(json.stderr).toMatch(/not aligned yet/);
  });
});
