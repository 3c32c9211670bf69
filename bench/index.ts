/**
 * `npm run bench`: every benchmark in turn. Each reads ../shared/eval when it is there and says
 * so when it is not; figures go to stdout, tables to bench/README.md by hand.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.includes(path.basename(f, '.ts')));

let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n=== bench/${file}\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
