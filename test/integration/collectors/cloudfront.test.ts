// The CloudFront collector against moto through the fault proxy: distributions in CloudFormation shape from the list
// answer, GetDistributionConfig only when a summary lacks fields, pagination, denial and throttling.
import { CloudFrontClient, CreateDistributionCommand, type DistributionConfig } from '@aws-sdk/client-cloudfront';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import cloudfront from '../../../src/collectors/cloudfront.js';
import type { Snapshot } from '../../../src/core/index.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, expectNoSecret, named, ofType, recordOf } from './compute-network-helpers.js';
import { scanWith, TEST_KEYS, verdicts } from './scan-helpers.js';
import { scanAccount } from '../../../src/collectors/framework/scan.js';

const DISTRIBUTION = 'AWS::CloudFront::Distribution';
const ORIGIN_SECRET = 'Vq7-origin-verify-secret';

let h: AwsHarness;
let client: CloudFrontClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new CloudFrontClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

const scan = () => scanWith(h, [cloudfront]);

function config(reference: string, overrides: Partial<DistributionConfig> = {}): DistributionConfig {
  return {
    CallerReference: reference,
    Comment: reference,
    Enabled: true,
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: 'app',
          DomainName: 'app.example.com',
          CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only', OriginSslProtocols: { Quantity: 1, Items: ['TLSv1.2'] } },
          CustomHeaders: { Quantity: 1, Items: [{ HeaderName: 'X-Origin-Verify', HeaderValue: ORIGIN_SECRET }] },
        },
      ],
    },
    DefaultCacheBehavior: { TargetOriginId: 'app', ViewerProtocolPolicy: 'redirect-to-https', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
    ...overrides,
  };
}

async function create(reference: string, overrides: Partial<DistributionConfig> = {}): Promise<string> {
  return (await client.send(new CreateDistributionCommand({ DistributionConfig: config(reference, overrides) }))).Distribution!.Id!;
}

describe('a seeded account', () => {
  let snapshot: Snapshot;
  let ids: { secure: string; open: string };
  beforeAll(async () => {
    await h.reset();
    const secure = await create('secure', {
      Aliases: { Quantity: 1, Items: ['www.example.com'] },
      ViewerCertificate: { ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' },
    });
    const open = await create('open', {
      CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: '/static/*', TargetOriginId: 'app', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' }] },
    });
    ids = { secure, open };
    snapshot = await scan();
  });

  it('records the listing, with no per-distribution call when the summaries are complete', () => {
    expectListings(snapshot, { 'cloudfront:ListDistributions': [DISTRIBUTION] }, 'global');
    expect(snapshot.collection.map((r) => r.action)).not.toContain('cloudfront:GetDistributionConfig');
    expect(h.proxy.callsTo('cloudfront', 'GetDistributionConfig')).toHaveLength(0);
  });

  it('writes DistributionConfig in CloudFormation shape', () => {
    const secure = named(snapshot, DISTRIBUTION, ids.secure);
    expect(secure.uid).toBe(`arn:aws:cloudfront::123456789012:distribution/${ids.secure}`);
    expect(secure.region).toBe('global');
    const config = secure.properties['DistributionConfig'] as Record<string, unknown>;
    expect(config).toMatchObject({
      Enabled: true,
      Aliases: ['www.example.com'],
      Origins: [
        {
          Id: 'app',
          DomainName: 'app.example.com',
          CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
          OriginCustomHeaders: [{ HeaderName: 'X-Origin-Verify' }],
        },
      ],
      DefaultCacheBehavior: { TargetOriginId: 'app', ViewerProtocolPolicy: 'redirect-to-https' },
      CacheBehaviors: [],
      ViewerCertificate: { AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
    });
    const open = named(snapshot, DISTRIBUTION, ids.open).properties['DistributionConfig'] as Record<string, unknown>;
    expect(open['CacheBehaviors']).toEqual([expect.objectContaining({ PathPattern: '/static/*', TargetOriginId: 'app', ViewerProtocolPolicy: 'allow-all' })]);
  });

  it('never stores an origin custom header value', () => {
    expectNoSecret(snapshot, ORIGIN_SECRET);
  });

  it('gives the rules what they need to judge', () => {
    const judged = verdicts(snapshot, ['cloudfront-viewer-https', 'cloudfront-origin-https']);
    expect(judged.get('cloudfront-viewer-https')?.status).toBe('fail'); // allow-all on /static/*
    expect(judged.get('cloudfront-origin-https')?.status).toBe('pass');
    // moto quirk: CloudFrontDefaultCertificate comes back true next to the ACM certificate (AWS: false). It is stored as
    // returned, so on moto the TLS rule sees the default certificate.
    const certificate = (named(snapshot, DISTRIBUTION, ids.secure).properties['DistributionConfig'] as { ViewerCertificate: Record<string, unknown> }).ViewerCertificate;
    expect(certificate['CloudFrontDefaultCertificate']).toBe(true);
  });
});

describe('pagination and fallbacks', () => {
  it('follows every page', async () => {
    await h.reset();
    for (const ref of ['p1', 'p2', 'p3']) await create(ref);
    h.proxy.paginate(
      { service: 'cloudfront', operation: 'ListDistributions' },
      { pageSize: 1, spec: { format: 'xml', lists: ['Items'], token: 'NextMarker', truncated: 'IsTruncated' } },
    );
    const snapshot = await scan();
    h.proxy.clearFaults();
    expect(answeredBy(h, 'cloudfront', 'ListDistributions')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, DISTRIBUTION)).toHaveLength(3);
    expect(recordOf(snapshot, 'cloudfront:ListDistributions', 'global').lists).toEqual([DISTRIBUTION]);
  });
});

/**
 * moto's list summaries are complete, so the GetDistributionConfig path needs a summary without ViewerCertificate:
 * a small pass-through in front of the proxy cuts it out of ListDistributions answers (test-only workaround; the fault
 * proxy has no response rewriting).
 */
async function strippingProxy(target: string): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', target);
      const upstream = request(url, { method: req.method, headers: { ...req.headers, host: url.host } }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (c: Buffer) => body.push(c));
        answer.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          if (req.method === 'GET' && /\/distribution\/?$/.test(url.pathname)) text = text.replace(/<ViewerCertificate>[\s\S]*?<\/ViewerCertificate>/g, '');
          res.writeHead(answer.statusCode ?? 500, { ...answer.headers, 'content-length': String(Buffer.byteLength(text)) });
          res.end(text);
        });
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('summaries without every field', () => {
  let stripping: { endpoint: string; server: Server };
  let id: string;
  beforeAll(async () => {
    await h.reset();
    id = await create('partial', { ViewerCertificate: { ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' } });
    stripping = await strippingProxy(h.endpoint);
  });
  afterAll(() => new Promise<void>((resolve) => stripping.server.close(() => resolve())));

  const scanStripped = () =>
    scanAccount({ credentials: async () => TEST_KEYS, collectors: [cloudfront], regions: ['us-east-1'], endpoint: stripping.endpoint, maxAttempts: 2, tool: { name: 'ftr-ready', version: 'test' } });

  it('reads the full configuration with GetDistributionConfig', async () => {
    const snapshot = await scanStripped();
    expect(recordOf(snapshot, 'cloudfront:GetDistributionConfig', 'global')).toMatchObject({ outcome: 'ok', calls: { ok: 1 } });
    expect(named(snapshot, DISTRIBUTION, id).properties['DistributionConfig']).toMatchObject({
      ViewerCertificate: { AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', MinimumProtocolVersion: 'TLSv1.2_2021' },
    });
    expect(verdicts(snapshot, ['cloudfront-viewer-tls-1-2']).get('cloudfront-viewer-tls-1-2')?.status).not.toBe('unknown');
  });

  it('a denied GetDistributionConfig marks the distribution and its rules unknown', async () => {
    h.proxy.fault({ service: 'cloudfront', operation: 'GetDistributionConfig' }, { kind: 'access_denied' });
    const snapshot = await scanStripped();
    h.proxy.clearFaults();
    const distribution = named(snapshot, DISTRIBUTION, id);
    expect(distribution.unknown).toEqual([{ path: '/DistributionConfig', reason: 'collection_failed:cloudfront:GetDistributionConfig' }]);
    expect(recordOf(snapshot, 'cloudfront:GetDistributionConfig', 'global')).toMatchObject({ outcome: 'access_denied', affected: [distribution.uid] });
    expectFailed(snapshot, 'cloudfront:GetDistributionConfig', 'access_denied', 'global');
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    await create('only', { ViewerCertificate: { ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', SSLSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' } });
  });

  it('access denied on ListDistributions leaves every CloudFront rule unknown', async () => {
    h.proxy.fault({ service: 'cloudfront', operation: 'ListDistributions' }, { kind: 'access_denied' });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, 'cloudfront:ListDistributions', 'access_denied', 'global');
    expect(ofType(snapshot, DISTRIBUTION)).toHaveLength(0);
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves the listing unknown', async () => {
    h.proxy.fault({ service: 'cloudfront', operation: 'ListDistributions' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [cloudfront], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'cloudfront:ListDistributions', 'throttled', 'global');
  });
});
