import { describe, expect, it } from 'vitest';
import { ProductFacts } from '../config/schema.js';
import { CollectionRecord, type CollectionRecordInput } from '../model/snapshot.js';
import { Resource, type ResourceInput } from '../model/resource.js';
import type { Source } from '../model/status.js';
import { defineRule } from '../rule/define-rule.js';
import { evaluateRules } from './evaluate.js';
import { buildFindings } from './findings.js';
import { ResourceIndex } from './resource-index.js';
import { ruleVerdict } from './rule-verdict.js';
import type { WaiverSpec } from './waivers.js';

const now = new Date('2026-06-01T00:00:00Z');

/** A bucket rule: pass when Encrypted is true, fail when false; reads through ctx.get so unknown marks count. */
const rule = defineRule({
  meta: {
    id: 'test-bucket-encrypted',
    title: 'Test buckets are encrypted',
    severity: 'high',
    requirements: [{ checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'encryption at rest of S3 data' }],
    resourceTypes: ['AWS::S3::Bucket'],
    sources: ['live', 'cloudformation'],
    rationale: 'A test rule used by the engine tests of the per-rule verdict.',
    remediation: { summary: 'Encrypt it.', console: [], links: [] },
    messages: { ok: '{{resource}} is encrypted', bad: '{{resource}} is not encrypted' },
    needs: ['s3:GetEncryptionConfiguration'],
  },
  evaluate(bucket, ctx) {
    if (bucket.properties['Throw'] === true) throw new Error('boom');
    if (bucket.properties['Skip'] === true) return ctx.notApplicable();
    return ctx.get(bucket, '/Encrypted') === true ? ctx.pass('ok') : ctx.fail('bad', {}, { path: '/Encrypted' });
  },
});

const bucket = (uid: string, properties: Record<string, unknown>, extra: Partial<ResourceInput> = {}) =>
  Resource.parse({ uid, type: 'AWS::S3::Bucket', source: 'live', account: '111111111111', region: 'us-east-1', properties, ...extra });
const listed = (overrides: Partial<CollectionRecordInput> = {}) =>
  CollectionRecord.parse({ source: 'live', service: 's3', action: 's3:ListAllMyBuckets', account: '111111111111', region: 'global', outcome: 'ok', lists: ['AWS::S3::Bucket'], ...overrides });

function verdictOf(resources: Resource[], records: CollectionRecord[], sources: Source[] = ['live'], waivers: WaiverSpec[] = []) {
  const index = new ResourceIndex(resources, records, { sources, accounts: ['111111111111'], regions: ['us-east-1', 'eu-west-1'], files: [] });
  const runs = evaluateRules([rule], index, ProductFacts.parse({}), now);
  const findings = buildFindings(runs, waivers, now, 'partner-hosted', () => undefined);
  return { verdict: ruleVerdict(rule, findings, index), findings };
}

describe('per-rule verdict: ARCHITECTURE §5, every per-rule case', () => {
  it('passes when every outcome passes and the inventory is complete', () => {
    expect(verdictOf([bucket('a', { Encrypted: true })], [listed()]).verdict.status).toBe('pass');
  });

  it('fails on one unwaived failure among passes', () => {
    const { verdict } = verdictOf([bucket('a', { Encrypted: true }), bucket('b', { Encrypted: false })], [listed()]);
    expect(verdict.status).toBe('fail');
    expect(verdict.reasons[0]?.code).toBe('rule_failed:test-bucket-encrypted');
  });

  it('a waived failure does not gate, and stays visible as waived with its reason', () => {
    const waiver: WaiverSpec = { rule: 'test-bucket-encrypted', resource: 'b', reason: 'Public website assets, no data', origin: 'ftr.yaml:3' };
    const { verdict, findings } = verdictOf([bucket('a', { Encrypted: true }), bucket('b', { Encrypted: false })], [listed()], ['live'], [waiver]);
    expect(verdict.status).toBe('pass');
    expect(findings.find((f) => f.resource.uid === 'b')).toMatchObject({ status: 'waived', outcome: 'fail', waiver: { reason: 'Public website assets, no data' } });
  });

  it('an expired waiver no longer applies', () => {
    const waiver: WaiverSpec = { rule: 'test-*', resource: 'b', reason: 'Public website assets, no data', origin: 'ftr.yaml:3', expires: '2026-01-01' };
    expect(verdictOf([bucket('b', { Encrypted: false })], [listed()], ['live'], [waiver]).verdict.status).toBe('fail');
  });

  it('a suppression written in code is a waiver like any other', () => {
    const b = bucket('b', { Encrypted: false }, { suppressions: [{ rule: 'test-bucket-encrypted', reason: 'Encrypted by the app layer', file: 't.yaml', line: 4 }] });
    const { verdict, findings } = verdictOf([b], [listed()]);
    expect(verdict.status).toBe('pass');
    expect(findings[0]?.waiver?.origin).toBe('t.yaml:4');
  });

  it('no outcome and a complete listing is not applicable', () => {
    const { verdict } = verdictOf([], [listed()]);
    expect(verdict.status).toBe('not_applicable');
  });

  it('no outcome and a denied listing is unknown, never not applicable', () => {
    const { verdict } = verdictOf([], [listed({ outcome: 'access_denied', calls: { access_denied: 1 } })]);
    expect(verdict.status).toBe('unknown');
    expect(verdict.reasons[0]?.code).toBe('collection_failed:s3:ListAllMyBuckets');
  });

  it('no outcome and no listing record at all is unknown', () => {
    expect(verdictOf([], []).verdict).toMatchObject({ status: 'unknown', reasons: [{ code: 'not_collected:AWS::S3::Bucket' }] });
  });

  it('passes in one Region with the listing denied in another is unknown, never pass', () => {
    const records = [listed({ region: 'us-east-1' }), listed({ region: 'eu-west-1', outcome: 'throttled', calls: { throttled: 3 } })];
    const { verdict } = verdictOf([bucket('a', { Encrypted: true })], records);
    expect(verdict.status).toBe('unknown');
    expect(verdict.reasons[0]?.code).toBe('collection_failed:s3:ListAllMyBuckets');
  });

  it('a value marked unknown gives an unknown outcome with the recorded reason', () => {
    const b = bucket('a', {}, { unknown: [{ path: '/Encrypted', reason: 'collection_failed:s3:GetEncryptionConfiguration' }] });
    const { verdict, findings } = verdictOf([b], [listed()]);
    expect(verdict.status).toBe('unknown');
    expect(findings[0]).toMatchObject({ outcome: 'unknown', reason: 'collection_failed:s3:GetEncryptionConfiguration', propertyPath: '/Encrypted' });
  });

  it('a failure wins over an unknown elsewhere', () => {
    const b = bucket('b', {}, { unknown: [{ path: '', reason: 'collection_failed:s3:GetEncryptionConfiguration' }] });
    expect(verdictOf([bucket('a', { Encrypted: false }), b], [listed()]).verdict.status).toBe('fail');
  });

  it('a rule that throws gives error, not pass', () => {
    const { verdict, findings } = verdictOf([bucket('a', { Encrypted: true }), bucket('x', { Throw: true })], [listed()]);
    expect(verdict.status).toBe('error');
    expect(findings.find((f) => f.resource.uid === 'x')?.outcome).toBe('error');
  });

  it('only not-applicable outcomes is not applicable', () => {
    expect(verdictOf([bucket('a', { Skip: true })], [listed()]).verdict.status).toBe('not_applicable');
  });

  it('no source in scope the rule applies to is unknown, out_of_scope', () => {
    const { verdict } = verdictOf([], [], ['terraform']);
    expect(verdict).toMatchObject({ status: 'unknown', reasons: [{ code: 'out_of_scope' }] });
  });

  it('a template that did not parse makes the inventory incomplete: input_error', () => {
    const record = CollectionRecord.parse({ source: 'cloudformation', service: 'cloudformation', action: 'parse', file: 'bad.yaml', line: 3, outcome: 'error', lists: ['*'] });
    const { verdict } = verdictOf([], [record], ['cloudformation']);
    expect(verdict).toMatchObject({ status: 'unknown', reasons: [{ code: 'input_error:bad.yaml' }] });
  });

  it('templates that all parsed complete the inventory: nothing found is not applicable', () => {
    const record = CollectionRecord.parse({ source: 'cloudformation', service: 'cloudformation', action: 'parse', file: 'ok.yaml', outcome: 'ok', lists: ['*'] });
    expect(verdictOf([], [record], ['cloudformation']).verdict.status).toBe('not_applicable');
  });

  it('finding ids are stable across runs and differ between resources', () => {
    const first = verdictOf([bucket('a', { Encrypted: false }), bucket('b', { Encrypted: false })], [listed()]).findings;
    const second = verdictOf([bucket('a', { Encrypted: false })], [listed()]).findings;
    expect(first[0]?.id).toBe(second[0]?.id);
    expect(first[0]?.id).not.toBe(first[1]?.id);
  });

  it('product rules never judge templates shipped to customers (customer-template rules judge them)', () => {
    const shipped = bucket('s', { Encrypted: false }, { shippedToCustomers: true });
    expect(verdictOf([shipped], [listed()]).verdict.status).toBe('not_applicable');
    const customerRule = { ...rule, meta: { ...rule.meta, target: 'customer-templates' as const } };
    const index = new ResourceIndex([shipped, bucket('p', { Encrypted: false })], [listed()], { sources: ['live'], accounts: ['111111111111'], regions: ['us-east-1'], files: [] });
    const runs = evaluateRules([customerRule], index, ProductFacts.parse({}), now);
    expect(runs[0]!.results.map((r) => r.resource.uid)).toEqual(['s']);
  });
});
