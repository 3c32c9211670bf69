import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean, hasHeadline, DERIVED_TITLE_CHARS } from '../src/ingest/clean.js';
import { htmlToText } from '../src/ingest/html.js';
import { normalize } from '../src/ingest/normalize.js';

const seed = (name: string) => normalize(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
const S000 = seed('000_21f827a522ed410a.txt');
const S001 = seed('001_a200dc630372fd2b.txt');
const S002 = seed('002_1e4514baf783d2b2.txt');
const S003 = seed('003_96bef5b325124bb3.txt');
const S004 = seed('004_bea3ab709d35bd61.txt');

/** Non-empty lines of `text`, trimmed. */
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

/** Asserts that every given article line is a paragraph of the cleaned text (nothing of the article lost). */
function expectKept(cleanedText: string, articleLines: string[]): void {
  const paragraphs = new Set(cleanedText.split('\n\n'));
  for (const line of articleLines) expect(paragraphs, line.slice(0, 60)).toContain(line);
}

describe('normalize', () => {
  it('unifies line breaks, spaces and invisible characters', () => {
    expect(normalize('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
    expect(normalize('15\u00a0000\u202fтонн\u2009и\tещё  раз   ')).toBe('15 000 тонн и ещё раз');
    expect(normalize('co\u00adoper\u200bation\ufeff\u200d')).toBe('cooperation');
  });

  it('composes characters (NFC), so decomposed й and é match precomposed ones', () => {
    expect(normalize('и\u0306 e\u0301')).toBe('й é');
    expect(normalize('Лукашенко и\u0306')).toBe(normalize('Лукашенко й'));
  });

  it('keeps indentation and paragraph breaks', () => {
    expect(normalize('  Indented line.  \n\nNext')).toBe('  Indented line.\n\nNext');
  });
});

describe('htmlToText', () => {
  const page = `<!doctype html><html><head><title>Site | News</title><style>p{color:red}</style></head>
  <body><header><a href="/">Home</a> <a href="/news">News</a></header><nav><ul><li>Politics</li><li>Sport</li></ul></nav>
  <article><h1>Lukashenko meets Minnikhanov</h1>
  <p>Belarus and Russia stake&nbsp;high hopes on cooperation &mdash; the President said.</p>
  <p>&laquo;We need to move faster&raquo;, he added.<br>Time forces us&#8230; &#x263A;</p>
  <script>var x = "<p>not text</p>";</script></article>
  <footer>© 2023 BelTA. All rights reserved.</footer></body></html>`;
  const text = htmlToText(page);

  it('keeps the article with block tags as paragraphs and decodes entities', () => {
    expect(text.split('\n\n')).toEqual([
      'Lukashenko meets Minnikhanov',
      'Belarus and Russia stake\u00a0high hopes on cooperation — the President said.',
      '«We need to move faster», he added.\nTime forces us… ☺',
    ]);
  });

  it('drops script, style, nav, header and footer content', () => {
    for (const junk of ['not text', 'color:red', 'Politics', 'Home', 'All rights reserved', 'Site | News']) expect(text).not.toContain(junk);
  });

  it('keeps a header that holds the h1, and uses <title> when there is no h1', () => {
    expect(htmlToText('<article><header><h1>Title here</h1></header><p>Body.</p></article>')).toBe('Title here\n\nBody.');
    expect(htmlToText('<html><head><title>Only title</title></head><body><p>Body.</p></body></html>')).toBe('Only title\n\nBody.');
  });
});

describe('clean on the seed articles', () => {
  it('000: takes the date from the `date` prefix and keeps the lead sentence on that line', () => {
    const c = clean(S000);
    expect(c.date).toBe('2023-04-13');
    expect(c.stripped).toEqual([{ kind: 'metadata', text: 'date 2023-04-13' }]);
    const [lead, ...rest] = lines(S000);
    expect(c.text.startsWith(lead.replace(/^date 2023-04-13 /, ''))).toBe(true);
    expectKept(c.text, [lead.replace(/^date 2023-04-13 /, ''), ...rest]);
    // No headline: the title is the lead's first sentence, shortened.
    expect(hasHeadline(c)).toBe(false);
    expect(c.title?.length).toBeLessThanOrEqual(DERIVED_TITLE_CHARS + 1);
    expect(c.title?.startsWith('Belarus and Russia stake high hopes')).toBe(true);
  });

  it('001: headline once as title, credit and the latest-news block stripped, article intact', () => {
    const c = clean(S001);
    const all = lines(S001);
    const headline = all[0];
    expect(c.title).toBe(headline);
    expect(hasHeadline(c)).toBe(true);
    expect(c.text.split(headline).length - 1).toBe(1);
    expect(c.stripped.map((s) => s.kind)).toEqual(['headline-repeat', 'credit', 'boilerplate']);
    expect(c.stripped[1].text).toBe('Источник: БелТА');
    const article = all.slice(2, all.indexOf('Источник: БелТА'));
    expectKept(c.text, article);
    expect(c.text.split('\n\n')).toHaveLength(article.length + 1);
    for (const junk of ['Последние новости', 'Читать новость', 'Рекомендуем', 'Гороскоп', 'августа 2025']) {
      expect(c.text).not.toContain(junk);
      expect(c.stripped[2].text).toContain(junk);
    }
    // The block's dates are other stories' dates, not this article's.
    expect(c.date).toBeNull();
  });

  it('002: keeps every paragraph and takes the prefixed date', () => {
    const c = clean(S002);
    expect(c.date).toBe('2025-02-05');
    const [lead, ...rest] = lines(S002);
    expectKept(c.text, [lead.replace(/^date 2025-02-05 /, ''), ...rest]);
  });

  it('003: dateline as date, headline as title, `Written by` as credit', () => {
    const c = clean(S003);
    const all = lines(S003);
    expect(c.date).toBe('2023-02-20');
    expect(c.title).toBe(all[1]);
    expect(c.stripped).toEqual([{ kind: 'date', text: '20 February 2023' }, { kind: 'credit', text: all[all.length - 1] }]);
    expectKept(c.text, all.slice(1, -1));
    expect(c.text.split('\n\n')[0]).toBe(all[1]);
  });

  it('004: nothing to strip, no date', () => {
    const c = clean(S004);
    expect(c.date).toBeNull();
    expect(c.stripped).toEqual([]);
    expect(c.text).toBe(lines(S004).join('\n\n'));
    expect(c.title?.startsWith('Belarusian President Aleksandr Lukashenko outlined')).toBe(true);
  });
});

describe('clean on hand-made edge cases', () => {
  const lead = 'The plant will produce ten thousand tractors next year, the minister said on Monday.';

  it('reads dates in several layouts', () => {
    expect(clean(`13.04.2023\n\n${lead}`).date).toBe('2023-04-13');
    expect(clean(`February 20, 2023\n\n${lead}`).date).toBe('2023-02-20');
    expect(clean(`7 августа 2025 г., 14:30\n\n${lead}`).date).toBe('2025-08-07');
    expect(clean(`Monday, 3 March 2025\n\n${lead}`).date).toBe('2025-03-03');
    expect(clean(`31.02.2023\n\n${lead}`).date).toBeNull();
  });

  it('takes `key: value` metadata lines', () => {
    const c = clean(`title: Tractors for Ufa\ndate: 2024-05-01\nauthor: Staff\n\n${lead}`);
    expect(c.title).toBe('Tractors for Ufa');
    expect(c.date).toBe('2024-05-01');
    expect(c.text).toBe(lead);
    expect(c.stripped.every((s) => s.kind === 'metadata')).toBe(true);
  });

  it('never takes a sentence for a credit line', () => {
    const text = `By 2025, the plant will produce ten thousand tractors.\n\nSource: Reuters\n\nBy John Smith\n\nФото: Сергей Иванов`;
    const c = clean(text);
    expect(c.text).toBe('By 2025, the plant will produce ten thousand tractors.');
    expect(c.stripped.map((s) => s.kind)).toEqual(['credit', 'credit', 'credit']);
  });

  it('strips a leading menu but keeps the headline', () => {
    const c = clean(`Главная\nНовости\nПолитика\n\nЗавод выпустит тракторы\n\nЗавод выпустит десять тысяч тракторов в следующем году, сообщил министр.`);
    expect(c.title).toBe('Завод выпустит тракторы');
    expect(c.stripped).toEqual([
      { kind: 'boilerplate', text: 'Главная' }, { kind: 'boilerplate', text: 'Новости' }, { kind: 'boilerplate', text: 'Политика' },
    ]);
  });

  it('keeps an article that ends with a list or a question, without boilerplate signs', () => {
    const list = `${lead}\n\nThe plant makes:\n- tractors\n- trucks\n- buses`;
    expect(clean(list).text).toBe(`${lead}\n\nThe plant makes:\n\n- tractors\n\n- trucks\n\n- buses`);
    const question = `${lead}\n\nWill the plant meet the target this time?`;
    expect(clean(question).text).toBe(question);
  });

  it('strips a `Read also` line inside the article', () => {
    const c = clean(`${lead}\n\nRead also: Minsk and Kazan sign a deal\n\n${lead}`);
    expect(c.text).toBe(`${lead}\n\n${lead}`);
    expect(c.stripped).toEqual([{ kind: 'boilerplate', text: 'Read also: Minsk and Kazan sign a deal' }]);
  });

  it('joins hard-wrapped prose into paragraphs', () => {
    const wrapped = 'The plant will produce ten thousand tractors next year, the\nminister said on Monday, adding that the assembly line in Ufa\nwill be ready by the spring and that Belarus will send kits.\n\nSecond paragraph.';
    expect(clean(wrapped).text).toBe('The plant will produce ten thousand tractors next year, the minister said on Monday, adding that the assembly line in Ufa will be ready by the spring and that Belarus will send kits.\n\nSecond paragraph.');
  });

  it('returns an empty document for empty text', () => {
    expect(clean('')).toEqual({ title: null, date: null, text: '', stripped: [] });
  });
});
