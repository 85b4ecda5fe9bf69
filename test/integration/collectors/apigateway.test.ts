// The API Gateway (REST, v1) collector against moto through the fault proxy: custom domain names with their TLS
// policy and endpoint type, pagination, denial and throttling. moto answers GetDomainNames in one page (the proxy
// splits it with an explicit REST-JSON spec).
import { APIGatewayClient, CreateDomainNameCommand } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import apigateway from '../../../src/collectors/apigateway.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, named, ofType } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const DOMAIN = 'AWS::ApiGateway::DomainName';

let h: AwsHarness;
let client: APIGatewayClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new APIGatewayClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

const scan = () => scanWith(h, [apigateway]);

async function regional(domainName: string, securityPolicy: 'TLS_1_0' | 'TLS_1_2') {
  await client.send(
    new CreateDomainNameCommand({
      domainName,
      regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      endpointConfiguration: { types: ['REGIONAL'] },
      securityPolicy,
      tags: { team: 'api' },
    }),
  );
}

describe('a seeded account', () => {
  it('writes each custom domain with its security policy and endpoint type', async () => {
    await h.reset();
    await regional('api.example.com', 'TLS_1_2');
    await regional('legacy.example.com', 'TLS_1_0');
    const snapshot = await scan();
    expectListings(snapshot, { 'apigateway:GET': [DOMAIN] });
    const api = named(snapshot, DOMAIN, 'api.example.com');
    expect(api.uid).toMatch(/^arn:aws:apigateway:us-east-1:.*\/domainnames\/api\.example\.com$/);
    expect(api.tags).toEqual({ team: 'api' });
    expect(api.properties).toMatchObject({
      DomainName: 'api.example.com',
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      RegionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
    });
    expect(named(snapshot, DOMAIN, 'legacy.example.com').properties['SecurityPolicy']).toBe('TLS_1_0');
    expect(verdicts(snapshot, ['apigateway-domain-tls-1-2']).get('apigateway-domain-tls-1-2')?.status).toBe('fail');
  });
});

describe('pagination', () => {
  it('follows every page', async () => {
    await h.reset();
    for (const name of ['a', 'b', 'c']) await regional(`${name}.example.com`, 'TLS_1_2');
    h.proxy.paginate({ service: 'apigateway', operation: 'GetDomainNames' }, { pageSize: 1, spec: { format: 'json', lists: ['item'], token: 'position' } });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expect(answeredBy(h, 'apigateway', 'GetDomainNames')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, DOMAIN).map((d) => d.name).sort()).toEqual(['a.example.com', 'b.example.com', 'c.example.com']);
    expect(verdicts(snapshot, ['apigateway-domain-tls-1-2']).get('apigateway-domain-tls-1-2')?.status).toBe('unknown'); // v2 domains not collected
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    await regional('api.example.com', 'TLS_1_2');
  });

  it('access denied leaves the domain rule unknown', async () => {
    h.proxy.fault({ service: 'apigateway', operation: 'GetDomainNames' }, { kind: 'access_denied' });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, 'apigateway:GET', 'access_denied');
    expect(ofType(snapshot, DOMAIN)).toHaveLength(0);
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves it unknown', async () => {
    h.proxy.fault({ service: 'apigateway', operation: 'GetDomainNames' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [apigateway], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'apigateway:GET', 'throttled');
  });
});
