/** `palign docs` and `palign show`: what the store holds, a document or a pair at a time. */
import type { Argv } from 'yargs';
import { roundScore } from '../export/text.js';
import { PalignError } from '../errors.js';
import { sideBySide, table, truncate } from '../format.js';
import { listDocuments, type StoredDocument } from '../store/documents.js';
import type { Db } from '../store/open.js';
import { getPair, listPairs, type StoredPair } from '../store/pairs.js';
import { listFlags, listUnits } from '../store/units.js';
import { documentNamed, out, pairOf, terminalWidth, withDb, type Global } from './io.js';

/** What `docs --json` prints per document (and `show PATH --json`, with `text`, for a document shown as such). */
export interface DocumentJson {
  path: string;
  lang: string;
  confidence: number;
  mixed: boolean;
  title: string | null;
  date: string | null;
  chars: number;
  encoding: string;
  stripped: StoredDocument['stripped'];
  /** The counterpart's path, or null when the document is not paired. */
  pair: string | null;
}

/** Digits of the language confidence in JSON: more would be noise from the detector. */
const CONFIDENCE_DIGITS = 3;

/** A stored document in its documented JSON shape; the store's own fields (id, root, sha256) stay inside. */
export function documentJson(doc: StoredDocument, pairs: ReadonlyMap<number, StoredPair>): DocumentJson {
  const p = pairs.get(doc.id);
  const pair = p ? (p.enId === doc.id ? p.ruPath : p.enPath) : null;
  return {
    path: doc.path, lang: doc.lang, confidence: Number(doc.langConfidence.toFixed(CONFIDENCE_DIGITS)), mixed: doc.mixed,
    title: doc.title, date: doc.date, chars: doc.text.length, encoding: doc.encoding, stripped: doc.stripped, pair,
  };
}

/** Shows one aligned pair side by side with scores and flags. */
export function showPair(db: Db, pair: StoredPair, json: boolean): void {
  const units = listUnits(db, pair.id);
  const flags = listFlags(db, pair.id);
  if (json) {
    for (const u of units) {
      out(JSON.stringify({ pair: pair.id, idx: u.idx, bead: u.bead, score: roundScore(u.score), en: u.en, ru: u.ru, flags: flags.filter((f) => f.unitId === u.id).map(({ unitId: _, ...f }) => f) }));
    }
    return;
  }
  const width = Math.floor((terminalWidth() - 14) / 2);
  out(`pair ${pair.id}: ${pair.enPath} ↔ ${pair.ruPath}  (match score ${pair.score.toFixed(2)}${pair.manual ? ', manual' : ''})`);
  if (units.length === 0) out('not aligned yet: run palign align');
  for (const u of units) {
    out(sideBySide(`${u.bead} ${u.score.toFixed(2)}`, u.en, u.ru, width));
    for (const f of flags.filter((x) => x.unitId === u.id)) out(`${''.padEnd(10)}! ${f.severity} ${f.kind}: ${f.message}`);
  }
}

export function docsCommand(cli: Argv<Global>): void {
  cli.command(
    'docs',
    'list the documents: language, confidence, title, date, size, pair',
    (y) => y,
    (args) =>
      withDb(args, (db) => {
        const pairs = pairOf(listPairs(db));
        const docs = listDocuments(db);
        const rows = docs.map((d) => documentJson(d, pairs));
        if (args.json) return rows.forEach((r) => out(JSON.stringify(r)));
        out(table(['PATH', 'LANG', 'CONF', 'DATE', 'CHARS', 'TITLE', 'PAIR'], rows.map((r) => [r.path, r.lang + (r.mixed ? '*' : ''), r.confidence.toFixed(2), r.date ?? '', String(r.chars), r.title ?? '', r.pair ?? '']), [40, 0, 0, 0, 0, 50, 40]));
        if (rows.some((r) => r.mixed)) out('* mixed: paragraphs in more than one language');
      }),
  );
}

export function showCommand(cli: Argv<Global>): void {
  cli.command(
    'show <target>',
    'one document (its metadata, what cleaning stripped, its text) or, when aligned, its pair side by side with scores and flags; a number is a pair id',
    (y) => y.positional('target', { type: 'string', demandOption: true, describe: 'document path or pair id' })
      .option('text', { type: 'boolean', default: false, describe: 'show the cleaned text even when the document is aligned' }),
    (args) =>
      withDb(args, (db) => {
        if (/^\d+$/.test(args.target)) {
          const pair = getPair(db, Number(args.target));
          if (!pair) throw new PalignError(`pair ${args.target}: no such pair (see 'palign stats' or 'palign docs')`);
          return showPair(db, pair, args.json);
        }
        const doc = documentNamed(db, args.target);
        const pairs = pairOf(listPairs(db));
        const pair = pairs.get(doc.id);
        if (pair?.aligned && !args.text) return showPair(db, pair, args.json);
        if (args.json) return out(JSON.stringify({ ...documentJson(doc, pairs), text: doc.text }));
        out(`${doc.path}  ${doc.lang} (${doc.langConfidence.toFixed(2)}${doc.mixed ? ', mixed' : ''})  ${doc.encoding}  ${doc.date ?? 'no date'}`);
        out(`title: ${doc.title ?? '(none)'}`);
        for (const s of doc.stripped) out(`stripped ${s.kind}: ${truncate(s.text.replace(/\s+/g, ' '), terminalWidth() - 20)}`);
        out('');
        out(doc.text);
      }),
  );
}
