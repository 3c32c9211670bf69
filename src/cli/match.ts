/** `palign match`, `pair` and `unpair`: document pairs and the user's overrides. */
import type { Argv } from 'yargs';
import { explain, match } from '../pipeline/match.js';
import { findDocument } from '../store/documents.js';
import { setManualPair, setUnpaired } from '../store/pairs.js';
import { out, parseScore, warn, withDb, type Global } from './io.js';

export function matchCommand(cli: Argv<Global>): void {
  cli.command(
    'match',
    'pair English and Russian documents that tell the same story',
    (y) => y.option('explain', { type: 'string', describe: 'say why documents were or were not paired (all, or the one at PATH)' })
      .option('threshold', { type: 'number', describe: 'minimum pair score (0..1)' }),
    (args) =>
      withDb(args, (db) => {
        const threshold = parseScore(args.threshold, 'threshold');
        if (args.explain !== undefined) {
          for (const e of explain(db, args.explain === '' ? undefined : args.explain, threshold)) out(args.json ? JSON.stringify(e) : `${e.path}: ${e.reason}`);
          return;
        }
        const summary = match(db, { threshold });
        out(args.json ? JSON.stringify(summary) : `${summary.pairs} pairs (${summary.manual} manual) from ${summary.english} English and ${summary.russian} Russian documents; ${summary.added} new, ${summary.removed} dropped`);
      }),
  );
}

export function pairCommand(cli: Argv<Global>): void {
  cli.command(
    'pair <en> <ru>',
    'pair two documents by hand; survives re-runs of match',
    (y) => y.positional('en', { type: 'string', demandOption: true }).positional('ru', { type: 'string', demandOption: true }),
    (args) =>
      withDb(args, (db) => {
        const en = findDocument(db, args.en);
        const ru = findDocument(db, args.ru);
        if (en.lang !== 'en' || ru.lang !== 'ru') warn(`note: detected languages are ${en.path} ${en.lang}, ${ru.path} ${ru.lang}; pairing as asked`);
        db.transaction(() => setManualPair(db, en.path, ru.path))();
        const summary = match(db);
        out(args.json ? JSON.stringify({ en: en.path, ru: ru.path, pairs: summary.pairs }) : `paired ${en.path} with ${ru.path}`);
      }),
  );
}

export function unpairCommand(cli: Argv<Global>): void {
  cli.command(
    'unpair <path>',
    'keep a document out of any pair; survives re-runs of match',
    (y) => y.positional('path', { type: 'string', demandOption: true }),
    (args) =>
      withDb(args, (db) => {
        const doc = findDocument(db, args.path);
        db.transaction(() => setUnpaired(db, doc.path))();
        const summary = match(db);
        out(args.json ? JSON.stringify({ unpaired: doc.path, pairs: summary.pairs }) : `${doc.path} stays unpaired`);
      }),
  );
}
