// The API Gateway v2 collector against moto through the fault proxy: HTTP API custom domains with the security policy
// of each endpoint configuration, pagination, denial and throttling, and the record it shares with v1
// (`apigateway:GET`): a failure of either leaves both domain inventories unknown.
import { APIGatewayClient, CreateDomainNameCommand as CreateRestDomainNameCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateDomainNameCommand } from '@aws-sdk/client-apigatewayv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import apigateway from '../../../src/collectors/apigateway.js';
import apigatewayv2 from '../../../src/collectors/apigatewayv2.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, named, ofType, recordOf } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const DOMAIN = 'AWS::ApiGatewayV2::DomainName';

let h: AwsHarness;
let client: ApiGatewayV2Client;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new ApiGatewayV2Client(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

async function domain(DomainName: string, SecurityPolicy: 'TLS_1_0' | 'TLS_1_2') {
  await client.send(
    new CreateDomainNameCommand({
      DomainName,
      DomainNameConfigurations: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', EndpointType: 'REGIONAL', SecurityPolicy }],
      Tags: { team: 'http' },
    }),
  );
}

describe('a seeded account', () => {
  it('writes each domain with its endpoint configurations', async () => {
    await h.reset();
    await domain('http.example.com', 'TLS_1_2');
    const snapshot = await scanWith(h, [apigatewayv2]);
    expectListings(snapshot, { 'apigateway:GET': [DOMAIN] });
    const found = named(snapshot, DOMAIN, 'http.example.com');
    expect(found.uid).toMatch(/^arn:aws:apigateway:us-east-1:.*\/domainnames\/http\.example\.com$/);
    expect(found.tags).toEqual({ team: 'http' });
    expect(found.properties).toEqual({
      DomainName: 'http.example.com',
      DomainNameConfigurations: [expect.objectContaining({ EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2', CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' })],
    });
  });

  it('with v1, the TLS rule judges both kinds of domain', async () => {
    await h.reset();
    await domain('http.example.com', 'TLS_1_2');
    await new APIGatewayClient(clientConfig(h.endpoint)).send(
      new CreateRestDomainNameCommand({ domainName: 'rest.example.com', regionalCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', endpointConfiguration: { types: ['REGIONAL'] }, securityPolicy: 'TLS_1_2' }),
    );
    const snapshot = await scanWith(h, [apigateway, apigatewayv2]);
    expect(recordOf(snapshot, 'apigateway:GET')).toMatchObject({ outcome: 'ok', calls: { ok: 2 }, lists: ['AWS::ApiGateway::DomainName', DOMAIN] });
    expect(verdicts(snapshot, ['apigateway-domain-tls-1-2']).get('apigateway-domain-tls-1-2')?.status).toBe('pass');
  });
});

describe('pagination', () => {
  it('follows every page', async () => {
    await h.reset();
    for (const name of ['a', 'b', 'c']) await domain(`${name}.example.com`, 'TLS_1_2');
    h.proxy.paginate({ service: 'apigatewayv2', operation: 'GetDomainNames' }, { pageSize: 1, spec: { format: 'json', lists: ['items'], token: 'nextToken' } });
    const snapshot = await scanWith(h, [apigatewayv2]);
    h.proxy.clearFaults();
    expect(answeredBy(h, 'apigatewayv2', 'GetDomainNames')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, DOMAIN)).toHaveLength(3);
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    await domain('http.example.com', 'TLS_1_2');
  });

  it('access denied leaves the domain rule unknown, even when v1 answered', async () => {
    h.proxy.fault({ service: 'apigatewayv2', operation: 'GetDomainNames' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [apigateway, apigatewayv2]);
    h.proxy.clearFaults();
    expectFailed(snapshot, 'apigateway:GET', 'access_denied');
    expect(recordOf(snapshot, 'apigateway:GET').calls).toEqual({ ok: 1, access_denied: 1 });
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves it unknown', async () => {
    h.proxy.fault({ service: 'apigatewayv2', operation: 'GetDomainNames' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [apigatewayv2], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'apigateway:GET', 'throttled');
  });
});
