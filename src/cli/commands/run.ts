import { Command } from 'commander';
import { assess, loadSnapshot } from '../../core/index.js';
import { prepareAssessment } from '../assess-inputs.js';
import { addAssessOptions } from '../options.js';
import { writeFileAtomic } from '../io/write-output.js';
import { runScan, type ScanFlags } from '../scan/run-scan.js';
import { addScanOptions } from '../scan/scan-options.js';
import { finishReport, type ReportFlags } from './assess.js';
import { createHash } from 'node:crypto';

export function runCommand(): Command {
  return addAssessOptions(
    addScanOptions(
      new Command('run').summary('scan + assess in one go (the everyday command for accounts)').description('Scan the account, then assess it against the FTR checklist with ftr.yaml, and report.'),
    ).option('--snapshot-out <file>', 'also keep the snapshot'),
  )
    .action(async (options: ScanFlags & ReportFlags & { snapshotOut?: string; attestations?: string; checklist?: string }) => {
      const snapshot = await runScan(options);
      const text = `${JSON.stringify(snapshot)}\n`;
      if (options.snapshotOut) {
        writeFileAtomic(options.snapshotOut, text);
        const reloaded = loadSnapshot(options.snapshotOut);
        if (!reloaded.value) throw new Error('the snapshot just written does not load back');
      }
      const loaded = { path: options.snapshotOut ?? '(scan)', sha256: createHash('sha256').update(text).digest('hex'), snapshot };
      finishReport(assess(prepareAssessment(options, [loaded])), options);
    });
}
