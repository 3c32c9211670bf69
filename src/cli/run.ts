/** `palign run`: the whole pipeline with a short summary. */
import type { Argv } from 'yargs';
import { readDictionary } from '../pipeline/align.js';
import { run } from '../pipeline/run.js';
import { checkOutputFile, DEFAULT_TM_MIN_SCORE, refuseDatabaseFile, type ExportSummary } from '../pipeline/export.js';
import { checkDocumentFolder } from '../pipeline/files.js';
import { counts, duplicatesLine, goneOrMoved, out, plural, parseScore, reportSkipped, withDb, type Global } from './io.js';

/** "; 3 scoring below 0.3 left out (…)" for the tmx line, said only when the cut left some out. */
export function leftOut(summary: ExportSummary): string {
  if (summary.belowMinScore === 0 || summary.minScore === null) return '';
  return `; ${plural(summary.belowMinScore, 'unit')} scoring below ${summary.minScore} left out, --min-score 0 keeps them`;
}

export function runCommand(cli: Argv<Global>): void {
  cli.command(
    'run <dir>',
    'the whole pipeline: ingest → match → align → check → TMX, results next to --db',
    (y) => y.positional('dir', { type: 'string', demandOption: true, describe: 'folder of documents' })
      .option('dict', { type: 'string', describe: 'user dictionary, one en<TAB>ru pair a line' })
      .option('tmx', { type: 'string', describe: 'where to write the TMX (default: next to --db)' })
      .option('min-score', { type: 'string', requiresArg: true, describe: `leave pairs scoring below out of the TMX (default ${DEFAULT_TM_MIN_SCORE}; 0 keeps all)` }),
    (args) => {
      checkDocumentFolder(args.dir);
      if (args.tmx !== undefined) {
        checkOutputFile(args.tmx);
        // Before the pipeline runs, not after: the TMX must not replace the database it is written from.
        refuseDatabaseFile(args.db, args.tmx);
      }
      const minScore = parseScore(args.minScore, 'min-score');
      const dictionary = args.dict === undefined ? undefined : readDictionary(args.dict);
      const summary = withDb(args, (db) => run(db, args.dir, args.db, { dictionary, tmx: args.tmx, minScore }), 'create');
      reportSkipped(summary.ingest);
      if (args.json) return out(JSON.stringify(summary));
      out(`documents   ${summary.ingest.files} files (${summary.ingest.added} new, ${summary.ingest.updated} changed, ${summary.ingest.unchanged} unchanged, ${summary.ingest.skipped.length} skipped${goneOrMoved(summary.ingest)}): ${counts(summary.ingest.languages)}`);
      out(`pairs       ${plural(summary.match.pairs, 'English–Russian document pair')} (${summary.match.english} en, ${summary.match.russian} ru documents)`);
      if (summary.match.duplicates.length > 0) out(`duplicates  ${duplicatesLine(summary.match.duplicates)}`);
      out(`aligned     ${plural(summary.align.aligned, 'pair')} aligned now, ${plural(summary.align.units, 'unit')}${summary.align.units ? ` (${counts(summary.align.beads)})` : ''}`);
      out(`flagged     ${plural(summary.check.flagged, 'unit')} with discrepancies`);
      out(`database    ${summary.db}`);
      out(`tmx         ${summary.export.files.join(', ')} (${summary.export.units} translation units${leftOut(summary.export)})`);
    },
  );
}
