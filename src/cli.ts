/** The `palign` command line: a thin layer over the library; every command has `--help`. */
import fs from 'node:fs';
import yargs, { type Argv } from 'yargs';
import { scoreAlignment, parseGold } from './evaluate.js';
import { alignSentences } from './align/index.js';
import { EXPORT_FORMATS, isExportFormat, parseLangs } from './export/index.js';
import type { CheckKind } from './check/index.js';
import { ioError, PalignError } from './errors.js';
import { sideBySide, table, truncate } from './format.js';
import { align, readDictionary } from './pipeline/align.js';
import { alignFiles } from './pipeline/align-files.js';
import { check, checkReport } from './pipeline/check.js';
import { exportUnits } from './pipeline/export.js';
import { ingest, type IngestSummary } from './pipeline/ingest.js';
import { explain, match } from './pipeline/match.js';
import { defaultExportPath, run } from './pipeline/run.js';
import { kwic } from './query.js';
import { findDocument, listDocuments } from './store/documents.js';
import { DEFAULT_DB, openStore, type Db } from './store/open.js';
import { getPair, listPairs, setManualPair, setUnpaired, type StoredPair } from './store/pairs.js';
import { search } from './store/search.js';
import { corpusStats } from './store/stats.js';
import { listFlags, listUnits } from './store/units.js';
import { VERSION } from './version.js';

/** Exit codes: 0 success, 1 error, 2 bad usage, 3 done but some input files were skipped. */
const EXIT_ERROR = 1;
const EXIT_USAGE = 2;
const EXIT_SKIPPED = 3;

interface Global {
  db: string;
  json: boolean;
}

let exitCode = 0;

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function warn(line: string): void {
  process.stderr.write(`palign: ${line}\n`);
}

/** Opens the store for a command; read-only commands need it to exist already. */
function withDb<T>(args: Global, fn: (db: Db) => T, create = false): T {
  const db = openStore(args.db, { create });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Skipped files are warnings, one line each, and make the exit code 3. */
function reportSkipped(summary: IngestSummary): void {
  for (const s of summary.skipped) warn(`skipped ${s.path}: ${s.reason}`);
  if (summary.skipped.length > 0) exitCode = EXIT_SKIPPED;
}

function ingestLine(s: IngestSummary): string {
  const langs = Object.entries(s.languages).map(([l, n]) => `${l} ${n}`).join(', ');
  return `ingested ${s.files} files from ${s.root}: ${s.added} new, ${s.updated} changed, ${s.unchanged} unchanged, ${s.removed} removed, ${s.skipped.length} skipped; documents by language: ${langs || 'none'}`;
}

function pairOf(pairs: readonly StoredPair[]): Map<number, StoredPair> {
  const byDoc = new Map<number, StoredPair>();
  for (const p of pairs) {
    byDoc.set(p.enId, p);
    byDoc.set(p.ruId, p);
  }
  return byDoc;
}

function terminalWidth(): number {
  return Math.max(60, Math.min(process.stdout.columns ?? 120, 200));
}

/** Writes a whole file; an unwritable path is a one-line error naming it. */
function writeFile(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    throw ioError(file, 'write', error);
  }
}

function parseScore(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new PalignError(`--${name}: expected a number between 0 and 1, got ${JSON.stringify(value)}`);
  return n;
}

/** Shows one aligned pair side by side with scores and flags. */
function showPair(db: Db, pair: StoredPair, json: boolean): void {
  const units = listUnits(db, pair.id);
  const flags = listFlags(db, pair.id);
  if (json) {
    for (const u of units) {
      out(JSON.stringify({ pair: pair.id, idx: u.idx, bead: u.bead, score: u.score, en: u.en, ru: u.ru, flags: flags.filter((f) => f.unitId === u.id).map(({ unitId: _, ...f }) => f) }));
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

const KINDS: readonly CheckKind[] = ['number', 'name', 'omission', 'addition', 'low-score', 'length', 'untranslated', 'brackets', 'quotes', 'url'];

export async function main(argv: string[]): Promise<number> {
  exitCode = 0;
  const cli: Argv<Global> = yargs(argv)
    .scriptName('palign')
    .usage('$0 <command> [options]\n\nEnglish–Russian news articles in, a clean translation memory out.')
    .option('db', { type: 'string', default: DEFAULT_DB, describe: 'SQLite database file', global: true })
    .option('json', { type: 'boolean', default: false, describe: 'machine-readable output (JSON lines)', global: true })
    .strict()
    .demandCommand(1, 'give a command; palign --help lists them')
    .recommendCommands()
    .version(VERSION)
    .help()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new PalignError(message, EXIT_USAGE);
    });

  cli.command(
    'run <dir>',
    'the whole pipeline: ingest → match → align → check → TMX, results next to --db',
    (y) => y.positional('dir', { type: 'string', demandOption: true, describe: 'folder of documents' })
      .option('dict', { type: 'string', describe: 'user dictionary, one en<TAB>ru pair a line' })
      .option('tmx', { type: 'string', describe: 'where to write the TMX (default: next to --db)' }),
    (args) => {
      const dictionary = args.dict === undefined ? undefined : readDictionary(args.dict);
      const summary = withDb(args, (db) => run(db, args.dir, args.db, { dictionary, tmx: args.tmx }), true);
      reportSkipped(summary.ingest);
      if (args.json) return out(JSON.stringify(summary));
      const langs = Object.entries(summary.ingest.languages).map(([l, n]) => `${l} ${n}`).join(', ');
      out(`documents   ${summary.ingest.files} files (${summary.ingest.added} new, ${summary.ingest.updated} changed, ${summary.ingest.unchanged} unchanged, ${summary.ingest.skipped.length} skipped): ${langs || 'none'}`);
      out(`pairs       ${summary.match.pairs} English–Russian document pairs (${summary.match.english} en, ${summary.match.russian} ru documents)`);
      const beads = Object.entries(summary.align.beads).map(([b, n]) => `${b} ${n}`).join(', ');
      out(`aligned     ${summary.align.aligned} pairs aligned now, ${summary.align.units} units${beads ? ` (${beads})` : ''}`);
      out(`flagged     ${summary.check.flagged} units with discrepancies`);
      out(`database    ${summary.db}`);
      out(`tmx         ${summary.export.files.join(', ')} (${summary.export.units} translation units)`);
    },
  );

  cli.command(
    'ingest <dir>',
    'read a folder of .txt/.md/.html documents: decode, clean, detect language, store',
    (y) => y.positional('dir', { type: 'string', demandOption: true, describe: 'folder of documents' }),
    (args) => {
      const summary = withDb(args, (db) => ingest(db, args.dir), true);
      reportSkipped(summary);
      out(args.json ? JSON.stringify(summary) : ingestLine(summary));
    },
  );

  cli.command(
    'docs',
    'list the documents: language, confidence, title, date, size, pair',
    (y) => y,
    (args) =>
      withDb(args, (db) => {
        const pairs = pairOf(listPairs(db));
        const docs = listDocuments(db);
        const rows = docs.map((d) => {
          const p = pairs.get(d.id);
          const pair = p ? (p.enId === d.id ? p.ruPath : p.enPath) : null;
          return { path: d.path, lang: d.lang, confidence: Number(d.langConfidence.toFixed(3)), mixed: d.mixed, title: d.title, date: d.date, chars: d.text.length, encoding: d.encoding, stripped: d.stripped, pair };
        });
        if (args.json) return rows.forEach((r) => out(JSON.stringify(r)));
        out(table(['PATH', 'LANG', 'CONF', 'DATE', 'CHARS', 'TITLE', 'PAIR'], rows.map((r) => [r.path, r.lang + (r.mixed ? '*' : ''), r.confidence.toFixed(2), r.date ?? '', String(r.chars), r.title ?? '', r.pair ?? '']), [40, 0, 0, 0, 0, 50, 40]));
        if (rows.some((r) => r.mixed)) out('* mixed: paragraphs in more than one language');
      }),
  );

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
        const doc = findDocument(db, args.target);
        const pair = pairOf(listPairs(db)).get(doc.id);
        if (pair?.aligned && !args.text) return showPair(db, pair, args.json);
        if (args.json) return out(JSON.stringify({ ...doc, pair: pair ? (pair.enId === doc.id ? pair.ruPath : pair.enPath) : null }));
        out(`${doc.path}  ${doc.lang} (${doc.langConfidence.toFixed(2)}${doc.mixed ? ', mixed' : ''})  ${doc.encoding}  ${doc.date ?? 'no date'}`);
        out(`title: ${doc.title ?? '(none)'}`);
        for (const s of doc.stripped) out(`stripped ${s.kind}: ${truncate(s.text.replace(/\s+/g, ' '), terminalWidth() - 20)}`);
        out('');
        out(doc.text);
      }),
  );

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
        const beads = Object.entries(summary.beads).map(([b, n]) => `${b} ${n}`).join(', ');
        out(args.json ? JSON.stringify(summary) : `aligned ${summary.aligned} of ${summary.pairs} pairs: ${summary.units} units${beads ? ` (${beads})` : ''}`);
      }, true);
    },
  );

  cli.command(
    'check',
    'flag translation discrepancies: numbers, names, omissions, length, untranslated text, quotes, URLs',
    (y) => y.option('html', { type: 'string', describe: 'also write a side-by-side HTML report here' })
      .option('disable', { type: 'array', string: true, choices: KINDS, describe: 'checks to turn off' })
      .option('min-score', { type: 'number', describe: 'pairs scoring below are flagged low-score' })
      .option('length-z', { type: 'number', describe: 'length ratio z-score above which a pair is flagged' }),
    (args) =>
      withDb(args, (db) => {
        const summary = check(db, { force: true, disabled: args.disable as CheckKind[] | undefined, minScore: parseScore(args.minScore, 'min-score'), lengthZ: args.lengthZ });
        const pairs = listPairs(db).filter((p) => p.aligned);
        if (args.html !== undefined) writeFile(args.html, checkReport(db));
        if (args.json) {
          for (const p of pairs) for (const f of listFlags(db, p.id)) out(JSON.stringify({ pair: p.id, en_doc: p.enPath, ru_doc: p.ruPath, unit: f.unitId, kind: f.kind, severity: f.severity, message: f.message, en: f.en, ru: f.ru }));
          return;
        }
        for (const p of pairs) {
          const flags = listFlags(db, p.id);
          if (flags.length) out(`${p.enPath} ↔ ${p.ruPath}`);
          for (const f of flags) out(`  unit ${f.unitId}  ${f.severity.padEnd(7)} ${f.kind.padEnd(12)} ${f.message}`);
        }
        const kinds = Object.entries(summary.flags).map(([k, n]) => `${k} ${n}`).join(', ');
        out(`${summary.flagged} units flagged in ${pairs.length} pairs${kinds ? `: ${kinds}` : ''}${args.html ? `; report: ${args.html}` : ''}`);
      }),
  );

  cli.command(
    'export',
    'write the translation memory as TMX 1.4b, TSV, Moses or JSONL',
    (y) => y.option('format', { type: 'string', default: 'tmx', choices: EXPORT_FORMATS, describe: 'output format' })
      .option('out', { type: 'string', describe: 'output file (- for stdout); Moses: the stem of .en/.ru files' })
      .option('min-score', { type: 'number', describe: 'leave out pairs scoring below' })
      .option('dedupe', { type: 'boolean', default: false, describe: 'identical pairs once' })
      .option('doc', { type: 'string', describe: 'only the pair of this document' })
      .option('include-unaligned', { type: 'boolean', default: false, describe: 'also 1-0/0-1 units (TMX, TSV, JSONL)' })
      .option('langs', { type: 'string', describe: 'language codes for the two sides, e.g. en-US,ru-RU' }),
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
        const summary = exportUnits(db, {
          format, out: args.out ?? defaultExportPath(args.db, format === 'moses' ? 'moses' : format),
          minScore: parseScore(args.minScore, 'min-score'), dedupe: args.dedupe, doc: args.doc, includeUnaligned: args.includeUnaligned, langs,
        });
        const message = args.json ? JSON.stringify(summary) : `wrote ${summary.units} units to ${summary.files.join(', ')}`;
        if (summary.files.includes('-')) process.stderr.write(`${message}\n`);
        else out(message);
      }),
  );

  cli.command(
    'query <text..>',
    'concordance: aligned pairs whose English or Russian side contains TEXT (words, prefixes, substrings, or FTS5 syntax)',
    (y) => y.positional('text', { type: 'string', array: true, demandOption: true })
      .option('lang', { type: 'string', choices: ['en', 'ru', 'any'], default: 'any', describe: 'which side to search' })
      .option('doc', { type: 'string', describe: 'only the pair of this document' })
      .option('min-score', { type: 'number', describe: 'only pairs scoring at least this' })
      .option('limit', { type: 'number', default: 20, describe: 'at most this many results' }),
    (args) =>
      withDb(args, (db) => {
        const limit = Number(args.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new PalignError(`--limit: expected a positive whole number, got ${args.limit}`, EXIT_USAGE);
        const text = (args.text as string[]).join(' ');
        const docId = args.doc === undefined ? undefined : findDocument(db, args.doc).id;
        const hits = search(db, text, { lang: args.lang as 'en' | 'ru' | 'any', docId, minScore: parseScore(args.minScore, 'min-score'), limit });
        if (args.json) {
          for (const h of hits) out(JSON.stringify({ en: h.en.text, ru: h.ru.text, score: h.score, bead: h.bead, en_doc: h.enDoc, ru_doc: h.ruDoc, pair: h.pairId, unit: h.unitId, en_hits: h.en.hits, ru_hits: h.ru.hits }));
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

  cli.command(
    'stats',
    'corpus figures: documents per language, pairs, units per bead shape, score histogram, flags',
    (y) => y,
    (args) =>
      withDb(args, (db) => {
        const s = corpusStats(db);
        if (args.json) return out(JSON.stringify(s));
        const line = (r: Record<string, number>) => Object.entries(r).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
        out(`documents  ${line(s.documents)}`);
        out(`pairs      ${s.pairs} (${s.aligned} aligned)`);
        out(`units      ${s.units}: ${line(s.beads)}`);
        out(`flags      ${line(s.flags)}`);
        out('scores');
        const max = Math.max(1, ...Object.values(s.scores));
        for (const [k, n] of Object.entries(s.scores)) out(`  ${k}–${(Number(k) + 0.1).toFixed(1)}  ${String(n).padStart(6)}  ${'█'.repeat(Math.ceil((n / max) * 40))}`);
      }),
  );

  cli.command(
    'eval',
    'score an aligner on one-sentence-a-line files against a gold alignment ([i, j]:[k] a line)',
    (y) => y.option('src', { type: 'string', demandOption: true }).option('tgt', { type: 'string', demandOption: true }).option('gold', { type: 'string', demandOption: true }),
    (args) => {
      const read = (file: string) => {
        try {
          return fs.readFileSync(file, 'utf8');
        } catch (error) {
          throw ioError(file, 'read', error);
        }
      };
      const lines = (file: string) => read(file).replace(/\n$/, '').split('\n');
      const src = lines(args.src);
      const tgt = lines(args.tgt);
      let gold;
      try {
        gold = parseGold(read(args.gold));
      } catch (error) {
        throw new PalignError(`${args.gold}: ${(error as Error).message}`);
      }
      const beads = alignSentences(src, tgt);
      const scores = scoreAlignment(gold, beads);
      if (args.json) return out(JSON.stringify({ src: src.length, tgt: tgt.length, gold: gold.length, beads: beads.length, ...scores }));
      const f = (x: number) => x.toFixed(3);
      out(table(['', 'PRECISION', 'RECALL', 'F1'], [
        ['strict', f(scores.strict.precision), f(scores.strict.recall), f(scores.strict.f1)],
        ['lax', f(scores.lax.precision), f(scores.lax.recall), f(scores.lax.f1)],
      ]));
    },
  );

  try {
    await cli.parseAsync();
    return exitCode;
  } catch (error) {
    if (error instanceof PalignError) {
      warn(error.message);
      return error.exitCode;
    }
    warn(`internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT_ERROR;
  }
}
