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
    expect(normalize('Control\u0001chars and\u007fDEL')).toBe('Control chars and DEL');
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
      'title: Lukashenko meets Minnikhanov',
      'Lukashenko meets Minnikhanov',
      'Belarus and Russia stake\u00a0high hopes on cooperation — the President said.',
      '«We need to move faster», he added.\nTime forces us… ☺',
    ]);
  });

  it('drops script, style, nav, header and footer content', () => {
    for (const junk of ['not text', 'color:red', 'Politics', 'Home', 'All rights reserved', 'Site | News']) expect(text).not.toContain(junk);
  });

  it('puts the article h1 first, ahead of a cookie banner, breadcrumbs and a logo h1', () => {
    const banner = '<div class="cookie-notice"><div><p>We use cookies to improve your experience.</p></div><a>Accept</a></div>';
    const html = `<html><head><title>Lukashenko meets Minnikhanov | BelTA</title></head><body><header><h1 class="logo">BelTA</h1></header>
      ${banner}<p class="crumbs">Home</p><article><h1>Lukashenko meets Minnikhanov</h1><p>Belarus and Russia stake high hopes on cooperation.</p></article></body></html>`;
    const out = htmlToText(html);
    expect(out.split('\n\n').slice(0, 2)).toEqual(['title: Lukashenko meets Minnikhanov', 'Lukashenko meets Minnikhanov']);
    expect(out).not.toContain('cookies');
    const c = clean(normalize(out));
    expect(c.title).toBe('Lukashenko meets Minnikhanov');
    expect(hasHeadline(c)).toBe(true);
    expect(c.text).toBe('Lukashenko meets Minnikhanov\n\nBelarus and Russia stake high hopes on cooperation.');
  });

  it('takes a text cookie notice out of the title (RU), and the <title> without the site name when there is no h1', () => {
    const html = `<html><head><title>Лукашенко встретился с Минихановым — БелТА</title></head><body>
      <p>Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая просмотр, вы соглашаетесь с их использованием. Принять</p>
      <p>Беларусь и Россия делают очень большую ставку на промышленную сферу, заявил Президент.</p></body></html>`;
    const c = clean(normalize(htmlToText(html)));
    expect(c.title).toBe('Лукашенко встретился с Минихановым');
    expect(c.text).not.toContain('cookie');
    expect(c.text).toContain('Беларусь и Россия делают очень большую ставку');
  });

  it('cuts only a site name from <title>, never part of the headline', () => {
    const title = (t: string) => htmlToText(`<html><head><title>${t}</title></head><body><p>Body.</p></body></html>`).split('\n\n')[1];
    expect(title('Kanye West: Rapper changes his name to Ye | BBC News')).toBe('Kanye West: Rapper changes his name to Ye');
    expect(title('Deptford road crash - cyclist dies | belta.by')).toBe('Deptford road crash - cyclist dies');
    expect(title('Brexit - what happens next')).toBe('Brexit - what happens next');
  });

  it('keeps a header that holds the h1, and uses <title> when there is no h1', () => {
    expect(htmlToText('<article><header><h1>Title here</h1></header><p>Body.</p></article>')).toBe('title: Title here\n\nTitle here\n\nBody.');
    expect(htmlToText('<html><head><title>Only title</title></head><body><p>Body.</p></body></html>')).toBe('title: Only title\n\nOnly title\n\nBody.');
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

describe('clean: trailing lists of other stories', () => {
  const ntrex = readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8')
    .trim().split('\n').map((l) => JSON.parse(l) as { en: string[]; ru: string[] });
  const headers = { en: ['Latest news', 'Most read', 'Related', 'Read also:'], ru: ['Последние новости', 'Самое читаемое', 'Новости по теме', 'Читайте также:'] };
  /** Paragraphs of `text` after normalising, as cleaning sees them. */
  const paragraphsOf = (text: string) => text.split('\n\n');

  for (const lang of ['en', 'ru'] as const) {
    it(`${lang}: strips nothing from the NTREX stories, and all of a headline list appended to them`, () => {
      ntrex.forEach((story, k) => {
        const body = story[lang].map((s) => normalize(s));
        expect(clean(body.join('\n\n')).stripped, `story ${k}`).toEqual([]);
        // Other stories' headlines, some with a time, some ending with a period (as NTREX headlines do).
        const others = [1, 2, 3, 4, 5].map((j) => ntrex[(k + j * 7) % ntrex.length][lang][0]);
        const items = others.map((h, j) => (j % 2 === 0 ? `1${j}:3${j} ${h}` : h));
        const header = headers[lang][k % headers[lang].length];
        const c = clean(`${body.join('\n\n')}\n\n${header}\n${items.join('\n')}`);
        const kept = paragraphsOf(c.text);
        for (const s of body.slice(1)) expect(kept, `story ${k}: ${s.slice(0, 40)}`).toContain(s);
        for (const item of items) expect(kept, `story ${k}: ${item.slice(0, 40)}`).not.toContain(item);
        expect(c.stripped.at(-1)).toEqual({ kind: 'boilerplate', text: [header, ...items].join('\n') });
      });
    });
  }

  it('strips the seed-like block after a credit, and headlines with periods or times', () => {
    const c = clean(`${S000}\n\nWritten by belta.by\n\nLatest news\n14:35 Volcano spews ash on Mexico City\nIndonesia Tsunami Toll Soars Above 800.\n13.04.2023 12:10 Still Game star looks set for new career in restaurant industry`);
    expect(c.text).toBe(clean(S000).text);
    expect(c.stripped.map((s) => s.kind).slice(-2)).toEqual(['credit', 'boilerplate']);
  });

  it('keeps a real ending after an in-article `Read also` header (prose, not headlines)', () => {
    const body = [
      'The plant will produce ten thousand tractors next year, the minister said on Monday.',
      'Read also',
      'Minsk and Kazan sign a deal on buses',
      'The first kits will leave Minsk in March, and the assembly line in Ufa will be ready by May.',
      '"We are ready to work faster," the director said.',
    ];
    const c = clean(body.join('\n\n'));
    // The header line goes; its one link stays with the prose, since the block is not a headline list.
    expect(paragraphsOf(c.text)).toEqual([body[0], body[2], body[3], body[4]]);
    // The same prose under a Russian header, followed by a real list: only the list and header lines go.
    const ru = [
      'Завод выпустит десять тысяч тракторов в следующем году, сообщил министр в понедельник.',
      'Читайте также',
      'Минск и Казань подписали соглашение об автобусах',
      'Первые машинокомплекты отправят из Минска в марте, а сборочная линия в Уфе будет готова к маю.',
      '«Мы готовы работать быстрее», — сказал директор.',
      'Последние новости',
      'Вулкан выбросил пепел на Мехико',
      'Число жертв цунами в Индонезии превышает 800.',
    ];
    const cr = clean(ru.join('\n'));
    expect(paragraphsOf(cr.text)).toEqual([ru[0], ru[2], ru[3], ru[4]]);
    expect(cr.stripped.at(-1)?.text).toBe(ru.slice(5).join('\n'));
  });

  it('still joins hard-wrapped prose after a header line, but not headlines of even length', () => {
    const wrapped = 'The plant will produce ten thousand tractors next year, the\nminister said on Monday, adding that the assembly line in Ufa\nwill be ready by the spring and that Belarus will send kits.';
    const c = clean(`${S004}\n\nSee also\n\n${wrapped}`);
    expect(c.text.endsWith(wrapped.replace(/\n/g, ' '))).toBe(true);
    const items = ['Lukashenko meets the governor of Sverdlovsk Oblast in Minsk', 'Belarus and Russia plan joint production of trams',
      'Minsk Tractor Works opens an assembly line in Ufa this spring', 'Belarusian elevators to be installed in Yekaterinburg'];
    const listed = clean(`${S004}\n\nLatest news\n\n${items.join('\n')}`);
    expect(listed.text).toBe(clean(S004).text);
  });

  it('keeps a last paragraph of several sentences after a header-like line', () => {
    const text = `${S004}\n\nRelated\n\nThe governor thanked the President. He said the region will send a delegation to Minsk in May.`;
    expect(clean(text).text.endsWith('He said the region will send a delegation to Minsk in May.')).toBe(true);
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

  it('strips a `Read also: <headline.>` line even when the headline ends with a period', () => {
    const c = clean(`${lead}\n\nRead also: Kanye West embarked on a pro-Trump diatribe after his SNL appearance.\n\n${lead}`);
    expect(c.text).toBe(`${lead}\n\n${lead}`);
    const ru = clean(`${lead}\n\nЧитайте также: Канье Уэст выступил в защиту Трампа в кепке MAGA после своего появления в SNL.\n\n${lead}`);
    expect(ru.text).toBe(`${lead}\n\n${lead}`);
    // Two sentences after the marker are prose, not a link.
    const prose = `${lead}\n\nRead also: the minister said the plant will grow. It will hire two hundred workers next year.`;
    expect(clean(prose).text).toBe(prose);
  });

  it('strips a cookie notice but not an article sentence about cookies', () => {
    const en = clean(`We use cookies to improve your experience. By continuing to browse you agree to our use of cookies. Accept\n\n${lead}`);
    expect(en.text).toBe(lead);
    expect(en.title?.startsWith('The plant will produce')).toBe(true);
    const ru = clean(`Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая просмотр, вы соглашаетесь с их использованием.\n\nЗавод выпустит тракторы\n\nЗавод выпустит десять тысяч тракторов, сообщил министр.`);
    expect(ru.title).toBe('Завод выпустит тракторы');
    const about = 'Regulators said advertisers track readers with cookies and must ask for consent first.';
    expect(clean(`${lead}\n\n${about}`).text).toBe(`${lead}\n\n${about}`);
  });

  it('returns an empty document for empty text', () => {
    expect(clean('')).toEqual({ title: null, date: null, text: '', stripped: [] });
  });
});
