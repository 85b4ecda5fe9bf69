// The ELBv2 collector against moto through the fault proxy. moto gives HTTP listeners an SslPolicy; the proxy patches
// that away (as AWS answers), and the collector stores what the API returns either way.
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { DescribeSubnetsCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ec2Collector from '../../../src/collectors/ec2.js';
import elbv2 from '../../../src/collectors/elbv2.js';
import type { Snapshot } from '../../../src/core/index.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, named, ofType, recordOf } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const TG = 'AWS::ElasticLoadBalancingV2::TargetGroup';

let h: AwsHarness;
let elb: ElasticLoadBalancingV2Client;
beforeAll(async () => {
  h = await startAwsHarness();
  elb = new ElasticLoadBalancingV2Client(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

const scan = (collectors = [elbv2]) => scanWith(h, collectors);

async function defaultSubnets(): Promise<Array<{ id: string; az: string; vpc: string }>> {
  const ec2 = new EC2Client(clientConfig(h.endpoint));
  const subnets = (await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? [];
  return subnets.map((s) => ({ id: s.SubnetId!, az: s.AvailabilityZone!, vpc: s.VpcId! })).sort((a, b) => a.az.localeCompare(b.az));
}

interface Seeded {
  alb: string;
  nlb: string;
  http: string;
  https: string;
  forwardRule: string;
  group: string;
  instance: string;
}

/** An internet-facing ALB (HTTP redirecting, with one forwarding rule; HTTPS on a TLS 1.2 policy), a one-AZ internal NLB. */
async function seed(): Promise<Seeded> {
  const subnets = await defaultSubnets();
  const alb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: [subnets[0]!.id, subnets[1]!.id], Scheme: 'internet-facing', Type: 'application' }))).LoadBalancers![0]!
    .LoadBalancerArn!;
  const nlb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'internal', Subnets: [subnets[0]!.id], Scheme: 'internal', Type: 'network' }))).LoadBalancers![0]!.LoadBalancerArn!;
  const group = (await elb.send(new CreateTargetGroupCommand({ Name: 'app', Protocol: 'HTTP', Port: 8080, VpcId: subnets[0]!.vpc, TargetType: 'instance' }))).TargetGroups![0]!.TargetGroupArn!;
  const ec2 = new EC2Client(clientConfig(h.endpoint));
  const instance = (await ec2.send(new RunInstancesCommand({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1, SubnetId: subnets[0]!.id }))).Instances![0]!.InstanceId!;
  await elb.send(new RegisterTargetsCommand({ TargetGroupArn: group, Targets: [{ Id: instance, Port: 8080 }] }));
  const http = (
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: alb,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
      }),
    )
  ).Listeners![0]!.ListenerArn!;
  const certificate = (await new ACMClient(clientConfig(h.endpoint)).send(new RequestCertificateCommand({ DomainName: 'app.example.com' }))).CertificateArn!;
  const https = (
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn: alb,
        Protocol: 'HTTPS',
        Port: 443,
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        Certificates: [{ CertificateArn: certificate }],
        DefaultActions: [{ Type: 'forward', TargetGroupArn: group }],
      }),
    )
  ).Listeners![0]!.ListenerArn!;
  const forwardRule = (
    await elb.send(
      new CreateRuleCommand({ ListenerArn: http, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/legacy/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: group }] }),
    )
  ).Rules![0]!.RuleArn!;
  return { alb, nlb, http, https, forwardRule, group, instance };
}

describe('a seeded account', () => {
  let seeded: Seeded;
  let snapshot: Snapshot;
  beforeAll(async () => {
    await h.reset();
    seeded = await seed();
    snapshot = await scan();
  });

  it('records the listings', () => {
    expectListings(snapshot, {
      'elasticloadbalancing:DescribeLoadBalancers': [LB, LISTENER, RULE],
      'elasticloadbalancing:DescribeListeners': [LISTENER, RULE],
      // Per listener, a listener's rules are reached from it: its mark, not this record, says when they are missing.
      'elasticloadbalancing:DescribeRules': [],
      'elasticloadbalancing:DescribeTargetGroups': [TG],
      'elasticloadbalancing:DescribeTargetHealth': [],
    });
    // Rules are read for the HTTP listener only.
    expect(recordOf(snapshot, 'elasticloadbalancing:DescribeRules').calls).toEqual({ ok: 1 });
  });

  it('writes load balancers with their zones', async () => {
    const subnets = await defaultSubnets();
    const alb = named(snapshot, LB, seeded.alb);
    expect(alb.uid).toBe(seeded.alb);
    expect(alb.name).toBe('web');
    expect(alb.properties).toMatchObject({
      Name: 'web',
      Scheme: 'internet-facing',
      Type: 'application',
      VpcId: subnets[0]!.vpc,
      Subnets: [subnets[0]!.id, subnets[1]!.id],
      AvailabilityZones: [subnets[0]!.az, subnets[1]!.az],
    });
    expect(named(snapshot, LB, seeded.nlb).properties).toMatchObject({ Scheme: 'internal', Type: 'network', AvailabilityZones: [subnets[0]!.az] });
  });

  it('writes listeners in CloudFormation shape, SslPolicy as returned', () => {
    expect(named(snapshot, LISTENER, seeded.http).properties).toEqual({
      LoadBalancerArn: seeded.alb,
      Port: 80,
      Protocol: 'HTTP',
      SslPolicy: null,
      Certificates: [],
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
    expect(named(snapshot, LISTENER, seeded.https).properties).toMatchObject({
      Protocol: 'HTTPS',
      Port: 443,
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      DefaultActions: [expect.objectContaining({ Type: 'forward', TargetGroupArn: seeded.group })],
    });
    const rules = ofType(snapshot, RULE);
    expect(rules.map((r) => r.uid)).toEqual([seeded.forwardRule]);
    expect(rules[0]?.properties).toEqual({
      ListenerArn: seeded.http,
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', Values: ['/legacy/*'] }],
      Actions: [expect.objectContaining({ Type: 'forward', TargetGroupArn: seeded.group })],
    });
  });

  it('writes target groups with their registered targets', () => {
    expect(named(snapshot, TG, seeded.group).properties).toMatchObject({ Name: 'app', TargetType: 'instance', Protocol: 'HTTP', Port: 8080, Targets: [{ Id: seeded.instance, Port: 8080 }] });
  });

  it('gives the rules what they need to judge', async () => {
    const judged = verdicts(snapshot, ['elbv2-listener-tls', 'elb-multi-az']);
    expect(judged.get('elbv2-listener-tls')?.status).toBe('fail'); // the HTTP listener's forwarding rule
    expect(judged.get('elb-multi-az')?.status).toBe('fail'); // the one-zone NLB
    const withInstances = await scan([elbv2, ec2Collector]);
    expect(verdicts(withInstances, ['ec2-instance-behind-lb-in-auto-scaling-group']).get('ec2-instance-behind-lb-in-auto-scaling-group')?.status).toBe('fail');
  });
});

describe('pagination', () => {
  it('follows every page of every listing', async () => {
    await h.reset();
    const seeded = await seed();
    const subnets = await defaultSubnets();
    for (const name of ['b1', 'b2']) await elb.send(new CreateLoadBalancerCommand({ Name: name, Subnets: [subnets[0]!.id, subnets[1]!.id] }));
    for (const name of ['g1', 'g2']) await elb.send(new CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 80, VpcId: subnets[0]!.vpc }));
    await elb.send(new CreateRuleCommand({ ListenerArn: seeded.http, Priority: 20, Conditions: [{ Field: 'path-pattern', Values: ['/b/*'] }], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }));
    const whole = await scan();
    for (const operation of ['DescribeLoadBalancers', 'DescribeListeners', 'DescribeTargetGroups']) h.proxy.paginate({ service: 'elasticloadbalancing', operation }, { pageSize: 1 });
    h.proxy.paginate({ service: 'elasticloadbalancing', operation: 'DescribeRules' }, { pageSize: 1, spec: { format: 'xml', lists: ['Rules'], token: 'NextMarker' } });
    const paged = await scan();
    h.proxy.clearFaults();
    for (const operation of ['DescribeLoadBalancers', 'DescribeListeners', 'DescribeTargetGroups', 'DescribeRules']) {
      expect({ operation, pages: answeredBy(h, 'elasticloadbalancing', operation).includes('page') }).toEqual({ operation, pages: true });
    }
    const uids = (s: Snapshot) => s.resources.map((r) => r.uid).sort();
    expect(uids(paged)).toEqual(uids(whole));
    expect(ofType(paged, LB)).toHaveLength(4);
    expect(ofType(paged, TG)).toHaveLength(3);
    expect(ofType(paged, RULE)).toHaveLength(2);
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    const subnets = await defaultSubnets();
    // Clean enough that every dependent rule would pass or be not applicable with complete data.
    const alb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: [subnets[0]!.id, subnets[1]!.id] }))).LoadBalancers![0]!.LoadBalancerArn!;
    await elb.send(new CreateTargetGroupCommand({ Name: 'app', Protocol: 'HTTP', Port: 80, VpcId: subnets[0]!.vpc }));
    await elb.send(
      new CreateListenerCommand({ LoadBalancerArn: alb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }] }),
    );
  });

  it.each(['DescribeLoadBalancers', 'DescribeListeners', 'DescribeRules', 'DescribeTargetGroups'])('access denied on %s leaves dependent rules unknown', async (operation) => {
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'elasticloadbalancing', operation }, { kind: 'access_denied' });
    const snapshot = await scan();
    h.proxy.clearFaults();
    expectFailed(snapshot, `elasticloadbalancing:${operation}`, 'access_denied');
    if (operation === 'DescribeListeners') expect(ofType(snapshot, LB)[0]?.unknown).toEqual([{ path: `@${LISTENER}`, reason: 'collection_failed:elasticloadbalancing:DescribeListeners' }]);
    if (operation === 'DescribeRules') {
      expect(ofType(snapshot, LISTENER)[0]?.unknown).toEqual([{ path: `@${RULE}`, reason: 'collection_failed:elasticloadbalancing:DescribeRules' }]);
      // The listing of listeners (and so of their rules) stands; the listener's mark says its rules are unknown.
      expect(recordOf(snapshot, 'elasticloadbalancing:DescribeListeners')).toMatchObject({ outcome: 'ok', lists: [LISTENER, RULE] });
      expect(recordOf(snapshot, 'elasticloadbalancing:DescribeRules').lists).toEqual([]);
    }
  });

  it('a denied target health read marks the target group', async () => {
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'elasticloadbalancing', operation: 'DescribeTargetHealth' }, { kind: 'access_denied' });
    const snapshot = await scan([elbv2, ec2Collector]);
    h.proxy.clearFaults();
    const group = ofType(snapshot, TG)[0]!;
    expect(group.unknown).toEqual([{ path: '/Targets', reason: 'collection_failed:elasticloadbalancing:DescribeTargetHealth' }]);
    expect(recordOf(snapshot, 'elasticloadbalancing:DescribeTargetHealth')).toMatchObject({ outcome: 'access_denied', affected: [group.uid] });
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves the listing unknown', async () => {
    h.proxy.clearFaults();
    h.proxy.fault({ service: 'elasticloadbalancing', operation: 'DescribeLoadBalancers' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [elbv2], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'elasticloadbalancing:DescribeLoadBalancers', 'throttled');
  });
});
