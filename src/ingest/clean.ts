/**
 * Cleaning of one normalised document: finds its title and date, and strips what is not
 * article text (metadata, datelines, repeated headlines, credits, site boilerplate) while
 * keeping every article sentence. Everything removed is returned in `stripped`.
 *
 * Rules are about the shape of lines, not about any one site: boilerplate is a leading or
 * trailing region made mostly of short lines, dates, credits and link text (`Read more`,
 * `Читать новость`), and such a region never extends over a paragraph that reads as a sentence.
 */
import type { CleanedText, Stripped, StripKind } from '../types.js';
import { dateAtStart, dateOnlyLine } from './dates.js';
import { joinHyphenated, wordForms } from './hyphen.js';
import { stripMarkdown } from './markdown.js';

/** Longest title kept from a document without a headline (the first sentence, shortened). */
export const DERIVED_TITLE_CHARS = 80;
/** A headline is at most this long; longer first lines are leads or whole paragraphs. */
const MAX_HEADLINE_CHARS = 200;
export const MAX_HEADLINE_WORDS = 30;
/** A paragraph with at least this many words and final punctuation reads as a sentence. */
const SENTENCE_MIN_WORDS = 5;
/** A question this long is prose (an article's last line), not a headline: headlines run 5–15 words. */
const PROSE_QUESTION_WORDS = 18;
/** Lines this short (words and characters) without final punctuation are menu/category items. */
const SHORT_MAX_WORDS = 3;
const SHORT_MAX_CHARS = 32;
/** A credit line is at most this many words (`Источник: БелТА`, `Photo: Reuters/John Smith`). */
const CREDIT_MAX_WORDS = 15;
/** Boilerplate markers are whole short lines, or a marker and a colon before link text. */
const MARKER_MAX_WORDS = 6;
/** A boilerplate region needs this share of strong signs (dates, markers, short lines, credits). */
const MIN_STRONG_SHARE = 0.4;
/** Without a marker, a region needs this many datelines or short lines to count as boilerplate. */
const MIN_REGION_DATES = 2;
const MIN_REGION_SHORTS = 3;
/** Leading short lines are menus/kickers only when there are at least this many (one may be a one-word headline). */
const MIN_LEADING_SHORTS = 2;
/** Paragraphs after the title in which a repeat of the headline is looked for. */
const REPEAT_WINDOW = 3;
/** Metadata is looked for only in the first paragraphs. */
const METADATA_WINDOW = 8;
/** Hard-wrapped text: lines are at most this long, and most non-final lines reach this share of the longest. */
const WRAP_MAX_CHARS = 110;
/** Wrapping widths in the wild are 60–80 columns; a block of shorter lines is a list, not wrapped prose. */
const WRAP_MIN_CHARS = 40;
const WRAP_FULL_SHARE = 0.7;
const WRAP_MIN_LINES = 3;

/**
 * Headers of a site's feeds of other stories (`Latest news`, `Самое читаемое`), lower case,
 * EN/RU/BE/UK: they stand at the end of a page, never inside an article's text.
 */
const FEED_HEADERS = [
  'latest news', 'more news', 'all news', 'other news', 'more stories', 'top stories', 'most read', 'most popular',
  'popular', 'recommended', 'you may also like', 'you might also like', "editor's picks", "editors' picks", 'news feed',
  'последние новости', 'другие новости', 'все новости', 'еще новости', 'ещё новости', 'лента новостей', 'популярное',
  'самое популярное', 'самое читаемое', 'новости партнеров', 'главные новости', 'новости дня', 'выбор редакции',
  'вам может быть интересно', 'рекомендуем',
  'апошнія навіны', 'іншыя навіны', 'усе навіны', 'самае чытанае', 'папулярнае', 'рэкамендуем', 'стужка навін',
  'галоўныя навіны',
  'останні новини', 'інші новини', 'всі новини', 'усі новини', 'найпопулярніше', 'найчитаніше', 'популярне',
  'рекомендуємо', 'стрічка новин', 'головні новини',
];
/**
 * Headers of links to related stories (`Read also`, `Читайте также`): at the end of a page,
 * but also inside an article before one or two links, with the article going on after them.
 */
const LINK_HEADERS = [
  'related news', 'related articles', 'related stories', 'related topics', 'related', 'read also', 'also read',
  'see also', 'more on this story',
  'похожие новости', 'новости по теме', 'материалы по теме', 'по теме', 'читайте также', 'читайте еще', 'читайте ещё',
  'также читайте', 'читать также', 'смотрите также', 'см. также',
  'навіны па тэме', 'чытайце таксама', 'глядзіце таксама',
  'новини за темою', 'схожі новини', 'читайте також', 'дивіться також',
];
/** Whole-line headers that open a trailing list of headlines. */
const LIST_HEADERS = [...FEED_HEADERS, ...LINK_HEADERS];
/** Markers that introduce one link (`Read more: <headline>`), besides the list headers. */
const LINK_MARKERS = ['read more', 'подробнее', 'читать новость', 'читать далее', 'читать полностью', 'чытаць далей', 'читати далі', 'детальніше'];
const LIST_HEADER_SET = new Set(LIST_HEADERS);
const LINK_HEADER_SET = new Set(LINK_HEADERS);
const FEED_HEADER_SET = new Set(FEED_HEADERS);
const LINK_INTROS = new Set([...LIST_HEADERS, ...LINK_MARKERS]);
/** Whole-line (or line-opening, before a colon) boilerplate markers, lower case. */
const MARKERS = [
  ...LIST_HEADERS, ...LINK_MARKERS,
  'реклама', 'поделиться', 'комментарии', 'теги', 'метки', 'подписывайтесь', 'версия для печати', 'наверх',
  'share', 'share this', 'comments', 'tags', 'subscribe', 'advertisement', 'print', 'back to top', 'follow us',
  'topics', 'sponsored', 'sponsored content', 'paid content', 'paid post', 'promoted', 'story continues below',
  'story continues below advertisement', 'article continues below', 'continue reading', 'view comments',
  'show comments', 'leave a comment', 'add comment', 'skip advertisement',
  'темы', 'продолжение ниже', 'продолжение следует ниже', 'партнерский материал', 'партнёрский материал',
  'на правах рекламы', 'спецпроект', 'обсудить', 'написать комментарий', 'оставить комментарий',
  'показать комментарии', 'рэклама', 'падзяліцца', 'каментарыі', 'тэгі', 'реклама', 'поділитися', 'коментарі', 'теги',
];
/**
 * Site navigation: `Home > News > World`, `Главная / Новости`. Items of at most three words
 * between spaced separators; with two items only when the first is a home link.
 */
const CRUMB_SEPARATOR = /\s+[>»›→/|]\s+/u;
const CRUMB_ITEM_WORDS = 3;
const CRUMB_MIN_ITEMS = 3;
const CRUMB_HOME = /^(?:home|main|news|главная|новости|галоўная|навіны|головна|новини)$/iu;
/** Share bars: nothing but these words (and punctuation). A sentence about Facebook has other words. */
const SHARE_WORDS = new Set([
  'share', 'this', 'article', 'story', 'page', 'on', 'via', 'with', 'to', 'by', 'email', 'e-mail', 'mail', 'print',
  'copy', 'link', 'facebook', 'twitter', 'x', 'whatsapp', 'telegram', 'linkedin', 'pinterest', 'reddit', 'messenger',
  'viber', 'vk', 'vkontakte', 'flipboard', 'tumblr', 'threads', 'bluesky', 'sms', 'save', 'tweet', 'comment',
  'comments', 'поделиться', 'поделись', 'в', 'соцсетях', 'социальных', 'сетях', 'вконтакте', 'одноклассники', 'ок',
  'мой', 'мир', 'почта', 'телеграм', 'дзен', 'падзяліцца', 'поділитися', 'копировать', 'ссылку', 'ссылка', 'печать',
  'распечатать', 'отправить',
]);
/** A share bar has a couple of words at least, and the share verb or two networks (`Twitter to X` is a headline). */
const SHARE_MIN_WORDS = 2;
const SHARE_VERBS = new Set(['share', 'поделиться', 'поделись', 'падзяліцца', 'поділитися']);
const SHARE_NETWORKS = new Set(['facebook', 'twitter', 'whatsapp', 'telegram', 'вконтакте', 'vk', 'vkontakte', 'одноклассники',
  'linkedin', 'pinterest', 'reddit', 'email', 'e-mail', 'viber', 'telegram', 'messenger', 'телеграм']);
const SHARE_MIN_NETWORKS = 2;
/** Comment counters (`12 comments`, `Комментарии (12)`). */
const COMMENT_COUNT = /^(?:\d+\s+(?:comments?|коммент\p{L}*|камент\p{L}*|комент\p{L}*)|(?:comments?|комментарии|каментарыі|коментарі)\s*[(:]?\s*\d+\)?)$/iu;
/** Calls to subscribe or follow, addressed to the reader; a few words, an imperative at the start. */
const CALL_TO_ACTION = /^(?:subscribe\s+(?:to|for|now)|sign\s+up\s+(?:for|to|now|here)|follow\s+us|join\s+us\s+on|get\s+our\s+newsletter|download\s+our\s+app|подписывайтесь|подпишитесь|подписаться|следите\s+за\s+нами|читайте\s+нас|падпісвайцеся|падпішыцеся|підписуйтесь|підписуйтеся|стежте\s+за\s+нами)(?![\p{L}])/iu;
const CALL_TO_ACTION_MAX_WORDS = 14;
const CREDIT_KEY = '(?:источники?|фото(?:графия)?|видео|автор[ыа]?|текст|перевод|редактор|иллюстраци[яи]|'
  + 'подготовил[аи]?|по материалам|source|photo(?:graph)?s?|video|author|text|image|picture|illustration|'
  + 'credits?|translation)';
const CREDIT_COLON = new RegExp(`^${CREDIT_KEY}\\s*[:：]\\s*\\S`, 'iu');
const CREDIT_BY = /^(?:written|reported|reporting|additional\s+reporting|edited|editing|writing|photos?|text|posted|translated|compiled)\s+by\s+\S/iu;
/** A capitalised name of one to four words (`Jane Smith`, `John McAllister Jr.`). */
const NAME = "\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}";
/** `By Jane Smith`, `By Anna Lee and Tom Brown`, `By Jane Smith, Reuters`, `By Jane Smith in Moscow`. */
const CREDIT_BYLINE = new RegExp(`^[Bb]y\\s+${NAME}(?:(?:\\s*,\\s*|\\s+(?:and|&)\\s+)${NAME})*(?:\\s+in\\s+${NAME})?$`, 'u');
/** `Jane Smith, correspondent`, `Иван Петров, корреспондент`: a name and a newsroom role. */
const CREDIT_ROLE = new RegExp(`^${NAME}\\s*[,|–—-]\\s*(?:(?:senior|chief|special|political|economics|foreign|staff|специальный|собственный|политический|главный|старший)\\s+)?`
  + '(?:correspondent|reporter|editor|journalist|writer|columnist|contributor|корреспондент\\p{L}*|обозревател\\p{L}*|редактор\\p{L}*|журналист\\p{L}*|колумнист\\p{L}*|карэспандэнт\\p{L}*|кореспондент\\p{L}*|оглядач\\p{L}*)'
  + '(?:\\s+[\\p{L}-]+){0,3}$', 'u');
/** Photo credits without a colon: `Image copyright Getty Images`, `Image source, AFP`, `(Photo by Alex Wong/Getty Images)`. */
const CREDIT_IMAGE = /^(?:(?:image|photo|picture|video)\s+(?:copyright|source|credit|caption)s?\b[\s,:]|\((?:photo|image|picture|фото|видео|reporting|editing|редактор|автор)[^()]*\)$)/iu;
/** Credits of this kind are short and not sentences. */
const CREDIT_IMAGE_MAX_WORDS = 10;
const CREDIT_COPYRIGHT = /^(?:©|\(c\)\s|copyright\b|all rights reserved|все права защищены)/iu;
const BARE_LINK = /^(?:https?:\/\/\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:by|ru|ua|com|org|net|info|news|eu|uk)(?:\/\S*)?)$/iu;
const METADATA_KEY = /^(title|date|dated|published|posted|updated|author|source|url|link|lang|language|category|tags|заголовок|дата|опубликовано|обновлено|автор|источник|ссылка|рубрика|теги)\s*[:：]\s*(.*)$/iu;
const DATE_PREFIX = /^(?:date|dated|published|posted|updated|дата(?:\s+публикации)?|опубликовано|обновлено)\s*[:：–—-]?\s*/iu;
const LIST_ITEM = /^(?:[-•*–—·▪►]|\d{1,2}[.)])\s/u;
/** Cookie notices are a few sentences; an article about cookies is longer than this. */
const COOKIE_NOTICE_MAX_WORDS = 70;
const COOKIE_WORD = /(?<![\p{L}])(?:cookies?|куки|кукі)(?![\p{L}])/iu;
const COOKIE_ADDRESS = new RegExp('(?<![\\p{L}])(?:we use|this (?:web)?site|our (?:web)?site|you agree|you consent|'
  + 'мы используем|сайт использует|наш сайт|этот сайт|вы соглашаетесь|вы даете согласие|вы даёте согласие|'
  + 'мы выкарыстоўваем|вы згаджаецеся|ми використовуємо|ви погоджуєтеся|ви погоджуєтесь)(?![\\p{L}])', 'iu');
/** Final punctuation of a sentence, possibly inside closing quotes or brackets. */
const SENTENCE_END = /[.!…:;]["»”’)\]]*$/u;
const QUESTION_END = /\?["»”’)\]]*$/u;
/** Times beside list items, with relative days (`Вчера, 14:35`) and the separator after them. */
const LEADING_TIME = /^(?:(?:today|yesterday|сегодня|вчера|сёння|учора|сьогодні|вчора),?\s*)?\d{1,2}:\d{2}(?::\d{2})?(?!\d)/iu;
const TRAILING_TIME = /\s+[|,–—-]?\s*\d{1,2}:\d{2}(?::\d{2})?$/u;
const ITEM_SEPARATOR = /^[\s|,/–—-]+/u;
/** A sentence end inside a paragraph: after a word of two lower-case letters or a digit (not `Mr.`, `U.S.`), before a capital. */
const SENTENCE_BREAK = /(?<=\p{Ll}\p{Ll}|\d)[.!?…]["»”’)\]]*\s+["«“„(]?\p{Lu}/u;

/** What a paragraph looks like, for finding boilerplate. */
type Shape = 'date' | 'credit' | 'marker' | 'short' | 'list' | 'headline' | 'question' | 'sentence';

interface Para {
  text: string;
  shape: Shape;
  /** Why it is removed, once decided. */
  strip?: StripKind;
  /** Part of the trailing boilerplate region (reported as one piece). */
  inRegion?: boolean;
}

/**
 * Normalised text in, cleaned document out.
 *
 * Title: the headline when the document has one (a first paragraph without final period,
 * at most ~200 characters; it stays the first paragraph of `text`). A document that starts
 * straight with its lead gets the lead's first sentence shortened to at most 80 characters
 * (ending in `…` when cut) as title, so listings and title similarity still have something;
 * that derived title is not added to `text` (use {@link hasHeadline} to tell the cases apart).
 * Date: from a `date …` metadata prefix or key, else the first date-only line outside boilerplate.
 */
export function clean(text: string): CleanedText {
  const unmarked = stripMarkdown(text);
  const paras = splitParagraphs(unmarked.text).map((p): Para => ({ text: p, shape: shapeOf(p) }));
  const meta = takeMetadata(paras);
  cutWireDateline(paras, meta);
  const hasSentence = paras.some((p) => p.shape === 'sentence');
  if (hasSentence) {
    // In-article links first, so a last sentence after them is not taken for a list item.
    markInlineLinks(paras);
    markTrailingList(paras);
    markTrailingBoilerplate(paras);
    markLeadingJunk(paras, meta.title);
  }
  let date = meta.date;
  for (const p of paras) {
    if (p.strip) continue;
    if (p.shape === 'date') p.strip = 'date';
    else if (p.shape === 'credit') p.strip = 'credit';
    else if (p.shape === 'marker') p.strip = 'boilerplate';
    if (p.strip === 'date') date ??= dateOnlyLine(p.text);
  }
  const headline = findHeadline(paras, meta.title);
  const body = paras.filter((p) => !p.strip).map((p) => p.text);
  const title = headline ?? derivedTitle(body[0] ?? '');
  const images: Stripped[] = unmarked.images.map((image) => ({ kind: 'boilerplate', text: image }));
  const stripped = [...images, ...meta.stripped, ...strippedPieces(paras)];
  return { title, date, text: body.join('\n\n'), stripped };
}

/** True when `cleaned.title` is a headline that opens `cleaned.text` (not one derived from the lead). */
export function hasHeadline(cleaned: CleanedText): boolean {
  return cleaned.title !== null && (cleaned.text === cleaned.title || cleaned.text.startsWith(`${cleaned.title}\n\n`));
}

/** Removed paragraphs in document order; a boilerplate region is one piece, lines joined by LF. */
function strippedPieces(paras: Para[]): Stripped[] {
  const pieces: Stripped[] = [];
  let region: Stripped | null = null;
  for (const p of paras) {
    if (!p.strip) continue;
    if (p.inRegion && region) {
      region.text += `\n${p.text}`;
      continue;
    }
    const piece: Stripped = { kind: p.strip, text: p.text };
    region = p.inRegion ? piece : null;
    pieces.push(piece);
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/**
 * Blank-line blocks, each split into its lines unless the block is hard-wrapped prose. Lines
 * under a list header (`Latest news`) are list items, not joined however even their lengths,
 * unless one of them goes on with the sentence of the line before.
 */
export function splitParagraphs(text: string): string[] {
  const forms = wordForms(text);
  const paragraphs: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '');
    for (const group of splitAtIndents(lines)) {
      const previous = paragraphs[paragraphs.length - 1];
      const listed = (previous !== undefined && isListHeader(previous)) || group.some((l) => isListHeader(l));
      paragraphs.push(...(listed && !continuesSentences(group) ? group.map((l) => l.trim()) : unwrap(group, forms)));
    }
  }
  return paragraphs;
}

/** True when some line goes on with the sentence of the line before (lower-case start after no final punctuation): prose, not a list. */
function continuesSentences(lines: string[]): boolean {
  return lines.some((line, i) => i > 0 && /^\p{Ll}/u.test(line.trim()) && !SENTENCE_END.test(lines[i - 1].trim()));
}

/** In a block where only some lines are indented, an indented line starts a new paragraph. */
function splitAtIndents(lines: string[]): string[][] {
  const indented = lines.map((l) => /^\s/.test(l));
  if (indented.every((i) => i) || indented.every((i) => !i)) return [lines];
  const groups: string[][] = [];
  lines.forEach((line, i) => {
    if (i === 0 || indented[i]) groups.push([]);
    groups[groups.length - 1].push(line);
  });
  return groups;
}

/** Joins the lines of hard-wrapped prose; otherwise each line is a paragraph, except continuations. */
function unwrap(rawLines: string[], forms: ReadonlySet<string>): string[] {
  const lines = rawLines.map((l) => l.trim());
  if (isHardWrapped(lines)) return [joinWrapped(lines, forms)];
  const out: string[] = [];
  for (const line of lines) {
    const previous = out[out.length - 1];
    // A line that starts in lower case after one without final punctuation continues its sentence.
    const continues = previous !== undefined && startsContinuation(previous, line)
      && !/[.!?…:;]["»”’)\]]*$/u.test(previous) && !METADATA_KEY.test(line) && dateOnlyLine(line) === null;
    if (continues) out[out.length - 1] = joinWrapped([previous, line], forms);
    else out.push(line);
  }
  return out;
}

/**
 * Whether `line` can go on with the sentence of `previous` (which has no final punctuation):
 * it starts in lower case, or with a number after a wrapped-width line that stops on a
 * lower-case word or digit (`более 30` / `000 человек`); a headline is not followed so.
 */
function startsContinuation(previous: string, line: string): boolean {
  if (/^\p{Ll}/u.test(line)) return true;
  return /^\d/u.test(line) && previous.length >= WRAP_MIN_CHARS && /[\p{Ll}\d,]$/u.test(previous);
}

function isHardWrapped(lines: string[]): boolean {
  if (lines.length < WRAP_MIN_LINES) return false;
  const body = lines.slice(0, -1);
  const longest = Math.max(...body.map((l) => l.length));
  if (longest > WRAP_MAX_CHARS || longest < WRAP_MIN_CHARS) return false;
  const full = body.filter((l) => l.length >= longest * WRAP_FULL_SHARE).length;
  const open = body.filter((l) => !SENTENCE_END.test(l)).length;
  return full / body.length >= WRAP_FULL_SHARE && open * 2 >= body.length;
}

/** Joins wrapped lines with spaces; a word hyphenated across the break is joined (see `joinHyphenated`). */
function joinWrapped(lines: string[], forms: ReadonlySet<string>): string {
  return lines.reduce((acc, line) => (/\p{L}-$/u.test(acc) ? joinHyphenated(acc, line, forms) : `${acc} ${line}`));
}

// ---------------------------------------------------------------------------------------------
// Shapes

function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** What a paragraph looks like: dateline, credit, boilerplate marker, menu item, headline or sentence. */
function shapeOf(text: string): Shape {
  if (dateOnlyLine(text)) return 'date';
  if (isCookieNotice(text)) return 'marker';
  if (isCredit(text)) return 'credit';
  if (isMarker(text)) return 'marker';
  const words = wordCount(text);
  if (LIST_ITEM.test(text)) return 'list';
  if (SENTENCE_END.test(text) && words >= SENTENCE_MIN_WORDS) return 'sentence';
  if (words <= SHORT_MAX_WORDS && text.length <= SHORT_MAX_CHARS && !SENTENCE_END.test(text)) return 'short';
  if (QUESTION_END.test(text)) return words >= PROSE_QUESTION_WORDS ? 'sentence' : 'question';
  return SENTENCE_END.test(text) ? 'sentence' : 'headline';
}

/** A site's cookie or consent notice: it names cookies and speaks to the reader (`we use`, `you agree`). */
function isCookieNotice(text: string): boolean {
  return wordCount(text) <= COOKIE_NOTICE_MAX_WORDS && COOKIE_WORD.test(text) && COOKIE_ADDRESS.test(text);
}

function isCredit(text: string): boolean {
  if (wordCount(text) > CREDIT_MAX_WORDS) return false;
  if (CREDIT_IMAGE.test(text) && wordCount(text) <= CREDIT_IMAGE_MAX_WORDS && !SENTENCE_END.test(text)) return true;
  return CREDIT_COLON.test(text) || CREDIT_BY.test(text) || CREDIT_BYLINE.test(text) || CREDIT_ROLE.test(text)
    || CREDIT_COPYRIGHT.test(text) || BARE_LINK.test(text);
}

function isMarker(text: string): boolean {
  if (isBreadcrumb(text) || isShareBar(text) || COMMENT_COUNT.test(text.trim())) return true;
  if (CALL_TO_ACTION.test(text.trim()) && wordCount(text) <= CALL_TO_ACTION_MAX_WORDS) return true;
  const lower = markerKey(text);
  for (const marker of MARKERS) {
    if (lower === marker) return true;
    if (lower.startsWith(`${marker}:`) || lower.startsWith(`${marker} –`) || lower.startsWith(`${marker} —`)) {
      if (wordCount(lower) <= MARKER_MAX_WORDS || !SENTENCE_END.test(text)) return true;
      // `Read also: <headline.>`: link text is one headline, even when it ends with a period.
      return LINK_INTROS.has(marker) && isOneHeadline(text.trim().slice(marker.length).replace(/^\s*[:–—]\s*/u, ''));
    }
  }
  return false;
}

/** `Home > News > World`: short items between spaced separators (see {@link CRUMB_SEPARATOR}). */
function isBreadcrumb(text: string): boolean {
  const items = text.trim().split(CRUMB_SEPARATOR);
  if (items.length < 2 || items.some((item) => item === '' || wordCount(item) > CRUMB_ITEM_WORDS)) return false;
  if (SENTENCE_END.test(text.trim()) && !/[.…]{3}$|»$/u.test(text.trim())) return false;
  return items.length >= CRUMB_MIN_ITEMS || CRUMB_HOME.test(items[0]?.trim() ?? '');
}

/** A row of share buttons: every word from {@link SHARE_WORDS}, with the share verb or two networks. */
function isShareBar(text: string): boolean {
  const words = text.toLowerCase().split(/[\s|,/•·]+/u).map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')).filter(Boolean);
  if (words.length < SHARE_MIN_WORDS || !words.every((w) => SHARE_WORDS.has(w))) return false;
  return words.some((w) => SHARE_VERBS.has(w)) || new Set(words.filter((w) => SHARE_NETWORKS.has(w))).size >= SHARE_MIN_NETWORKS;
}

/** Lower case, typographic apostrophe unified, trailing punctuation and arrows (`Read more »`) cut. */
function markerKey(text: string): string {
  return text.toLowerCase().replace(/’/gu, "'").replace(/[\s.!:»›→>…]+$/u, '').trim();
}

/** True when `text` is a whole-line list header such as `Latest news` or `Читайте также:`. */
function isListHeader(text: string): boolean {
  return LIST_HEADER_SET.has(markerKey(text));
}

/** At most a headline's length and not several sentences (a headline may end with a period). */
function isOneHeadline(text: string): boolean {
  if (text === '' || wordCount(text) > MAX_HEADLINE_WORDS || text.length > MAX_HEADLINE_CHARS) return false;
  return !(SENTENCE_END.test(text) && SENTENCE_BREAK.test(text));
}

// ---------------------------------------------------------------------------------------------
// Metadata, boilerplate, headline

interface Metadata {
  title: string | null;
  date: string | null;
  stripped: Stripped[];
}

/**
 * Leading `key: value` lines and a `date 2023-04-13` prefix. The prefix is cut from its line
 * and the rest of the line (often the lead sentence) is kept and re-shaped.
 */
function takeMetadata(paras: Para[]): Metadata {
  const meta: Metadata = { title: null, date: null, stripped: [] };
  for (const p of paras.slice(0, METADATA_WINDOW)) {
    if (/^-{3,}$/.test(p.text)) {
      p.strip = 'metadata';
      continue;
    }
    const keyed = METADATA_KEY.exec(p.text);
    if (keyed && wordCount(keyed[2]) <= MAX_HEADLINE_WORDS) {
      const key = keyed[1].toLowerCase();
      if (key === 'title' || key === 'заголовок') meta.title = keyed[2].trim() || null;
      const keyedDate = dateAtStart(keyed[2].trim());
      if (keyedDate && meta.date === null) meta.date = keyedDate.iso;
      p.strip = 'metadata';
      continue;
    }
    const prefix = DATE_PREFIX.exec(p.text);
    const prefixedDate = prefix && prefix[0].length > 0 ? dateAtStart(p.text.slice(prefix[0].length)) : null;
    if (prefix && prefixedDate) {
      const cut = prefix[0].length + prefixedDate.length;
      const rest = p.text.slice(cut).replace(/^[\s,.;:|–—-]+/u, '');
      meta.date ??= prefixedDate.iso;
      if (rest === '') {
        p.strip = 'metadata';
        continue;
      }
      meta.stripped.push({ kind: 'metadata', text: p.text.slice(0, cut).trim() });
      p.text = rest;
      p.shape = shapeOf(rest);
    }
    if (p.shape === 'sentence') break;
  }
  return meta;
}

/** A day and a month, either order, maybe abbreviated: `April 13`, `13 апр`, `13 апреля`. */
const DAY_MONTH = '(?:\\d{1,2}\\s+\\p{L}{3,9}\\.?|\\p{L}{3,9}\\.?\\s+\\d{1,2})';
/** A city in capitals (`MOSCOW`, `NEW YORK`, `РОСТОВ-НА-ДОНУ`). */
const CAPS_CITY = "\\p{Lu}{2,}(?:[ '’-]\\p{Lu}{2,}|-\\p{Ll}{2}-\\p{Lu}{2,})*";
/** An agency in brackets or slashes, one or two capitalised words (`(Reuters)`, `/ТАСС/`, `(AP)`). */
const AGENCY = '\\p{Lu}[\\p{L}.&-]*(?:\\s+\\p{Lu}[\\p{L}.&-]*)?';
/**
 * Wire-service datelines opening the lead: `MOSCOW, April 13 (Reuters) -`, `LONDON (AP) —`,
 * `МОСКВА, 13 апр — РИА Новости.`, `МОСКВА, 13 апреля. /ТАСС/.`, `Москва. 13 апреля. ИНТЕРФАКС -`.
 * The city is in capitals or followed by a date, and an agency name stands before the text.
 */
const WIRE_DATELINES = [
  new RegExp(`^${CAPS_CITY}(?:,\\s*${DAY_MONTH})?\\s*\\(${AGENCY}\\)\\s*[-–—]{1,2}\\s+`, 'u'),
  new RegExp(`^${CAPS_CITY},\\s*${DAY_MONTH}\\s*(?:[-–—]\\s*${AGENCY}\\.|\\.\\s*/${AGENCY}/\\.?)\\s+`, 'u'),
  new RegExp(`^\\p{Lu}[\\p{L}-]+\\.\\s+${DAY_MONTH}\\.\\s+\\p{Lu}{2,}(?:[ -]\\p{Lu}{2,})?\\s*[-–—]\\s+`, 'u'),
];

/** A dateline opens one of the first text paragraphs: the lead, after a headline and maybe a kicker. */
const DATELINE_WINDOW = 3;

/** Cuts a wire dateline from the start of the lead (one of the first kept paragraphs) and records it. */
function cutWireDateline(paras: Para[], meta: Metadata): void {
  // Menus, datelines and bylines above the lead do not count: only text paragraphs do.
  for (const p of paras.filter((q) => !q.strip && !isStrong(q.shape)).slice(0, DATELINE_WINDOW)) {
    for (const re of WIRE_DATELINES) {
      const m = re.exec(p.text);
      if (!m || !/^["«“„(]?[\p{Lu}\d]/u.test(p.text.slice(m[0].length))) continue;
      meta.stripped.push({ kind: 'metadata', text: m[0].trim() });
      p.text = p.text.slice(m[0].length);
      p.shape = shapeOf(p.text);
      return;
    }
  }
}

function isStrong(shape: Shape): boolean {
  return shape === 'date' || shape === 'credit' || shape === 'marker' || shape === 'short';
}

/**
 * The trailing region of link lists and the like: the longest run of non-sentence paragraphs
 * at the end, starting at its first strong sign, if strong signs dominate it. Its paragraphs
 * are marked `boilerplate` (a credit opening it keeps its own kind).
 */
function markTrailingBoilerplate(paras: Para[]): void {
  let start = paras.length;
  while (start > 0 && (paras[start - 1].shape !== 'sentence' || paras[start - 1].strip)) start--;
  while (start < paras.length && (!isStrong(paras[start].shape) || paras[start].strip)) start++;
  const region = paras.slice(start).filter((p) => !p.strip);
  if (region.length === 0) return;
  const count = (shape: Shape) => region.filter((p) => p.shape === shape).length;
  const strong = region.filter((p) => isStrong(p.shape)).length;
  const signed = count('marker') >= 1 || count('date') >= MIN_REGION_DATES || count('short') >= MIN_REGION_SHORTS;
  if (!signed || strong / region.length < MIN_STRONG_SHARE) return;
  let opening = true;
  for (const p of region) {
    if (opening && p.shape === 'credit') {
      p.strip = 'credit';
      continue;
    }
    opening = false;
    p.strip = 'boilerplate';
    p.inRegion = true;
  }
}

/**
 * A trailing list of other stories: a list header (`Latest news`, `Читайте также`) after the
 * article's first sentence, followed to the end only by list items (one headline each, maybe
 * with its time or date; datelines, credits, markers). A paragraph of several sentences ends
 * the search, and a block whose headlines mostly end like sentences is prose, so real article
 * endings stay. The block from the earliest header that qualifies is one `boilerplate` region.
 */
function markTrailingList(paras: Para[]): void {
  const firstSentence = paras.findIndex((p) => p.shape === 'sentence' && !p.strip);
  if (firstSentence < 0) return;
  const headers: number[] = [];
  for (let i = paras.length - 1; i > firstSentence; i--) {
    if (paras[i].strip) continue;
    if (isListHeader(paras[i].text)) headers.unshift(i);
    else if (!isListItem(paras[i])) break;
  }
  const start = listStart(paras, headers);
  if (start === undefined) return;
  for (const p of paras.slice(start)) {
    if (p.strip) continue;
    p.strip = 'boilerplate';
    p.inRegion = true;
  }
}

/**
 * The earliest of `headers` (ascending indexes of list headers whose tails are all list items)
 * from which every header's own items read as headlines, or undefined. Headlines rarely end
 * with a period, so items of which about half or more do are prose: under a link header
 * (`Read also`) half is enough, questions count too, as the article may go on after its links;
 * under a feed header (`Latest news`) it takes more than half plus one. Checking each header's items apart keeps
 * body sentences between an in-article `Read also` and the final list.
 */
function listStart(paras: Para[], headers: number[]): number | undefined {
  let start: number | undefined;
  let headlines = 0;
  for (let k = headers.length - 1; k >= 0; k--) {
    const end = k + 1 < headers.length ? headers[k + 1] : paras.length;
    const items = paras.slice(headers[k] + 1, end).filter((p) => !p.strip && !isStrong(p.shape));
    const feed = FEED_HEADER_SET.has(markerKey(paras[headers[k]].text));
    const sentences = items.filter((p) => p.shape === 'sentence' || (!feed && p.shape === 'question')).length;
    const prose = feed ? sentences * 2 > items.length + 1 : sentences * 2 >= items.length;
    if (items.length > 0 && prose) break;
    headlines += items.length;
    start = headers[k];
  }
  return headlines > 0 ? start : undefined;
}

/** One item of a list of stories: a strong-shaped line, or one headline once its timestamp is cut. */
function isListItem(p: Para): boolean {
  if (isStrong(p.shape)) return true;
  const text = withoutTimestamp(p.text.replace(LIST_ITEM, ''));
  return text === '' || isOneHeadline(text);
}

/** A list item's text without the date or time news lists print beside headlines (`14:35 …`, `… 14:35`). */
function withoutTimestamp(text: string): string {
  let rest = text;
  const date = dateAtStart(rest);
  if (date) rest = rest.slice(date.length).replace(ITEM_SEPARATOR, '');
  return rest.replace(LEADING_TIME, '').replace(ITEM_SEPARATOR, '').replace(TRAILING_TIME, '').trim();
}

/** Bulleted links after an in-article `Read also:` header: at most this many. */
const MAX_INLINE_LINKS = 3;

/**
 * Inside the article: a whole-line link header (`Читайте также:`, `Read also`) and one to three
 * bulleted headlines under it (`- Минск и Казань подписали соглашение`), when the article goes
 * on with a sentence after them (ad markers and credits between aside). An unbulleted line after the header stays: it may be the
 * article's own subheading (the header alone is still stripped as a marker).
 */
function markInlineLinks(paras: Para[]): void {
  paras.forEach((p, i) => {
    if (p.strip || !LINK_HEADER_SET.has(markerKey(p.text))) return;
    let end = i + 1;
    while (end - i <= MAX_INLINE_LINKS && isBulletedHeadline(paras[end])) end++;
    let next = end;
    while (next < paras.length && isNoise(paras[next].shape)) next++;
    if (end === i + 1 || end - i > MAX_INLINE_LINKS || paras[next]?.shape !== 'sentence') return;
    for (const link of paras.slice(i, end)) link.strip = 'boilerplate';
  });
}

/** Lines between the links and the text that goes on: an ad marker, a caption credit, a dateline. */
function isNoise(shape: Shape): boolean {
  return shape === 'marker' || shape === 'credit' || shape === 'date';
}

function isBulletedHeadline(p: Para | undefined): boolean {
  return p !== undefined && !p.strip && p.shape === 'list' && isOneHeadline(p.text.replace(LIST_ITEM, ''))
    && !SENTENCE_END.test(p.text);
}

/**
 * Before the first sentence: menu items and kickers (short lines, when there are several, or
 * when they stand before the headline) and markers are boilerplate; datelines and credits are
 * left to their own kinds. Headline-shaped paragraphs stay.
 */
function markLeadingJunk(paras: Para[], metaTitle: string | null): void {
  const firstSentence = paras.findIndex((p) => p.shape === 'sentence' && !p.strip);
  const prefix = paras.slice(0, firstSentence < 0 ? paras.length : firstSentence).filter((p) => !p.strip);
  const shorts = prefix.filter((p) => p.shape === 'short' || p.shape === 'marker');
  // The `title:` value (an HTML page's h1) is the headline whatever its shape, even a short one.
  const titled = metaTitle === null ? -1 : prefix.findIndex((p) => sameText(p.text, metaTitle));
  const headlineShaped = titled >= 0 ? titled : prefix.findIndex((p) => p.shape === 'headline' || p.shape === 'question');
  // Without a longer headline, the last short line before the lead (datelines and credits
  // under it aside) is the (short) headline.
  let lastShort = prefix.length - 1;
  while (lastShort > 0 && (prefix[lastShort].shape === 'date' || prefix[lastShort].shape === 'credit')) lastShort--;
  const spareLast = headlineShaped < 0 && lastShort >= 0 && prefix[lastShort].shape === 'short';
  const firstHeadline = spareLast ? lastShort : headlineShaped;
  prefix.forEach((p, i) => {
    if ((spareLast && i === lastShort) || i === titled) return;
    const beforeHeadline = firstHeadline >= 0 && i < firstHeadline;
    if ((p.shape === 'short' || p.shape === 'marker') && (shorts.length >= MIN_LEADING_SHORTS || beforeHeadline)) {
      p.strip = 'boilerplate';
    }
  });
}

/**
 * The headline: the first remaining paragraph when it is headline-shaped (or equals a
 * `title:` metadata value). Repeats of it just after it are marked `headline-repeat`.
 */
function findHeadline(paras: Para[], metaTitle: string | null): string | null {
  const kept = paras.filter((p) => !p.strip);
  const first = kept[0];
  if (!first) return metaTitle;
  const headlineShaped = (first.shape === 'headline' || first.shape === 'question' || first.shape === 'short')
    && first.text.length <= MAX_HEADLINE_CHARS && wordCount(first.text) <= MAX_HEADLINE_WORDS && kept.length > 1;
  const isMetaTitle = metaTitle !== null && sameText(first.text, metaTitle);
  if (!headlineShaped && !isMetaTitle) return metaTitle;
  for (const p of kept.slice(1, 1 + REPEAT_WINDOW)) {
    if (sameText(p.text, first.text)) p.strip = 'headline-repeat';
  }
  return first.text;
}

function sameText(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key(a) === key(b);
}

/** The first sentence of `paragraph`, cut at a word boundary to {@link DERIVED_TITLE_CHARS}; null when empty. */
export function derivedTitle(paragraph: string): string | null {
  if (paragraph.trim() === '') return null;
  // A sentence ends at . ! ? … before a space and a capital, but not after a lone initial ("A. Lukashenko").
  const end = /(?<!(?:^|\s)\p{Lu})[.!?…]["»”’)]*\s+(?=["«“„(]?\p{Lu})/u.exec(paragraph);
  const sentence = (end ? paragraph.slice(0, end.index + 1) : paragraph).trim();
  if (sentence.length <= DERIVED_TITLE_CHARS) return sentence;
  const cut = sentence.slice(0, DERIVED_TITLE_CHARS);
  const boundary = cut.lastIndexOf(' ');
  return `${(boundary > 0 ? cut.slice(0, boundary) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
