/**
 * Scrambled matching corpora built from NTREX-style stories (one JSON per line
 * {docid, en[], ru[], be[], uk[]}): each story becomes separate en/ru/be/uk documents with
 * random ids and paths, some sides missing, boilerplate added, some documents abridged.
 * Shared by bench/match.ts and test/match.test.ts; deterministic for a given seed.
 */
import { transliterate } from '../../src/text/translit.js';
import type { Lang } from '../../src/types.js';
import type { MatchDoc } from '../../src/match/index.js';

/** The four languages of an NTREX-128 story, as file sides. */
export type Side = 'en' | 'ru' | 'be' | 'uk';
export const SIDES: Side[] = ['en', 'ru', 'be', 'uk'];

export interface Story {
  docid: string;
  en: string[];
  ru: string[];
  be: string[];
  uk: string[];
}

export interface ScrambleOptions {
  seed: number;
  /** Share of stories without their English / Russian document. */
  missingEn: number;
  missingRu: number;
  /** Share of documents that get boilerplate lines. */
  boilerplate: number;
  /** Share of documents cut to 50–80 % of their sentences. */
  abridged: number;
  /** Share of be/uk documents labelled 'ru' (language ID mistakes). */
  mislabelled: number;
  /** Include the be/uk documents at all. */
  withBeUk: boolean;
}

export interface ScrambledCorpus {
  docs: MatchDoc[];
  /** `${enId}:${ruId}` of every story that has both sides. */
  gold: Set<string>;
  /** Ids of the be/uk documents (whatever their label). */
  beUk: Set<number>;
  /** Ids of the be/uk documents labelled 'ru'. */
  mislabelled: Set<number>;
  /** For each mislabelled doc id, the id of its story's real ru doc (if present). */
  realRuOf: Map<number, number>;
}

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOILERPLATE: Record<Lang, string[]> = {
  en: ['Subscribe to our Telegram channel for the latest News.', '© 2024 BelTA News Agency. All rights reserved.', 'Read more on Facebook and Twitter.'],
  ru: ['Подписывайтесь на наш Telegram-канал БелТА.', '© 2024 Информационное агентство БелТА. Все права защищены.', 'Читайте нас в Facebook и Twitter.'],
  be: ['Падпісвайцеся на наш Telegram-канал БелТА.', '© 2024 Інфармацыйнае агенцтва БелТА.'],
  uk: ['Підписуйтесь на наш Telegram-канал.', '© 2024 Інформаційне агентство. Усі права захищені.'],
  und: [],
};

/** Sentences as a document: the first one as the title line, then paragraphs of three. */
function layout(sentences: string[]): string {
  const [title, ...body] = sentences;
  const paragraphs: string[] = [];
  for (let i = 0; i < body.length; i += 3) paragraphs.push(body.slice(i, i + 3).join(' '));
  return [title, ...paragraphs].join('\n\n');
}

/** Shuffles in place with `rand`. */
export function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Builds the scrambled corpus of `stories`. */
export function scramble(stories: readonly Story[], options: ScrambleOptions): ScrambledCorpus {
  const rand = rng(options.seed);
  type Pending = { story: number; lang: Lang; label: Lang; text: string };
  const pending: Pending[] = [];
  const make = (story: number, lang: Lang, sentences: string[]) => {
    let kept = sentences;
    if (rand() < options.abridged) kept = sentences.slice(0, Math.max(2, Math.round(sentences.length * (0.5 + 0.3 * rand()))));
    let text = layout(kept);
    if (rand() < options.boilerplate) {
      const lines = BOILERPLATE[lang];
      text = `${text}\n\n${lines[Math.floor(rand() * lines.length)]}`;
      if (rand() < 0.5) text = `${lines[Math.floor(rand() * lines.length)]}\n\n${text}`;
    }
    const label: Lang = (lang === 'be' || lang === 'uk') && rand() < options.mislabelled ? 'ru' : lang;
    pending.push({ story, lang, label, text });
  };
  stories.forEach((s, i) => {
    if (rand() >= options.missingEn) make(i, 'en', s.en);
    if (rand() >= options.missingRu) make(i, 'ru', s.ru);
    if (options.withBeUk) {
      make(i, 'be', s.be);
      make(i, 'uk', s.uk);
    }
  });
  const ids = shuffle(pending.map((_, i) => i + 1), rand);
  const docs: MatchDoc[] = [];
  const bySide = new Map<string, number>();
  const corpus: ScrambledCorpus = { docs, gold: new Set(), beUk: new Set(), mislabelled: new Set(), realRuOf: new Map() };
  pending.forEach((p, i) => {
    const id = ids[i];
    const path = `${Math.floor(rand() * 1e12).toString(16)}.txt`;
    docs.push({ id, path, lang: p.label, title: null, date: null, text: p.text });
    bySide.set(`${p.story}:${p.lang}`, id);
    if (p.lang === 'be' || p.lang === 'uk') corpus.beUk.add(id);
    if (p.label !== p.lang) corpus.mislabelled.add(id);
  });
  stories.forEach((_, i) => {
    const en = bySide.get(`${i}:en`);
    const ru = bySide.get(`${i}:ru`);
    if (en !== undefined && ru !== undefined) corpus.gold.add(`${en}:${ru}`);
    for (const lang of ['be', 'uk']) {
      const other = bySide.get(`${i}:${lang}`);
      if (other !== undefined && corpus.mislabelled.has(other) && ru !== undefined) corpus.realRuOf.set(other, ru);
    }
  });
  docs.sort((a, b) => a.id - b.id);
  return corpus;
}

const SYLLABLES = ['ка', 'ло', 'ми', 'ра', 'ну', 'се', 'ти', 'во', 'да', 'ше', 'жу', 'ры', 'бо', 'ле', 'ха', 'зи', 'пу', 'ге'];

/** A random name-like Cyrillic word and its transliteration. */
function randomName(rand: () => number): [string, string] {
  let ru = '';
  const n = 3 + Math.floor(rand() * 2);
  for (let i = 0; i < n; i++) ru += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  ru = ru[0].toUpperCase() + ru.slice(1) + 'ов';
  const en = transliterate(ru);
  return [ru, en[0].toUpperCase() + en.slice(1)];
}

/**
 * `count` distinct synthetic stories from `stories`: copies whose digits are permuted the same way
 * on every side and that carry a made-up reporter name, so they share topics and names but not
 * numbers (timing corpora, not accuracy claims).
 */
export function synthesise(stories: readonly Story[], count: number, seed: number): Story[] {
  const rand = rng(seed);
  const out: Story[] = [];
  for (let c = 0; out.length < count; c++) {
    const base = stories[c % stories.length];
    const digits = c < stories.length ? [...'0123456789'] : shuffle([...'0123456789'], rand);
    const swap = (s: string) => s.replace(/\d/g, (d) => digits[Number(d)]);
    const [ru, en] = randomName(rand);
    out.push({
      docid: `${base.docid}#${c}`,
      en: [...base.en.map(swap), `Reporting by ${en}.`],
      ru: [...base.ru.map(swap), `Репортаж подготовил ${ru}.`],
      be: base.be.map(swap),
      uk: base.uk.map(swap),
    });
  }
  return out;
}

/** Document-pair precision, recall and F1 of `pairs` against `gold`. */
export function pairScores(pairs: ReadonlyArray<{ enId: number; ruId: number }>, gold: ReadonlySet<string>): { precision: number; recall: number; f1: number; tp: number } {
  const tp = pairs.filter((p) => gold.has(`${p.enId}:${p.ruId}`)).length;
  const precision = pairs.length === 0 ? 1 : tp / pairs.length;
  const recall = gold.size === 0 ? 1 : tp / gold.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp };
}
