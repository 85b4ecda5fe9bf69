/**
 * AWS CloudTrail (regional): the trails, and root-user activity of the last 90 days.
 *
 * Trails — DescribeTrails (shadow trails included), GetTrailStatus, GetEventSelectors → `AWS::CloudTrail::Trail`.
 * A multi-Region or organization trail is listed in every Region. It is emitted in full once, in its home Region
 * (uid = its ARN); in each other scanned Region it is emitted as a shadow copy (uid `<arn>#shadow:<region>`, `HomeRegion`
 * set, status read, no event selectors), so the account's coverage is still seen when the home Region is not scanned.
 * Rules judge a trail's own settings on the home copy only (shadow copies are "not applicable" there).
 *
 * Root activity — LookupEvents with `Username` = `root` (the event-history user name of root activity; each event's
 * `userIdentity.type` is checked to be `Root`, so an IAM user named "root" is not counted), last 90 days, every page.
 * Each Region contributes its count, last use and newest events; the scan combines them into `AWS::Account.RootActivity`
 * = `{ LastUsed, EventCount, Events (newest 20) }` once every Region ran (framework/fact-parts.ts). A Region whose
 * events could not be read marks the whole fact unknown. Root console sign-ins and other global-service events are
 * recorded in us-east-1: scan it to see them.
 */
import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  LookupEventsCommand,
  type Event as TrailEvent,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import type { UnknownMark } from '../core/index.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { factPart, type Combined } from './framework/fact-parts.js';
import { daysBefore, isoTime } from './framework/time.js';

const OPERATIONS = {
  DescribeTrails: 'cloudtrail:DescribeTrails',
  GetTrailStatus: 'cloudtrail:GetTrailStatus',
  GetEventSelectors: 'cloudtrail:GetEventSelectors',
  LookupEvents: 'cloudtrail:LookupEvents',
} as const;
type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const ROOT_WINDOW_DAYS = 90;
const EVENTS_KEPT = 20;

interface RootEvent {
  Id: string;
  Time: string;
  EventName: string;
  Region: string;
  SourceIp?: string;
}

interface RootPart {
  region: string;
  count: number;
  events: RootEvent[];
  failed?: string;
}

function combineRootActivity(parts: readonly RootPart[]): Combined {
  const failed = [...parts].sort((a, b) => a.region.localeCompare(b.region)).find((p) => p.failed !== undefined)?.failed;
  if (failed !== undefined) return { unknown: [{ path: '', reason: failed }] };
  const events = newestFirst(parts.flatMap((p) => p.events));
  return {
    value: {
      LastUsed: events[0]?.Time ?? null,
      EventCount: parts.reduce((n, p) => n + p.count, 0),
      Events: events.slice(0, EVENTS_KEPT).map(({ Id: _id, ...event }) => event),
    },
  };
}

function newestFirst(events: RootEvent[]): RootEvent[] {
  const unique = new Map(events.map((e) => [`${e.Region}/${e.Id}`, e]));
  return [...unique.values()].sort((a, b) => b.Time.localeCompare(a.Time) || a.EventName.localeCompare(b.EventName));
}

export default defineCollector({
  service: 'cloudtrail',
  scope: 'regional',
  operations: OPERATIONS,
  listings: { DescribeTrails: ['AWS::CloudTrail::Trail'] },
  produces: ['AWS::CloudTrail::Trail', 'AWS::Account'],
  async collect(ctx) {
    const client = ctx.client(CloudTrailClient);
    await Promise.all([trails(ctx, client), rootActivity(ctx, client)]);
  },
});

async function trails(ctx: Ctx, client: CloudTrailClient): Promise<void> {
  const described = await ctx.call('DescribeTrails', (o) => client.send(new DescribeTrailsCommand({ includeShadowTrails: true }), o));
  if (!described.ok) return;
  await Promise.all((described.value.trailList ?? []).map((trail) => emitTrail(ctx, client, trail)));
}

async function emitTrail(ctx: Ctx, client: CloudTrailClient, trail: Trail): Promise<void> {
  const arn = trail.TrailARN ?? `arn:aws:cloudtrail:${ctx.region}:${ctx.account}:trail/${trail.Name}`;
  const home = (trail.HomeRegion ?? ctx.region) === ctx.region;
  const uid = home ? arn : `${arn}#shadow:${ctx.region}`;
  const [status, selectors] = await Promise.all([
    ctx.call('GetTrailStatus', (o) => client.send(new GetTrailStatusCommand({ Name: arn }), o), { resource: uid }),
    home ? ctx.call('GetEventSelectors', (o) => client.send(new GetEventSelectorsCommand({ TrailName: arn }), o), { resource: uid }) : undefined,
  ]);
  const unknown: UnknownMark[] = [];
  if (!status.ok) unknown.push({ path: '/IsLogging', reason: status.reason });
  if (selectors && !selectors.ok) unknown.push({ path: '/EventSelectors', reason: selectors.reason }, { path: '/AdvancedEventSelectors', reason: selectors.reason });
  ctx.emit({
    uid,
    type: 'AWS::CloudTrail::Trail',
    name: trail.Name ?? arn,
    physicalId: trail.Name ?? arn,
    location: { arn },
    properties: {
      TrailName: trail.Name ?? null,
      HomeRegion: trail.HomeRegion ?? ctx.region,
      IsMultiRegionTrail: trail.IsMultiRegionTrail ?? false,
      IsOrganizationTrail: trail.IsOrganizationTrail ?? false,
      IncludeGlobalServiceEvents: trail.IncludeGlobalServiceEvents ?? false,
      EnableLogFileValidation: trail.LogFileValidationEnabled ?? false,
      S3BucketName: trail.S3BucketName ?? null,
      S3KeyPrefix: trail.S3KeyPrefix ?? null,
      KMSKeyId: trail.KmsKeyId ?? null,
      CloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn ?? null,
      SnsTopicName: trail.SnsTopicName ?? null,
      ...(status.ok ? { IsLogging: status.value.IsLogging ?? false } : {}),
      ...(selectors?.ok
        ? {
            EventSelectors: (selectors.value.EventSelectors ?? []).map((s) => ({
              ReadWriteType: s.ReadWriteType ?? 'All',
              IncludeManagementEvents: s.IncludeManagementEvents ?? true,
              DataResources: (s.DataResources ?? []).map((d) => ({ Type: d.Type ?? null, Values: d.Values ?? [] })),
              ExcludeManagementEventSources: s.ExcludeManagementEventSources ?? [],
            })),
            AdvancedEventSelectors: (selectors.value.AdvancedEventSelectors ?? []).map((s) => ({ Name: s.Name ?? null, FieldSelectors: s.FieldSelectors ?? [] })),
          }
        : {}),
    },
    unknown,
  });
}

async function rootActivity(ctx: Ctx, client: CloudTrailClient): Promise<void> {
  const part: RootPart = { region: ctx.region, count: 0, events: [] };
  try {
    const StartTime = daysBefore(ctx.now, ROOT_WINDOW_DAYS);
    const EndTime = ctx.now;
    const events = await ctx.pages(
      'LookupEvents',
      (NextToken, o) => client.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'root' }], StartTime, EndTime, MaxResults: 50, NextToken }), o),
      (p) => p.NextToken,
      // Only what the fact keeps, so a busy root user does not fill memory with raw events.
      (p) => (p.Events ?? []).flatMap((e) => rootEvent(e, ctx.region)),
    );
    if (!events.ok) part.failed = events.reason;
    else {
      part.count = events.value.length;
      part.events = newestFirst(events.value).slice(0, EVENTS_KEPT);
    }
  } catch (error) {
    part.failed ??= 'collection_failed:cloudtrail:LookupEvents';
    throw error;
  } finally {
    ctx.accountFacts({ RootActivity: factPart(combineRootActivity, part) });
  }
}

/** The event when root made it (`userIdentity.type` Root); an event whose record cannot be read is kept (never hidden). */
function rootEvent(event: TrailEvent, region: string): RootEvent[] {
  let record: { userIdentity?: { type?: string }; awsRegion?: string; sourceIPAddress?: string } = {};
  try {
    record = JSON.parse(event.CloudTrailEvent ?? '{}') as typeof record;
  } catch {
    // keep the event: it matched the root user name
  }
  const type = record.userIdentity?.type;
  if (type !== undefined && type !== 'Root') return [];
  const time = isoTime(event.EventTime);
  if (!time) return [];
  return [
    {
      Id: event.EventId ?? `${time}/${event.EventName ?? ''}`,
      Time: time,
      EventName: event.EventName ?? 'unknown',
      Region: record.awsRegion ?? region,
      ...(record.sourceIPAddress ? { SourceIp: record.sourceIPAddress } : {}),
    },
  ];
}
