/**
 * Export throughput: streams N rows (NTREX-128 EN/RU sentence pairs, repeated) through each
 * format into a temporary file, as `palign export` does, and reports rows/s, MB/s and peak RSS.
 * Usage: npx tsx bench/export.ts [rows]   (default 200000)
 */
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dedupeRows, jsonl, moses, tmx, tsv, type ExportOptions, type TmRow } from '../src/export/index.js';
import type { Story } from './lib/match-corpus.js';
import { loadNtrex } from './lib/ntrex.js';

/** Enough rows that per-run setup is noise and a whole-output-in-memory bug would show in RSS. */
const DEFAULT_ROWS = 200_000;
/** Runs per format; the median is reported. */
const RUNS = 3;
const OPTIONS: ExportOptions = { toolVersion: 'bench', langs: ['en-US', 'ru-RU'] };

/** The NTREX sentence pairs as rows. */
function basePairs(stories: Story[]): TmRow[] {
  const rows: TmRow[] = [];
  for (const story of stories) {
    story.en.forEach((en, i) => {
      const ru = story.ru[i] ?? '';
      rows.push({ id: 0, en, ru, score: 0.87654321, bead: '1-1', enDoc: `${story.docid}.en`, ruDoc: `${story.docid}.ru`, created: '2024-05-01T10:20:30Z' });
    });
  }
  return rows;
}

/** `count` rows cycling over the base pairs, made one at a time as a DB cursor would. */
function* rows(base: TmRow[], count: number): Generator<TmRow> {
  for (let id = 1; id <= count; id++) yield { ...base[id % base.length]!, id };
}

/** Writes the chunks to `path` one by one, as the CLI streams them. */
function drain(chunks: Iterable<string>, path: string): void {
  const fd = openSync(path, 'w');
  for (const chunk of chunks) writeSync(fd, chunk);
  closeSync(fd);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function main(): void {
  const stories = loadNtrex('export');
  if (!stories) return;
  const count = Number(process.argv[2] ?? DEFAULT_ROWS);
  const base = basePairs(stories);
  const dir = mkdtempSync(join(tmpdir(), 'palign-bench-export-'));
  const formats: Record<string, (path: string) => void> = {
    tmx: (path) => drain(tmx(rows(base, count), OPTIONS), path),
    tsv: (path) => drain(tsv(rows(base, count), OPTIONS), path),
    jsonl: (path) => drain(jsonl(rows(base, count), OPTIONS), path),
    moses: (path) => {
      const en = openSync(`${path}.en`, 'w');
      const ru = openSync(path, 'w');
      for (const line of moses(rows(base, count), OPTIONS)) {
        writeSync(en, line.en);
        writeSync(ru, line.ru);
      }
      closeSync(en);
      closeSync(ru);
    },
    'tmx+dedupe': (path) => drain(tmx(dedupeRows(rows(base, count)), OPTIONS), path),
  };
  console.log(`rows=${count} (${base.length} distinct NTREX pairs, cycled), node ${process.version}, ${RUNS} runs, median`);
  console.log('| format | s | rows/s | MB written | MB/s | peak RSS MB |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, run] of Object.entries(formats)) {
    const path = join(dir, `out.${name}`);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      run(path);
      times.push(Number(process.hrtime.bigint() - start) / 1e9);
    }
    const mb = (statSync(path).size + (existsSync(`${path}.en`) ? statSync(`${path}.en`).size : 0)) / 1e6;
    const s = median(times);
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`| ${name} | ${s.toFixed(2)} | ${Math.round(count / s)} | ${mb.toFixed(1)} | ${(mb / s).toFixed(1)} | ${rss.toFixed(0)} |`);
  }
  rmSync(dir, { recursive: true, force: true });
}

main();
