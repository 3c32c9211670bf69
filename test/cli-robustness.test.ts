/**
 * QA of a user's life with palign beyond the happy path: crashes half-way, re-runs, bad
 * environments, hostile text in exports, odd queries. Each test failed before its fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { align } from '../src/pipeline/align.js';
import { ingest } from '../src/pipeline/ingest.js';
import { match } from '../src/pipeline/match.js';
import { progress } from '../src/progress.js';
import { openStore, type Db } from '../src/store/open.js';
import { runCli, tempDir } from './cli-helpers.js';

interface Story { en: string[]; ru: string[] }

function stories(count: number): Story[] {
  return fs.readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8')
    .split('\n').filter(Boolean).slice(0, count).map((line) => JSON.parse(line) as Story);
}

/** `count` NTREX stories as English and Russian files (headline line, then the body) in a new folder. */
function storyFolder(count: number): string {
  const dir = tempDir('palign-qa-');
  stories(count).forEach((s, k) => {
    fs.writeFileSync(path.join(dir, `story${k}_a.txt`), `${s.en[0]}\n\n${s.en.slice(1).join(' ')}\n`);
    fs.writeFileSync(path.join(dir, `story${k}_b.txt`), `${s.ru[0]}\n\n${s.ru.slice(1).join(' ')}\n`);
  });
  return dir;
}

/** Everything an alignment produced, without ids and timestamps. */
function alignmentOf(db: Db): unknown[] {
  return db.prepare(
    `SELECT e.path AS en, u.idx, u.bead, u.en_text, u.ru_text, round(u.score, 9) AS score
     FROM units u JOIN doc_pairs p ON p.id = u.pair_id JOIN documents e ON e.id = p.en_doc ORDER BY e.path, u.idx`,
  ).all();
}

function lexiconOf(db: Db): string | undefined {
  return (db.prepare(`SELECT value FROM meta WHERE key = 'lexicon'`).get() as { value: string } | undefined)?.value;
}

describe('crash safety', () => {
  it('an alignment that dies half-way leaves nothing behind, so the re-run equals a clean run', () => {
    const data = storyFolder(6);
    const dir = tempDir('palign-qa-');
    const clean = openStore(path.join(dir, 'clean.db'));
    ingest(clean, data);
    match(clean);
    align(clean);

    const crashed = openStore(path.join(dir, 'crashed.db'));
    ingest(crashed, data);
    expect(match(crashed).pairs).toBe(6);
    // The process "dies" while storing the third pair's units: the first pairs are in by then.
    crashed.exec(`CREATE TEMP TRIGGER crash BEFORE INSERT ON main.units
      WHEN (SELECT count(DISTINCT pair_id) FROM main.units) >= 2 AND NEW.pair_id NOT IN (SELECT pair_id FROM main.units)
      BEGIN SELECT RAISE(FAIL, 'killed'); END`);
    expect(() => align(crashed)).toThrow(/killed/);
    crashed.exec(`DROP TRIGGER crash`);
    expect((crashed.prepare(`SELECT count(*) AS n FROM doc_pairs WHERE aligned = 1`).get() as { n: number }).n).toBe(0);
    expect(lexiconOf(crashed)).toBeUndefined();

    align(crashed);
    expect(alignmentOf(crashed)).toEqual(alignmentOf(clean));
    expect(lexiconOf(crashed)).toBe(lexiconOf(clean));
    clean.close();
    crashed.close();
  });
});

describe('one writer at a time', () => {
  it('a second writer stops with one line naming the database while the first holds the lock', async () => {
    const data = storyFolder(2);
    const db = path.join(tempDir('palign-qa-'), 'c.db');
    expect((await runCli(['ingest', data, '--db', db])).code).toBe(0);
    // What a `palign run` in another terminal leaves while it works: the lock with its (live) pid.
    fs.writeFileSync(`${db}.lock`, `${process.ppid}\n`);
    for (const args of [['run', data], ['match'], ['check'], ['unpair', 'story0_a.txt']]) {
      const r = await runCli([...args, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`palign: ${db}: another palign (pid ${process.ppid}) is writing to this database; try again when it has finished\n`);
    }
    // Readers go on: SQLite's WAL lets them read while a writer works.
    expect((await runCli(['docs', '--db', db])).code).toBe(0);
    expect(fs.readFileSync(`${db}.lock`, 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('takes over the lock of a writer that was killed, and releases its own', async () => {
    const data = storyFolder(2);
    const db = path.join(tempDir('palign-qa-'), 'c.db');
    fs.writeFileSync(`${db}.lock`, '2147483646\n');
    const r = await runCli(['run', data, '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.existsSync(`${db}.lock`)).toBe(false);
  });

  it('readers do not wait for a writer in the middle of a transaction', async () => {
    const data = storyFolder(2);
    const db = path.join(tempDir('palign-qa-'), 'c.db');
    expect((await runCli(['run', data, '--db', db])).code).toBe(0);
    const writer = openStore(db);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      for (const args of [['docs'], ['stats'], ['query', 'the'], ['export', '--format', 'jsonl', '--out', '-']]) {
        const r = await runCli([...args, '--db', db]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
      // SQLite's busy timeout is 5 s: a reader that needed the write lock would have waited it out.
      expect(Date.now() - started).toBeLessThan(4000);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});

describe('a wrong folder leaves no database behind', () => {
  it.each([
    ['a missing folder', (dir: string) => path.join(dir, 'nope'), /nope: no such folder$/],
    ['a file', (dir: string) => { const f = path.join(dir, 'a.txt'); fs.writeFileSync(f, 'Hello.\n'); return f; }, /a\.txt: not a folder/],
    ['an empty folder', (dir: string) => { const d = path.join(dir, 'empty'); fs.mkdirSync(d); return d; }, /empty: no documents here/],
    ['a folder of PDFs', (dir: string) => { const d = path.join(dir, 'pdf'); fs.mkdirSync(d); fs.writeFileSync(path.join(d, 'x.pdf'), '%PDF-1.4'); return d; }, /pdf: no documents here/],
  ])('%s', async (_, make, message) => {
    const dir = tempDir('palign-qa-');
    const input = make(dir);
    for (const command of ['run', 'ingest']) {
      const db = path.join(dir, 'out', 'c.db');
      const r = await runCli([command, input, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
    }
  });
});

describe('export to a path that cannot be a file', () => {
  async function aligned(): Promise<{ dir: string; db: string }> {
    const dir = tempDir('palign-qa-');
    const db = path.join(dir, 'c.db');
    expect((await runCli(['run', storyFolder(1), '--db', db])).code).toBe(0);
    return { dir, db };
  }

  it.each([
    ['an existing folder', ['--out', '.'], 2, /^palign: \.: is a folder; give a file name for the output$/],
    ['a name ending in a slash', ['--out', 'new/'], 2, /^palign: new\/: is a folder/],
    ['an empty name', ['--out', ''], 2, /^palign: the output file name is empty$/],
    ['a file where its folder should be', ['--out', 'c.db/x.tmx'], 1, /^palign: c\.db\/x\.tmx: cannot write \(a file is in the way of its folder c\.db\)$/],
    ['a Moses stem that is a folder', ['--format', 'moses', '--out', 'moses/'], 2, /^palign: moses\/: is a folder; give the stem/],
  ])('%s: one line, no temporary file left', async (_, args, code, message) => {
    const { dir, db } = await aligned();
    const before = fs.readdirSync(dir).sort();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await runCli(['export', '--db', db, ...args]);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd()).toMatch(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      process.chdir(cwd);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  it('run refuses a --tmx folder before it changes the database', async () => {
    const data = storyFolder(1);
    const dir = tempDir('palign-qa-');
    const r = await runCli(['run', data, '--db', path.join(dir, 'c.db'), '--tmx', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`palign: ${dir}: is a folder; give a file name for the output\n`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('odd queries', () => {
  async function talks(): Promise<string> {
    const dir = tempDir('palign-qa-');
    fs.writeFileSync(path.join(dir, 'en.txt'), 'Talks in Minsk\n\nThe talks in Minsk will resume at 10:30 on Monday. Putin said it once again. He said that more money was needed.\n');
    fs.writeFileSync(path.join(dir, 'ru.txt'), 'Переговоры в Минске\n\nПереговоры в Минске возобновятся в 10:30 в понедельник. Путин сказал это ещё раз. Он сказал, что нужно еще больше денег.\n');
    const db = path.join(dir, 'c.db');
    expect((await runCli(['align', '--en', path.join(dir, 'en.txt'), '--ru', path.join(dir, 'ru.txt'), '--db', db])).code).toBe(0);
    return db;
  }
  interface Hit { ru: string; ru_hits: Array<[number, number]> }

  it('finds Russian words whether they are written with ё or е', async () => {
    const db = await talks();
    for (const q of ['ещё', 'еще', 'ЕЩЁ']) {
      const r = await runCli(['query', q, '--json', '--db', db]);
      expect(r.stderr).toBe('');
      const hits = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Hit);
      expect(hits.map((h) => h.ru).sort(), q).toEqual(['Он сказал, что нужно еще больше денег.', 'Путин сказал это ещё раз.']);
      for (const h of hits) expect(h.ru_hits.map(([s, e]) => h.ru.slice(s, e).replace('ё', 'е'))).toEqual(['еще']);
    }
  });

  it('takes a colon inside or after a word as punctuation, not as a column filter', async () => {
    const db = await talks();
    const time = await runCli(['query', '10:30', '--json', '--db', db]);
    expect(time.stderr).toBe('');
    expect(time.code).toBe(0);
    expect(time.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const colon = await runCli(['query', 'Putin:', '--db', db]);
    expect(colon.code).toBe(0);
    expect(colon.stdout).toContain('[Putin]');
    expect((await runCli(['query', 'foo:bar', '--db', db])).stdout).toBe('no aligned pair contains "foo:bar"\n');
    // A real column filter still works, and FTS5 syntax that does not parse is bad usage in one line.
    expect((await runCli(['query', 'ru_text:Путин', '--db', db])).stdout).toContain('[Путин]');
    const wrong = await runCli(['query', '"Путин', '--db', db]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('the same folder by another name', () => {
  it('a folder reached through a symbolic link is the same folder, not a second copy', async () => {
    const data = storyFolder(2);
    const dir = tempDir('palign-qa-');
    const link = path.join(dir, 'link');
    fs.symlinkSync(data, link);
    const db = path.join(dir, 'c.db');
    const first = await runCli(['run', data, '--db', db, '--json']);
    const again = await runCli(['run', link, '--db', db, '--json']);
    expect(again.stderr).toBe('');
    const summary = JSON.parse(again.stdout) as { ingest: { added: number; unchanged: number }; export: { units: number } };
    expect(summary.ingest).toMatchObject({ added: 0, unchanged: 4 });
    expect(summary.export.units).toBe((JSON.parse(first.stdout) as { export: { units: number } }).export.units);
    expect((await runCli(['show', path.join(link, 'story0_a.txt'), '--text', '--db', db])).code).toBe(0);
  });
});

describe('progress', () => {
  it('draws the whole line on a terminal that reports no width (script, some CI ptys)', () => {
    let drawn = '';
    const stream = { isTTY: true, columns: 0, write: (s: string) => { drawn += s; return true; } } as unknown as NodeJS.WriteStream;
    const bar = progress('ingest', 1, stream);
    bar.tick('story.txt');
    expect(drawn).toContain('ingest  1/1  story.txt');
  });
});
