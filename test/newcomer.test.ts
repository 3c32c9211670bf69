/**
 * A first-time user's mistakes and first looks: usage errors say what was wrong in palign's own
 * words (one line, exit 2), `--help` gives the defaults and describes every argument, and the
 * `check` listing keeps its columns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_THRESHOLD } from '../src/match/index.js';
import { copyData, runCli, tempDir } from './cli-helpers.js';

/** Runs palign expecting bad usage: exit 2, nothing on stdout, one line on stderr, which is returned. */
async function usageError(args: string[]): Promise<string> {
  const r = await runCli(args);
  expect(r.code, args.join(' ')).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0];
}

/** What `palign ...args --help` prints (yargs writes help through console.log). */
async function helpText(args: string[]): Promise<string> {
  let text = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    text += `${parts.join(' ')}\n`;
  });
  try {
    await runCli([...args, '--help']);
  } finally {
    log.mockRestore();
  }
  return text;
}

describe('usage errors name what was wrong', () => {
  it('a mistyped command is named as an unknown command, with the suggestion', async () => {
    const line = await usageError(['qurey', 'KAMAZ']);
    expect(line).toMatch(/unknown command qurey\b/);
    expect(line).toContain('did you mean query');
  });

  it('a command nothing resembles is an unknown command, not an "argument"', async () => {
    const line = await usageError(['--db', 'x.db', 'frobnicatezzz']);
    expect(line).toMatch(/unknown command frobnicatezzz\b/);
    expect(line).toContain('palign --help');
  });

  it('an unknown option keeps its dashes and says where the options are listed', async () => {
    const line = await usageError(['docs', '--colour', '-x']);
    expect(line).toContain('--colour');
    expect(line).toContain('-x');
    expect(line).toContain('palign docs --help');
  });

  it('query -year-old names the text as typed and says how to search for it', async () => {
    const line = await usageError(['query', '-year-old']);
    expect(line).toContain('-year-old');
    expect(line).not.toMatch(/\by, e, a, r\b/);
    expect(line).toContain('palign query -- -year-old');
  });

  it.each([
    [['run'], 'palign run DIR'],
    [['ingest'], 'palign ingest DIR'],
    [['show'], 'palign show PATH_OR_PAIR'],
    [['pair', 'a.txt'], 'palign pair EN RU'],
    [['unpair'], 'palign unpair PATH'],
  ])('%j without its argument shows how the command is called', async (args, usage) => {
    const line = await usageError(args);
    expect(line).toContain(usage);
    expect(line).not.toContain('non-option');
  });

  it('a word too many is an unexpected argument, with the usage', async () => {
    const line = await usageError(['pair', 'a.txt', 'b.txt', 'c.txt']);
    expect(line).toContain('unexpected argument c.txt');
    expect(line).toContain('palign pair EN RU');
  });

  it('eval without its files names the missing options with their dashes', async () => {
    const line = await usageError(['eval', '--src', 'a.txt']);
    const missing = line.split('(usage')[0];
    expect(missing).toContain('--tgt');
    expect(missing).toContain('--gold');
    expect(missing).not.toContain('--src');
    expect(line).toContain('palign eval --src S --tgt T --gold G');
  });

  it('an option without its value names the option with its dashes', async () => {
    expect(await usageError(['query', 'x', '--limit'])).toMatch(/--limit: give a value$/);
  });
});

describe('--help', () => {
  it('match --help gives the threshold default the code uses', async () => {
    expect(await helpText(['match'])).toContain(`default ${DEFAULT_THRESHOLD}`);
  });

  it.each([['pair'], ['unpair'], ['eval'], ['export']])('%s --help describes every argument and option', async (command) => {
    const help = await helpText([command]);
    expect(help).toContain(`palign ${command}`);
    // yargs prints a bare type tag on a line with nothing before it when an argument has no description.
    const undescribed = help.split('\n').filter((l) => /^ {2}(--)?[a-z-]+\s{10,}\[/.test(l));
    expect(undescribed).toEqual([]);
  });
});

describe('check listing', () => {
  let db = '';
  beforeAll(async () => {
    db = path.join(tempDir('palign-newcomer-'), 'corpus.db');
    expect((await runCli(['run', copyData(), '--db', db])).code).toBe(0);
  });

  it('keeps severity, kind and message in columns when unit ids have one and two digits', async () => {
    const r = await runCli(['check', '--db', db]);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  unit '));
    const ids = rows.map((l) => l.split(/\s+/)[2]);
    // The sample corpus's flags sit on units 1 to 17: both widths occur, or the test proves nothing.
    expect(new Set(ids.map((id) => id.length)).size).toBeGreaterThan(1);
    const severityAt = rows.map((l) => l.search(/(error|warning|info) /));
    expect(new Set(severityAt).size).toBe(1);
    expect(fs.existsSync(db)).toBe(true);
  });
});
