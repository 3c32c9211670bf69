/** `palign check`: discrepancy checks, as lines, JSON or an HTML report. */
import type { Argv } from 'yargs';
import { atLeast, CHECK_KINDS, DEFAULT_LENGTH_Z, SEVERITIES, type CheckKind, type Severity } from '../check/index.js';
import { DEFAULT_MIN_SCORE } from '../check/omissions.js';
import { PalignError } from '../errors.js';
import { check, checkReport } from '../pipeline/check.js';
import { listPairs } from '../store/pairs.js';
import { listFlags } from '../store/units.js';
import { counts, EXIT_USAGE, out, parseNumber, parseScore, plural, warn, withDb, writeFile, type Global } from './io.js';

/**
 * The check kinds `--disable` names (repeated, or comma-separated: `--disable length,quotes`);
 * an unknown or missing kind is bad usage, said in one line.
 */
export function parseKinds(values: readonly unknown[] | undefined): CheckKind[] | undefined {
  if (values === undefined) return undefined;
  const kinds = values.flatMap((v) => String(v).split(',')).map((k) => k.trim()).filter(Boolean);
  if (kinds.length === 0) throw new PalignError(`--disable: name a check: ${CHECK_KINDS.join(', ')}`, EXIT_USAGE);
  const unknown = kinds.find((k) => !(CHECK_KINDS as readonly string[]).includes(k));
  if (unknown !== undefined) throw new PalignError(`--disable: no check called ${unknown}; the checks are ${CHECK_KINDS.join(', ')}`, EXIT_USAGE);
  return kinds as CheckKind[];
}

/** `--length-z`: a z-score above 0 (at 0 or below every pair would be flagged). */
export function parseLengthZ(value: unknown): number | undefined {
  const z = parseNumber(value, 'length-z');
  if (z !== undefined && z <= 0) throw new PalignError(`--length-z: expected a number above 0, got ${String(value).trim()}`, EXIT_USAGE);
  return z;
}

/** `--severity`: one of SEVERITIES; anything else is bad usage, said in one line. */
export function parseSeverity(value: unknown): Severity {
  const level = String(value ?? 'info').trim();
  if (!(SEVERITIES as readonly string[]).includes(level)) throw new PalignError(`--severity: expected ${SEVERITIES.join(', ')}, got ${level || '(nothing given)'}`, EXIT_USAGE);
  return level as Severity;
}

/** `--html`: a file to write; an empty path is bad usage, not a failed write. */
function parseHtmlPath(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const file = String(value);
  if (file.trim() === '') throw new PalignError('--html: give the file to write the report to', EXIT_USAGE);
  return file;
}

export function checkCommand(cli: Argv<Global>): void {
  cli.command(
    'check',
    'flag translation discrepancies: numbers, names, omissions, length, untranslated text, quotes, URLs',
    (y) => y.option('html', { type: 'string', requiresArg: true, describe: 'also write a side-by-side HTML report here' })
      .option('disable', { type: 'array', string: true, describe: `checks to turn off (repeatable, or comma-separated): ${CHECK_KINDS.join(', ')}` })
      .option('min-score', { type: 'string', requiresArg: true, describe: `pairs scoring below are flagged low-score (0..1, default ${DEFAULT_MIN_SCORE})` })
      .option('length-z', { type: 'string', requiresArg: true, describe: `length ratio z-score above which a pair is flagged (above 0, default ${DEFAULT_LENGTH_Z})` })
      .option('severity', { type: 'string', requiresArg: true, default: 'info', describe: `list (and report) flags of this severity or more serious (${SEVERITIES.join(', ')}); all are stored` }),
    (args) => {
      // Options are read before the database is opened: bad usage is exit 2 whatever the database.
      const html = parseHtmlPath(args.html);
      const least = parseSeverity(args.severity);
      const options = { force: true, disabled: parseKinds(args.disable), minScore: parseScore(args.minScore, 'min-score'), lengthZ: parseLengthZ(args.lengthZ) };
      withDb(args, (db) => {
        const summary = check(db, options);
        const matched = listPairs(db);
        const pairs = matched.filter((p) => p.aligned);
        // Matched pairs are only checked once aligned: say so rather than report them clean.
        const waiting = matched.length - pairs.length;
        if (waiting > 0) warn(`${waiting} matched ${waiting === 1 ? 'pair is' : 'pairs are'} not aligned yet, so not checked: run palign align (or palign run)`);
        const listed = (pairId: number) => listFlags(db, pairId).filter((f) => atLeast(f.severity, least));
        if (html !== undefined) writeFile(html, checkReport(db, least));
        if (args.json) {
          for (const p of pairs) for (const f of listed(p.id)) out(JSON.stringify({ pair: p.id, en_doc: p.enPath, ru_doc: p.ruPath, unit: f.unitId, kind: f.kind, severity: f.severity, message: f.message, en: f.en, ru: f.ru }));
          return;
        }
        const units = new Set<number>();
        const kinds: Record<string, number> = {};
        const listings = pairs.map((p) => ({ p, flags: listed(p.id) }));
        // Unit ids padded to the longest, so severity, kind and message stay in columns past unit 9.
        const idWidth = listings.reduce((w, { flags }) => flags.reduce((v, f) => Math.max(v, String(f.unitId).length), w), 0);
        for (const { p, flags } of listings) {
          if (flags.length) out(`${p.enPath} ↔ ${p.ruPath}`);
          for (const f of flags) {
            out(`  unit ${String(f.unitId).padEnd(idWidth)}  ${f.severity.padEnd(7)} ${f.kind.padEnd(12)} ${f.message}`);
            units.add(f.unitId);
            kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
          }
        }
        const scope = least === 'info' ? '' : ` at ${least} or above (${summary.flagged} with any flag)`;
        out(`${plural(units.size, 'unit')} flagged${scope} in ${plural(pairs.length, 'pair')}${units.size ? `: ${counts(kinds)}` : ''}${html !== undefined ? `; report: ${html}` : ''}`);
      }, 'write');
    },
  );
}
