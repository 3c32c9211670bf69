/** `palign check`: discrepancy checks, as lines, JSON or an HTML report. */
import type { Argv } from 'yargs';
import { atLeast, CHECK_KINDS, SEVERITIES, type CheckKind, type Severity } from '../check/index.js';
import { check, checkReport } from '../pipeline/check.js';
import { listPairs } from '../store/pairs.js';
import { listFlags } from '../store/units.js';
import { counts, out, parseNumber, parseScore, withDb, writeFile, type Global } from './io.js';

export function checkCommand(cli: Argv<Global>): void {
  cli.command(
    'check',
    'flag translation discrepancies: numbers, names, omissions, length, untranslated text, quotes, URLs',
    (y) => y.option('html', { type: 'string', describe: 'also write a side-by-side HTML report here' })
      .option('disable', { type: 'array', string: true, choices: CHECK_KINDS, describe: 'checks to turn off' })
      .option('min-score', { type: 'string', requiresArg: true, describe: 'pairs scoring below are flagged low-score' })
      .option('length-z', { type: 'string', requiresArg: true, describe: 'length ratio z-score above which a pair is flagged' })
      .option('severity', { type: 'string', choices: SEVERITIES, default: 'info', describe: 'list (and report) flags of this severity or more serious; all are stored' }),
    (args) =>
      withDb(args, (db) => {
        const summary = check(db, { force: true, disabled: args.disable as CheckKind[] | undefined, minScore: parseScore(args.minScore, 'min-score'), lengthZ: parseNumber(args.lengthZ, 'length-z') });
        const least = args.severity as Severity;
        const pairs = listPairs(db).filter((p) => p.aligned);
        const listed = (pairId: number) => listFlags(db, pairId).filter((f) => atLeast(f.severity, least));
        if (args.html !== undefined) writeFile(args.html, checkReport(db, least));
        if (args.json) {
          for (const p of pairs) for (const f of listed(p.id)) out(JSON.stringify({ pair: p.id, en_doc: p.enPath, ru_doc: p.ruPath, unit: f.unitId, kind: f.kind, severity: f.severity, message: f.message, en: f.en, ru: f.ru }));
          return;
        }
        const units = new Set<number>();
        const kinds: Record<string, number> = {};
        for (const p of pairs) {
          const flags = listed(p.id);
          if (flags.length) out(`${p.enPath} ↔ ${p.ruPath}`);
          for (const f of flags) {
            out(`  unit ${f.unitId}  ${f.severity.padEnd(7)} ${f.kind.padEnd(12)} ${f.message}`);
            units.add(f.unitId);
            kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
          }
        }
        const scope = least === 'info' ? '' : ` at ${least} or above (${summary.flagged} with any flag)`;
        out(`${units.size} units flagged${scope} in ${pairs.length} pairs${units.size ? `: ${counts(kinds)}` : ''}${args.html ? `; report: ${args.html}` : ''}`);
      }, 'write'),
  );
}
