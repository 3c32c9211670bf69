#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build` (run by `npm ci` / `npm install` through `prepare`).
import { runProgram } from '../dist/cli/index.js';

process.exitCode = await runProgram(process.argv.slice(2));
