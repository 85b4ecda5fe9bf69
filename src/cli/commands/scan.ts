import { Command } from 'commander';
import { emit } from '../io/write-output.js';
import { runScan, type ScanFlags } from '../scan/run-scan.js';
import { addScanOptions } from '../scan/scan-options.js';

export function scanCommand(): Command {
  return addScanOptions(
    new Command('scan')
      .summary('scan a live AWS account (read-only) into a snapshot')
      .description('Read the account with read-only AWS API calls and write a snapshot for `ftr assess`. Calls that are denied, throttled or unsupported are recorded, and the requirements that need them become unknown — never compliant.'),
  )
    .option('-o, --out <file>', 'write the snapshot here (default: stdout)')
    .addHelpText('after', '\nExamples:\n  ftr scan --regions us-east-1,eu-west-1 --out prod.json\n  ftr scan --profile prod --role-arn arn:aws:iam::123456789012:role/ftr-ready-scan --external-id $EXT --out prod.json')
    .action(async (options: ScanFlags & { out?: string }) => {
      const snapshot = await runScan(options);
      emit(`${JSON.stringify(snapshot)}\n`, options.out);
      if (options.out && !options.quiet) process.stderr.write(`wrote ${options.out}\n`);
    });
}
