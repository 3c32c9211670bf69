/** `palign run`: the whole pipeline with a short summary. */
import type { Argv } from 'yargs';
import { readDictionary } from '../pipeline/align.js';
import { run } from '../pipeline/run.js';
import { checkOutputFile } from '../pipeline/export.js';
import { checkDocumentFolder } from '../pipeline/files.js';
import { counts, duplicatesLine, goneOrMoved, out, reportSkipped, withDb, type Global } from './io.js';

export function runCommand(cli: Argv<Global>): void {
  cli.command(
    'run <dir>',
    'the whole pipeline: ingest → match → align → check → TMX, results next to --db',
    (y) => y.positional('dir', { type: 'string', demandOption: true, describe: 'folder of documents' })
      .option('dict', { type: 'string', describe: 'user dictionary, one en<TAB>ru pair a line' })
      .option('tmx', { type: 'string', describe: 'where to write the TMX (default: next to --db)' }),
    (args) => {
      checkDocumentFolder(args.dir);
      if (args.tmx !== undefined) checkOutputFile(args.tmx);
      const dictionary = args.dict === undefined ? undefined : readDictionary(args.dict);
      const summary = withDb(args, (db) => run(db, args.dir, args.db, { dictionary, tmx: args.tmx }), 'create');
      reportSkipped(summary.ingest);
      if (args.json) return out(JSON.stringify(summary));
      out(`documents   ${summary.ingest.files} files (${summary.ingest.added} new, ${summary.ingest.updated} changed, ${summary.ingest.unchanged} unchanged, ${summary.ingest.skipped.length} skipped${goneOrMoved(summary.ingest)}): ${counts(summary.ingest.languages)}`);
      out(`pairs       ${summary.match.pairs} English–Russian document pairs (${summary.match.english} en, ${summary.match.russian} ru documents)`);
      if (summary.match.duplicates.length > 0) out(`duplicates  ${duplicatesLine(summary.match.duplicates)}`);
      out(`aligned     ${summary.align.aligned} pairs aligned now, ${summary.align.units} units${summary.align.units ? ` (${counts(summary.align.beads)})` : ''}`);
      out(`flagged     ${summary.check.flagged} units with discrepancies`);
      out(`database    ${summary.db}`);
      out(`tmx         ${summary.export.files.join(', ')} (${summary.export.units} translation units)`);
    },
  );
}
