/** Runs the CLI in-process and captures what it prints, for end-to-end tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../src/cli/index.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** JSON lines of a command's stdout. */
export function jsonLines<T>(stdout: string): T[] {
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as T);
}

/** A fresh temporary folder, removed by the caller's afterEach if they like. */
export function tempDir(prefix = 'palign-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const DATA = path.resolve(__dirname, '..', 'data');

/** The sample corpus copied to a temporary folder, so tests can change files. */
export function copyData(): string {
  const dir = tempDir('palign-data-');
  for (const f of fs.readdirSync(DATA)) fs.copyFileSync(path.join(DATA, f), path.join(dir, f));
  return dir;
}
