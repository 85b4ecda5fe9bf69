import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { Resource, SNAPSHOT_SCHEMA_VERSION, Snapshot, type ResourceInput, type UnknownMark } from '../../core/index.js';
import { classifyError } from './classify-error.js';
import { clientConfig, type ClientSettings } from './client-config.js';
import { listedTypes, type Collector } from './collector.js';
import { createCollectorContext, type FactSink } from './context.js';
import { putFact, settleFacts } from './fact-parts.js';
import { Limits } from './limiter.js';
import { Recorder } from './recorder.js';

export type ProgressEvent =
  | { kind: 'phase'; message: string }
  | { kind: 'plan'; tasks: number; regions: string[] }
  | { kind: 'start'; service: string; region: string }
  | { kind: 'finish'; service: string; region: string; calls: number; failed: number };

export interface ScanOptions {
  credentials: AwsCredentialIdentityProvider;
  collectors: readonly Collector[];
  /** Regions to scan; default: the Regions enabled for the account (ec2:DescribeRegions). */
  regions?: readonly string[] | undefined;
  endpoint?: string | undefined;
  /** Where global services and the first calls go. */
  homeRegion?: string | undefined;
  concurrency?: number | undefined;
  serviceConcurrency?: number | undefined;
  callTimeoutMs?: number | undefined;
  maxAttempts?: number | undefined;
  now?: Date | undefined;
  tool: { name: string; version: string };
  accountName?: string | undefined;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
}

/** A scan that cannot start (no identity, no Region list): the command line reports it and exits 2. */
export class ScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScanError';
  }
}

/** Concurrent calls per service; services with tight per-account API rate limits get fewer (competitors.md §2). */
const DEFAULT_SERVICE_LIMIT = 4;
const SERVICE_LIMITS: Record<string, number> = { logs: 2, ecs: 2, apigateway: 2, cloudformation: 2, elasticloadbalancing: 3, ce: 1, support: 1, organizations: 2 };

class Facts implements FactSink {
  readonly accounts = new Map<string, { properties: Record<string, unknown>; unknown: UnknownMark[] }>();
  readonly regions = new Map<string, { properties: Record<string, unknown>; unknown: UnknownMark[] }>();
  private static put(map: Map<string, { properties: Record<string, unknown>; unknown: UnknownMark[] }>, key: string, properties: Record<string, unknown>, unknown: UnknownMark[]) {
    const entry = map.get(key) ?? { properties: {}, unknown: [] };
    for (const [name, value] of Object.entries(properties)) putFact(entry.properties, name, value);
    entry.unknown.push(...unknown);
    map.set(key, entry);
  }
  account(account: string, properties: Record<string, unknown>, unknown: UnknownMark[]) {
    Facts.put(this.accounts, account, properties, unknown);
  }
  region(account: string, region: string, properties: Record<string, unknown>, unknown: UnknownMark[]) {
    Facts.put(this.regions, `${account}\0${region}`, properties, unknown);
  }
}

/**
 * Scans one account: identity, Regions, then every collector (global ones once, regional ones per Region) under
 * bounded concurrency. A collector that fails, or a call that is denied, throttled or unsupported, leaves collection
 * records behind and unknown marks on what it could not read — never a silent gap.
 */
export async function scanAccount(options: ScanOptions): Promise<Snapshot> {
  const now = options.now ?? new Date();
  const home = options.homeRegion ?? options.regions?.[0] ?? 'us-east-1';
  const settings: ClientSettings = {
    credentials: options.credentials,
    endpoint: options.endpoint,
    maxAttempts: options.maxAttempts ?? 4,
    requestTimeoutMs: options.callTimeoutMs ?? 30_000,
    connectionTimeoutMs: 5_000,
  };
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const recorder = new Recorder();
  const progress = options.onProgress ?? (() => undefined);

  progress({ kind: 'phase', message: 'identifying the account (sts:GetCallerIdentity)' });
  const sts = new STSClient(clientConfig('STSClient', home, settings));
  let account: string;
  try {
    const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.timeout(callTimeoutMs) });
    account = identity.Account ?? '';
    if (!/^\d{12}$/.test(account)) throw new Error(`unexpected account id "${account}"`);
    // The scan itself writes the account's pseudo-resources, so the identity call is their listing.
    recorder.count('sts', 'sts:GetCallerIdentity', 'GetCallerIdentity', account, 'global', 'ok', { lists: ['AWS::Account'] });
  } catch (error) {
    const e = classifyError(error);
    throw new ScanError(`cannot identify the AWS account (sts:GetCallerIdentity: ${e.code}: ${e.message}). Check the credentials, --profile or --role-arn.`);
  }

  let regions = options.regions ? [...options.regions] : undefined;
  if (!regions) {
    progress({ kind: 'phase', message: 'listing the enabled Regions (ec2:DescribeRegions)' });
    try {
      const ec2 = new EC2Client(clientConfig('EC2Client', home, settings));
      const out = await ec2.send(new DescribeRegionsCommand({ AllRegions: false }), { abortSignal: AbortSignal.timeout(callTimeoutMs) });
      regions = (out.Regions ?? [])
        .filter((r) => r.OptInStatus === undefined || r.OptInStatus === 'opt-in-not-required' || r.OptInStatus === 'opted-in')
        .map((r) => r.RegionName ?? '')
        .filter(Boolean)
        .sort();
      recorder.count('ec2', 'ec2:DescribeRegions', 'DescribeRegions', account, 'global', 'ok');
    } catch (error) {
      const e = classifyError(error);
      throw new ScanError(`cannot list the Regions enabled for account ${account} (ec2:DescribeRegions: ${e.code}). Pass --regions, e.g. --regions us-east-1,eu-west-1.`);
    }
  }
  if (regions.length === 0) throw new ScanError('no Regions to scan');

  const facts = new Facts();
  const resources: ResourceInput[] = [];
  const clients = new Map<string, unknown>();
  const limits = new Limits(options.concurrency ?? 16, (service) => Math.min(options.serviceConcurrency ?? Infinity, SERVICE_LIMITS[service] ?? DEFAULT_SERVICE_LIMIT));

  const tasks = options.collectors.flatMap((collector) =>
    (collector.scope === 'global' ? ['global'] : regions).map((region) => async () => {
      let calls = 0;
      let failed = 0;
      progress({ kind: 'start', service: collector.service, region });
      const ctx = createCollectorContext({
        collector,
        account,
        region,
        apiRegion: region === 'global' ? home : region,
        now,
        settings,
        callTimeoutMs,
        limits,
        recorder,
        clients,
        resources,
        facts,
        onCall: (outcome) => {
          calls++;
          if (outcome !== 'ok') failed++;
        },
      });
      try {
        await collector.collect(ctx);
      } catch (error) {
        // A collector bug must not end the scan, nor pass silently: its listings may have succeeded before it stopped
        // emitting, so the failed record names every type it lists, leaving those inventories incomplete.
        const message = error instanceof Error ? error.message : String(error);
        recorder.count(collector.service, `${collector.service}:*`, 'collector', account, region, 'error', { message: `the ${collector.service} collector failed: ${message}`, lists: listedTypes(collector) });
        failed++;
      }
      progress({ kind: 'finish', service: collector.service, region, calls, failed });
    }),
  );
  progress({ kind: 'plan', tasks: tasks.length, regions });
  await Promise.all(tasks.map((task) => task()));

  const accountFacts = settleFacts(facts.accounts.get(account) ?? { properties: {}, unknown: [] });
  resources.push({
    uid: `account:${account}`,
    type: 'AWS::Account',
    source: 'live',
    account,
    region: 'global',
    name: options.accountName ?? account,
    physicalId: account,
    properties: { AccountId: account, ...accountFacts.properties },
    unknown: accountFacts.unknown,
    observedAt: now.toISOString(),
  });
  for (const region of regions) {
    recorder.count('sts', 'sts:GetCallerIdentity', 'GetCallerIdentity', account, region, 'ok', { lists: ['AWS::Account::Region'] });
    const f = settleFacts(facts.regions.get(`${account}\0${region}`) ?? { properties: {}, unknown: [] });
    resources.push({ uid: `account:${account}/region:${region}`, type: 'AWS::Account::Region', source: 'live', account, region, name: `${account} ${region}`, properties: { Region: region, ...f.properties }, unknown: f.unknown, observedAt: now.toISOString() });
  }

  const unique = new Map<string, Resource>();
  for (const r of resources) if (!unique.has(r.uid)) unique.set(r.uid, Resource.parse(r));
  return Snapshot.parse({
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    kind: 'ftr-ready/snapshot',
    tool: options.tool,
    collectedAt: now.toISOString(),
    scope: { sources: ['live'], accounts: [account], regions, files: [] },
    accounts: [{ id: account, ...(options.accountName ? { name: options.accountName } : {}) }],
    resources: [...unique.values()],
    collection: recorder.records(),
  });
}
