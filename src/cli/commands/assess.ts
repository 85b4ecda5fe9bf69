import { Command } from 'commander';
import { assess } from '../../core/index.js';
import { prepareAssessment, loadSnapshotsOrExit } from '../assess-inputs.js';
import { gatesReached } from '../gates.js';
import { ExitSignal, EXIT_GATE } from '../io/exit.js';
import { addAssessOptions } from '../options.js';
import { emitReport } from '../render.js';
import type { ReportFormat } from '../../reporters/index.js';
import type { GateStatus, Severity } from '../../core/index.js';

export interface ReportFlags {
  format: ReportFormat;
  out?: string;
  failOn?: GateStatus;
  failOnSeverity?: Severity;
}

/** Writes the report, then applies the CI gates (exit 1 after the report is out). */
export function finishReport(assessment: Parameters<typeof emitReport>[0], flags: ReportFlags): void {
  emitReport(assessment, flags.format, flags.out);
  const gates = gatesReached(assessment, { failOn: flags.failOn, failOnSeverity: flags.failOnSeverity });
  if (gates.length > 0) {
    for (const gate of gates) process.stderr.write(`gate reached: ${gate}\n`);
    throw new ExitSignal(EXIT_GATE);
  }
}

export function assessCommand(): Command {
  return addAssessOptions(
    new Command('assess')
      .summary('snapshots + ftr.yaml → assessment, per FTR requirement')
    .description('Evaluate snapshots (from `ftr scan` or `ftr iac`) and the attestations in ftr.yaml against an FTR checklist, and report one status per requirement.')
      .requiredOption('-s, --snapshot <file...>', 'snapshot file(s) to assess together'),
  )
    .addHelpText('after', '\nExamples:\n  ftr assess --snapshot prod.json --format md --out ftr.md\n  ftr assess -s prod.json -s infra.json --fail-on non_compliant')
    .action((options: { snapshot: string[]; attestations?: string; checklist?: string } & ReportFlags) => {
      const snapshots = loadSnapshotsOrExit(options.snapshot);
      const assessment = assess(prepareAssessment(options, snapshots));
      finishReport(assessment, options);
    });
}
