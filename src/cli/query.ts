/** `palign query` and `palign stats`: concordance and corpus figures. */
import type { Argv } from 'yargs';
import { roundScore } from '../export/text.js';
import { lastValue } from './options.js';
import { PalignError } from '../errors.js';
import { codePointHits, kwic } from '../query.js';
import { search } from '../store/search.js';
import { corpusStats } from '../store/stats.js';
import { counts, documentNamed, EXIT_USAGE, out, parseCount, parseScore, terminalWidth, withDb, type Global } from './io.js';

/**
 * The text a user searches for: the words given, `--text`, and everything after `--` (so that
 * `palign query -- -year-old` searches for `-year-old`), joined by spaces. None is bad usage.
 */
export function queryText(args: { terms?: unknown; text?: unknown; '--'?: unknown }): string {
  const words = [args.terms, args.text, args['--']].flatMap((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])).map(String);
  const text = words.join(' ').trim();
  if (text === '') throw new PalignError(`query: give the text to search for (palign query KAMAZ; text starting with - after --: palign query -- -year-old)`, EXIT_USAGE);
  return text;
}

export function queryCommand(cli: Argv<Global>): void {
  cli.command(
    'query [terms..]',
    'concordance: aligned pairs whose English or Russian side contains TEXT (words, prefixes, substrings, or FTS5 syntax); text starting with - goes after -- or in --text',
    (y) => y.positional('terms', { type: 'string', array: true, describe: 'the text to search for' })
      .option('text', { type: 'string', requiresArg: true, describe: 'the text to search for, also when it starts with - (--text -year-old)' })
      .option('lang', { type: 'string', coerce: lastValue, requiresArg: true, choices: ['en', 'ru', 'any'], default: 'any', describe: 'which side to search' })
      .option('doc', { type: 'string', coerce: lastValue, requiresArg: true, describe: 'only the pair of this document' })
      .option('min-score', { type: 'string', coerce: lastValue, requiresArg: true, describe: 'only pairs scoring at least this' })
      .option('limit', { type: 'string', coerce: lastValue, requiresArg: true, default: '20', describe: 'at most this many results' }),
    (args) =>
      withDb(args, (db) => {
        const limit = parseCount(args.limit, 'limit');
        const text = queryText(args);
        const docId = args.doc === undefined ? undefined : documentNamed(db, args.doc).id;
        const hits = search(db, text, { lang: args.lang as 'en' | 'ru' | 'any', docId, minScore: parseScore(args.minScore, 'min-score'), limit });
        if (args.json) {
          for (const h of hits) out(JSON.stringify({ en: h.en.text, ru: h.ru.text, score: roundScore(h.score), bead: h.bead, en_doc: h.enDoc, ru_doc: h.ruDoc, pair: h.pairId, unit: h.unitId, en_hits: codePointHits(h.en), ru_hits: codePointHits(h.ru) }));
          return;
        }
        const color = process.stdout.isTTY === true;
        const mark = (s: string) => (color ? `\x1b[1;33m${s}\x1b[0m` : `[${s}]`);
        const width = terminalWidth() - 6;
        for (const h of hits) {
          out(`${h.enDoc} ↔ ${h.ruDoc}  ${h.bead}  score ${h.score.toFixed(2)}`);
          out(`  en  ${kwic(h.en, width, mark)}`);
          out(`  ru  ${kwic(h.ru, width, mark)}`);
        }
        if (hits.length === 0) out(`no aligned pair contains ${JSON.stringify(text)}`);
      }),
  );
}

export function statsCommand(cli: Argv<Global>): void {
  cli.command(
    'stats',
    'corpus figures: documents per language, pairs, units per bead shape, score histogram, flags',
    (y) => y,
    (args) =>
      withDb(args, (db) => {
        const s = corpusStats(db);
        if (args.json) return out(JSON.stringify(s));
        out(`documents  ${counts(s.documents)}`);
        out(`pairs      ${s.pairs} (${s.aligned} aligned)`);
        out(`units      ${s.units}: ${counts(s.beads)}`);
        out(`flags      ${counts(s.flags)}`);
        out('scores');
        const max = Math.max(1, ...Object.values(s.scores));
        for (const [k, n] of Object.entries(s.scores)) out(`  ${k}–${(Number(k) + 0.1).toFixed(1)}  ${String(n).padStart(6)}  ${'█'.repeat(Math.ceil((n / max) * 40))}`);
      }),
  );
}
