// The Auto Scaling collector against moto through the fault proxy: groups with sizes, subnets, zones and tags (the
// `aws:autoscaling:groupName` tag on instances is the EC2 collector's), pagination, denial and throttling.
import { AutoScalingClient, CreateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { CreateLaunchTemplateCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import autoscaling from '../../../src/collectors/autoscaling.js';
import ec2Collector from '../../../src/collectors/ec2.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { answeredBy, expectFailed, expectListings, named, ofType } from './compute-network-helpers.js';
import { scanWith, verdicts } from './scan-helpers.js';

const GROUP = 'AWS::AutoScaling::AutoScalingGroup';

let h: AwsHarness;
let client: AutoScalingClient;
beforeAll(async () => {
  h = await startAwsHarness();
  client = new AutoScalingClient(clientConfig(h.endpoint));
});
afterAll(async () => {
  await h?.stop();
});

async function seed(names: Array<{ name: string; zones: number }>) {
  const ec2 = new EC2Client(clientConfig(h.endpoint));
  const subnets = ((await ec2.send(new DescribeSubnetsCommand({}))).Subnets ?? []).sort((a, b) => a.AvailabilityZone!.localeCompare(b.AvailabilityZone!));
  const template = (await ec2.send(new CreateLaunchTemplateCommand({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-12345678', InstanceType: 't3.micro' } }))).LaunchTemplate!;
  for (const { name, zones } of names) {
    await client.send(
      new CreateAutoScalingGroupCommand({
        AutoScalingGroupName: name,
        MinSize: 0,
        MaxSize: 4,
        DesiredCapacity: 0,
        LaunchTemplate: { LaunchTemplateId: template.LaunchTemplateId, Version: '$Latest' },
        VPCZoneIdentifier: subnets.slice(0, zones).map((s) => s.SubnetId).join(','),
        Tags: [{ Key: 'team', Value: name, PropagateAtLaunch: true }],
      }),
    );
  }
  return { subnets: subnets.map((s) => ({ id: s.SubnetId!, az: s.AvailabilityZone! })), template: template.LaunchTemplateId! };
}

describe('a seeded account', () => {
  it('writes each group in CloudFormation shape', async () => {
    await h.reset();
    const { subnets, template } = await seed([
      { name: 'web', zones: 2 },
      { name: 'single', zones: 1 },
    ]);
    const snapshot = await scanWith(h, [autoscaling]);
    expectListings(snapshot, { 'autoscaling:DescribeAutoScalingGroups': [GROUP] });
    const web = named(snapshot, GROUP, 'web');
    expect(web.uid).toMatch(/^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:.+:autoScalingGroupName\/web$/);
    expect(web.tags).toEqual({ team: 'web' });
    expect(web.properties).toMatchObject({
      AutoScalingGroupName: 'web',
      MinSize: 0,
      MaxSize: 4,
      DesiredCapacity: 0,
      VPCZoneIdentifier: [subnets[0]!.id, subnets[1]!.id],
      AvailabilityZones: expect.arrayContaining([subnets[0]!.az, subnets[1]!.az]),
      LaunchTemplate: { LaunchTemplateId: template, Version: '$Latest' },
      TargetGroupARNs: [],
    });
    const withSubnets = await scanWith(h, [autoscaling, ec2Collector]);
    expect(verdicts(withSubnets, ['asg-multi-az']).get('asg-multi-az')?.status).toBe('fail'); // the one-zone group
  });
});

describe('pagination', () => {
  it('follows every page', async () => {
    await h.reset();
    await seed([
      { name: 'a', zones: 2 },
      { name: 'b', zones: 2 },
      { name: 'c', zones: 2 },
    ]);
    h.proxy.paginate({ service: 'autoscaling', operation: 'DescribeAutoScalingGroups' }, { pageSize: 1 });
    const snapshot = await scanWith(h, [autoscaling]);
    h.proxy.clearFaults();
    expect(answeredBy(h, 'autoscaling', 'DescribeAutoScalingGroups')).toEqual(['moto', 'page', 'page']);
    expect(ofType(snapshot, GROUP).map((g) => g.name).sort()).toEqual(['a', 'b', 'c']);
    expect(verdicts(snapshot, ['asg-multi-az']).get('asg-multi-az')?.status).toBe('pass');
  });
});

describe('failures', () => {
  beforeAll(async () => {
    await h.reset();
    await seed([{ name: 'web', zones: 2 }]);
  });

  it('access denied leaves the group rules unknown', async () => {
    h.proxy.fault({ service: 'autoscaling', operation: 'DescribeAutoScalingGroups' }, { kind: 'access_denied' });
    const snapshot = await scanWith(h, [autoscaling]);
    h.proxy.clearFaults();
    expectFailed(snapshot, 'autoscaling:DescribeAutoScalingGroups', 'access_denied');
  });

  // One attempt: the SDK's own retries are the ec2 test's concern; here only the outcome matters.
  it('persistent throttling leaves them unknown', async () => {
    h.proxy.fault({ service: 'autoscaling', operation: 'DescribeAutoScalingGroups' }, { kind: 'throttle', times: Infinity });
    const snapshot = await scanWith(h, [autoscaling], { maxAttempts: 1 });
    h.proxy.clearFaults();
    expectFailed(snapshot, 'autoscaling:DescribeAutoScalingGroups', 'throttled');
  });
});
