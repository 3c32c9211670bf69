/**
 * QA of ingest on text as users copy it from news sites: every cleaning rule is tested with a
 * line it must remove and a real sentence or headline of similar look it must keep.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../src/ingest/clean.js';
import { dateOnlyLine } from '../src/ingest/dates.js';
import { joinHyphenated, wordForms } from '../src/ingest/hyphen.js';
import { stripMarkdown } from '../src/ingest/markdown.js';
import { normalize } from '../src/ingest/normalize.js';
import { detectLanguage } from '../src/lang.js';
import { segment } from '../src/segment.js';
import type { Lang } from '../src/types.js';

const seed = (name: string) => normalize(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8'));
/** The seed articles as palign cleans them: the reference the wrapped versions must reproduce. */
const EN = clean(seed('000_21f827a522ed410a.txt'));
const RU = clean(seed('001_a200dc630372fd2b.txt'));
const paragraphsOf = (text: string) => text.split('\n\n');
const cleaned = (raw: string) => clean(normalize(raw));
/** The cleaned paragraphs of `raw` when `line` stands between the seed's paragraphs. */
const keptWith = (line: string, base = EN.text) => {
  const ps = paragraphsOf(base);
  return paragraphsOf(cleaned([...ps.slice(0, 2), line, ...ps.slice(2)].join('\n\n')).text);
};
const segments = (text: string, lang: Lang) => segment(text, lang).map((s) => s.text);

describe('pages: a Russian news page copied whole', () => {
  const article = paragraphsOf(RU.text);
  const page = [
    'Главная » Новости » В мире',
    ...article.slice(0, 1),
    '13 апреля 2023, 14:05',
    'Обновлено: 13 апреля 2023, 15:10',
    'Иван Петров, корреспондент',
    ...article.slice(1, 3),
    'Фото: ТАСС',
    'Реклама',
    ...article.slice(3, 5),
    'Читайте также:\n- Лукашенко провел совещание по экономике',
    ...article.slice(5),
    'Поделиться',
    'ВКонтакте Одноклассники Telegram',
    'Теги: Беларусь, Татарстан',
    'Подписывайтесь на наш канал в Telegram',
    'Комментарии (12)',
    '© 2023 БелТА',
  ].join('\r\n\r\n').replace(/ (?=\p{L}{1,2} )/gu, '\u00a0');

  it('keeps exactly the article and takes the date, Windows line endings and no-break spaces notwithstanding', () => {
    const c = cleaned(page);
    expect(c.text).toBe(RU.text);
    expect(c.date).toBe('2023-04-13');
    expect(c.title).toBe(RU.title);
  });
});

describe('pages: an English wire story', () => {
  const [headline, lead, ...rest] = paragraphsOf(EN.text.startsWith(`${EN.title}\n\n`) ? EN.text : `Headline of the day\n\n${EN.text}`);
  it('strips the dateline before the lead, the byline, share bar and wire credits', () => {
    const page = [
      'Home > World > Europe', headline, 'By Jane Smith and Tom Brown, Reuters', 'Last updated on 13 April 2023',
      `MINSK, April 13 (Reuters) - ${lead}`, 'Image copyright Getty Images', ...rest.slice(0, 2), 'Story continues below advertisement',
      ...rest.slice(2), 'Reporting by Jane Smith; Editing by Tom Brown', 'Share on Facebook Twitter Email', '34 comments',
    ].join('\n\n');
    const c = cleaned(page);
    expect(paragraphsOf(c.text)).toEqual([headline, lead, ...rest]);
    expect(c.stripped.map((s) => s.text)).toContain('MINSK, April 13 (Reuters) -');
  });

  it('keeps a lead that only looks like a dateline (brackets of lower-case words, no agency)', () => {
    const lead2 = 'UNICEF (the UN children\'s agency) — said on Monday that the number of children out of school doubled.';
    expect(paragraphsOf(cleaned(`${headline}\n\n${lead2}\n\n${rest.join('\n\n')}`).text)[1]).toBe(lead2);
  });
});

describe('pages: line rules remove boilerplate and keep look-alike sentences', () => {
  const removes: Array<[string, string]> = [
    ['breadcrumbs', 'Home > News > World'],
    ['breadcrumbs (two items, home first)', 'Главная / В мире'],
    ['share bar', 'Share on Facebook Twitter'],
    ['share bar of networks', 'Facebook Twitter Email'],
    ['comment counter', 'Комментарии (12)'],
    ['comment counter', '12 comments'],
    ['call to subscribe', 'Subscribe to our newsletter'],
    ['call to subscribe (RU)', 'Подписывайтесь на наш канал в Telegram'],
    ['ad marker', 'Story continues below advertisement'],
    ['ad marker (RU)', 'Партнерский материал'],
    ['byline with two names', 'By Anna Lee and Tom Brown'],
    ['byline with agency', 'By Jane Smith, Reuters'],
    ['name and role', 'Иван Петров, корреспондент'],
    ['photo credit', 'Image copyright Getty Images'],
    ['photo credit in brackets', '(Photo by Alex Wong/Getty Images)'],
    ['dated line', 'Last updated on 13 April 2021'],
    ['dated line, British time', 'Tue 13 Apr 2021 14.05 BST'],
    ['wire credit', 'Reporting by Jane Smith; Editing by John Doe'],
    ['topics', 'Topics: Politics, Europe'],
  ];
  for (const [rule, line] of removes) {
    it(`removes ${rule}: ${line}`, () => {
      const kept = keptWith(line);
      expect(kept).not.toContain(line);
      expect(kept).toEqual(paragraphsOf(EN.text));
    });
  }

  const keeps: Array<[string, string]> = [
    ['a sentence about social networks', 'Facebook and Twitter removed the accounts on Monday.'],
    ['a headline naming two networks', 'Twitter to X'],
    ['a sentence with a count of comments', '12 comments were removed by moderators on Friday.'],
    ['a sentence about subscribers', 'Subscribers to the newsletter rose by a fifth in a year.'],
    ['a sentence starting with By', 'By Monday, the deal was done.'],
    ['a headline with a name and a role', 'Ivan Petrov, editor who exposed fraud in Minsk, dies at 80'],
    ['a sentence about image copyright', 'Image copyright law is changing.'],
    ['a sentence with slashes', 'Exports to Russia / Kazakhstan grew fast.'],
    ['a sentence with an updated date', 'Updated figures for 13 April 2021 show a rise in exports.'],
    ['a sentence starting with Sponsored', 'Sponsored by the state, the programme will run until 2025.'],
  ];
  for (const [rule, line] of keeps) {
    it(`keeps ${rule}: ${line}`, () => {
      expect(keptWith(line)).toContain(line);
    });
  }

  it('removes an in-article `Читайте также:` with bulleted links, keeps the sentence after a bare header', () => {
    const links = 'Читайте также:\n- Лукашенко провел совещание\n- Минск и Казань подписали соглашение';
    expect(keptWith(links, RU.text)).toEqual(paragraphsOf(RU.text));
    const prose = 'Читайте также:\n\nЗавод выпустит десять тысяч тракторов в следующем году, сообщил министр.';
    expect(keptWith(prose, RU.text)).toContain('Завод выпустит десять тысяч тракторов в следующем году, сообщил министр.');
  });

  it('keeps the last sentence after bulleted in-article links and an ad marker (was cut as a list item)', () => {
    const ps = paragraphsOf(EN.text);
    const last = 'The city of Palu, which has more than 380,000 people, was strewn with debris.';
    const page = [...ps, 'Read also:\n- Five things to know about the vote\n- What happens next', 'ADVERTISEMENT', last, 'Share on Facebook Twitter', '© 2021 Reuters'];
    expect(paragraphsOf(cleaned(page.join('\n\n')).text)).toEqual([...ps, last]);
    // The same links with nothing after them but site furniture are a trailing list: all of it goes.
    expect(cleaned([...ps, ...page.slice(ps.length, ps.length + 2), ...page.slice(-2)].join('\n\n')).text).toBe(EN.text);
  });

  it('keeps a long closing question after a `READ MORE` line (was taken into the trailing boilerplate)', () => {
    const ps = paragraphsOf(EN.text);
    const question = "And as with the other films I couldn't help thinking: can't the British film industry give Rowan Atkinson a role that really does justice to his talent?";
    const page = [...ps, 'READ MORE: Five things to know', question, 'Facebook Twitter Email', 'Related Topics', '12 comments'];
    expect(paragraphsOf(cleaned(page.join('\n\n')).text)).toEqual([...ps, question]);
    // A question headline in a list of other stories still goes with the list.
    expect(cleaned([...ps, 'Latest news', 'Will Minsk get a new metro line?', 'Volcano spews ash on Mexico City'].join('\n\n')).text).toBe(EN.text);
  });

  it('keeps a short headline that stands above its dateline and byline, after a menu line', () => {
    const c = cleaned(['Home > News > World', 'Study History', '13 April 2021', 'By Jane Smith', paragraphsOf(EN.text).slice(1).join('\n\n')].join('\n\n'));
    expect(c.title).toBe('Study History');
    expect(paragraphsOf(c.text)[0]).toBe('Study History');
  });

  it('does not glue a lower-case weekday dateline to the headline when a page is copied line by line', () => {
    const c = cleaned(`Belarus and Russia bet on industry\nвторник, 13 апреля 2021\n${paragraphsOf(EN.text)[1]}`);
    expect(c.title).toBe('Belarus and Russia bet on industry');
    expect(c.date).toBe('2021-04-13');
  });
});

describe('pages: dates', () => {
  it('reads dated lines with a lead-in word, a time zone or a British time', () => {
    expect(dateOnlyLine('Last updated on 13 April 2021')).toBe('2021-04-13');
    expect(dateOnlyLine('Updated 14:05 GMT, 13 April 2021')).toBe('2021-04-13');
    expect(dateOnlyLine('13 April 2021, 14:05 BST')).toBe('2021-04-13');
    expect(dateOnlyLine('Опубликовано: 13.04.2021 в 14:05')).toBe('2021-04-13');
    expect(dateOnlyLine('Updated figures for 13 April 2021')).toBeNull();
    expect(dateOnlyLine('13 April 2021 14.05 percent')).toBeNull();
  });
});

describe('pages: markdown exports', () => {
  it('removes headings, bold, links and image lines', () => {
    const md = '# Lukashenko meets Minnikhanov\n\n**Belarus and Russia** bet on [industry](https://belta.by/x), he said.\n\n![](https://belta.by/photo.jpg)\n\n> A quoted line.';
    const out = stripMarkdown(md);
    expect(out.text).toBe('Lukashenko meets Minnikhanov\n\nBelarus and Russia bet on industry, he said.\n\n\n> A quoted line.'.replace('> ', ''));
    expect(out.images).toEqual(['![](https://belta.by/photo.jpg)']);
  });

  it('keeps arithmetic stars, bracketed prose and text without markdown', () => {
    const plain = 'The index rose 2 * 3 * 4 points [sic] (see below) and #1 seed won.';
    expect(stripMarkdown(plain).text).toBe(plain);
    expect(stripMarkdown(`**Note** ${plain}`).text).toBe(`Note ${plain}`);
  });

  it('cleans a markdown seed article to the same text as the plain one', () => {
    const ps = paragraphsOf(EN.text);
    const md = [`# ${ps[0]}`, `**${ps[1]}**`, '![photo](https://example.com/a.jpg)', ...ps.slice(2)].join('\n\n');
    expect(cleaned(md).text).toBe(EN.text);
  });
});

describe('pages: text pasted from PDF', () => {
  it('joins words hyphenated across line breaks, keeps compounds and names', () => {
    const forms = wordForms('');
    expect(joinHyphenated('зреет недоволь-', 'ство предложением', forms)).toBe('зреет недовольство предложением');
    expect(joinHyphenated('govern-', 'ment said', forms)).toBe('government said');
    expect(joinHyphenated('в Сан-', 'Диего', forms)).toBe('в Сан-Диего');
    expect(joinHyphenated('COVID-', '19 cases', forms)).toBe('COVID-19 cases');
    expect(joinHyphenated('какой-', 'то человек', forms)).toBe('какой-то человек');
    expect(joinHyphenated('сказал по-', 'русски', forms)).toBe('сказал по-русски');
    // The document's own spelling decides: `long-term` written elsewhere keeps its hyphen.
    expect(joinHyphenated('a long-', 'term plan', wordForms('the long-term outlook'))).toBe('a long-term plan');
  });

  it('unwraps a two-line paragraph broken inside a number, keeps a headline above a lead', () => {
    const c = cleaned('Title line\n\nСеул утверждает, что с 1953 года границу пересекли более 30\n000 северокорейцев, сообщили в министерстве.');
    expect(paragraphsOf(c.text)[1]).toBe('Сеул утверждает, что с 1953 года границу пересекли более 30 000 северокорейцев, сообщили в министерстве.');
    const h = cleaned('Thousands protest in Minsk\n2 people were detained, police said on Sunday.');
    expect(paragraphsOf(h.text)).toEqual(['Thousands protest in Minsk', '2 people were detained, police said on Sunday.']);
  });

  it('recovers every seed paragraph from a hyphenated 64-column layout', () => {
    const wrap = (p: string) => p.replace(/(.{1,60})(?:\s+|$)/gu, '$1\n').trim();
    const ps = paragraphsOf(RU.text);
    const pdf = [ps[0], ...ps.slice(1).map((p) => wrap(p).replace(/ (\p{Ll}{4})(\p{Ll}{4,})\n/gu, ' $1-\n$2 '))].join('\n\n');
    expect(cleaned(pdf).text).toBe(RU.text);
  });
});

describe('pages: look-alike letters', () => {
  it('puts mixed-script words in the script of their line', () => {
    expect(normalize('Mосква и CШA, сказал он c улыбкой o 5 странах.')).toBe('Москва и США, сказал он с улыбкой о 5 странах.');
    expect(normalize('Мoscow and Lоndon')).toBe('Moscow and London');
  });

  it('keeps Roman numerals, Latin brands and hyphenated mixed compounds', () => {
    const keep = 'В XX веке IT-компании и iPhone пришли в Mинск. C++ и ООН.';
    expect(normalize(keep)).toBe('В XX веке IT-компании и iPhone пришли в Минск. C++ и ООН.');
  });
});

describe('pages: segmentation', () => {
  it('leaves list bullets out of segments, keeps dialogue dashes', () => {
    expect(segments('- The plant will open in May.\n• Кто заплатит? Никто.', 'ru')).toEqual(['The plant will open in May.', 'Кто заплатит?', 'Никто.']);
    expect(segments('— Вы довольны? — Да.', 'ru')).toEqual(['— Вы довольны?', '— Да.']);
  });

  it('does not end a sentence at `ок.` before a number, does at `p.m.` before Tomorrow', () => {
    expect(segments('Население — ок. 5 тыс. чел. Большинство — русские.', 'ru')).toEqual(['Население — ок. 5 тыс. чел.', 'Большинство — русские.']);
    expect(segments('The meeting is at 5 p.m. Tomorrow we leave.', 'en')).toEqual(['The meeting is at 5 p.m.', 'Tomorrow we leave.']);
    expect(segments('Президент России В. В. Путин провел совещание, т. е. встречу. Оно длилось час.', 'ru'))
      .toEqual(['Президент России В. В. Путин провел совещание, т. е. встречу.', 'Оно длилось час.']);
  });
});

describe('pages: language of short texts', () => {
  const cases: Array<[string, Lang]> = [
    ['Вони сказали, що справа закрита.', 'uk'],
    ['Я незабаром буду з тобою.', 'uk'],
    ['Ён сказаў, што справа закрыта.', 'be'],
    ['Я хутка буду з табой. Я буду з табой.', 'be'],
    ['Они сказали, что дело закрыто.', 'ru'],
    ['Mосква — столица России, там живет много людей.', 'ru'],
  ];
  for (const [text, lang] of cases) {
    it(`${lang}: ${text}`, () => expect(detectLanguage(normalize(text)).lang).toBe(lang));
  }
});
