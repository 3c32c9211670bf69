/** The `palign` command line: a thin layer over the library; every command has `--help`. */
import yargs, { type Argv } from 'yargs';
import { PalignError } from '../errors.js';
import { DEFAULT_DB } from '../store/open.js';
import { VERSION } from '../version.js';
import { alignCommand, evalCommand } from './align.js';
import { checkCommand } from './check.js';
import { docsCommand, showCommand } from './docs.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';
import { EXIT_ERROR, EXIT_USAGE, status, warn, type Global } from './io.js';
import { matchCommand, pairCommand, unpairCommand } from './match.js';
import { queryCommand, statsCommand } from './query.js';
import { runCommand } from './run.js';

/** In the order `palign --help` lists them: the pipeline, then its stages, then the consumers. */
const COMMANDS = [
  runCommand, ingestCommand, docsCommand, showCommand, matchCommand, pairCommand, unpairCommand,
  alignCommand, checkCommand, exportCommand, queryCommand, statsCommand, evalCommand,
];

/** Runs palign with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  status.code = 0;
  const cli: Argv<Global> = yargs(argv)
    .scriptName('palign')
    .usage('$0 <command> [options]\n\nEnglish–Russian news articles in, a clean translation memory out.')
    .option('db', { type: 'string', default: DEFAULT_DB, describe: 'SQLite database file', global: true })
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output (JSON lines)', global: true })
    .strict()
    .demandCommand(1, 'give a command; palign --help lists them')
    .recommendCommands()
    .version(VERSION)
    .help()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own complaints (a missing option value, an unknown command) are bad usage;
      // anything else was thrown by a command and goes on as it is.
      if (error === undefined || error === null || error.name === 'YError') throw new PalignError(message ?? error?.message ?? 'bad usage', EXIT_USAGE);
      throw error;
    });
  for (const register of COMMANDS) register(cli);
  try {
    await cli.parseAsync();
    return status.code;
  } catch (error) {
    // A reader that stops early (`palign export --out - | head`) is not an error.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return status.code;
    if (error instanceof PalignError) {
      warn(error.message);
      return error.exitCode;
    }
    warn(`internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_ERROR;
  }
}

/**
 * Runs palign as a program whose standard output may be a pipe (what `bin/palign.js` calls):
 * `palign docs | head` closes the pipe early, and palign then stops quietly, as other Unix tools do.
 * Resolves to the exit code.
 */
export async function runProgram(argv: string[]): Promise<number> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return main(argv);
}
