/** `palign match`, `pair` and `unpair`: document pairs and the user's overrides. */
import type { Argv } from 'yargs';
import { DEFAULT_THRESHOLD } from '../match/index.js';
import { explain, match } from '../pipeline/match.js';
import { PalignError } from '../errors.js';
import type { StoredDocument } from '../store/documents.js';
import { setManualPair, setUnpaired } from '../store/pairs.js';
import type { Lang } from '../types.js';
import { documentNamed, duplicatesLine, EXIT_USAGE, out, parseScore, plural, withDb, type Global } from './io.js';

export function matchCommand(cli: Argv<Global>): void {
  cli.command(
    'match',
    'pair English and Russian documents that tell the same story',
    (y) => y.option('explain', { type: 'string', describe: 'say why documents were or were not paired (all, or the one at PATH)' })
      .option('threshold', { type: 'string', requiresArg: true, describe: `minimum pair score (0..1, default ${DEFAULT_THRESHOLD})` }),
    (args) =>
      withDb(args, (db) => {
        const threshold = parseScore(args.threshold, 'threshold');
        if (args.explain !== undefined) {
          for (const e of explain(db, args.explain === '' ? undefined : args.explain, threshold)) out(args.json ? JSON.stringify(e) : `${e.path}: ${e.reason}`);
          return;
        }
        const summary = match(db, { threshold });
        out(args.json ? JSON.stringify(summary) : `${plural(summary.pairs, 'pair')} (${summary.manual} manual) from ${summary.english} English and ${summary.russian} Russian documents; ${summary.added} new, ${summary.removed} dropped${summary.duplicates.length > 0 ? `; ${duplicatesLine(summary.duplicates)}` : ''}`);
      }, args.explain === undefined ? 'write' : 'read'),
  );
}

/** Language names for messages. */
const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', ru: 'Russian', be: 'Belarusian', uk: 'Ukrainian', und: 'undetermined' };

/** `a.txt is Belarusian (be)`: a document and its detected language, for messages. */
function described(doc: StoredDocument): string {
  return `${doc.path} is ${LANGUAGE_NAMES[doc.lang]} (${doc.lang})`;
}

/**
 * The English and the Russian document of a manual pair, given in either order. Anything else is
 * a usage error naming the document whose language does not fit: only English–Russian pairs are
 * matched, aligned and exported.
 */
export function orderPair(a: StoredDocument, b: StoredDocument): { en: StoredDocument; ru: StoredDocument } {
  const wanted = 'pair takes one English and one Russian document';
  const other = [a, b].find((d) => d.lang !== 'en' && d.lang !== 'ru');
  if (other) throw new PalignError(`pair: ${described(other)}; ${wanted}`, EXIT_USAGE);
  if (a.id === b.id) throw new PalignError(`pair: ${a.path} given twice; ${wanted}`, EXIT_USAGE);
  if (a.lang === b.lang) throw new PalignError(`pair: ${a.path} and ${b.path} are both ${LANGUAGE_NAMES[a.lang]} (${a.lang}); ${wanted}`, EXIT_USAGE);
  return a.lang === 'en' ? { en: a, ru: b } : { en: b, ru: a };
}

export function pairCommand(cli: Argv<Global>): void {
  cli.command(
    'pair <en> <ru>',
    'pair an English and a Russian document by hand (either order); survives re-runs of match',
    (y) => y.positional('en', { type: 'string', demandOption: true, describe: 'one document: its path, or a unique end of it' })
      .positional('ru', { type: 'string', demandOption: true, describe: 'the other document (English and Russian in either order)' }),
    (args) =>
      withDb(args, (db) => {
        const { en, ru } = orderPair(documentNamed(db, args.en), documentNamed(db, args.ru));
        db.transaction(() => setManualPair(db, en.path, ru.path))();
        const summary = match(db);
        out(args.json ? JSON.stringify({ en: en.path, ru: ru.path, pairs: summary.pairs }) : `paired ${en.path} with ${ru.path}`);
      }, 'write'),
  );
}

export function unpairCommand(cli: Argv<Global>): void {
  cli.command(
    'unpair <path>',
    'keep a document out of any pair; survives re-runs of match',
    (y) => y.positional('path', { type: 'string', demandOption: true, describe: 'the document: its path, or a unique end of it' }),
    (args) =>
      withDb(args, (db) => {
        const doc = documentNamed(db, args.path);
        db.transaction(() => setUnpaired(db, doc.path))();
        const summary = match(db);
        out(args.json ? JSON.stringify({ unpaired: doc.path, pairs: summary.pairs }) : `${doc.path} stays unpaired`);
      }, 'write'),
  );
}
