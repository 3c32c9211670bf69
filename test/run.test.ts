import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-helpers.js';

interface RunJson { match: { pairs: number; added: number; removed: number }; align: { aligned: number } }

/**
 * Short articles (four sentences of an NTREX story each, a third without a Russian side): few
 * share two names or numbers, so many pairs only show once alignment has learned words.
 */
function shortArticles(dir: string): void {
  const stories = fs.readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean)
    .map((line) => JSON.parse(line) as { en: string[]; ru: string[] });
  stories.slice(0, 20).forEach((s, k) => {
    for (let c = 0; c < s.en.length; c += 4) {
      fs.writeFileSync(path.join(dir, `s${k}_${c}_en.txt`), s.en.slice(c, c + 4).join('\n\n') + '\n');
      if ((k + c) % 3 !== 0) fs.writeFileSync(path.join(dir, `s${k}_${c}_ru.txt`), s.ru.slice(c, c + 4).join('\n\n') + '\n');
    }
  });
}

describe('run', () => {
  it('matches again with the words alignment learned, so a re-run changes nothing', async () => {
    const dir = tempDir();
    const data = path.join(dir, 'in');
    fs.mkdirSync(data);
    shortArticles(data);
    const db = path.join(dir, 'c.db');
    const first = JSON.parse((await runCli(['run', data, '--db', db, '--json'])).stdout) as RunJson;
    expect(first.match.pairs).toBeGreaterThan(10);
    const again = JSON.parse((await runCli(['run', data, '--db', db, '--json'])).stdout) as RunJson;
    expect(again.match).toMatchObject({ pairs: first.match.pairs, added: 0, removed: 0 });
    expect(again.align.aligned).toBe(0);
    expect((await runCli(['match', '--db', db])).stdout).toMatch(/0 new, 0 dropped/);
    // Every pair is right: the English and Russian parts of the same story chunk.
    const docs = (await runCli(['docs', '--json', '--db', db])).stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { path: string; pair: string | null });
    const paired = docs.filter((d) => d.pair !== null && d.path.endsWith('_en.txt'));
    expect(paired.length).toBe(first.match.pairs);
    for (const d of paired) expect(d.pair).toBe(d.path.replace('_en.txt', '_ru.txt'));
  }, 30_000);
});
