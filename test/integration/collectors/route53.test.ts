// The Route 53 health check collector (global) against moto through the fault proxy: health checks in
// CloudFormation shape, pagination, denial and throttling, and the rule that pairs them with public load balancers.
import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CreateLoadBalancerCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { CreateHealthCheckCommand, Route53Client } from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import elbv2 from '../../../src/collectors/elbv2.js';
import route53 from '../../../src/collectors/route53.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, ofType } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const CHECK = 'AWS::Route53::HealthCheck';

let h: AwsHarness;
let client: Route53Client;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new Route53Client(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

async function check(reference: string, domain: string): Promise<string> {
  const out = await client.send(
    new CreateHealthCheckCommand({
      CallerReference: reference,
      HealthCheckConfig: { Type: 'HTTPS', FullyQualifiedDomainName: domain, ResourcePath: '/healthz', RequestInterval: 30, FailureThreshold: 3 },
    }),
  );
  return out.HealthCheck!.Id!;
}

const scan = () => scanWith(h, [route53]);

describe('a seeded account', () => {
  it('writes each health check once per account, in the global Region', async () => {
    await h.reset();
    const id = await check('one', 'app.example.com');
    const snapshot = await scanWith(h, [route53], { regions: ['us-east-1', 'eu-west-1'] });
    expectListings(snapshot, { 'route53:ListHealthChecks': [CHECK] }, 'global');
    const checks = ofType(snapshot, CHECK);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ uid: `arn:aws:route53:::healthcheck/${id}`, physicalId: id, region: 'global', name: 'app.example.com' });
    expect(checks[0]!.properties['HealthCheckConfig']).toMatchObject({ Type: 'HTTPS', FullyQualifiedDomainName: 'app.example.com', ResourcePath: '/healthz', RequestInterval: 30, FailureThreshold: 3 });
  });
});

describe('pagination', () => {
  it('follows every page', async () => {
    await h.reset();
    for (const n of [1, 2, 3]) await check(`c${n}`, `c${n}.example.com`);
    h.proxy.paginate({ service: 'route53', operation: 'ListHealthChecks' }, { pageSize: 1 });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expect(answeredBy(h, 'route53', 'ListHealthChecks')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, CHECK)).toHaveLength(3);
  });
});

describe('failures', () => {
  const RULE = 'route53-health-checks-for-public-load-balancers';
  beforeAll(async () => {
    await h.reset();
    await check('one', 'app.example.com');
    // An internet-facing load balancer: the rule passes on the health check when it is read, and only then.
    const subnets = (await new EC2Client(clientConfig(h.endpoint)).send(new DescribeSubnetsCommand({}))).Subnets!.map((s) => s.SubnetId!);
    await new ElasticLoadBalancingV2Client(clientConfig(h.endpoint)).send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: subnets.slice(0, 2), Scheme: 'internet-facing' }));
  });

  it('access denied leaves the health check rule unknown', async () => {
    expect(verdicts(await scanWith(h, [route53, elbv2]), [RULE]).get(RULE)?.status).toBe('pass');
    h.proxy.fault({ service: 'route53', operation: 'ListHealthChecks' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [route53, elbv2]);
    h.proxy.clearFaults();
    expectFailed(snapshot, 'route53:ListHealthChecks', 'access_denied', 'global');
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves it unknown', async () => {
    h.proxy.fault({ service: 'route53', operation: 'ListHealthChecks' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [route53], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'route53:ListHealthChecks', 'throttled', 'global');
  });
});
