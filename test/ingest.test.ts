import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../src/pipeline/ingest.js';
import { listDocuments } from '../src/store/documents.js';
import { openStore, type Db } from '../src/store/open.js';
import { copyData, tempDir } from './cli-helpers.js';

const opened: Db[] = [];
function store(): Db {
  const db = openStore(path.join(tempDir(), 'corpus.db'));
  opened.push(db);
  return db;
}
afterEach(() => {
  while (opened.length) opened.pop()?.close();
});

describe('ingest into the store', () => {
  it('stores the five seeds with their languages, titles and dates', () => {
    const db = store();
    const summary = ingest(db, copyData());
    expect(summary).toMatchObject({ files: 5, added: 5, updated: 0, unchanged: 0, skipped: [] });
    const docs = listDocuments(db);
    expect(docs.map((d) => d.lang)).toEqual(['en', 'ru', 'en', 'en', 'en']);
    const ru = docs[1];
    expect(ru.title).toBe('Лукашенко: Беларусь и Россия делают очень большую ставку на промышленную сферу');
    expect(ru.text).not.toContain('Читать новость');
    expect(ru.text).toContain('Мы просто обязаны в этой ситуации выиграть время');
    expect(ru.stripped.some((s) => s.text.includes('Читать новость'))).toBe(true);
    expect(docs[0].date).toBe('2023-04-13');
    expect(docs[3].date).toBe('2023-02-20');
  });

  it('reads a page saved as .txt as HTML, and leaves prose that mentions a tag alone', () => {
    const db = store();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'page.txt'), '<!DOCTYPE html>\n<html><head><title>Talks - BelTA</title><script>var x = 1;</script></head>\n'
      + '<body><h1>Lukashenko meets head of Tatarstan</h1><p>Belarus and Russia stake high hopes on cooperation, Aleksandr Lukashenko said in Minsk on 13 April.</p></body></html>\n');
    fs.writeFileSync(path.join(dir, 'prose.txt'), 'Web pages mark a paragraph with <p> and close it with </p>. Editors rarely see the tags.\n');
    ingest(db, dir);
    const [page, prose] = listDocuments(db);
    expect(page.title).toBe('Lukashenko meets head of Tatarstan');
    expect(page.text).not.toMatch(/<[a-z!/]/i);
    expect(page.text).not.toContain('var x');
    expect(prose.text).toContain('<p> and close it with </p>');
  });

  it('is idempotent: re-ingesting unchanged files changes nothing', () => {
    const db = store();
    const dir = copyData();
    ingest(db, dir);
    const before = listDocuments(db);
    const again = ingest(db, dir);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5, removed: 0 });
    expect(listDocuments(db)).toEqual(before);
  });

  it('replaces a changed file and drops a deleted one', () => {
    const db = store();
    const dir = copyData();
    ingest(db, dir);
    const file = fs.readdirSync(dir).find((f) => f.startsWith('002_')) as string;
    fs.writeFileSync(path.join(dir, file), 'A short English text about tractors. It was changed on purpose.\n');
    fs.rmSync(path.join(dir, fs.readdirSync(dir).find((f) => f.startsWith('004_')) as string));
    const summary = ingest(db, dir);
    expect(summary).toMatchObject({ added: 0, updated: 1, unchanged: 3, removed: 1 });
    const changed = listDocuments(db).find((d) => d.path === file);
    expect(changed?.text).toContain('changed on purpose');
    expect(listDocuments(db)).toHaveLength(4);
  });

  it('skips bad files with a reason naming each, and stores the rest', () => {
    const db = store();
    const dir = copyData();
    fs.writeFileSync(path.join(dir, 'empty.txt'), '');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0xff]));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'note.md'), 'This nested note is in English and long enough to tell.\n');
    const summary = ingest(db, dir);
    expect(summary.skipped.map((s) => s.path).sort()).toEqual(['binary.txt', 'empty.txt']);
    for (const s of summary.skipped) expect(s.reason).toMatch(/\w/);
    expect(listDocuments(db).map((d) => d.path)).toContain('sub/note.md');
  });

  it('stores an HTML page under its h1, a KOI8-U text as Ukrainian, and strips trailing headline lists', () => {
    const db = store();
    const dir = tempDir();
    const ntrex = fs.readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8').trim().split('\n')
      .map((l) => JSON.parse(l) as Record<'en' | 'ru' | 'uk', string[]>);
    const [story, ...others] = ntrex;
    const page = `<html><head><title>${story.ru[0]} | БелТА</title></head><body>
      <div>Мы используем файлы cookie, чтобы улучшить работу сайта. Продолжая просмотр, вы соглашаетесь с их использованием. Принять</div>
      <article><h1>${story.ru[0]}</h1>${story.ru.slice(1).map((s) => `<p>${s}</p>`).join('')}</article>
      <div><h3>Последние новости</h3><ul>${others.slice(0, 5).map((o, i) => `<li>14:1${i} ${o.ru[0]}</li>`).join('')}</ul></div></body></html>`;
    fs.writeFileSync(path.join(dir, 'ru.html'), page);
    const list = ['Latest news', ...others.slice(5, 10).map((o) => o.en[0])];
    fs.writeFileSync(path.join(dir, 'en.txt'), `${story.en.join('\n\n')}\n\nWritten by belta.by\n\n${list.join('\n')}\n`);
    const ukText = story.uk.join('\n\n').replace(/[^\x00-\x7f\u0400-\u04ff]/g, '"');
    const koi8u = new TextDecoder('koi8-u');
    const byChar = new Map<string, number>();
    for (let b = 0x80; b <= 0xff; b++) byChar.set(koi8u.decode(Uint8Array.of(b)), b);
    fs.writeFileSync(path.join(dir, 'uk.txt'), Uint8Array.from([...ukText].map((ch) => byChar.get(ch) ?? ch.charCodeAt(0))));
    ingest(db, dir);
    const docs = new Map(listDocuments(db).map((d) => [d.path, d]));
    const ru = docs.get('ru.html');
    expect(ru?.title).toBe(story.ru[0]);
    expect(ru?.text).not.toContain('cookie');
    for (const o of others.slice(0, 5)) expect(ru?.text).not.toContain(o.ru[0]);
    expect(ru?.text).toContain(story.ru[story.ru.length - 1]);
    const en = docs.get('en.txt');
    expect(en?.text.endsWith(story.en[story.en.length - 1])).toBe(true);
    expect(en?.stripped.at(-1)).toEqual({ kind: 'boilerplate', text: list.join('\n') });
    expect(docs.get('uk.txt')).toMatchObject({ encoding: 'koi8-u', lang: 'uk', text: ukText.trim() });
  });

  it('refuses a folder that does not exist', () => {
    expect(() => ingest(store(), '/no/such/folder')).toThrow(/no such folder/);
  });
});
