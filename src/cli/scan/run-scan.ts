import type { Snapshot } from '../../core/index.js';
import { failWith } from '../io/exit.js';
import { TOOL } from '../io/tool.js';
import { progressReporter } from './progress.js';

export interface ScanFlags {
  regions?: string;
  profile?: string;
  roleArn?: string;
  externalId?: string;
  endpointUrl?: string;
  services?: string;
  concurrency?: string;
  quiet?: boolean;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function parseList(value: string | undefined): string[] | undefined {
  const list = value?.split(',').map((v) => v.trim()).filter(Boolean);
  return list && list.length > 0 ? list : undefined;
}

/** Runs a live scan from the command-line flags; a scan that cannot start is a user error (exit 2). */
export async function runScan(flags: ScanFlags): Promise<Snapshot> {
  // The AWS SDK clients of ~50 services are loaded only when a scan runs, so every other command starts fast.
  const [{ collectors: allCollectors }, { ScanError, scanAccount }, { scanCredentials }] = await Promise.all([
    import('../../collectors/index.js'),
    import('../../collectors/framework/scan.js'),
    import('./credentials.js'),
  ]);
  const regions = parseList(flags.regions);
  const bad = regions?.filter((r) => !REGION.test(r));
  if (bad && bad.length > 0) failWith(`--regions: "${bad.join(', ')}" ${bad.length > 1 ? 'are not Region names' : 'is not a Region name'} (e.g. us-east-1,eu-west-1)`);
  const services = parseList(flags.services);
  const known = allCollectors.map((c) => c.service);
  const unknownServices = services?.filter((s) => !known.includes(s));
  if (unknownServices && unknownServices.length > 0) failWith(`--services: unknown ${unknownServices.join(', ')}; expected some of ${known.join(', ')}`);
  const collectors = services ? allCollectors.filter((c) => services.includes(c.service)) : allCollectors;
  const concurrency = flags.concurrency === undefined ? undefined : Number(flags.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency > 0 && concurrency <= 256)) failWith('--concurrency: expected a whole number from 1 to 256');
  if (flags.externalId && !flags.roleArn) failWith('--external-id needs --role-arn');
  const endpoint = flags.endpointUrl ?? process.env['AWS_ENDPOINT_URL'];
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) failWith(`--endpoint-url: expected an http(s) URL, got "${endpoint}"`);
  const homeRegion = process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? regions?.[0] ?? 'us-east-1';
  let tasks = 0;
  const started = Date.now();
  try {
    const snapshot = await scanAccount({
      credentials: scanCredentials({ profile: flags.profile, roleArn: flags.roleArn, externalId: flags.externalId, region: homeRegion, endpoint }),
      collectors,
      regions,
      endpoint,
      homeRegion,
      concurrency,
      tool: TOOL,
      onProgress: (() => {
        const report = progressReporter(process.stderr, { quiet: flags.quiet === true, total: () => tasks });
        return (event) => {
          if (event.kind === 'plan') tasks = event.tasks;
          else report(event);
        };
      })(),
    });
    if (!flags.quiet) printScanSummary(snapshot, Date.now() - started);
    return snapshot;
  } catch (error) {
    if (error instanceof ScanError) failWith(error.message);
    throw error;
  }
}

/** What was read, and — first — what could not be: the permissions to add, the calls that were throttled. */
export function printScanSummary(snapshot: Snapshot, ms: number): void {
  const failed = snapshot.collection.filter((r) => r.outcome !== 'ok');
  const byOutcome = new Map<string, Set<string>>();
  for (const r of failed) (byOutcome.get(r.outcome) ?? byOutcome.set(r.outcome, new Set()).get(r.outcome)!).add(r.action);
  const calls = snapshot.collection.reduce((n, r) => n + Object.values(r.calls).reduce((a, b) => a + (b ?? 0), 0), 0);
  process.stderr.write(`scanned account ${snapshot.scope.accounts.join(', ')} in ${snapshot.scope.regions.length} Region(s): ${snapshot.resources.length} resources, ${calls} calls, ${(ms / 1000).toFixed(1)} s\n`);
  const denied = byOutcome.get('access_denied');
  if (denied) process.stderr.write(`missing permissions (the requirements that need them are unknown): ${[...denied].sort().join(', ')}\n  \`ftr policy\` prints the read-only policy the scan needs.\n`);
  for (const [outcome, label] of [['throttled', 'throttled even after retries'], ['unsupported', 'not supported here (service absent in the Region or emulator)'], ['error', 'failed']] as const) {
    const actions = byOutcome.get(outcome);
    if (actions) process.stderr.write(`${label}: ${[...actions].sort().join(', ')}\n`);
  }
}
