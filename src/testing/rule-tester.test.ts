import { describe, expect, it } from 'vitest';
import { defineRule } from '../core/index.js';
import { FixtureFile } from './fixture-schema.js';
import { fixtureFileProblems, runCase } from './rule-tester.js';

const rule = defineRule({
  meta: {
    id: 'tester-probe',
    title: 'Probe buckets are encrypted',
    severity: 'low',
    requirements: [{ checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'encryption at rest (tester self-test)' }],
    resourceTypes: ['AWS::S3::Bucket'],
    sources: ['live'],
    rationale: 'A rule used only to test the rule tester itself.',
    remediation: { summary: 'n/a', console: [], links: [] },
    messages: { ok: 'ok', bad: 'bad' },
    needs: ['s3:GetEncryptionConfiguration'],
  },
  evaluate(bucket, ctx) {
    const value = ctx.get(bucket, '/Encrypted');
    if (value === 'oops') return { status: 'fail', messageId: 'undeclared', data: {} };
    return value === true ? ctx.pass('ok') : ctx.fail('bad');
  },
});

const bucket = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ live: { resources: [{ type: 'AWS::S3::Bucket', properties, ...extra }] } });
const file = (cases: unknown[]) => FixtureFile.parse({ cases });

describe('the rule tester', () => {
  const pass = { name: 'pass: encrypted', expect: 'pass', ...bucket({ Encrypted: true }) };
  const fail = { name: 'fail: plain', expect: 'fail', messageId: 'bad', ...bucket({ Encrypted: false }) };
  const unknown = { name: 'unknown: denied', expect: 'unknown', ...bucket({}, { unknown: [{ path: '/Encrypted', reason: 'collection_failed:s3:GetEncryptionConfiguration' }] }) };

  it('accepts a complete fixture file', () => {
    expect(fixtureFileProblems(rule, file([pass, fail, unknown]))).toEqual([]);
  });

  it('fails a file without a pass, a fail or an unknown case', () => {
    expect(fixtureFileProblems(rule, file([pass, fail]))).toEqual(['tester-probe: no "unknown" case']);
    expect(fixtureFileProblems(rule, file([fail, unknown]))).toEqual(['tester-probe: no "pass" case']);
  });

  it('fails a file with no case for a source the rule applies to', () => {
    const both = { ...rule, meta: { ...rule.meta, sources: ['live' as const, 'cloudformation' as const] } };
    expect(fixtureFileProblems(both, file([pass, fail, unknown]))).toContain('tester-probe: no case for the cloudformation source');
  });

  it('rejects duplicate names and duplicate inputs', () => {
    expect(fixtureFileProblems(rule, file([pass, { ...pass, ...bucket({ Encrypted: 1 }) }, fail, unknown]))[0]).toMatch(/duplicate case name/);
    expect(fixtureFileProblems(rule, file([pass, { ...pass, name: 'pass: again' }, fail, unknown]))[0]).toMatch(/repeats another case's input/);
  });

  it('a fail case must name its messageId (schema)', () => {
    expect(FixtureFile.safeParse({ cases: [{ name: 'fail: x', expect: 'fail', ...bucket({}) }] }).success).toBe(false);
  });

  it('reports an outcome with an undeclared messageId', () => {
    const result = runCase(rule, FixtureFile.parse({ cases: [{ name: 'fail: oops', expect: 'fail', messageId: 'bad', ...bucket({ Encrypted: 'oops' }) }] }).cases[0]!, 'x');
    expect(result.problems.join('\n')).toMatch(/undeclared messageId "undeclared"/);
  });

  it('reports a case whose verdict differs from what it expects', () => {
    const result = runCase(rule, FixtureFile.parse({ cases: [{ name: 'pass: wrong', expect: 'pass', ...bucket({ Encrypted: false }) }] }).cases[0]!, 'x');
    expect(result.problems[0]).toMatch(/expected pass, got fail/);
  });

  it('an empty inventory whose listing completed is not applicable; one that failed is unknown', () => {
    const empty = (collection?: unknown[]) => FixtureFile.parse({ cases: [{ name: 'x: empty', expect: 'not_applicable', live: { resources: [], ...(collection ? { collection } : {}) } }] }).cases[0]!;
    expect(runCase(rule, empty(), 'x').verdict.status).toBe('not_applicable');
    const denied = [{ service: 's3', action: 's3:ListAllMyBuckets', account: '111111111111', region: 'global', outcome: 'access_denied', lists: ['AWS::S3::Bucket'] }];
    expect(runCase(rule, empty(denied), 'x').verdict.status).toBe('unknown');
  });
});
