/**
 * QA of export and query as a translator and a corpus builder use them: re-exports byte for byte,
 * options given twice, hit offsets in JSON, and the other bugs found by running palign on messy input.
 * Every case here failed before its fix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { kwic, quoteBarewords } from '../src/query.js';
import { copyData, jsonLines, runCli, tempDir } from './cli-helpers.js';

/** A UTF-16 half without its partner: what a terminal shows as garbage and UTF-8 cannot encode. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('export and query on the sample corpus', () => {
  const dir = tempDir('palign-qa-export-');
  const db = path.join(dir, 'corpus.db');

  beforeAll(async () => {
    const result = await runCli(['run', copyData(), '--db', db]);
    expect(result.code).toBe(0);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('re-exports the same database as a byte-identical TMX, whatever the clock says', async () => {
    const first = path.join(dir, 'first.tmx');
    const second = path.join(dir, 'second.tmx');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
    expect((await runCli(['export', '--db', db, '--out', first])).code).toBe(0);
    vi.setSystemTime(new Date('2032-06-15T12:34:56Z'));
    expect((await runCli(['export', '--db', db, '--out', second])).code).toBe(0);
    expect(fs.readFileSync(second, 'utf8')).toBe(fs.readFileSync(first, 'utf8'));
    // still a dated header: a CAT tool shows it
    expect(fs.readFileSync(first, 'utf8')).toMatch(/<header [^>]*creationdate="\d{8}T\d{6}Z"/);
  });

  it('takes the last of an export option given twice instead of crashing', async () => {
    const a = path.join(dir, 'twice-a.tsv');
    const b = path.join(dir, 'twice-b.tsv');
    const once = path.join(dir, 'once.tsv');
    const result = await runCli(['export', '--db', db, '--format', 'jsonl', '--format', 'tsv', '--out', a, '--out', b, '--min-score', '0.99', '--min-score', '0']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.existsSync(a)).toBe(false);
    expect((await runCli(['export', '--db', db, '--format', 'tsv', '--out', once, '--min-score', '0'])).code).toBe(0);
    const written = fs.readFileSync(b, 'utf8');
    expect(written.split('\n')[0]).toBe('en\tru\tscore\tbead\ten_doc\tru_doc');
    expect(written).toBe(fs.readFileSync(once, 'utf8'));
  });

  it('takes the last of --doc and --langs given twice', async () => {
    const out = path.join(dir, 'twice.tmx');
    const result = await runCli(['export', '--db', db, '--doc', 'no-such.txt', '--doc', '000_21f827a522ed410a.txt', '--langs', 'en,ru', '--langs', 'en-GB,ru-RU', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('xml:lang="en-GB"');
  });

  it('takes the last --db given twice, for every command', async () => {
    const result = await runCli(['stats', '--db', path.join(dir, 'no-such.db'), '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/documents/);
  });

  it('asks for a value instead of running with an empty or missing one', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['export', '--db', db, '--format'], /^palign: --format: give a value$/],
      [['export', '--db', db, '--doc', ''], /^palign: --doc: give a document path$/],
      [['query', 'Minsk', '--db', db, '--lang'], /^palign: --lang: give a value$/],
      [['export', '--db', db, '--format', 'xml'], /^palign: --format: expected tmx, tsv, moses, jsonl, got xml$/],
      [['run', 'data', '--db', path.join(dir, 'dict.db'), '--dict', ''], /^palign: --dict: give a dictionary file$/],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim(), args.join(' ')).toMatch(message);
    }
  });

  it('writes scores in query --json rounded as export writes them', async () => {
    const r = await runCli(['query', 'Minsk', '--json', '--db', db]);
    const scores = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { score: number }).score);
    expect(scores.length).toBeGreaterThan(0);
    expect(scores.every((x) => Math.round(x * 1e4) / 1e4 === x)).toBe(true);
  });

  it('refuses run --tmx naming the database before running the pipeline', async () => {
    const fresh = path.join(dir, 'fresh.db');
    const result = await runCli(['run', 'data', '--db', fresh, '--tmx', fresh]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is the database/);
    expect(fs.existsSync(fresh)).toBe(false);
  });

  it('refuses to write the export over the database it reads, however the path is spelled', async () => {
    const before = fs.readFileSync(db);
    const link = path.join(dir, 'link-to.db');
    fs.symlinkSync(db, link);
    const spellings: string[][] = [
      ['--out', db],
      ['--out', path.join(dir, 'sub', '..', 'corpus.db')],
      ['--out', link],
      ['--out', `${db}-wal`],
      ['--format', 'jsonl', '--out', `${db}.lock`],
    ];
    for (const args of spellings) {
      const result = await runCli(['export', '--db', db, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).toMatch(/database/);
    }
    expect(fs.readFileSync(db).equals(before)).toBe(true);
    expect((await runCli(['stats', '--db', db])).code).toBe(0);
  });

  it('calls Moses to standard output bad usage (exit 2), as the README says of option values', async () => {
    const result = await runCli(['export', '--db', db, '--format', 'moses', '--out', '-']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a term with punctuation inside (Russia\'s, $19) in a query with operators instead of failing to parse', async () => {
    const units = async (...query: string[]): Promise<{ code: number; stderr: string; hits: Array<{ unit: number; en: string }> }> => {
      const result = await runCli(['query', '--db', db, '--json', '--limit', '100', '--', ...query]);
      return { code: result.code, stderr: result.stderr, hits: jsonLines<{ unit: number; en: string }>(result.stdout) };
    };
    const both = await units("Russia's", 'AND', 'Tatarstan');
    expect(both.stderr).toBe('');
    expect(both.code).toBe(0);
    expect(both.hits.length).toBeGreaterThan(0);
    for (const hit of both.hits) expect(hit.en).toMatch(/Russia's.*Tatarstan|Tatarstan.*Russia's/);
    const either = await units('$19', 'OR', 'KAMAZ');
    expect(either.code).toBe(0);
    const ids = async (term: string): Promise<number[]> => (await units(term)).hits.map((h) => h.unit);
    // within an expression a term with punctuation stands for its words: `$19` for the number 19
    const union = new Set([...(await ids('19')), ...(await ids('KAMAZ'))]);
    expect(union.size).toBeGreaterThan(1);
    expect(new Set(either.hits.map((h) => h.unit))).toEqual(union);
    const near = await units('NEAR(Belarus Russia, 5)');
    expect(near.code).toBe(0);
    expect(near.hits.length).toBeGreaterThan(0);
  });

  it('takes the last of a query option given twice instead of crashing or mis-parsing', async () => {
    const twice = await runCli(['query', '--db', db, '--json', '--lang', 'en', '--lang', 'ru', '--doc', 'no-such.txt', '--doc', '001_a200dc630372fd2b.txt', '--limit', '1', '--limit', '50', 'Беларусь']);
    expect(twice.stderr).toBe('');
    expect(twice.code).toBe(0);
    const once = await runCli(['query', '--db', db, '--json', '--lang', 'ru', '--doc', '001_a200dc630372fd2b.txt', '--limit', '50', 'Беларусь']);
    const hits = jsonLines<{ ru_hits: unknown[] }>(twice.stdout);
    expect(hits.length).toBeGreaterThan(1);
    expect(hits.every((h) => h.ru_hits.length > 0)).toBe(true);
    expect(twice.stdout).toBe(once.stdout);
  });
});

describe('concordance with astral characters (emoji, mathematical letters)', () => {
  it('never cuts an emoji in half at either end of a KWIC line', () => {
    const text = `${'😀 '.repeat(60)}Moscow ${'👍🏽'.repeat(60)}`;
    const start = text.indexOf('Moscow');
    for (let width = 30; width < 60; width++) {
      const line = kwic({ text, hits: [[start, start + 'Moscow'.length]] }, width, (h) => `[${h}]`);
      expect(line, `width ${width}`).toContain('[Moscow]');
      expect(LONE_SURROGATE.test(line), `width ${width}: ${line}`).toBe(false);
    }
    for (let width = 30; width < 60; width++) {
      const line = kwic({ text: '🇷🇺'.repeat(80), hits: [] }, width, (h) => h);
      expect(LONE_SURROGATE.test(line), `width ${width}`).toBe(false);
    }
  });

  it('gives query --json hit offsets in code points, as Python and jq index strings', async () => {
    const dir = tempDir('palign-qa-emoji-');
    const en = path.join(dir, 'emoji_en.txt');
    const ru = path.join(dir, 'emoji_ru.txt');
    fs.writeFileSync(en, 'Fans cheered 😀😀 in Kazan on Sunday.\n\nThe team 🏆 won the cup in Moscow.\n');
    fs.writeFileSync(ru, 'Болельщики ликовали 😀😀 в Казани в воскресенье.\n\nКоманда 🏆 выиграла кубок в Москве.\n');
    const db = path.join(dir, 'e.db');
    expect((await runCli(['align', '--en', en, '--ru', ru, '--db', db])).code).toBe(0);
    for (const [term, side] of [['Kazan', 'en'], ['Казани', 'ru'], ['Moscow', 'en'], ['Москве', 'ru']] as const) {
      const result = await runCli(['query', '--db', db, '--json', '--lang', side, term]);
      const hits = jsonLines<Record<string, unknown>>(result.stdout);
      expect(hits.length, term).toBeGreaterThan(0);
      for (const hit of hits) {
        const text = [...(hit[side] as string)];
        const offsets = hit[`${side}_hits`] as Array<[number, number]>;
        expect(offsets.map(([s, e]) => text.slice(s, e).join('')), term).toContain(term);
      }
    }
  });
});

describe('quoteBarewords', () => {
  it('leaves a query FTS5 already reads as typed', () => {
    for (const query of ['"gas engines"', 'Tatarstan NOT Kazan', 'NEAR(Belarus Russia, 5)', '{en_text ru_text}: KAMAZ', 'en_text:KAMAZ', 'ускор* OR "ещё раз"', '^Belarus AND (KAMAZ OR Minsk)']) {
      expect(quoteBarewords(query)).toBe(query);
    }
  });
});
