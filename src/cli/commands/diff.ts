import { Command, Option } from 'commander';
import { diffAssessments, renderDiff, DIFF_FORMATS, type DiffFormat } from '../../reporters/diff.js';
import { useColor } from '../io/color.js';
import { ExitSignal, EXIT_GATE } from '../io/exit.js';
import { emit } from '../io/write-output.js';
import { outOption } from '../options.js';
import { loadAssessmentFile } from './plan.js';

export function diffCommand(): Command {
  return new Command('diff')
    .summary('what changed between two assessments')
    .description(
      'Compare two assessments (`ftr assess --format json`): findings fixed, regressed and new, requirement status changes, attestations that expired in between, a changed checklist version or catalog, and scope changes.',
    )
    .argument('<old>', 'the earlier assessment JSON')
    .argument('<new>', 'the later assessment JSON')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...DIFF_FORMATS]).default('terminal'))
    .addOption(outOption())
    .option('--fail-on-regression', 'exit 1 when a finding regressed or a requirement got worse (for CI)')
    .addHelpText('after', '\nExample:\n  ftr diff last-week.json today.json --format md --out changes.md --fail-on-regression')
    .action((oldPath: string, newPath: string, options: { format: DiffFormat; out?: string; failOnRegression?: boolean }) => {
      const diff = diffAssessments(loadAssessmentFile(oldPath), loadAssessmentFile(newPath));
      const color = options.out === undefined && options.format === 'terminal' && useColor(process.stdout);
      emit(renderDiff(diff, options.format, { color, width: process.stdout.columns ?? 100 }), options.out);
      if (options.out !== undefined) process.stderr.write(`wrote ${options.out}\n`);
      if (options.failOnRegression && diff.regressions > 0) {
        process.stderr.write(`gate reached: --fail-on-regression: ${diff.findings.regressed.length} finding(s) regressed, ${diff.regressions - diff.findings.regressed.length} requirement(s) got worse\n`);
        throw new ExitSignal(EXIT_GATE);
      }
    });
}
