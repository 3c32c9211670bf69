/**
 * QA over time and size: the same article saved twice, files renamed or moved between runs, and
 * edge documents (a headline only, nothing but a BOM).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findDuplicates } from '../src/match/duplicates.js';
import { status } from '../src/progress.js';
import { openStore } from '../src/store/open.js';
import { copyData, jsonLines, runCli, tempDir } from './cli-helpers.js';

const EN = '000_21f827a522ed410a.txt';
const RU = '001_a200dc630372fd2b.txt';

interface RunJson {
  ingest: { added: number; updated: number; unchanged: number; renamed: number; removed: number; skipped: Array<{ path: string }> };
  match: { pairs: number; added: number; removed: number; duplicates: Array<{ path: string; sameAs: string }> };
  align: { aligned: number; units: number };
  export: { units: number };
}
interface DocJson { path: string; lang: string; pair: string | null }

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** The sample corpus in a fresh folder, with a database path beside it. */
function corpus(): { dir: string; db: string } {
  const dir = copyData();
  const out = tempDir('palign-db-');
  made.push(dir, out);
  return { dir, db: path.join(out, 'corpus.db') };
}

async function run(dir: string, db: string): Promise<RunJson> {
  const result = await runCli(['run', dir, '--db', db, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RunJson;
}

async function docs(db: string): Promise<DocJson[]> {
  return jsonLines<DocJson>((await runCli(['docs', '--db', db, '--json'])).stdout);
}

/** The (en, ru) texts of every unit the database would export, in export order. */
function unitTexts(db: string): string[] {
  const store = openStore(db, { create: false });
  try {
    return (store.prepare(`SELECT en_text || ' | ' || ru_text AS t FROM units WHERE en_text <> '' AND ru_text <> ''`).all() as Array<{ t: string }>).map((r) => r.t);
  } finally {
    store.close();
  }
}

describe('the same article saved twice', () => {
  it('a copied pair (a backup folder) is paired once: no unit is written twice, and the summary names the copies', async () => {
    const { dir, db } = corpus();
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, EN), path.join(dir, 'backup', EN));
    fs.copyFileSync(path.join(dir, RU), path.join(dir, 'backup', RU));
    const summary = await run(dir, db);
    expect(summary.match.pairs).toBe(1);
    const texts = unitTexts(db);
    expect(texts.length).toBeGreaterThan(10);
    expect(new Set(texts).size).toBe(texts.length);
    // The original names are kept (shorter paths); the copies are named with what they repeat.
    expect(summary.match.duplicates).toEqual([
      { path: `backup/${EN}`, sameAs: EN },
      { path: `backup/${RU}`, sameAs: RU },
    ]);
    const byPath = new Map((await docs(db)).map((d) => [d.path, d.pair]));
    expect(byPath.get(EN)).toBe(RU);
    expect(byPath.get(`backup/${EN}`)).toBeNull();
    const text = await runCli(['run', dir, '--db', db]);
    expect(text.stdout).toMatch(/^duplicates {2}2 documents repeat another's text and are not paired again: backup\/000_\S+ = 000_\S+/m);
    const why = await runCli(['match', '--db', db, '--explain', `backup/${EN}`]);
    expect(why.stdout).toContain(`same text as ${EN}`);
  });

  it('a copy in another encoding with page clutter around it is the same text, and a copy the user pairs is paired', async () => {
    const { dir, db } = corpus();
    const ru = fs.readFileSync(path.join(dir, RU), 'utf8').replace(/^\uFEFF/, '');
    // UTF-16 with a BOM, a date line on top and a trailing list of other headlines.
    const saved = `7 августа 2025\n\n${ru.trimEnd()}\n\nПоследние новости\nВ Минске прошёл форум\nЦены на газ выросли\n`;
    fs.writeFileSync(path.join(dir, 'saved page of the story.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(saved, 'utf16le')]));
    const summary = await run(dir, db);
    expect(summary.match.duplicates).toEqual([{ path: 'saved page of the story.txt', sameAs: RU }]);
    expect(summary.match.pairs).toBe(1);
    // A manual pair is the user's decision: a copy may be paired that way.
    expect((await runCli(['pair', '--db', db, EN, 'saved page of the story.txt'])).code).toBe(0);
    await run(dir, db);
    const byPath = new Map((await docs(db)).map((d) => [d.path, d.pair]));
    expect(byPath.get(EN)).toBe('saved page of the story.txt');
  });

  it('the copy kept does not depend on the order files were found in', () => {
    const text = 'One story.';
    const a = { id: 1, path: 'news/Copy of story.txt', text };
    const b = { id: 2, path: 'news/story.txt', text };
    const c = { id: 3, path: 'other.txt', text: 'Another story.' };
    const forward = findDuplicates([a, b, c]);
    const backward = findDuplicates([c, b, a]);
    expect([...forward]).toEqual([[1, 2]]);
    expect([...backward]).toEqual([[1, 2]]);
  });
});

describe('files renamed or moved between runs', () => {
  it('a renamed file keeps its document, pair and alignment; the summary counts renamed and removed files', async () => {
    const { dir, db } = corpus();
    const first = await run(dir, db);
    expect(first.align.aligned).toBe(1);
    const before = unitTexts(db);
    fs.mkdirSync(path.join(dir, 'ru'));
    fs.renameSync(path.join(dir, RU), path.join(dir, 'ru', 'story.txt'));
    fs.rmSync(path.join(dir, '004_bea3ab709d35bd61.txt'));
    const second = await run(dir, db);
    expect(second.ingest).toMatchObject({ added: 0, updated: 0, renamed: 1, removed: 1 });
    expect(second.align.aligned).toBe(0);
    expect(unitTexts(db)).toEqual(before);
    const byPath = new Map((await docs(db)).map((d) => [d.path, d.pair]));
    expect(byPath.get(EN)).toBe('ru/story.txt');
    const text = await runCli(['run', dir, '--db', db]);
    expect(text.stdout).toMatch(/^documents {3}4 files \(0 new, 0 changed, 4 unchanged, 0 skipped\):/m);
  });

  it("the user's unpair follows a renamed file", async () => {
    const { dir, db } = corpus();
    await run(dir, db);
    expect((await runCli(['unpair', '--db', db, EN])).code).toBe(0);
    fs.renameSync(path.join(dir, EN), path.join(dir, 'renamed_en.txt'));
    const after = await run(dir, db);
    expect(after.ingest.renamed).toBe(1);
    expect(after.match.pairs).toBe(0);
    const byPath = new Map((await docs(db)).map((d) => [d.path, d.pair]));
    expect(byPath.get('renamed_en.txt')).toBeNull();
  });
});

describe('re-runs that skip matching', () => {
  it('an unchanged re-run keeps the pairs, and every override or file change is still seen', async () => {
    const { dir, db } = corpus();
    const first = await run(dir, db);
    expect(first.match.pairs).toBe(1);
    const again = await run(dir, db);
    expect(again.match).toMatchObject({ pairs: 1, added: 0, removed: 0 });
    expect((await runCli(['unpair', '--db', db, RU])).code).toBe(0);
    expect((await run(dir, db)).match.pairs).toBe(0);
    expect((await runCli(['pair', '--db', db, EN, RU])).code).toBe(0);
    expect((await run(dir, db)).match).toMatchObject({ pairs: 1, manual: 1 });
    // An edited file is a new document: its (manual) pair is made and aligned again.
    fs.writeFileSync(path.join(dir, RU), 'Погода в Москве.\n\nВ четверг в Москве ожидается дождь и до 12 градусов тепла.\n');
    const edited = await run(dir, db);
    expect(edited.ingest.updated).toBe(1);
    expect(edited.match).toMatchObject({ pairs: 1, added: 1, removed: 0 });
    expect(edited.align.aligned).toBe(1);
    await runCli(['unpair', '--db', db, EN]);
    expect((await run(dir, db)).match.pairs).toBe(0);
  });
});

describe('status line', () => {
  it('says what long uncounted work is doing on a terminal, and nothing elsewhere', () => {
    let drawn = '';
    const tty = { isTTY: true, columns: 0, write: (s: string) => { drawn += s; return true; } } as unknown as NodeJS.WriteStream;
    const line = status('match', 'English and Russian documents…', tty);
    expect(drawn).toContain('match  English and Russian documents…');
    line.done();
    expect(drawn.endsWith('\r\x1b[K')).toBe(true);
    let piped = '';
    const pipe = { isTTY: false, write: (s: string) => { piped += s; return true; } } as unknown as NodeJS.WriteStream;
    status('align', '3 document pairs', pipe).done();
    expect(piped).toBe('');
  });
});
