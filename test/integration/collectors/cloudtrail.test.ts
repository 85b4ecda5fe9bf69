// The CloudTrail collector: trails (home copies and shadow copies in other Regions), status and event selectors; root
// activity per Region from LookupEvents (a proxy stand-in; moto lacks it) combined into one account fact; every page;
// each operation denied; throttling.
import { CloudTrailClient, CreateTrailCommand, PutEventSelectorsCommand, StartLoggingCommand, type Event as TrailEvent } from '@aws-sdk/client-cloudtrail';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import cloudtrail from '../../../src/collectors/cloudtrail.js';
import iam from '../../../src/collectors/iam.js';
import { clientConfig, s3Config, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { account, ACCOUNT, byUid, expectFailedRecord, expectUnknown, marks, ofType, record, statuses } from './governance-helpers.js';
import { scanWith } from './scan-helpers.js';

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

const REGIONS = { regions: ['us-east-1', 'eu-west-1'] };
const ORG = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main`;
const LOCAL = `arn:aws:cloudtrail:eu-west-1:${ACCOUNT}:trail/local`;
const DAY = 86_400_000;
const TRAIL_RULES = ['cloudtrail-multi-region-logging', 'cloudtrail-log-file-validation-enabled'];

/** `main`: multi-Region, logging, validated, in us-east-1; `local`: single-Region, not logging, in eu-west-1. */
async function seedTrails(): Promise<void> {
  await new S3Client(s3Config(h.endpoint)).send(new CreateBucketCommand({ Bucket: 'trail-logs' }));
  const east = new CloudTrailClient(clientConfig(h.endpoint));
  await east.send(new CreateTrailCommand({ Name: 'main', S3BucketName: 'trail-logs', IsMultiRegionTrail: true, EnableLogFileValidation: true, IncludeGlobalServiceEvents: true }));
  await east.send(new StartLoggingCommand({ Name: 'main' }));
  await east.send(new PutEventSelectorsCommand({ TrailName: 'main', EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true }] }));
  await new CloudTrailClient(clientConfig(h.endpoint, { region: 'eu-west-1' })).send(new CreateTrailCommand({ Name: 'local', S3BucketName: 'trail-logs' }));
}

function rootEvent(id: string, daysAgo: number, region: string, type = 'Root', name = 'ConsoleLogin'): TrailEvent {
  const EventTime = new Date(Date.now() - daysAgo * DAY);
  return {
    EventId: id,
    EventName: name,
    EventTime,
    Username: 'root',
    CloudTrailEvent: JSON.stringify({ userIdentity: { type, arn: `arn:aws:iam::${ACCOUNT}:root` }, awsRegion: region, sourceIPAddress: '203.0.113.7', eventName: name }),
  };
}

const iso = (e: TrailEvent) => e.EventTime?.toISOString();

describe('cloudtrail collector', () => {
  it('emits each trail in full in its home Region and as a shadow copy elsewhere', async () => {
    await seedTrails();
    const snapshot = await scanWith(h, [cloudtrail], REGIONS);
    expect(byUid(snapshot, ORG)).toMatchObject({ region: 'us-east-1', name: 'main', physicalId: 'main', unknown: [] });
    expect(byUid(snapshot, ORG).properties).toEqual({
      TrailName: 'main',
      HomeRegion: 'us-east-1',
      IsMultiRegionTrail: true,
      IsOrganizationTrail: false,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: 'trail-logs',
      S3KeyPrefix: null,
      KMSKeyId: null,
      CloudWatchLogsLogGroupArn: null,
      SnsTopicName: null,
      IsLogging: true,
      EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
      AdvancedEventSelectors: [],
    });
    const shadow = byUid(snapshot, `${ORG}#shadow:eu-west-1`);
    expect(shadow).toMatchObject({ region: 'eu-west-1', location: { arn: ORG }, properties: { HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IsLogging: true } });
    expect(shadow.properties['EventSelectors']).toBeUndefined();
    expect(byUid(snapshot, LOCAL).properties).toMatchObject({ HomeRegion: 'eu-west-1', IsMultiRegionTrail: false, IsLogging: false, EnableLogFileValidation: false });
    expect(ofType(snapshot, 'AWS::CloudTrail::Trail')).toHaveLength(3);
    for (const r of ['us-east-1', 'eu-west-1']) expect(record(snapshot, 'cloudtrail:DescribeTrails', r)).toMatchObject({ outcome: 'ok', lists: ['AWS::CloudTrail::Trail'] });
    expect(statuses(snapshot, TRAIL_RULES)).toEqual({ 'cloudtrail-multi-region-logging': 'pass', 'cloudtrail-log-file-validation-enabled': 'fail' });
  });

  it('a shadow copy alone shows the account covered when the home Region is not scanned', async () => {
    await seedTrails();
    const snapshot = await scanWith(h, [cloudtrail], { regions: ['eu-west-1'] });
    expect(ofType(snapshot, 'AWS::CloudTrail::Trail').map((t) => t.uid).sort()).toEqual([LOCAL, `${ORG}#shadow:eu-west-1`]);
    expect(statuses(snapshot, ['cloudtrail-multi-region-logging'])).toEqual({ 'cloudtrail-multi-region-logging': 'pass' });
  });

  it('combines root activity of every Region into one account fact', async () => {
    const east = h.proxy.state.account().region('us-east-1');
    east.cloudTrailEvents = [rootEvent('e1', 10, 'us-east-1'), rootEvent('e-old', 120, 'us-east-1'), rootEvent('e-user', 2, 'us-east-1', 'IAMUser')];
    const west = rootEvent('w1', 5, 'eu-west-1', 'Root', 'CreateBucket');
    h.proxy.state.account().region('eu-west-1').cloudTrailEvents = [west];
    const snapshot = await scanWith(h, [cloudtrail, iam], REGIONS);
    const e1 = east.cloudTrailEvents[0]!;
    expect(account(snapshot).properties['RootActivity']).toEqual({
      LastUsed: iso(west),
      EventCount: 2,
      Events: [
        { Time: iso(west), EventName: 'CreateBucket', Region: 'eu-west-1', SourceIp: '203.0.113.7' },
        { Time: iso(e1), EventName: 'ConsoleLogin', Region: 'us-east-1', SourceIp: '203.0.113.7' },
      ],
    });
    expect(account(snapshot).unknown).toEqual([]);
    expect(statuses(snapshot, ['root-used-only-by-exception'])).toEqual({ 'root-used-only-by-exception': 'pass' });

    east.cloudTrailEvents.push(rootEvent('e2', 20, 'us-east-1'));
    const routine = await scanWith(h, [cloudtrail, iam], REGIONS);
    expect(account(routine).properties['RootActivity']).toMatchObject({ EventCount: 3 });
    expect(statuses(routine, ['root-used-only-by-exception'])).toEqual({ 'root-used-only-by-exception': 'fail' });
  });

  it('follows every page of root events, counting them all and keeping the newest 20', async () => {
    h.proxy.state.account().region('us-east-1').cloudTrailEvents = Array.from({ length: 25 }, (_, i) => rootEvent(`e${i}`, 1 + i, 'us-east-1'));
    h.proxy.paginate({ service: 'cloudtrail', operation: 'LookupEvents' }, { pageSize: 10 });
    const snapshot = await scanWith(h, [cloudtrail]);
    const activity = account(snapshot).properties['RootActivity'] as { EventCount: number; Events: Array<{ Time: string }>; LastUsed: string };
    expect(activity.EventCount).toBe(25);
    expect(activity.Events).toHaveLength(20);
    expect(activity.LastUsed).toBe(activity.Events[0]?.Time);
    expect(h.proxy.callsTo('cloudtrail', 'LookupEvents').map((c) => c.answeredBy)).toEqual(['stand-in', 'page', 'page']);
  });

  it('denied LookupEvents in one Region: root activity unknown for the whole account', async () => {
    h.proxy.state.account().root.passwordLastUsed = new Date(Date.now() - 2 * DAY);
    h.proxy.state.account().region('us-east-1').cloudTrailEvents = [rootEvent('e1', 2, 'us-east-1')];
    h.proxy.fault({ service: 'cloudtrail', operation: 'LookupEvents', region: 'eu-west-1' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [cloudtrail, iam], REGIONS);
    expectFailedRecord(snapshot, 'cloudtrail:LookupEvents', 'access_denied', { region: 'eu-west-1' });
    expect(record(snapshot, 'cloudtrail:LookupEvents', 'us-east-1').outcome).toBe('ok');
    expect(account(snapshot).properties['RootActivity']).toBeUndefined();
    expect(marks(account(snapshot))).toEqual({ '/RootActivity': 'collection_failed:cloudtrail:LookupEvents' });
    // Root signed in recently; how often is not known without every Region's events.
    expectUnknown(snapshot, ['root-used-only-by-exception'], 'LookupEvents denied');
  });

  it('denied DescribeTrails: no trail inventory, coverage unknown', async () => {
    await seedTrails();
    h.proxy.fault({ service: 'cloudtrail', operation: 'DescribeTrails' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [cloudtrail], REGIONS);
    expectFailedRecord(snapshot, 'cloudtrail:DescribeTrails', 'access_denied', { region: 'us-east-1' });
    expect(ofType(snapshot, 'AWS::CloudTrail::Trail')).toEqual([]);
    expectUnknown(snapshot, TRAIL_RULES, 'DescribeTrails denied');
  });

  it('denied GetTrailStatus or GetEventSelectors: only those properties unknown', async () => {
    await seedTrails();
    h.proxy.fault({ service: 'cloudtrail', operation: 'GetTrailStatus' }, { kind: 'access_denied' });
    h.proxy.fault({ service: 'cloudtrail', operation: 'GetEventSelectors' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [cloudtrail], { regions: ['us-east-1'] });
    expectFailedRecord(snapshot, 'cloudtrail:GetTrailStatus', 'access_denied', { affected: [ORG] });
    expectFailedRecord(snapshot, 'cloudtrail:GetEventSelectors', 'access_denied', { affected: [ORG] });
    expect(marks(byUid(snapshot, ORG))).toEqual({
      '/IsLogging': 'collection_failed:cloudtrail:GetTrailStatus',
      '/EventSelectors': 'collection_failed:cloudtrail:GetEventSelectors',
      '/AdvancedEventSelectors': 'collection_failed:cloudtrail:GetEventSelectors',
    });
    expectUnknown(snapshot, ['cloudtrail-multi-region-logging'], 'GetTrailStatus denied');
    // Log file validation comes from DescribeTrails and is still judged.
    expect(statuses(snapshot, ['cloudtrail-log-file-validation-enabled'])).toEqual({ 'cloudtrail-log-file-validation-enabled': 'pass' });
  });

  it('persistent throttling: recorded, what it reads unknown', async () => {
    h.proxy.fault({ service: 'cloudtrail', operation: 'LookupEvents' }, { kind: 'throttle' });
    const snapshot = await scanWith(h, [cloudtrail], { maxAttempts: 1 });
    expectFailedRecord(snapshot, 'cloudtrail:LookupEvents', 'throttled');
    expect(marks(account(snapshot))).toEqual({ '/RootActivity': 'collection_failed:cloudtrail:LookupEvents' });
  });
});
