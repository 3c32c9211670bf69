/** `palign ingest`: read a folder into the store. */
import type { Argv } from 'yargs';
import { ingest, type IngestSummary } from '../pipeline/ingest.js';
import { checkDocumentFolder } from '../pipeline/files.js';
import { counts, out, reportSkipped, withDb, type Global } from './io.js';

function ingestLine(s: IngestSummary): string {
  return `ingested ${s.files} files from ${s.root}: ${s.added} new, ${s.updated} changed, ${s.unchanged} unchanged, ${s.renamed} renamed, ${s.removed} removed, ${s.skipped.length} skipped; documents by language: ${counts(s.languages)}`;
}


export function ingestCommand(cli: Argv<Global>): void {
  cli.command(
    'ingest <dir>',
    'read a folder of .txt/.md/.html documents: decode, clean, detect language, store',
    (y) => y.positional('dir', { type: 'string', demandOption: true, describe: 'folder of documents' }),
    (args) => {
      checkDocumentFolder(args.dir);
      const summary = withDb(args, (db) => ingest(db, args.dir), 'create');
      reportSkipped(summary);
      out(args.json ? JSON.stringify(summary) : ingestLine(summary));
    },
  );
}
