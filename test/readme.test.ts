/**
 * Every `npx palign …` line of the README runs, in order, in a fresh folder holding a copy of
 * the sample corpus and the fixtures, and succeeds; what the README shows or states about it
 * (the first run's output, the options each example uses, defaults, the eval figures) holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LENGTH_Z } from '../src/check/index.js';
import { DEFAULT_MIN_SCORE } from '../src/check/omissions.js';
import { DEFAULT_THRESHOLD } from '../src/match/index.js';
import { copyData, runCli, tempDir } from './cli-helpers.js';

const ROOT = path.resolve(__dirname, '..');

/** Shell words of a command line: whitespace-separated, with '…' and "…" quoting; `#` starts a comment. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(#.*$)|([^\s'"#]+)/g)) {
    if (m[3] !== undefined) break;
    words.push(m[1] ?? m[2] ?? m[4]);
  }
  return words;
}

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The plain (unlabelled) code block that follows `marker` in the README: shown output. */
function shownOutput(marker: string): string {
  const at = README.indexOf(marker);
  expect(at, marker).toBeGreaterThanOrEqual(0);
  const block = README.slice(at).match(/```\n([\s\S]*?)```/);
  return block?.[1] ?? '';
}

/** The README sentence or table row that mentions `needle`, for asserting what it says. */
function readmeMentioning(needle: string): string {
  const line = README.split('\n').find((l) => l.includes(needle));
  expect(line, needle).toBeDefined();
  return line ?? '';
}

/** What `palign COMMAND --help` prints (yargs writes help through console.log). */
async function helpText(command: string): Promise<string> {
  let text = '';
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    text += `${parts.join(' ')}\n`;
  });
  try {
    await runCli([command, '--help']);
  } finally {
    log.mockRestore();
  }
  return text;
}

function readmeCommands(): string[][] {
  const readme = README;
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks.flatMap((b) => b.split('\n')).filter((l) => l.startsWith('npx palign ')).map((l) => shellWords(l).slice(2));
}

describe('README examples', () => {
  const cwd = process.cwd();
  const dir = tempDir('palign-readme-');
  fs.renameSync(copyData(), path.join(dir, 'data'));
  fs.mkdirSync(path.join(dir, 'test'));
  fs.cpSync(path.join(ROOT, 'test', 'fixtures'), path.join(dir, 'test', 'fixtures'), { recursive: true });
  afterAll(() => process.chdir(cwd));

  const commands = readmeCommands();
  it('has the commands the brief asks for', () => {
    expect(commands[0]).toEqual(['run', 'data/']);
    expect(commands.length).toBeGreaterThan(20);
  });

  const outputs = new Map<string, string>();
  it.each(commands.map((c) => [c.join(' '), c]))('palign %s', async (line, args) => {
    process.chdir(dir);
    const r = await runCli(args as string[]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    if (!outputs.has(line as string)) outputs.set(line as string, r.stdout);
  });

  it('printed for the first `run data/` exactly what the README shows', () => {
    expect(outputs.get('run data/')).toBe(shownOutput('`npx palign run data/` prints:'));
  });

  it('uses in its examples only options that the command\'s --help lists', async () => {
    for (const args of commands) {
      const help = await helpText(args[0]);
      expect(help, args[0]).toContain(`palign ${args[0]}`);
      for (const option of args.filter((a) => /^--[a-z]/.test(a))) expect(help, `${args.join(' ')}: ${option}`).toContain(option.split('=')[0]);
    }
  });

  it('gives the defaults the code has', () => {
    expect(readmeMentioning('`--threshold`, default')).toContain(`default ${DEFAULT_THRESHOLD})`);
    expect(readmeMentioning('(`--min-score`, default')).toContain(`default ${DEFAULT_MIN_SCORE})`);
    expect(readmeMentioning('(`--length-z`, default')).toContain(`default ${DEFAULT_LENGTH_Z})`);
  });

  it('quotes the eval figures the Text+Berg example prints', async () => {
    process.chdir(dir);
    const fixture = 'test/fixtures/textberg-de-fr/dev';
    const r = await runCli(['eval', '--src', `${fixture}.de`, '--tgt', `${fixture}.fr`, '--gold', `${fixture}.defr`, '--json']);
    const scores = JSON.parse(r.stdout) as { strict: { f1: number }; lax: { f1: number } };
    expect(README).toContain(`strict F1 ${scores.strict.f1.toFixed(2)} (lax ${scores.lax.f1.toFixed(2)})`);
  });

  it('wrote what the README says', () => {
    for (const f of ['corpus.db', 'corpus.tmx', 'report.html', 'clean.tmx', 'corpus.tsv', 'corpus.en', 'corpus.ru']) {
      expect(fs.existsSync(path.join(dir, 'aligned', f)), f).toBe(true);
    }
  });
});
