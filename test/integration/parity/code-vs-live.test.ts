// Code-vs-live parity: the templates of test/fixtures/parity are deployed into moto with CloudFormation CreateStack
// (moto really creates the resources), the account is scanned with every collector through the fault proxy, the same
// templates are parsed, and every rule that reads both code and live data must judge each deployed resource the same
// way on both sides. The expected differences are in allow-list.ts, each with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectors } from '../../../src/collectors/index.js';
import type { Snapshot } from '../../../src/core/index.js';
import { parseIacPaths } from '../../../src/parsers/index.js';
import { rules } from '../../../src/rules/index.js';
import { startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { scanWith } from '../collectors/scan-helpers.js';
import { ALLOWED_DIFFERENCES, type AllowedDifference } from './allow-list.js';
import { compare, describeComparison, rulesForBoth, type Comparison } from './compare.js';
import { deployTemplates, parityTemplates, requestCertificate, type StackResource } from './deploy.js';
import { pairResources, type Pair, type Unpaired } from './pairing.js';

let h: AwsHarness;
let stackResources: StackResource[];
let code: Snapshot;
let live: Snapshot;
let pairs: Pair[];
let unpaired: Unpaired[];
let comparisons: Comparison[];

beforeAll(async () => {
  h = await startAwsHarness();
  const templates = parityTemplates();
  const CertificateArn = await requestCertificate(h.endpoint);
  stackResources = await deployTemplates(h.endpoint, templates, { CertificateArn });
  live = await scanWith(h, collectors, { regions: ['us-east-1'] });
  code = await parseIacPaths(templates, { parameters: { CertificateArn } });
  ({ pairs, unpaired } = pairResources(stackResources, code, live));
  comparisons = compare(pairs, rules, code, live);
});

afterAll(async () => {
  await h?.stop();
});

const matches = (entry: AllowedDifference, c: Comparison) =>
  entry.rule === c.rule && entry.file === c.pair.file && entry.logicalId === c.pair.logicalId && entry.code === c.code.verdict && entry.live === c.live.verdict;

describe('code-vs-live parity', () => {
  it('parses every template without problems', () => {
    expect(code.collection.filter((r) => r.outcome !== 'ok').map((r) => `${r.file}: ${r.message}`)).toEqual([]);
    expect(stackResources.length).toBeGreaterThan(0);
  });

  it('finds, live, every deployed resource of a type the collectors write', () => {
    const missing = unpaired.filter((u) => u.reason !== 'not_modelled_live');
    expect(missing.map((u) => `${u.resource.file.split('/').pop()}#${u.resource.logicalId} (${u.resource.type}, ${u.resource.physicalId || 'no physical id'}): ${u.reason} ${u.candidates?.join(', ') ?? ''}`.trim())).toEqual([]);
  });

  it('compares at least one rule on at least one pair', () => {
    expect(rulesForBoth(rules).length).toBeGreaterThan(0);
    expect(comparisons.length).toBeGreaterThan(0);
  });

  it('gives the same verdict in code and live for every rule and resource, apart from the allowed differences', () => {
    const unexpected = comparisons.filter((c) => c.code.verdict !== c.live.verdict && !ALLOWED_DIFFERENCES.some((entry) => matches(entry, c)));
    expect(unexpected.map(describeComparison).join('\n\n')).toBe('');
  });

  it('has no stale entry in the allow-list', () => {
    const differences = comparisons.filter((c) => c.code.verdict !== c.live.verdict);
    const stale = ALLOWED_DIFFERENCES.filter((entry) => !differences.some((c) => matches(entry, c)));
    const now = (entry: AllowedDifference) => comparisons.find((c) => c.rule === entry.rule && c.pair.file === entry.file && c.pair.logicalId === entry.logicalId);
    expect(
      stale.map((entry) => {
        const current = now(entry);
        return `${entry.rule} on ${entry.file}#${entry.logicalId}: allowed code ${entry.code} / live ${entry.live}, now ${current ? `code ${current.code.verdict} / live ${current.live.verdict}` : 'not compared (the rule no longer reads both sources, or the resource is gone)'}`;
      }),
    ).toEqual([]);
  });
});
