/** `palign check`: discrepancy checks, as lines, JSON or an HTML report. */
import type { Argv } from 'yargs';
import { CHECK_KINDS, type CheckKind } from '../check/index.js';
import { check, checkReport } from '../pipeline/check.js';
import { listPairs } from '../store/pairs.js';
import { listFlags } from '../store/units.js';
import { counts, out, parseScore, withDb, writeFile, type Global } from './io.js';

export function checkCommand(cli: Argv<Global>): void {
  cli.command(
    'check',
    'flag translation discrepancies: numbers, names, omissions, length, untranslated text, quotes, URLs',
    (y) => y.option('html', { type: 'string', describe: 'also write a side-by-side HTML report here' })
      .option('disable', { type: 'array', string: true, choices: CHECK_KINDS, describe: 'checks to turn off' })
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
        out(`${summary.flagged} units flagged in ${pairs.length} pairs${summary.flagged ? `: ${counts(summary.flags)}` : ''}${args.html ? `; report: ${args.html}` : ''}`);
      }),
  );
}
