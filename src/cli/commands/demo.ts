import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { assess } from '../../core/index.js';
import type { ReportFormat } from '../../reporters/index.js';
import { loadSnapshotsOrExit, prepareAssessment } from '../assess-inputs.js';
import { useColor } from '../io/color.js';
import { PACKAGE_ROOT } from '../io/tool.js';
import { REPORT_FORMATS } from '../options.js';
import { emitReport, renderReport, writeAllReports } from '../render.js';
import { writeEvidencePack } from './evidence.js';

/** The bundled sample company: a fictitious SaaS vendor with a live snapshot, templates and an ftr.yaml. */
export const DEMO_DIR = fileURLToPath(new URL('demo/brightwave/', PACKAGE_ROOT));

export function demoSnapshotPaths(): string[] {
  const dir = `${DEMO_DIR}snapshots/`;
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => dir + name);
}

export function demoInput() {
  return prepareAssessment({ attestations: `${DEMO_DIR}ftr.yaml`, attestationsDisplayPath: 'demo/brightwave/ftr.yaml' }, loadSnapshotsOrExit(demoSnapshotPaths()));
}

export function demoAssessment() {
  return assess(demoInput());
}

export function demoCommand(): Command {
  return new Command('demo')
    .summary('run the whole pipeline on a bundled sample company (no AWS account needed)')
    .description('Assess Brightwave Analytics, a fictitious SaaS vendor bundled with ftr-ready: a scanned two-Region account, its templates and its ftr.yaml. Prints the summary and writes every report to --out-dir.')
    .addOption(new Option('--out-dir <dir>', 'folder for all the reports').default('./ftr-demo-output/'))
    .addOption(new Option('-f, --format <format>', 'write only this report (to --out, or stdout)').choices(REPORT_FORMATS))
    .option('-o, --out <file>', 'with --format: the file to write')
    .option('--evidence <pack.zip>', 'also write the evidence pack of the sample company')
    .action((options: { outDir: string; format?: ReportFormat; out?: string; evidence?: string }) => {
      const input = demoInput();
      const assessment = assess(input);
      if (options.evidence !== undefined) writeEvidencePack(input, assessment, options.evidence);
      if (options.format !== undefined) {
        emitReport(assessment, options.format, options.out);
        return;
      }
      process.stdout.write(renderReport(assessment, 'terminal', useColor(process.stdout)));
      const written = writeAllReports(assessment, options.outDir);
      process.stderr.write(`\nreports written to ${options.outDir}: ${written.map((w) => w.split('/').pop()).join(', ')}\n`);
    });
}
