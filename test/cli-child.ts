/** `bin/palign.js` from the sources, for tests that run palign as a separate process (`node --import tsx`). */
import { runProgram } from '../src/cli/index.js';

process.exitCode = await runProgram(process.argv.slice(2));
