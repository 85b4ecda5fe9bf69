// The OpenSearch collector: domains described five at a time, public and VPC domains, a failed batch marking its
// domains (and naming them as affected), denial and throttling of the listing.
import { CreateDomainCommand, OpenSearchClient, type CreateDomainCommandInput } from '@aws-sdk/client-opensearch';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import opensearch from '../../../src/collectors/opensearch.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const DOMAIN = 'AWS::OpenSearchService::Domain';
const RULES = ['opensearch-encrypted-at-rest', 'opensearch-enforces-https'];

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

const create = (DomainName: string, input: Partial<CreateDomainCommandInput> = {}) => new OpenSearchClient(clientConfig(h.endpoint)).send(new CreateDomainCommand({ DomainName, ...input }));

it('reads each domain’s encryption, endpoint options and network placement', async () => {
  await create('search', {
    EncryptionAtRestOptions: { Enabled: true },
    NodeToNodeEncryptionOptions: { Enabled: true },
    DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
    AccessPolicies: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'es:*', Resource: '*' }] }),
  });
  await create('logs', { VPCOptions: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] } });
  await create('legacy');

  const snapshot = await scanWith(h, [opensearch]);
  const search = resourceNamed(snapshot, DOMAIN, 'search');
  expect(search).toMatchObject({ uid: 'arn:aws:es:us-east-1:123456789012:domain/search', physicalId: 'search', unknown: [] });
  expect(search.properties).toEqual({
    DomainName: 'search',
    EngineVersion: 'OpenSearch_2.5',
    ClusterConfig: { InstanceType: 't3.small.search', InstanceCount: 1, DedicatedMasterEnabled: false, ZoneAwarenessEnabled: false },
    EncryptionAtRestOptions: { Enabled: true },
    NodeToNodeEncryptionOptions: { Enabled: true },
    DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
    VPCOptions: null,
    AdvancedSecurityOptions: { Enabled: false, InternalUserDatabaseEnabled: false, AnonymousAuthEnabled: false },
    AccessPolicies: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'es:*', Resource: '*' }] },
  });
  expect(resourceNamed(snapshot, DOMAIN, 'logs').properties).toMatchObject({ VPCOptions: { SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'] }, AccessPolicies: null });
  expect(record(snapshot, 'es:ListDomainNames')).toMatchObject({ outcome: 'ok', lists: [DOMAIN] });
  expect(record(snapshot, 'es:DescribeDomains')).toMatchObject({ outcome: 'ok', calls: { ok: 1 } });

  const uid = (name: string) => resourceNamed(snapshot, DOMAIN, name).uid;
  expect(outcomeOn(snapshot, 'opensearch-enforces-https', uid('search'))).toBe('pass');
  expect(outcomeOn(snapshot, 'opensearch-enforces-https', uid('logs'))).toBe('not_applicable');
  expect(outcomeOn(snapshot, 'opensearch-enforces-https', uid('legacy'))).toBe('fail');
  expect(outcomeOn(snapshot, 'opensearch-encrypted-at-rest', uid('search'))).toBe('pass');
  expect(outcomeOn(snapshot, 'opensearch-encrypted-at-rest', uid('legacy'))).toBe('fail');
});

it('describes domains five at a time, and a failed batch marks only its own domains', async () => {
  const names = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7'].map((n) => `dom-${n}`);
  for (const name of names) await create(name, { EncryptionAtRestOptions: { Enabled: true } });
  const snapshot = await scanWith(h, [opensearch]);
  expect(resourcesOf(snapshot, DOMAIN).map((d) => d.name).sort()).toEqual(names);
  expect(record(snapshot, 'es:DescribeDomains').calls).toEqual({ ok: 2 });

  h.proxy.fault({ service: 'es', operation: 'DescribeDomains' }, { kind: 'access_denied', times: 1 });
  const partial = await scanWith(h, [opensearch]);
  const r = record(partial, 'es:DescribeDomains');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 1, access_denied: 1 } });
  const marked = resourcesOf(partial, DOMAIN).filter((d) => d.unknown.length > 0);
  expect([5, 2]).toContain(marked.length);
  expect(marked.map((d) => d.uid).sort()).toEqual(r.affected);
  expect(unknownPaths(marked[0]!)).toContain('/EncryptionAtRestOptions');
  expect(outcomeOn(partial, 'opensearch-encrypted-at-rest', marked[0]!.uid)).toBe('unknown');
});

it('leaves the rules unknown when the listing is denied or throttled', async () => {
  await create('search', { EncryptionAtRestOptions: { Enabled: true } });
  h.proxy.fault({ service: 'es', operation: 'ListDomainNames' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [opensearch]);
  expect(resourcesOf(denied, DOMAIN)).toEqual([]);
  expectFailure(denied, 'es:ListDomainNames', 'access_denied', { rules: RULES });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'es', operation: 'ListDomainNames' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [opensearch], { maxAttempts: 1 }), 'es:ListDomainNames', 'throttled', { rules: RULES });
});
