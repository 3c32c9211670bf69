/**
 * QA of the commands outside `check`, as a user runs them: what `show`, `--version`, `query`,
 * read-only commands and `run`'s TMX do with inputs that are ordinary for a user but were not
 * for the code. Each test failed before its fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../src/version.js';
import { copyData, jsonLines, runCli, tempDir } from './cli-helpers.js';

/** The keys `docs --json` documents, in its order. */
const DOC_KEYS = ['path', 'lang', 'confidence', 'mixed', 'title', 'date', 'chars', 'encoding', 'stripped', 'pair'];

/** The sample corpus run once into a fresh database; returns the folder and the database path. */
async function sampleRun(): Promise<{ data: string; db: string; dir: string }> {
  const dir = tempDir('palign-qa2-');
  const data = copyData();
  const db = path.join(dir, 'corpus.db');
  const r = await runCli(['run', data, '--db', db]);
  expect(r.code).toBe(0);
  return { data, db, dir };
}

describe('show --json', () => {
  let db: string;
  let data: string;
  beforeAll(async () => ({ db, data } = await sampleRun()));

  it('prints an unpaired document in the documented shape of docs --json, plus its text, and no store internals', async () => {
    const file = fs.readdirSync(data).find((f) => f.startsWith('003_')) as string;
    const r = await runCli(['show', path.join(data, file), '--json', '--db', db]);
    expect(r.code).toBe(0);
    const [shown] = jsonLines<Record<string, unknown>>(r.stdout);
    expect(Object.keys(shown)).toEqual([...DOC_KEYS, 'text']);
    const listed = jsonLines<Record<string, unknown>>((await runCli(['docs', '--json', '--db', db])).stdout).find((d) => d.path === file);
    const { text, ...rest } = shown;
    expect(rest).toEqual(listed);
    expect(typeof text).toBe('string');
    expect(fs.readFileSync(path.join(data, file), 'utf8')).toContain(String(text).split('\n').at(-1)?.slice(0, 40));
  });

  it('prints an aligned document asked for with --text in the same shape, its pair named', async () => {
    const file = fs.readdirSync(data).find((f) => f.startsWith('001_')) as string;
    const [shown] = jsonLines<Record<string, unknown>>((await runCli(['show', path.join(data, file), '--text', '--json', '--db', db])).stdout);
    expect(Object.keys(shown)).toEqual([...DOC_KEYS, 'text']);
    expect(String(shown.pair)).toMatch(/^000_/);
  });
});

describe('--version', () => {
  it('prints {"version": …} as one JSON line with --json, and the bare version without', async () => {
    const json = await runCli(['--version', '--json']);
    expect(json.code).toBe(0);
    expect(json.stdout.endsWith('\n')).toBe(true);
    expect(JSON.parse(json.stdout)).toEqual({ version: JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')).version });
    const plain = await runCli(['--version']);
    expect(plain.stdout.trim()).toBe(VERSION);
  });
});

describe('query text starting with -', () => {
  let db: string;
  beforeAll(async () => {
    const dir = tempDir('palign-qa2-');
    db = path.join(dir, 'corpus.db');
    fs.writeFileSync(path.join(dir, 'en.txt'), 'Police detain man in Moscow\n\nA 45-year-old man was detained in Moscow on Monday. The temperature fell to -5 degrees overnight.\n');
    fs.writeFileSync(path.join(dir, 'ru.txt'), 'Полиция задержала мужчину в Москве\n\nВ понедельник в Москве задержан 45-летний мужчина. Ночью температура опустилась до -5 градусов.\n');
    const r = await runCli(['align', '--en', path.join(dir, 'en.txt'), '--ru', path.join(dir, 'ru.txt'), '--db', db]);
    expect(r.code).toBe(0);
  });

  it('searches for what follows --, as Unix tools take it', async () => {
    const r = await runCli(['query', '--json', '--db', db, '--', '-year-old']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const hits = jsonLines<{ en: string }>(r.stdout);
    expect(hits.length).toBe(1);
    expect(hits[0].en).toContain('45-year-old');
  });

  it('keeps a number after -- as written (-5.0 is not turned into -5)', async () => {
    const r = await runCli(['query', '--db', db, '--', '-5.0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"-5.0"');
  });

  it('takes the text from --text even when it starts with -', async () => {
    const r = await runCli(['query', '--text', '-year-old', '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(jsonLines<{ en: string }>(r.stdout).map((h) => h.en.includes('45-year-old'))).toEqual([true]);
  });

  it('without --, says how to search for it instead of only "Unknown arguments: y, e, a, r"', async () => {
    const r = await runCli(['query', '-year-old', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('palign query -- -year-old');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('with no text at all is bad usage, one line', async () => {
    const r = await runCli(['query', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('a --db that is not a palign database', () => {
  const commands = [['docs'], ['show', '1'], ['query', 'KAMAZ'], ['stats'], ['export', '--out', '-'], ['match'], ['align']];

  it.each(commands.map((c) => [c.join(' '), c]))('%s on a 0-byte file: one-line error naming it, exit 1, the file untouched', async (_, args) => {
    const dir = tempDir('palign-qa2-');
    const db = path.join(dir, 'empty.db');
    fs.writeFileSync(db, '');
    const r = await runCli([...(args as string[]), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(db);
    expect(r.stderr).toMatch(/not a palign database/);
    expect(fs.statSync(db).size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['empty.db']);
  });

  it('docs on another program\'s SQLite file refuses it and leaves it as it was', async () => {
    const dir = tempDir('palign-qa2-');
    const db = path.join(dir, 'other.db');
    const other = new Database(db);
    other.exec('CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES (\'x\')');
    other.close();
    const before = fs.readFileSync(db);
    const r = await runCli(['docs', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a palign database|did not make/);
    expect(fs.readFileSync(db).equals(before)).toBe(true);
  });

  it('run on a 0-byte file (made with touch) still makes the database there', async () => {
    const dir = tempDir('palign-qa2-');
    const db = path.join(dir, 'touched.db');
    fs.writeFileSync(db, '');
    const r = await runCli(['run', copyData(), '--db', db]);
    expect(r.code).toBe(0);
    expect((await runCli(['stats', '--json', '--db', db])).code).toBe(0);
  });
});

describe('run\'s TMX and the score cut', () => {
  it('leaves units scoring below 0.3 out of the TMX, says how many, and --min-score 0 keeps them', async () => {
    const { data, db, dir } = await sampleRun();
    const tmx = path.join(dir, 'corpus.tmx');
    const tus = () => (fs.readFileSync(tmx, 'utf8').match(/<tu /g) ?? []).length;
    const all = tus();
    // Two of the stored pairs made doubtful, as the aligner scores a pair that does not correspond.
    const store = new Database(db);
    const ids = store.prepare(`SELECT id FROM units WHERE en_text <> '' AND ru_text <> '' ORDER BY idx LIMIT 2`).all() as Array<{ id: number }>;
    store.prepare(`UPDATE units SET score = 0.12 WHERE id IN (${ids.map((r) => r.id).join(',')})`).run();
    store.close();

    const again = await runCli(['run', data, '--db', db]);
    expect(again.code).toBe(0);
    expect(tus()).toBe(all - 2);
    expect(again.stdout).toMatch(/tmx .*\(\d+ translation units; 2 units scoring below 0\.3 left out, --min-score 0 keeps them\)/);
    const json = JSON.parse((await runCli(['run', data, '--db', db, '--json'])).stdout) as { export: { units: number; belowMinScore: number; minScore: number } };
    expect(json.export).toMatchObject({ units: all - 2, belowMinScore: 2, minScore: 0.3 });

    expect((await runCli(['run', data, '--db', db, '--min-score', '0'])).stdout).not.toMatch(/left out/);
    expect(tus()).toBe(all);
  });

  it('export uses the same default as run, so re-exporting gives run\'s TMX', async () => {
    const { db, dir } = await sampleRun();
    const store = new Database(db);
    store.prepare(`UPDATE units SET score = 0.05 WHERE id = (SELECT min(id) FROM units WHERE en_text <> '' AND ru_text <> '')`).run();
    store.close();
    const units = (args: string[]) => runCli(['export', '--format', 'jsonl', '--out', path.join(dir, 'x.jsonl'), '--json', '--db', db, ...args]).then((r) => (JSON.parse(r.stdout) as { units: number }).units);
    const cut = await units([]);
    expect(await units(['--min-score', '0'])).toBe(cut + 1);
    expect(fs.readFileSync(path.join(dir, 'x.jsonl'), 'utf8')).toContain('"score":0.05');
  });
});

describe('files in a folder that are no documents', () => {
  it.skipIf(process.platform === 'win32')('skips a named pipe called *.txt instead of waiting on it forever, and a file too large to be an article', async () => {
    const data = copyData();
    const fifo = path.join(data, 'pipe.txt');
    // mkfifo without a shell: node has no API for it, so the test asks the system's tool.
    const { spawn, spawnSync } = await import('node:child_process');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    // Should palign read the pipe again, a writer comes by in a few seconds and the test fails instead of hanging.
    spawn('sh', ['-c', `sleep 4; exec 3<>'${fifo}'`], { stdio: 'ignore' }).unref();
    const huge = path.join(data, 'dump.txt');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 17 * 1024 * 1024);
    const db = path.join(tempDir('palign-qa2-'), 'corpus.db');
    const r = await runCli(['ingest', data, '--db', db]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/skipped pipe\.txt: not a regular file/);
    expect(r.stderr).toMatch(/skipped dump\.txt: too large/);
    expect(jsonLines<{ path: string }>((await runCli(['docs', '--json', '--db', db])).stdout).map((d) => d.path.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  }, 20_000);
});

describe('two folders in one database', () => {
  it('names same-named documents of two folders so that each name, typed back, finds one document', async () => {
    const dir = tempDir('palign-qa2-');
    const db = path.join(dir, 'corpus.db');
    const data = copyData();
    const copy = path.join(dir, 'copy');
    fs.cpSync(data, copy, { recursive: true });
    expect((await runCli(['run', data, '--db', db])).code).toBe(0);
    expect((await runCli(['run', copy, '--db', db])).code).toBe(0);
    const file = fs.readdirSync(data).find((f) => f.startsWith('003_')) as string;
    const r = await runCli(['show', file, '--db', db]);
    expect(r.code).toBe(1);
    const named = /ambiguous: (.*); give more/.exec(r.stderr)?.[1].split(', ') ?? [];
    expect(named).toHaveLength(2);
    for (const name of named) {
      const one = await runCli(['show', name, '--json', '--db', db]);
      expect(one.code, name).toBe(0);
      expect((JSON.parse(one.stdout) as { path: string }).path).toBe(file);
    }
  });
});

describe('bad usage is one line', () => {
  it('an option value out of its choices is said on one line, exit 2', async () => {
    for (const args of [['export', '--format', 'xml'], ['query', 'KAMAZ', '--lang', 'de']]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/--(format|lang): expected .*, got (xml|de)/);
    }
  });
});

describe('export --doc', () => {
  it('refuses a document with no pair instead of replacing the corpus TMX with an empty one', async () => {
    const { data, db, dir } = await sampleRun();
    const tmx = path.join(dir, 'corpus.tmx');
    const before = fs.readFileSync(tmx, 'utf8');
    const lone = fs.readdirSync(data).find((f) => f.startsWith('002_')) as string;
    const r = await runCli(['export', '--doc', lone, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(lone);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(tmx, 'utf8')).toBe(before);
    const paired = fs.readdirSync(data).find((f) => f.startsWith('000_')) as string;
    const ok = await runCli(['export', '--doc', paired, '--format', 'jsonl', '--out', path.join(dir, 'one.jsonl'), '--json', '--db', db]);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { units: number }).units).toBeGreaterThan(0);
  });
});
