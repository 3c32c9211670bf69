#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run by `npm ci` / `npm install` through `prepare`).
import { main } from '../dist/cli/index.js';

// `palign docs | head` closes the pipe early: stop quietly, as other Unix tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
