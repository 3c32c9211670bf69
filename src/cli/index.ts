/** The `palign` command line: a thin layer over the library; every command has `--help`. */
import yargs, { type Argv } from 'yargs';
import { PalignError } from '../errors.js';
import { lastValue } from './options.js';
import { DEFAULT_DB } from '../store/open.js';
import { VERSION } from '../version.js';
import { alignCommand, evalCommand } from './align.js';
import { checkCommand } from './check.js';
import { docsCommand, showCommand } from './docs.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';
import { EXIT_ERROR, EXIT_USAGE, out, status, warn, type Global } from './io.js';
import { matchCommand, pairCommand, unpairCommand } from './match.js';
import { queryCommand, statsCommand } from './query.js';
import { runCommand } from './run.js';

/** In the order `palign --help` lists them: the pipeline, then its stages, then the consumers. */
const COMMANDS = [
  runCommand, ingestCommand, docsCommand, showCommand, matchCommand, pairCommand, unpairCommand,
  alignCommand, checkCommand, exportCommand, queryCommand, statsCommand, evalCommand,
];

/**
 * What `--version` asks for: null when it is not given (before a `--`), else the line to print,
 * `0.1.0` or, with `--json`, `{"version":"0.1.0"}` like every other --json output. yargs' own
 * --version knows nothing of --json, so it is answered here.
 */
export function versionLine(argv: readonly string[]): string | null {
  const end = argv.indexOf('--');
  const options = end < 0 ? argv : argv.slice(0, end);
  if (!options.some((a) => a === '--version' || a === '--version=true')) return null;
  // yargs reads a boolean option's last occurrence: `--json --no-json` is plain text.
  const json = options.filter((a) => /^--(no-)?json(=(true|false))?$/.test(a)).at(-1);
  return json === '--json' || json === '--json=true' ? JSON.stringify({ version: VERSION }) : VERSION;
}

/**
 * `palign query --text -year-old` as `--text=-year-old`: yargs takes a value starting with `-` for
 * another option, while `--text` exists for exactly such text. Only for `query` (where `--text`
 * takes a value; in `show` it is a flag) and only before a `--`.
 */
export function joinQueryText(argv: readonly string[]): string[] {
  const end = argv.indexOf('--') < 0 ? argv.length : argv.indexOf('--');
  const command = argv.findIndex((a) => a === 'query');
  if (command < 0 || command >= end) return [...argv];
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (i > command && i < end - 1 && argv[i] === '--text') joined.push(`--text=${argv[++i]}`);
    else joined.push(argv[i]);
  }
  return joined;
}

/**
 * yargs' complaint as the one line every palign error is (`Invalid values:\n  Argument: format,
 * Given: "xml", …` spans lines), with a hint for an unknown option that was probably text to
 * search for: `query -year-old`.
 */
export function usageMessage(message: string, argv: readonly string[]): string {
  const line = message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ').trim();
  if (!/^Unknown arguments?:/.test(line) || !argv.includes('query')) return line;
  return `${line} (to search for text starting with -, put it after --: palign query -- -year-old)`;
}

/** Runs palign with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  status.code = 0;
  const version = versionLine(argv);
  if (version !== null) {
    out(version);
    return 0;
  }
  const cli: Argv<Global> = yargs(joinQueryText(argv))
    .scriptName('palign')
    .usage('$0 <command> [options]\n\nEnglish–Russian news articles in, a clean translation memory out.')
    .option('db', { type: 'string', default: DEFAULT_DB, describe: 'SQLite database file', global: true, coerce: (v: string | string[]): string => lastValue(v) })
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output (JSON lines)', global: true })
    // `palign query -- -5.0` searches for "-5.0" as written: what follows `--` stays text.
    .parserConfiguration({ 'populate--': true, 'parse-positional-numbers': false })
    .strict()
    .demandCommand(1, 'give a command; palign --help lists them')
    .recommendCommands()
    .version(false)
    .option('version', { type: 'boolean', describe: 'show the version (with --json: {"version": …})' })
    .help()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own complaints (a missing option value, an unknown command) are bad usage;
      // anything else was thrown by a command and goes on as it is.
      if (error === undefined || error === null || error.name === 'YError') throw new PalignError(usageMessage(message ?? error?.message ?? 'bad usage', argv), EXIT_USAGE);
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
