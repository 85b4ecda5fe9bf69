import type { Command } from 'commander';

/** The flags `ftr scan` and `ftr run` share. */
export function addScanOptions(command: Command): Command {
  return command
    .option('-r, --regions <list>', 'comma-separated Regions to scan (default: every Region enabled for the account)')
    .option('-p, --profile <name>', 'AWS profile (shared config, including SSO profiles); default: the standard credential chain')
    .option('--role-arn <arn>', 'assume this role in the account to scan (e.g. the role `ftr policy --format cloudformation` creates)')
    .option('--external-id <id>', 'external ID for --role-arn')
    .option('--endpoint-url <url>', 'send every call to this endpoint (an emulator such as moto); also read from AWS_ENDPOINT_URL')
    .option('--services <list>', 'only these services (comma-separated collector names, e.g. iam,s3,ec2)')
    .option('--concurrency <n>', 'at most this many API calls at once (default 16; fewer per service)')
    .option('-q, --quiet', 'no progress or summary on stderr');
}
