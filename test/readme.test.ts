/**
 * Every `npx palign …` line of the README runs, in order, in a fresh folder holding a copy of
 * the sample corpus and the fixtures, and succeeds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

function readmeCommands(): string[][] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
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

  it.each(commands.map((c) => [c.join(' '), c]))('palign %s', async (_, args) => {
    process.chdir(dir);
    const r = await runCli(args as string[]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('wrote what the README says', () => {
    for (const f of ['corpus.db', 'corpus.tmx', 'report.html', 'clean.tmx', 'corpus.tsv', 'corpus.en', 'corpus.ru']) {
      expect(fs.existsSync(path.join(dir, 'aligned', f)), f).toBe(true);
    }
  });
});
