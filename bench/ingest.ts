/**
 * bench/ingest: NTREX-128 stories wrapped the way real sites and copy-paste deliver them
 * (bylines, datelines, captions, share bars, tag lists, markdown, PDF line breaks, Windows line
 * endings, invisible characters, look-alike letters, …), run through palign's ingest stages
 * (normalize → clean → detectLanguage → segment). Per variant it prints how many gold sentences
 * come out as exactly one segment, how many are lost from the cleaned text, how many injected
 * boilerplate lines are kept, and how often the language is right.
 *
 * `npx tsx bench/ingest.ts [seed]`. Reads ../shared/eval; says so and exits 0 when absent.
 */
import { clean } from '../src/ingest/clean.js';
import { normalize } from '../src/ingest/normalize.js';
import { detectLanguage } from '../src/lang.js';
import { segment } from '../src/segment.js';
import type { Lang } from '../src/types.js';
import { loadNtrex } from './lib/ntrex.js';
import { rng } from './lib/match-corpus.js';

type StoryLang = 'en' | 'ru' | 'be' | 'uk';

interface Built {
  /** The raw document text as a user's file would hold it. */
  raw: string;
  /** The gold sentences, as the story has them (what the cleaned text should keep). */
  gold: string[];
  /** Lines the cleaner should remove. */
  junk: string[];
}

interface Variant {
  name: string;
  langs: StoryLang[];
  build: (sentences: string[], lang: StoryLang, rnd: () => number) => Built;
}

const pick = <T>(xs: readonly T[], rnd: () => number): T => xs[Math.floor(rnd() * xs.length)] as T;

/** Body paragraphs of 1–3 sentences (the story's sentence 0 is its headline). */
function paragraphs(sentences: string[], rnd: () => number): string[][] {
  const out: string[][] = [];
  let i = 1;
  while (i < sentences.length) {
    const n = 1 + Math.floor(rnd() * 3);
    out.push(sentences.slice(i, i + n));
    i += n;
  }
  return out;
}

/** Inserts `line` as its own paragraph after a random body paragraph (not the last). */
function insertMiddle(paras: string[], line: string, rnd: () => number): void {
  const at = 1 + Math.floor(rnd() * Math.max(1, paras.length - 1));
  paras.splice(at, 0, line);
}

const BOILER = {
  en: {
    byline: ['By Jane Smith, Reuters', 'By John McAllister', 'By Anna Lee and Tom Brown', 'Jane Smith\nBBC News, Washington'],
    dated: ['April 13, 2021', 'Published 13 April 2021', 'Updated 14:05 GMT, 13 April 2021', '13 April 2021, 14:05 BST',
      'Tue 13 Apr 2021 14.05 BST', 'Last updated on 13 April 2021'],
    caption: ['Photo: AP', 'Image copyright Getty Images', 'Photo: Reuters/John Smith', '(Photo by Alex Wong/Getty Images)',
      'Image source, Getty Images', 'Photograph: Alamy'],
    ad: ['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Sponsored'],
    share: ['Share on Facebook Twitter', 'Share this article', 'Share', 'Facebook Twitter Email', 'Share this with Facebook Twitter Email'],
    more: ['Read more: Why the vote matters', 'READ MORE: Five things to know', 'Related: What happens next', 'More on this story',
      'Read also:\n- Five things to know about the vote\n- What happens next'],
    tags: ['Topics: Politics, Europe', 'Tags: politics, economy', 'Related Topics'],
    subscribe: ['Subscribe to our newsletter', 'Sign up for our daily newsletter', 'Follow us on Twitter', 'Sign up for free'],
    source: ['Source: Reuters', 'Source: BBC News'],
    copy: ['© 2021 Reuters. All rights reserved.', 'Copyright 2021 The Associated Press. All rights reserved.', '© Thomson Reuters 2021'],
    comments: ['12 comments', 'Comments (12)', 'View comments', '34 Comments'],
    crumbs: ['Home > News > World', 'Home | News | World | Europe', 'News / World / Europe'],
  },
  ru: {
    byline: ['Автор: Иван Петров', 'Текст: Мария Иванова', 'Иван Петров, корреспондент', 'Автор: Мария Иванова, РИА Новости'],
    dated: ['13 апреля 2021, 14:05', 'Обновлено: 13 апреля 2021, 15:10', '13.04.2021 14:05', 'Опубликовано: 13.04.2021 в 14:05',
      '13 апреля 2021 г., 14:05', 'вторник, 13 апреля 2021'],
    caption: ['Фото: ТАСС', 'Фото: Reuters', '© РИА Новости / Иван Петров', 'Фото: Иван Петров / Коммерсантъ', 'Фото: EPA/ТАСС'],
    ad: ['Реклама', 'РЕКЛАМА', 'Продолжение ниже', 'Партнерский материал'],
    share: ['Поделиться', 'Поделиться:', 'Поделиться в соцсетях', 'ВКонтакте Одноклассники Telegram'],
    more: ['Читайте также: Путин провел совещание', 'Читайте также:\nПутин провел совещание', 'Подробнее: Что известно о выборах', 'По теме',
      'Читайте также:\n- Путин провел совещание'],
    tags: ['Теги: политика, экономика', 'Теги: Россия, США, санкции', 'Метки: выборы'],
    subscribe: ['Подписывайтесь на наш канал в Telegram', 'Подписывайтесь на нас в соцсетях', 'Подписаться на рассылку'],
    source: ['Источник: ТАСС', 'Источник: РИА Новости'],
    copy: ['© 2021 РИА Новости', '© ТАСС, 2021', 'Все права защищены. 2021'],
    comments: ['Комментарии (12)', '12 комментариев', 'Комментарии: 12', 'Обсудить'],
    crumbs: ['Главная > Новости > Политика', 'Главная / Новости / В мире', 'Главная » В мире'],
  },
} as const;

type Kind = keyof typeof BOILER.en;
const boiler = (lang: StoryLang, kind: Kind, rnd: () => number): string => pick(BOILER[lang === 'en' ? 'en' : 'ru'][kind], rnd);

/** A site page: breadcrumbs, headline, byline and date, caption, ads and links in the middle, share bar, tags, copyright. */
function sitePage(sentences: string[], lang: StoryLang, rnd: () => number): Built {
  const junk: string[] = [];
  const j = (kind: Kind) => {
    const line = boiler(lang, kind, rnd);
    junk.push(...line.split('\n'));
    return line;
  };
  const body = paragraphs(sentences, rnd).map((p) => p.join(' '));
  insertMiddle(body, j('ad'), rnd);
  insertMiddle(body, j('more'), rnd);
  insertMiddle(body, j('caption'), rnd);
  const head = [j('crumbs'), sentences[0] ?? '', j('dated'), j('byline')];
  const tail = [j('share'), j('tags'), j('subscribe'), j('comments'), j('copy')];
  return { raw: [...head, ...body, ...tail].join('\n\n'), gold: sentences, junk };
}

/** The same as {@link sitePage} but every element on its own line, no blank lines (a select-all copy). */
function sitePageLines(sentences: string[], lang: StoryLang, rnd: () => number): Built {
  const built = sitePage(sentences, lang, rnd);
  return { ...built, raw: built.raw.replace(/\n\n/g, '\n') };
}

/** Wire story: `MOSCOW, April 13 (Reuters) -` before the lead, `Reporting by …` after. */
function wire(sentences: string[], lang: StoryLang, rnd: () => number): Built {
  const body = paragraphs(sentences, rnd).map((p) => p.join(' '));
  const dateline = lang === 'en' ? pick(['MOSCOW, April 13 (Reuters) - ', 'LONDON (AP) — ', 'WASHINGTON, April 13 (Reuters) -- '], rnd)
    : pick(['МОСКВА, 13 апр — РИА Новости. ', 'МОСКВА, 13 апреля. /ТАСС/. ', 'Москва. 13 апреля. ИНТЕРФАКС - '], rnd);
  body[0] = dateline + (body[0] ?? '');
  const tail = lang === 'en' ? pick(['Reporting by Jane Smith; Editing by John Doe', 'Reporting by Jane Smith in Moscow; Editing by Tom Brown'], rnd)
    : pick(['(Редактор Иван Петров)', 'Автор: Иван Петров; редактор: Мария Иванова'], rnd);
  return { raw: [sentences[0], ...body, tail].join('\n\n'), gold: sentences, junk: [dateline.trim(), tail] };
}

/** Markdown export: `# Title`, `**bold**` lead, `[link](url)` in text, an image line. */
function markdown(sentences: string[], _lang: StoryLang, rnd: () => number): Built {
  const body = paragraphs(sentences, rnd).map((p) => p.join(' '));
  body[0] = `**${body[0]}**`;
  const image = '![](https://example.com/img/photo.jpg)';
  insertMiddle(body, image, rnd);
  // Turn one capitalised word of a later paragraph into a link.
  const k = Math.min(body.length - 1, 2);
  body[k] = (body[k] ?? '').replace(/(?<=\s)(\p{Lu}\p{L}{3,})/u, '[$1](https://example.com/x)');
  return { raw: [`# ${sentences[0]}`, ...body].join('\n\n'), gold: sentences, junk: [image] };
}

/** PDF copy: lines wrapped at ~70 columns, long words hyphenated across the break, no blank lines kept. */
function pdf(sentences: string[], _lang: StoryLang, rnd: () => number): Built {
  const width = 60 + Math.floor(rnd() * 20);
  const wrapped = paragraphs(sentences, rnd).map((p) => wrap(p.join(' '), width));
  return { raw: [sentences[0], ...wrapped].join('\n\n'), gold: sentences, junk: [] };
}

/** Wraps at `width`, hyphenating words of 8+ letters that would cross the margin. */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length + 1 + word.length <= width || line === '') {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    const room = width - line.length - 2;
    if (/^\p{L}{8,}$/u.test(word) && room >= 3 && word.length - room >= 3) {
      lines.push(`${line} ${word.slice(0, room)}-`);
      line = word.slice(room);
    } else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/** Bullet list: each body sentence an item. */
function bullets(sentences: string[], _lang: StoryLang, rnd: () => number): Built {
  const mark = pick(['- ', '• ', '* ', '▪ '], rnd);
  const items = sentences.slice(1).map((s) => mark + s);
  return { raw: [sentences[0], items.join('\n')].join('\n\n'), gold: sentences, junk: [] };
}

/** Windows line endings, no-break spaces after short words, soft hyphens and zero-width spaces inside words. */
function invisible(sentences: string[], _lang: StoryLang, rnd: () => number): Built {
  const body = paragraphs(sentences, rnd).map((p) => p.join(' ')
    .replace(/(?<=(?:^|\s)\p{L}{1,2}) /gu, '\u00a0')
    .replace(/(\p{L}{4})(\p{L}{4,})/gu, (_m, a: string, b: string) => a + (rnd() < 0.5 ? '\u00ad' : '\u200b') + b));
  return { raw: `\ufeff${[sentences[0], ...body].join('\r\n\r\n')}\r\n`, gold: sentences, junk: [] };
}

/** Latin look-alike letters in Cyrillic words (a tenth of А, Е, О, С, М, Р, Т, а, е, о, с, р). */
function lookalike(sentences: string[], _lang: StoryLang, rnd: () => number): Built {
  const map: Record<string, string> = { А: 'A', Е: 'E', О: 'O', С: 'C', М: 'M', Р: 'P', Т: 'T', а: 'a', е: 'e', о: 'o', с: 'c', р: 'p' };
  const swap = (s: string) => [...s].map((ch) => (map[ch] !== undefined && rnd() < 0.1 ? map[ch] : ch)).join('');
  const body = paragraphs(sentences, rnd).map((p) => swap(p.join(' ')));
  return { raw: [swap(sentences[0] ?? ''), ...body].join('\n\n'), gold: sentences, junk: [] };
}

/** A page with the story twice: the other language's version follows (bilingual page); only language is scored. */
function plain(sentences: string[], _lang: StoryLang, rnd: () => number): Built {
  const body = paragraphs(sentences, rnd).map((p) => p.join(' '));
  return { raw: [sentences[0], ...body].join('\n\n'), gold: sentences, junk: [] };
}

/** Only the first two body sentences: language ID on short text. */
function short(sentences: string[], _lang: StoryLang): Built {
  const s = sentences.slice(1, 3);
  return { raw: s.join(' '), gold: s, junk: [] };
}

/** One body sentence. */
function oneSentence(sentences: string[], _lang: StoryLang): Built {
  const s = sentences.slice(1, 2);
  return { raw: s.join(' '), gold: s, junk: [] };
}

const ALL: StoryLang[] = ['en', 'ru', 'be', 'uk'];
const VARIANTS: Variant[] = [
  { name: 'plain', langs: ALL, build: plain },
  { name: 'site page', langs: ['en', 'ru'], build: sitePage },
  { name: 'site page, single newlines', langs: ['en', 'ru'], build: sitePageLines },
  { name: 'wire dateline', langs: ['en', 'ru'], build: wire },
  { name: 'markdown', langs: ['en', 'ru'], build: markdown },
  { name: 'pdf wrap + hyphens', langs: ['en', 'ru'], build: pdf },
  { name: 'bullets', langs: ['en', 'ru'], build: bullets },
  { name: 'crlf nbsp shy zwsp', langs: ALL, build: invisible },
  { name: 'latin look-alikes', langs: ['ru'], build: lookalike },
  { name: 'two sentences', langs: ALL, build: short },
  { name: 'one sentence', langs: ALL, build: oneSentence },
];

/** Whitespace-insensitive key, for "is this text still there". */
const key = (s: string) => normalize(s).replace(/\s+/gu, ' ').trim();

interface Tally {
  docs: number;
  langRight: number;
  gold: number;
  exact: number;
  lost: number;
  junk: number;
  junkKept: number;
  wrongLangs: Map<string, number>;
}

/** `--show NAME`: print misses of that variant (for debugging). */
const SHOW = process.argv.includes('--show') ? process.argv[process.argv.indexOf('--show') + 1] : undefined;
const SHOW_MAX = Number(process.env.SHOW_MAX ?? 25);
let shown = 0;
function show(kind: string, text: string): void {
  if (shown++ < SHOW_MAX) console.log(`  ${kind}: ${text.slice(0, 300).replace(/\n/g, '⏎')}`);
}

function runVariant(variant: Variant, stories: Array<Record<StoryLang, string[]>>, seed: number): Tally {
  const showing = SHOW === variant.name;
  const t: Tally = { docs: 0, langRight: 0, gold: 0, exact: 0, lost: 0, junk: 0, junkKept: 0, wrongLangs: new Map() };
  const rnd = rng(seed);
  for (const story of stories) {
    for (const lang of variant.langs) {
      const sentences = story[lang];
      if (!sentences || sentences.length < 3) continue;
      const built = variant.build(sentences, lang, rnd);
      const cleaned = clean(normalize(built.raw));
      const guess = detectLanguage(cleaned.text);
      const segs = new Set(segment(cleaned.text, guess.lang as Lang).map((s) => key(s.text)));
      const body = key(cleaned.text);
      t.docs++;
      if (guess.lang === lang) t.langRight++;
      else if (showing) show(`lang ${lang}→${guess.lang}`, cleaned.text);
      else t.wrongLangs.set(`${lang}→${guess.lang}`, (t.wrongLangs.get(`${lang}→${guess.lang}`) ?? 0) + 1);
      for (const g of built.gold) {
        t.gold++;
        if (segs.has(key(g))) t.exact++;
        else if (!body.includes(key(g))) {
          t.lost++;
          if (showing) show(`lost ${lang}`, g);
          if (showing && process.env.SHOW_RAW) console.log(built.raw, '\n=====\n', cleaned.text);
        } else if (showing) show(`split ${lang}`, g);
      }
      for (const j of built.junk) {
        t.junk++;
        if (body.includes(key(j))) {
          t.junkKept++;
          if (showing) show(`junk kept ${lang}`, j);
        }
      }
    }
  }
  return t;
}

function main(): void {
  const stories = loadNtrex('ingest');
  if (!stories) return;
  const seed = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1);
  const typed = stories as unknown as Array<Record<StoryLang, string[]>>;
  console.log(`bench/ingest: ${stories.length} NTREX stories, seed ${seed}`);
  console.log('| variant | docs | language right | gold sentences | exact segment | lost | boilerplate kept | wrong languages |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const v of VARIANTS.filter((x) => SHOW === undefined || x.name === SHOW)) {
    const t = runVariant(v, typed, seed);
    const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
    const wrong = [...t.wrongLangs].map(([k, n]) => `${k} ${n}`).join(', ');
    console.log(`| ${v.name} | ${t.docs} | ${pct(t.langRight, t.docs)} | ${t.gold} | ${pct(t.exact, t.gold)} | ${t.lost} | `
      + `${t.junk === 0 ? '–' : `${t.junkKept}/${t.junk}`} | ${wrong} |`);
  }
}

main();
