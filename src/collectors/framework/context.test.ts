// The listing contract between collectors, the recorder and the engine: a collector's declared listings name their
// types on the operation's record whatever the outcome, so a failed listing leaves its inventory incomplete with the
// reason `collection_failed:<action>`, and a per-resource call never touches an inventory.
import { describe, expect, it } from 'vitest';
import { ResourceIndex, type CollectionRecord, type ResourceInput } from '../../core/index.js';
import { defineCollector, listedTypes, type Collector } from './collector.js';
import { createCollectorContext } from './context.js';
import { Limits } from './limiter.js';
import { Recorder } from './recorder.js';

const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

const collector: Collector = defineCollector({
  service: 'demo',
  scope: 'regional',
  operations: { ListThings: 'demo:ListThings', GetThingPolicy: 'demo:GetThingPolicy', ListParts: 'demo:ListParts' },
  listings: { ListThings: ['AWS::Demo::Thing', 'AWS::Demo::ThingPolicy'], ListParts: ['AWS::Demo::Part'] },
  produces: ['AWS::Demo::Thing', 'AWS::Demo::ThingPolicy', 'AWS::Demo::Part'],
  collect: async () => undefined,
});

/** An error as the SDK throws it for a modeled service error. */
function sdkError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } });
}

function setup() {
  const recorder = new Recorder();
  const resources: ResourceInput[] = [];
  const ctx = createCollectorContext({
    collector,
    account: ACCOUNT,
    region: REGION,
    apiRegion: REGION,
    now: new Date('2026-01-01T00:00:00Z'),
    settings: { credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }), endpoint: undefined, maxAttempts: 1, requestTimeoutMs: 1000, connectionTimeoutMs: 1000 },
    callTimeoutMs: 1000,
    limits: new Limits(4, () => 4),
    recorder,
    clients: new Map(),
    resources,
    facts: { account: () => undefined, region: () => undefined },
  });
  const record = (action: string): CollectionRecord => {
    const found = recorder.records().find((r) => r.action === action);
    if (!found) throw new Error(`no record for ${action}`);
    return found;
  };
  const inventory = (type: string) => new ResourceIndex([], recorder.records(), { sources: ['live'], accounts: [ACCOUNT], regions: [REGION], files: [] }).inventory(type);
  return { ctx, recorder, record, inventory };
}

/** Three pages of one item each; `failOn` makes that page's call fail. */
function threePages(failOn?: { page: number; error: Error }) {
  return (token: string | undefined) => {
    const page = token === undefined ? 1 : Number(token);
    if (failOn?.page === page) return Promise.reject(failOn.error);
    return Promise.resolve({ items: [`thing-${page}`], next: page < 3 ? String(page + 1) : undefined });
  };
}

describe('listings on collection records', () => {
  it('a listing that succeeds names its types on an ok record: the inventory is complete', async () => {
    const { ctx, record, inventory } = setup();
    const listed = await ctx.pages('ListThings', threePages(), (p) => p.next, (p) => p.items);
    expect(listed).toEqual({ ok: true, value: ['thing-1', 'thing-2', 'thing-3'], absent: false });
    expect(record('demo:ListThings')).toMatchObject({ outcome: 'ok', calls: { ok: 3 }, lists: ['AWS::Demo::Thing', 'AWS::Demo::ThingPolicy'] });
    expect(inventory('AWS::Demo::Thing')).toEqual({ complete: true });
  });

  it('a listing denied on its first call keeps its types: the inventory is incomplete, collection_failed', async () => {
    const { ctx, record, inventory } = setup();
    const listed = await ctx.pages('ListThings', threePages({ page: 1, error: sdkError('AccessDeniedException', 400) }), (p) => p.next, (p) => p.items);
    expect(listed).toMatchObject({ ok: false, reason: 'collection_failed:demo:ListThings', outcome: 'access_denied' });
    expect(record('demo:ListThings')).toMatchObject({ outcome: 'access_denied', lists: ['AWS::Demo::Thing', 'AWS::Demo::ThingPolicy'] });
    expect(inventory('AWS::Demo::Thing')).toEqual({ complete: false, reason: 'collection_failed:demo:ListThings' });
    expect(inventory('AWS::Demo::ThingPolicy')).toEqual({ complete: false, reason: 'collection_failed:demo:ListThings' });
  });

  it('a listing throttled on page 3 leaves a failed record after two good pages: still incomplete', async () => {
    const { ctx, record, inventory } = setup();
    const listed = await ctx.pages('ListThings', threePages({ page: 3, error: sdkError('ThrottlingException', 400) }), (p) => p.next, (p) => p.items);
    expect(listed.ok).toBe(false);
    expect(record('demo:ListThings')).toMatchObject({ outcome: 'throttled', calls: { ok: 2, throttled: 1 }, lists: ['AWS::Demo::Thing', 'AWS::Demo::ThingPolicy'] });
    expect(inventory('AWS::Demo::Thing')).toEqual({ complete: false, reason: 'collection_failed:demo:ListThings' });
  });

  it('a listing whose pages loop is an error, and keeps its types', async () => {
    const { ctx, record, inventory } = setup();
    const listed = await ctx.pages('ListThings', () => Promise.resolve({ items: ['x'], next: 'same' }), (p) => p.next, (p) => p.items);
    expect(listed).toMatchObject({ ok: false, code: 'PaginationLoop', outcome: 'error' });
    expect(record('demo:ListThings')).toMatchObject({ outcome: 'error', lists: ['AWS::Demo::Thing', 'AWS::Demo::ThingPolicy'] });
    expect(inventory('AWS::Demo::Thing').complete).toBe(false);
  });

  it('an answer that means "none configured" completes the listing', async () => {
    const { ctx, record, inventory } = setup();
    const listed = await ctx.call('ListParts', () => Promise.reject(sdkError('NotFoundException', 404)), { absent: ['NotFoundException'] });
    expect(listed).toEqual({ ok: true, value: undefined, absent: true });
    expect(record('demo:ListParts')).toMatchObject({ outcome: 'ok', lists: ['AWS::Demo::Part'] });
    expect(inventory('AWS::Demo::Part')).toEqual({ complete: true });
  });

  it('a per-resource call never lists a type: one denied read marks its resource, not the inventory', async () => {
    const { ctx, record, inventory } = setup();
    await ctx.pages('ListThings', threePages(), (p) => p.next, (p) => p.items);
    const policy = await ctx.call('GetThingPolicy', () => Promise.reject(sdkError('AccessDeniedException', 400)), { resource: 'arn:demo:thing-2' });
    expect(policy).toMatchObject({ ok: false, reason: 'collection_failed:demo:GetThingPolicy' });
    expect(record('demo:GetThingPolicy')).toMatchObject({ outcome: 'access_denied', affected: ['arn:demo:thing-2'], lists: [] });
    expect(inventory('AWS::Demo::ThingPolicy')).toEqual({ complete: true });
  });

  it('a type no listing ran for is not collected', () => {
    const { inventory } = setup();
    expect(inventory('AWS::Demo::Thing')).toEqual({ complete: false, reason: 'not_collected:AWS::Demo::Thing' });
  });

  it('an undeclared operation is a collector bug, caught before any call', async () => {
    const { ctx } = setup();
    await expect(ctx.call('ListOther' as never, () => Promise.resolve(1))).rejects.toThrow(/does not declare/);
  });

  it('a dynamic listing adds types to the record of a listing that was called, never to one that was not', async () => {
    const { ctx, record, inventory } = setup();
    await ctx.call('ListParts', () => Promise.resolve({}));
    ctx.listed('ListParts', ['AWS::Demo::Extra']);
    expect(record('demo:ListParts').lists).toEqual(['AWS::Demo::Extra', 'AWS::Demo::Part']);
    expect(inventory('AWS::Demo::Extra')).toEqual({ complete: true });
    expect(() => ctx.listed('ListThings', ['AWS::Demo::Extra'])).toThrow(/has not called/);
  });

  it('listedTypes: every type of every listing, once', () => {
    expect(listedTypes(collector)).toEqual(['AWS::Demo::Part', 'AWS::Demo::Thing', 'AWS::Demo::ThingPolicy']);
  });
});

describe('Recorder', () => {
  it('keeps lists on failed records, and the worst outcome of several calls', () => {
    const recorder = new Recorder();
    const lists = ['AWS::Demo::Thing'];
    recorder.count('demo', 'demo:ListThings', 'ListThings', ACCOUNT, REGION, 'ok', { lists });
    recorder.count('demo', 'demo:ListThings', 'ListThings', ACCOUNT, REGION, 'throttled', { lists, message: 'ThrottlingException: slow down' });
    recorder.count('demo', 'demo:ListThings', 'ListThings', ACCOUNT, REGION, 'access_denied', { lists, resource: 'arn:demo:x', message: 'AccessDenied: no' });
    const [record] = recorder.records();
    expect(record).toMatchObject({ outcome: 'access_denied', calls: { ok: 1, throttled: 1, access_denied: 1 }, lists, affected: ['arn:demo:x'], message: 'ThrottlingException: slow down' });
    expect(recorder.failures()).toEqual([{ action: 'demo:ListThings', outcome: 'access_denied', calls: 2 }]);
  });

  it('keeps one record per action, account and Region, with every operation that used the action', () => {
    const recorder = new Recorder();
    recorder.count('apigateway', 'apigateway:GET', 'GetDomainNames', ACCOUNT, REGION, 'ok', { lists: ['AWS::ApiGateway::DomainName'] });
    recorder.count('apigateway', 'apigateway:GET', 'GetStages', ACCOUNT, REGION, 'ok');
    recorder.count('apigateway', 'apigateway:GET', 'GetDomainNames', ACCOUNT, 'us-east-1', 'ok');
    expect(recorder.records().map((r) => [r.region, r.operation, r.lists])).toEqual([
      [REGION, 'GetDomainNames,GetStages', ['AWS::ApiGateway::DomainName']],
      ['us-east-1', 'GetDomainNames', []],
    ]);
  });
});
