/** `palign export`: the translation memory as TMX, TSV, Moses or JSONL. */
import type { Argv } from 'yargs';
import { lastValue } from './options.js';
import { EXPORT_FORMATS, isExportFormat, parseLangs } from '../export/index.js';
import { PalignError } from '../errors.js';
import { DEFAULT_TM_MIN_SCORE, exportUnits } from '../pipeline/export.js';
import { defaultExportPath } from '../pipeline/run.js';
import { leftOut } from './run.js';
import { documentNamed, EXIT_USAGE, out, parseScore, warn, withDb, type Global } from './io.js';

export function exportCommand(cli: Argv<Global>): void {
  cli.command(
    'export',
    'write the translation memory as TMX 1.4b, TSV, Moses or JSONL',
    (y) => y.option('format', { type: 'string', coerce: lastValue, requiresArg: true, default: 'tmx', choices: EXPORT_FORMATS, describe: 'output format' })
      .option('out', { type: 'string', coerce: lastValue, nargs: 1, describe: 'output file, - for stdout (default: next to --db); Moses: the stem of .en/.ru files' })
      .option('min-score', { type: 'string', coerce: lastValue, requiresArg: true, describe: `leave out pairs scoring below (default ${DEFAULT_TM_MIN_SCORE}, as run; 0 keeps all)` })
      .option('dedupe', { type: 'boolean', default: false, describe: 'identical pairs once' })
      .option('doc', { type: 'string', coerce: lastValue, requiresArg: true, describe: 'only the pair of this document' })
      .option('include-unaligned', { type: 'boolean', default: false, describe: 'also 1-0/0-1 units (TMX, TSV, JSONL; Moses never has them)' })
      .option('langs', { type: 'string', coerce: lastValue, requiresArg: true, describe: 'language codes for the two sides, e.g. en-US,ru-RU' }),
    (args) =>
      withDb(args, (db) => {
        const format = args.format;
        if (!isExportFormat(format)) throw new PalignError(`--format: unknown format ${format}`, EXIT_USAGE);
        let langs: [string, string] | undefined;
        try {
          langs = args.langs === undefined ? undefined : parseLangs(args.langs);
        } catch (error) {
          throw new PalignError(`--langs: ${(error as Error).message}`, EXIT_USAGE);
        }
        if (args.doc?.trim() === '') throw new PalignError('--doc: give a document path', EXIT_USAGE);
        // Resolved here first for the CLI's message naming the candidates when the path is ambiguous.
        if (args.doc !== undefined) documentNamed(db, args.doc);
        const summary = exportUnits(db, {
          format, out: args.out ?? defaultExportPath(args.db, format === 'moses' ? 'moses' : format),
          minScore: parseScore(args.minScore, 'min-score') ?? DEFAULT_TM_MIN_SCORE, dedupe: args.dedupe, doc: args.doc, includeUnaligned: args.includeUnaligned, langs,
        });
        if (format === 'moses' && args.includeUnaligned) warn('note: Moses files are line-parallel, so 1-0/0-1 units are left out of them even with --include-unaligned');
        const message = args.json ? JSON.stringify(summary) : `wrote ${summary.units} units to ${summary.files.join(', ')}${leftOut(summary)}`;
        // With the data on standard output, the summary goes to the terminal only.
        if (!summary.files.includes('-')) out(message);
        else if (process.stderr.isTTY) process.stderr.write(`${message}\n`);
      }),
  );
}
