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

/** How each command that needs arguments is called, as the README writes it: named in usage errors. */
const USAGE: Readonly<Record<string, string>> = {
  run: 'palign run DIR', ingest: 'palign ingest DIR', show: 'palign show PATH_OR_PAIR', pair: 'palign pair EN RU',
  unpair: 'palign unpair PATH', eval: 'palign eval --src S --tgt T --gold G',
};

/** The command word of `argv`: its first word that is neither an option nor the value of `--db`. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') return undefined;
    if (word === '--db') i++;
    else if (!word.startsWith('-')) return word;
  }
  return undefined;
}

/**
 * An argument yargs names without its dashes (`Unknown argument: frob`, or `y, e, a, r` for
 * `-year-old`) as the user typed it: `--frob`, `-year-old`, or the plain word.
 */
function asTyped(name: string, argv: readonly string[]): string {
  const long = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (long !== undefined) return long.split('=')[0];
  const short = name.length === 1 ? argv.find((a) => /^-[^-]/.test(a) && a.includes(name)) : undefined;
  return short ?? name;
}

/** ` (usage: palign pair EN RU)` for a command that takes arguments, else ''. */
function usageHint(command: string | undefined): string {
  return command !== undefined && USAGE[command] !== undefined ? ` (usage: ${USAGE[command]})` : '';
}

/**
 * yargs' "Unknown arguments: a, b" as what they are: an unknown command, unknown options, or words
 * too many. Under `query` an unknown option was probably text to search for (`query -year-old`),
 * so the hint says how to search for it.
 */
function unknownArguments(list: string, argv: readonly string[]): string {
  const command = commandWord(argv);
  const help = command === undefined ? 'palign --help' : `palign ${command} --help`;
  const optionHint = command === 'query' ? '; to search for text starting with -, put it after --: palign query -- -year-old' : ` (${help} lists the options)`;
  const typed = [...new Set(list.split(/,\s*/).map((name) => asTyped(name, argv)))];
  if (typed.includes(command ?? '')) return `unknown command ${command} (palign --help lists the commands)`;
  const options = typed.filter((a) => a.startsWith('-'));
  const words = typed.filter((a) => !a.startsWith('-'));
  const parts: string[] = [];
  if (options.length) parts.push(`unknown option${options.length > 1 ? 's' : ''} ${options.join(', ')}${optionHint}`);
  if (words.length) parts.push(`unexpected argument${words.length > 1 ? 's' : ''} ${words.join(', ')}${usageHint(command) || ` (see ${help})`}`);
  return parts.join('; ');
}

/**
 * yargs' complaint as the one line every palign error is, in palign's words: `Did you mean show?`
 * names the unknown command, `Not enough non-option arguments: got 0, need at least 1` says how
 * the command is called, `Invalid values:\n  Argument: format, …` (several lines) becomes `--format: expected tmx, tsv, …, got xml`.
 */
export function usageMessage(message: string, argv: readonly string[]): string {
  const line = message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ').trim();
  const command = commandWord(argv);
  let m: RegExpMatchArray | null;
  if ((m = line.match(/^Did you mean (\S+)\?$/))) return `unknown command ${command ?? ''}; did you mean ${m[1]}? (palign --help lists the commands)`;
  if ((m = line.match(/^Not enough non-option arguments: got \d+, need at least \d+$/))) return `${command}: missing argument${usageHint(command)}`;
  if ((m = line.match(/^Not enough arguments following: (\S+)$/))) return `--${m[1]}: give a value`;
  if ((m = line.match(/^Missing required arguments?: (.+)$/))) return `${command}: missing ${m[1].split(/,\s*/).map((n) => `--${n}`).join(', ')}${usageHint(command)}`;
  if ((m = line.match(/^Unknown arguments?: (.+)$/))) return unknownArguments(m[1], argv);
  if ((m = line.match(/^Invalid values?: Argument: (\S+), Given: "([^"]*)", Choices: (.+)$/))) return `--${m[1]}: expected ${m[3].replace(/"/g, '')}, got ${m[2]}`;
  return line;
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
    .option('db', { type: 'string', default: DEFAULT_DB, describe: 'SQLite database file', global: true, coerce: lastValue })
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output (JSON lines)', global: true })
    // `palign query -- -5.0` searches for "-5.0" as written: what follows `--` stays text.
    .parserConfiguration({ 'populate--': true, 'parse-positional-numbers': false })
    .strict()
    .demandCommand(1, 'give a command; palign --help lists them')
    .recommendCommands()
    .version(false)
    .option('version', { type: 'boolean', describe: 'show the version (with --json: {"version": …})' })
    .help('help', 'show help')
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
