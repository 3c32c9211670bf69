/** `palign align` and `palign eval`: sentence alignment and its evaluation. */
import type { Argv } from 'yargs';
import { alignCorpus } from '../align/index.js';
import { PalignError } from '../errors.js';
import { parseGold, scoreAlignment } from '../evaluate.js';
import { table } from '../format.js';
import { align, readDictionary } from '../pipeline/align.js';
import { alignFiles } from '../pipeline/align-files.js';
import { showPair } from './docs.js';
import { counts, EXIT_USAGE, out, plural, readText, withDb, type Global } from './io.js';

export function alignCommand(cli: Argv<Global>): void {
  cli.command(
    'align',
    'split and align the sentences of every matched pair (or of --en FILE --ru FILE)',
    (y) => y.option('en', { type: 'string', describe: 'English file, aligned directly with --ru' })
      .option('ru', { type: 'string', describe: 'Russian file, aligned directly with --en' })
      .option('dict', { type: 'string', describe: 'user dictionary, one en<TAB>ru pair a line' })
      .option('force', { type: 'boolean', default: false, describe: 'realign pairs that are aligned already' }),
    (args) => {
      const dictionary = args.dict === undefined ? undefined : readDictionary(args.dict);
      if ((args.en === undefined) !== (args.ru === undefined)) throw new PalignError('align: give both --en FILE and --ru FILE, or neither', EXIT_USAGE);
      withDb(args, (db) => {
        if (args.en !== undefined && args.ru !== undefined) {
          const pair = alignFiles(db, args.en, args.ru, { dictionary });
          return showPair(db, pair, args.json);
        }
        const summary = align(db, { force: args.force, dictionary });
        out(args.json ? JSON.stringify(summary) : `aligned ${summary.aligned} of ${plural(summary.pairs, 'pair')}: ${plural(summary.units, 'unit')}${summary.units ? ` (${counts(summary.beads)})` : ''}`);
      // Two files given are ingested, into a new database if need be; aligning the stored pairs needs one.
      }, args.en === undefined ? 'write' : 'create');
    },
  );
}

export function evalCommand(cli: Argv<Global>): void {
  cli.command(
    'eval',
    'score an aligner on one-sentence-a-line files against a gold alignment ([i, j]:[k] a line)',
    (y) => y.option('src', { type: 'string', demandOption: true, describe: 'source sentences, one a line' })
      .option('tgt', { type: 'string', demandOption: true, describe: 'target sentences, one a line' })
      .option('gold', { type: 'string', demandOption: true, describe: 'gold alignment, one bead a line: [i, j]:[k], 0-based line numbers' }),
    (args) => {
      const lines = (file: string) => readText(file).replace(/\n$/, '').split('\n');
      const src = lines(args.src);
      const tgt = lines(args.tgt);
      let gold;
      try {
        gold = parseGold(readText(args.gold));
      } catch (error) {
        throw new PalignError(`${args.gold}: ${(error as Error).message}`);
      }
      // The same two passes as the pipeline: anchors and length, then the lexicon learned from them.
      const [beads] = alignCorpus([{ src, tgt }]).beads;
      const scores = scoreAlignment(gold, beads);
      if (args.json) return out(JSON.stringify({ src: src.length, tgt: tgt.length, gold: gold.length, beads: beads.length, ...scores }));
      const f = (x: number) => x.toFixed(3);
      out(table(['', 'PRECISION', 'RECALL', 'F1'], [
        ['strict', f(scores.strict.precision), f(scores.strict.recall), f(scores.strict.f1)],
        ['lax', f(scores.lax.precision), f(scores.lax.recall), f(scores.lax.f1)],
      ]));
    },
  );
}
