import { Option, type Command } from 'commander';
import { GATE_STATUSES, SEVERITIES } from '../core/index.js';
import { reporters, type ReportFormat } from '../reporters/index.js';

export const REPORT_FORMATS = Object.keys(reporters) as ReportFormat[];

export const formatOption = (fallback: ReportFormat = 'terminal') =>
  new Option('-f, --format <format>', 'report format').choices(REPORT_FORMATS).default(fallback);
export const outOption = () => new Option('-o, --out <file>', 'write the report to a file instead of stdout');
export const checklistOption = () =>
  new Option('--checklist <name[@version]>', 'checklist to assess against, e.g. partner-hosted or partner-hosted@2026_02 (default: from ftr.yaml, else the newest valid partner-hosted)');
export const attestationsOption = () => new Option('-a, --attestations <file>', 'ftr.yaml with product facts, attestations and waivers (default: ./ftr.yaml when present)');
export const failOnOption = () =>
  new Option('--fail-on <status>', 'exit 1 when any requirement is at or past this status (partially_compliant < unknown < non_compliant)').choices([...GATE_STATUSES]);
export const failOnSeverityOption = () =>
  new Option('--fail-on-severity <level>', 'exit 1 when any unwaived failing finding has at least this severity').choices([...SEVERITIES]);

/** The options of every command that assesses and reports: ftr.yaml, checklist, format, output and CI gates. */
export function addAssessOptions(command: Command): Command {
  return command
    .addOption(attestationsOption())
    .addOption(checklistOption())
    .addOption(formatOption())
    .addOption(outOption())
    .addOption(failOnOption())
    .addOption(failOnSeverityOption());
}
