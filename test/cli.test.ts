import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.js';
import { listPairs } from '../src/store/pairs.js';
import { putAlignment } from '../src/store/units.js';
import type { Segment } from '../src/types.js';
import { copyData, DATA as DATA_DIR, jsonLines, runCli, tempDir } from './cli-helpers.js';

const DTD = path.resolve(__dirname, 'fixtures', 'tmx14.dtd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

interface DocLine {
  path: string;
  lang: string;
  pair: string | null;
  title: string | null;
  date: string | null;
  stripped: Array<{ kind: string; text: string }>;
}

describe('palign on the sample corpus, end to end', () => {
  const dir = tempDir();
  const db = path.join(dir, 'out', 'corpus.db');
  let data: string;
  let first: { code: number; stdout: string };

  beforeAll(async () => {
    data = copyData();
    first = await runCli(['run', data, '--db', db]);
  });

  it('runs the whole pipeline and writes the database and a TMX next to it', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/pairs\s+1 English–Russian/);
    expect(fs.existsSync(db)).toBe(true);
    const tmx = fs.readFileSync(path.join(dir, 'out', 'corpus.tmx'), 'utf8');
    expect(tmx).toContain('KAMAZ');
    expect(tmx).toContain('КАМАЗ');
  });

  it.skipIf(!hasXmllint)('writes a TMX that is valid against the TMX 1.4 DTD', () => {
    expect(() => execFileSync('xmllint', ['--noout', '--dtdvalid', DTD, path.join(dir, 'out', 'corpus.tmx')], { stdio: 'pipe' })).not.toThrow();
  });

  it('lists documents with languages and the one pair', async () => {
    const { code, stdout } = await runCli(['docs', '--json', '--db', db]);
    expect(code).toBe(0);
    const docs = jsonLines<DocLine>(stdout);
    expect(docs.map((d) => [d.path.slice(0, 3), d.lang])).toEqual([['000', 'en'], ['001', 'ru'], ['002', 'en'], ['003', 'en'], ['004', 'en']]);
    expect(docs[0].pair).toBe(docs[1].path);
    expect(docs[1].pair).toBe(docs[0].path);
    expect(docs.slice(2).every((d) => d.pair === null)).toBe(true);
    expect(docs[1].stripped.map((s) => s.text).join('\n')).toContain('Читать новость');
  });

  it('is idempotent: a second run changes nothing and aligns nothing again', async () => {
    const exported = async () => {
      const file = path.join(dir, 'idempotent.jsonl');
      await runCli(['export', '--format', 'jsonl', '--out', file, '--db', db]);
      return fs.readFileSync(file, 'utf8');
    };
    const before = await exported();
    expect(before.length).toBeGreaterThan(100);
    const again = await runCli(['run', data, '--db', db, '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as { ingest: { unchanged: number }; align: { aligned: number } };
    expect(summary.ingest.unchanged).toBe(5);
    expect(summary.align.aligned).toBe(0);
    const stats = JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout) as { pairs: number; units: number };
    expect(stats.pairs).toBe(1);
    expect(stats.units).toBeGreaterThan(10);
    expect(await exported()).toBe(before);
  });

  it('finds KAMAZ with its Russian counterpart, and a Russian stem', async () => {
    const kamaz = jsonLines<{ en: string; ru: string }>((await runCli(['query', 'KAMAZ', '--json', '--db', db])).stdout);
    expect(kamaz.length).toBeGreaterThan(0);
    expect(kamaz[0].en).toContain('KAMAZ');
    expect(kamaz[0].ru).toContain('КАМАЗ');
    const stem = jsonLines<{ ru: string }>((await runCli(['query', '--lang', 'ru', 'ускор', '--json', '--db', db])).stdout);
    expect(stem.some((h) => h.ru.includes('Надо ускоряться'))).toBe(true);
  });

  it('answers hostile queries with a clear message or no hit, never a stack trace', async () => {
    for (const q of ['"', '*', 'NEAR(', "'; DROP TABLE units; --", 'a OR', '(((']) {
      const r = await runCli(['query', q, '--db', db]);
      expect(r.stderr).not.toMatch(/internal error|at .*\.ts/);
      if (r.code !== 0) expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const stats = JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout) as { units: number };
    expect(stats.units).toBeGreaterThan(10);
  });

  it('exports each format', async () => {
    for (const format of ['tsv', 'jsonl', 'moses', 'tmx']) {
      const out = path.join(dir, `x.${format}`);
      const r = await runCli(['export', '--format', format, '--out', out, '--db', db, '--min-score', '0.5']);
      expect(r.code).toBe(0);
    }
    expect(fs.readFileSync(path.join(dir, 'x.en'), 'utf8').split('\n').length).toBe(fs.readFileSync(path.join(dir, 'x.ru'), 'utf8').split('\n').length);
    const rows = fs.readFileSync(path.join(dir, 'x.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(rows[0])).toEqual(['en', 'ru', 'score', 'bead', 'en_doc', 'ru_doc']);
    expect(rows.every((r) => (r.score as number) >= 0.5)).toBe(true);
  });

  it('checks the seed pair: 13 April missing, Moscow added, agreeing numbers not flagged', async () => {
    const html = path.join(dir, 'report.html');
    const r = await runCli(['check', '--json', '--html', html, '--db', db]);
    expect(r.code).toBe(0);
    const flags = jsonLines<{ kind: string; severity: string; message: string; en: string[]; ru: string[] }>(r.stdout);
    expect(flags.some((f) => f.kind === 'number' && /13 April/.test(f.message))).toBe(true);
    expect(flags.some((f) => f.kind === 'name' && /Moscow/.test(f.message))).toBe(true);
    const numberErrors = flags.filter((f) => f.kind === 'number' && f.severity !== 'info');
    for (const agreeing of ['2021', '19', '15']) expect(numberErrors.some((f) => f.message.includes(agreeing))).toBe(false);
    const report = fs.readFileSync(html, 'utf8');
    expect(report).toMatch(/<mark[^>]*>13 April<\/mark>/);
    expect(report).not.toMatch(/<script/i);
  });

  it('lists only flags of the chosen severity or more serious, and keeps them all stored', async () => {
    type Line = { severity: string; message: string };
    const all = jsonLines<Line>((await runCli(['check', '--json', '--db', db])).stdout);
    const serious = jsonLines<Line>((await runCli(['check', '--json', '--severity', 'warning', '--db', db])).stdout);
    expect(all.some((f) => f.severity === 'info')).toBe(true);
    expect(serious.length).toBeGreaterThan(0);
    expect(serious.every((f) => f.severity !== 'info')).toBe(true);
    expect(serious).toEqual(all.filter((f) => f.severity !== 'info'));
    const text = await runCli(['check', '--severity', 'error', '--db', db]);
    expect(text.stdout).toMatch(/13 April missing in Russian/);
    expect(text.stdout).not.toMatch(/Moscow/);
    expect(text.stdout).toMatch(/units? flagged at error or above \(\d+ with any flag\)/);
    const bad = await runCli(['check', '--severity', 'severe', '--db', db]);
    expect(bad.code).not.toBe(0);
  });

  it('explains why a document was or was not paired', async () => {
    const docs = jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout);
    const paired = JSON.parse((await runCli(['match', '--explain', docs[0].path, '--json', '--db', db])).stdout) as { pairedWith: { path: string } | null; reason: string };
    expect(paired.pairedWith?.path).toBe(docs[1].path);
    expect(paired.reason).toMatch(/Minnikhanov|Tatarstan/);
    const orphan = JSON.parse((await runCli(['match', '--explain', docs[2].path, '--json', '--db', db])).stdout) as { pairedWith: unknown; reason: string };
    expect(orphan.pairedWith).toBeNull();
    expect(orphan.reason).toMatch(/no counterpart/);
  });

  it('shows a pair side by side and a document with what cleaning stripped', async () => {
    const pair = await runCli(['show', '1', '--db', db]);
    expect(pair.stdout).toMatch(/1-2 .*In Kazan/);
    const doc = await runCli(['show', path.join(data, fs.readdirSync(data).find((f) => f.startsWith('001_')) as string), '--text', '--db', db]);
    expect(doc.stdout).toMatch(/^stripped boilerplate: .*Последние новости/m);
    expect(doc.stdout).toMatch(/^title: Лукашенко: Беларусь и Россия/m);
  });

  it('exports only one document pair, deduplicated, with unaligned units when asked', async () => {
    const docs = jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout);
    const exported = async (...options: string[]) => {
      const file = path.join(dir, 'some.jsonl');
      expect((await runCli(['export', '--format', 'jsonl', '--out', file, ...options, '--db', db])).code).toBe(0);
      return jsonLines<{ en: string; ru: string }>(fs.readFileSync(file, 'utf8'));
    };
    const all = await exported('--include-unaligned', '--doc', docs[1].path);
    const aligned = await exported('--dedupe');
    expect(all.some((u) => u.en === '' && u.ru.startsWith('Лукашенко:'))).toBe(true);
    expect(aligned.every((u) => u.en !== '' && u.ru !== '')).toBe(true);
    expect(all.length).toBeGreaterThan(aligned.length);
    expect(new Set(aligned.map((u) => `${u.en}\t${u.ru}`)).size).toBe(aligned.length);
  });

  it('counts the units Moses writes, and says why 1-0/0-1 units are not among them', async () => {
    const stem = path.join(dir, 'moses-all');
    const r = await runCli(['export', '--format', 'moses', '--include-unaligned', '--out', stem, '--db', db]);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(`${stem}.en`, 'utf8').split('\n').filter(Boolean).length;
    expect(r.stdout).toBe(`wrote ${lines} units to ${stem}.en, ${stem}.ru\n`);
    expect(r.stderr).toMatch(/^palign: note: Moses files are line-parallel, so 1-0\/0-1 units are left out/);
    const withUnaligned = await runCli(['export', '--format', 'jsonl', '--include-unaligned', '--out', path.join(dir, 'all.jsonl'), '--json', '--db', db]);
    expect((JSON.parse(withUnaligned.stdout) as { units: number }).units).toBeGreaterThan(lines);
  });

  it('quotes a mistyped number back, as a usage error', async () => {
    for (const args of [['export', '--min-score', 'abc'], ['query', 'KAMAZ', '--min-score', 'abc'], ['check', '--min-score', 'abc'], ['match', '--threshold', 'abc']]) {
      const r = await runCli([...args, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^palign: --(min-score|threshold): not a number: abc\n$/);
    }
    const limit = await runCli(['query', 'KAMAZ', '--limit', 'ten', '--db', db]);
    expect(limit.stderr).toBe('palign: --limit: not a number: ten\n');
    const missing = await runCli(['query', 'KAMAZ', '--min-score', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).not.toMatch(/internal error/);
  });

  it('treats a query that does not parse, or has no word, as a usage error', async () => {
    for (const q of ['NEAR(', '"', '%%']) {
      const r = await runCli(['query', q, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('names the documents a path could mean when it is ambiguous', async () => {
    const docs = jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout);
    const r = await runCli(['unpair', '00', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`palign: 00: ambiguous: ${docs.map((d) => d.path).join(', ')}; give more of the path\n`);
    const one = await runCli(['show', docs[2].path.slice(1, 8), '--db', db]);
    expect(one.stderr).toBe(`palign: ${docs[2].path.slice(1, 8)}: no such document; did you mean ${docs[2].path}?\n`);
    expect(jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout)).toEqual(docs);
  });

  it('keeps manual overrides across re-runs', async () => {
    const docs = jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout);
    expect((await runCli(['unpair', docs[0].path, '--db', db])).code).toBe(0);
    await runCli(['run', data, '--db', db]);
    expect(jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout)[0].pair).toBeNull();
    expect((await runCli(['pair', docs[2].path, docs[1].path, '--db', db])).code).toBe(0);
    await runCli(['match', '--db', db]);
    const after = jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout);
    expect(after[2].pair).toBe(docs[1].path);
    expect(after[0].pair).toBeNull();
  });
});

describe('errors', () => {
  it('names a missing folder in one line and exits non-zero', async () => {
    const r = await runCli(['ingest', '/no/such/dir', '--db', path.join(tempDir(), 'c.db')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('palign: /no/such/dir: no such folder');
  });

  it('names skipped files and exits 3, keeping the good ones', async () => {
    const data = copyData();
    fs.writeFileSync(path.join(data, 'empty.txt'), '');
    const db = path.join(tempDir(), 'c.db');
    const r = await runCli(['ingest', data, '--db', db]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^palign: skipped empty\.txt: .+$/m);
    expect(jsonLines((await runCli(['docs', '--json', '--db', db])).stdout)).toHaveLength(5);
  });

  it('refuses a file that is not a database without touching it', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, 'hello\n'.repeat(100));
    const r = await runCli(['docs', '--db', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes\.txt: not a SQLite database/);
    expect(fs.readFileSync(file, 'utf8')).toBe('hello\n'.repeat(100));
  });

  it('reports an unknown command or option as usage error 2', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['docs', '--no-such-flag'])).code).toBe(2);
  });

  it('aligns two files given directly, and reads a user dictionary', async () => {
    const db = path.join(tempDir(), 'c.db');
    const en = path.join(DATA_DIR, '000_21f827a522ed410a.txt');
    const ru = path.join(DATA_DIR, '001_a200dc630372fd2b.txt');
    const dict = path.join(tempDir(), 'dict.tsv');
    fs.writeFileSync(dict, '# industry terms\nhub\tхаб\nrock haulers\tкарьерные самосвалы\n');
    const r = await runCli(['align', '--en', en, '--ru', ru, '--dict', dict, '--json', '--db', db]);
    expect(r.code).toBe(0);
    const units = jsonLines<{ bead: string; en: string; ru: string }>(r.stdout);
    expect(units.find((u) => u.en.startsWith('In Kazan'))?.bead).toBe('1-2');
    fs.writeFileSync(dict, 'hub\tхаб\nno tab on this line\n');
    const bad = await runCli(['align', '--en', en, '--ru', ru, '--dict', dict, '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/dict\.tsv: .*line 2/);
  });

  it('scores an alignment against a gold file', async () => {
    const fixtures = path.resolve(__dirname, 'fixtures', 'textberg-de-fr');
    const r = await runCli(['eval', '--src', path.join(fixtures, 'dev.de'), '--tgt', path.join(fixtures, 'dev.fr'), '--gold', path.join(fixtures, 'dev.defr'), '--json']);
    const scores = JSON.parse(r.stdout) as { strict: { f1: number }; lax: { f1: number } };
    expect(scores.strict.f1).toBeGreaterThan(0.6);
    expect(scores.lax.f1).toBeGreaterThan(scores.strict.f1);
  });

  it('asks for a database before read-only commands', async () => {
    const r = await runCli(['docs', '--db', path.join(tempDir(), 'none.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no database here/);
  });
});

describe('standard output to a pipe', () => {
  const ROOT = path.resolve(__dirname, '..');
  const db = path.join(tempDir(), 'c.db');
  let units = 0;

  /** A real pair, aligned, whose units are then replaced by the NTREX sample's 1-1 sentences: far more than a pipe holds. */
  beforeAll(async () => {
    await runCli(['align', '--en', path.join(DATA_DIR, '000_21f827a522ed410a.txt'), '--ru', path.join(DATA_DIR, '001_a200dc630372fd2b.txt'), '--db', db]);
    const stories = fs.readFileSync(path.join(__dirname, 'fixtures', 'ntrex128-sample.jsonl'), 'utf8').split('\n').filter(Boolean)
      .map((line) => JSON.parse(line) as { en: string[]; ru: string[] });
    const segments = (side: 'en' | 'ru'): Segment[] => stories.flatMap((s) => s[side]).map((text, index) => ({ index, text, start: 0, end: text.length, paragraph: index }));
    const en = segments('en');
    const store = openStore(db);
    try {
      const pair = listPairs(store)[0];
      putAlignment(store, pair, en, segments('ru'), en.map((_, i) => ({ src: [i], tgt: [i], score: 0.9 })));
    } finally {
      store.close();
    }
    units = en.length;
  });

  /** Runs `palign ARGS | READER` through the shell; stderr also gets palign's exit status. */
  function pipeline(args: string[], reader: string): { stdout: string; stderr: string } {
    const script = `{ "$0" --import tsx test/cli-child.ts ${args.join(' ')} --db "$1"; echo "palign exit $?" >&2; } | ${reader}`;
    const r = spawnSync('sh', ['-c', script, process.execPath, db], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { stdout: r.stdout, stderr: r.stderr };
  }

  it('delivers every line of an export to a reader slower than palign', async () => {
    const file = path.join(tempDir(), 'all.jsonl');
    await runCli(['export', '--format', 'jsonl', '--out', file, '--db', db]);
    const expected = fs.readFileSync(file, 'utf8');
    expect(Buffer.byteLength(expected)).toBeGreaterThan(4 * 65536);
    // Starts late, then takes one small chunk at a time with a pause: the pipe stays full.
    const slow = `"$0" -e 'setTimeout(() => { const s = require("fs").createReadStream(null, { fd: 0, highWaterMark: 8192 }); ` +
      `s.on("data", (c) => { process.stdout.write(c); s.pause(); setTimeout(() => s.resume(), 2); }); }, 300)'`;
    for (const format of ['jsonl', 'tsv']) {
      const r = pipeline(['export', '--format', format, '--out', '-'], slow);
      expect(r.stderr).toBe('palign exit 0\n');
      if (format === 'jsonl') expect(r.stdout).toBe(expected);
      else expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(units + 1);
    }
  });

  it('stops quietly with exit 0 when the reader closes the pipe early', () => {
    const r = pipeline(['export', '--format', 'jsonl', '--out', '-'], 'head -c 100 >/dev/null');
    expect(r.stderr).toBe('palign exit 0\n');
  });
});

describe('pair', () => {
  const dir = tempDir();
  const db = path.join(dir, 'c.db');
  const input = path.join(dir, 'in');

  /** Three NTREX stories: the first in English and Belarusian, the other two in Russian only. */
  beforeAll(async () => {
    fs.mkdirSync(input);
    const stories = fs.readFileSync(path.join(__dirname, 'fixtures', 'ntrex128-sample.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 3)
      .map((line) => JSON.parse(line) as Record<'en' | 'ru' | 'be', string[]>);
    const write = (name: string, sentences: string[]) => fs.writeFileSync(path.join(input, name), `${sentences.join('\n\n')}\n`);
    write('a_en.txt', stories[0].en);
    write('a_be.txt', stories[0].be);
    write('b_ru.txt', stories[1].ru);
    write('c_ru.txt', stories[2].ru);
    expect((await runCli(['ingest', input, '--db', db])).code).toBe(0);
  });

  const pairs = async () => jsonLines<DocLine>((await runCli(['docs', '--json', '--db', db])).stdout).map((d) => [d.path, d.pair]);

  it('refuses a document that is not English or Russian, naming it and its language, as a usage error', async () => {
    const r = await runCli(['pair', 'a_en.txt', 'a_be.txt', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^palign: pair: a_be\.txt is Belarusian \(be\); [^\n]*\n$/);
  });

  it('refuses two documents in the same language', async () => {
    const r = await runCli(['pair', 'b_ru.txt', 'c_ru.txt', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^palign: pair: b_ru\.txt and c_ru\.txt are both Russian \(ru\); [^\n]*\n$/);
    await runCli(['match', '--db', db]);
    expect((await pairs()).every(([, pair]) => pair === null)).toBe(true);
  });

  it('takes the Russian document first as well, and stores the pair English first', async () => {
    const r = await runCli(['pair', 'c_ru.txt', 'a_en.txt', '--json', '--db', db]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ en: 'a_en.txt', ru: 'c_ru.txt' });
    await runCli(['match', '--db', db]);
    expect(await pairs()).toEqual([['a_be.txt', null], ['a_en.txt', 'c_ru.txt'], ['b_ru.txt', null], ['c_ru.txt', 'a_en.txt']]);
  });
});
