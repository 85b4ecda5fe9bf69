/**
 * Elastic Load Balancing v2: load balancers (with the Availability Zones they serve), their listeners, the rules of
 * HTTP listeners (whether they only redirect to HTTPS), and target groups with their registered targets.
 * Listener actions keep their routing shape only: authentication settings (client secrets) are never stored.
 */
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  type Action,
  type Listener,
  type LoadBalancer,
  type TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { UnknownMark } from '../core/index.js';
import { defined } from './framework/aws-values.js';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

const OPERATIONS = {
  DescribeLoadBalancers: 'elasticloadbalancing:DescribeLoadBalancers',
  DescribeListeners: 'elasticloadbalancing:DescribeListeners',
  DescribeRules: 'elasticloadbalancing:DescribeRules',
  DescribeTargetGroups: 'elasticloadbalancing:DescribeTargetGroups',
  DescribeTargetHealth: 'elasticloadbalancing:DescribeTargetHealth',
} as const;

type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const LISTENER_RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';

/** ELB's API rate is shared by the whole account; the scan already caps this service low (scan.ts SERVICE_LIMITS). */
const PER_RESOURCE_CONCURRENCY = 3;

export default defineCollector({
  service: 'elasticloadbalancing',
  scope: 'regional',
  operations: OPERATIONS,
  listings: {
    DescribeLoadBalancers: ['AWS::ElasticLoadBalancingV2::LoadBalancer', LISTENER, LISTENER_RULE],
    // Per load balancer: a failure also marks the load balancer `@…Listener`.
    DescribeListeners: [LISTENER, LISTENER_RULE],
    // DescribeRules (per HTTP listener) is no listing: rules are only reached from their listener, whose
    // `@…ListenerRule` mark says when they could not be read, so one failed call leaves only that listener unknown.
    DescribeTargetGroups: ['AWS::ElasticLoadBalancingV2::TargetGroup'],
  },
  produces: ['AWS::ElasticLoadBalancingV2::LoadBalancer', LISTENER, LISTENER_RULE, 'AWS::ElasticLoadBalancingV2::TargetGroup'],
  async collect(ctx) {
    const elb = ctx.client(ElasticLoadBalancingV2Client);
    await Promise.all([loadBalancers(ctx, elb), targetGroups(ctx, elb)]);
  },
});

async function loadBalancers(ctx: Ctx, elb: ElasticLoadBalancingV2Client): Promise<void> {
  const lbs = await ctx.pages(
    'DescribeLoadBalancers',
    (Marker, o) => elb.send(new DescribeLoadBalancersCommand({ Marker, PageSize: 400 }), o),
    (p) => p.NextMarker,
    (p) => p.LoadBalancers,
  );
  if (!lbs.ok) return;
  await mapLimit(
    lbs.value.filter((lb) => lb.LoadBalancerArn),
    PER_RESOURCE_CONCURRENCY,
    (lb) => loadBalancer(ctx, elb, lb),
  );
}

async function loadBalancer(ctx: Ctx, elb: ElasticLoadBalancingV2Client, lb: LoadBalancer): Promise<void> {
  const arn = lb.LoadBalancerArn ?? '';
  const listeners = await ctx.pages(
    'DescribeListeners',
    (Marker, o) => elb.send(new DescribeListenersCommand({ LoadBalancerArn: arn, Marker, PageSize: 400 }), o),
    (p) => p.NextMarker,
    (p) => p.Listeners,
    { resource: arn },
  );
  const unknown: UnknownMark[] = listeners.ok ? [] : [{ path: `@${LISTENER}`, reason: listeners.reason }];
  ctx.emit({
    uid: arn,
    type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
    name: lb.LoadBalancerName ?? arn,
    physicalId: arn,
    properties: {
      Name: lb.LoadBalancerName ?? null,
      Scheme: lb.Scheme ?? null,
      Type: lb.Type ?? null,
      IpAddressType: lb.IpAddressType ?? null,
      VpcId: lb.VpcId ?? null,
      DNSName: lb.DNSName ?? null,
      Subnets: (lb.AvailabilityZones ?? []).map((z) => z.SubnetId).filter((id): id is string => id !== undefined),
      SecurityGroups: lb.SecurityGroups ?? [],
      AvailabilityZones: (lb.AvailabilityZones ?? []).map((z) => z.ZoneName).filter((z): z is string => z !== undefined),
      State: lb.State?.Code ?? null,
    },
    unknown,
  });
  if (!listeners.ok) return;
  await mapLimit(listeners.value, 1, (l) => listener(ctx, elb, l));
}

/**
 * Emits a listener and, for HTTP, its rules: theirs are the ones whose actions decide whether traffic stays in clear
 * text. Rules that could not be read mark the listener.
 */
async function listener(ctx: Ctx, elb: ElasticLoadBalancingV2Client, l: Listener): Promise<void> {
  const arn = l.ListenerArn;
  if (!arn) return;
  const unknown: UnknownMark[] = [];
  if (l.Protocol === 'HTTP') {
    const rules = await ctx.pages(
      'DescribeRules',
      (Marker, o) => elb.send(new DescribeRulesCommand({ ListenerArn: arn, Marker, PageSize: 400 }), o),
      (p) => p.NextMarker,
      (p) => p.Rules,
      { resource: arn },
    );
    if (rules.ok) {
      // The default rule is the listener's DefaultActions, already on the listener.
      for (const r of rules.value.filter((r) => !r.IsDefault && r.RuleArn)) {
        ctx.emit({
          uid: r.RuleArn ?? '',
          type: LISTENER_RULE,
          name: r.RuleArn?.slice(r.RuleArn.lastIndexOf('/') + 1) ?? '',
          physicalId: r.RuleArn,
          properties: {
            ListenerArn: arn,
            Priority: /^\d+$/.test(r.Priority ?? '') ? Number(r.Priority) : (r.Priority ?? null),
            Conditions: (r.Conditions ?? []).map((c) => defined({ Field: c.Field, Values: c.Values })),
            Actions: actions(r.Actions),
          },
        });
      }
    } else {
      unknown.push({ path: `@${LISTENER_RULE}`, reason: rules.reason });
    }
  }
  ctx.emit({
    uid: arn,
    type: LISTENER,
    name: `${l.Protocol ?? '?'}:${l.Port ?? '?'}`,
    physicalId: arn,
    properties: {
      LoadBalancerArn: l.LoadBalancerArn ?? null,
      Port: l.Port ?? null,
      Protocol: l.Protocol ?? null,
      // What AWS returns, also on plain listeners: rules judge it only where the protocol is HTTPS or TLS.
      SslPolicy: l.SslPolicy ?? null,
      Certificates: (l.Certificates ?? []).map((c) => defined({ CertificateArn: c.CertificateArn })),
      DefaultActions: actions(l.DefaultActions),
    },
    unknown,
  });
}

/** Actions in CloudFormation shape, routing only: authentication configs (which may hold client secrets) are dropped. */
function actions(list: readonly Action[] | undefined): Array<Record<string, unknown>> {
  return (list ?? []).map((a) =>
    defined({
      Type: a.Type,
      Order: a.Order,
      TargetGroupArn: a.TargetGroupArn,
      RedirectConfig: a.RedirectConfig
        ? defined({
            Protocol: a.RedirectConfig.Protocol,
            Port: a.RedirectConfig.Port,
            Host: a.RedirectConfig.Host,
            Path: a.RedirectConfig.Path,
            Query: a.RedirectConfig.Query,
            StatusCode: a.RedirectConfig.StatusCode,
          })
        : undefined,
      FixedResponseConfig: a.FixedResponseConfig ? defined({ StatusCode: a.FixedResponseConfig.StatusCode, ContentType: a.FixedResponseConfig.ContentType }) : undefined,
      ForwardConfig: a.ForwardConfig
        ? { TargetGroups: (a.ForwardConfig.TargetGroups ?? []).map((t) => defined({ TargetGroupArn: t.TargetGroupArn, Weight: t.Weight })) }
        : undefined,
    }),
  );
}

async function targetGroups(ctx: Ctx, elb: ElasticLoadBalancingV2Client): Promise<void> {
  const groups = await ctx.pages(
    'DescribeTargetGroups',
    (Marker, o) => elb.send(new DescribeTargetGroupsCommand({ Marker, PageSize: 400 }), o),
    (p) => p.NextMarker,
    (p) => p.TargetGroups,
  );
  if (!groups.ok) return;
  await mapLimit(
    groups.value.filter((g) => g.TargetGroupArn),
    PER_RESOURCE_CONCURRENCY,
    (g) => targetGroup(ctx, elb, g),
  );
}

async function targetGroup(ctx: Ctx, elb: ElasticLoadBalancingV2Client, g: TargetGroup): Promise<void> {
  const arn = g.TargetGroupArn ?? '';
  const health = await ctx.call('DescribeTargetHealth', (o) => elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn }), o), { resource: arn });
  ctx.emit({
    uid: arn,
    type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    name: g.TargetGroupName ?? arn,
    physicalId: arn,
    properties: {
      Name: g.TargetGroupName ?? null,
      TargetType: g.TargetType ?? null,
      Protocol: g.Protocol ?? null,
      Port: g.Port ?? null,
      VpcId: g.VpcId ?? null,
      HealthCheckEnabled: g.HealthCheckEnabled ?? null,
      LoadBalancerArns: g.LoadBalancerArns ?? [],
      ...(health.ok
        ? { Targets: (health.value.TargetHealthDescriptions ?? []).map((d) => defined({ Id: d.Target?.Id, Port: d.Target?.Port, AvailabilityZone: d.Target?.AvailabilityZone })) }
        : {}),
    },
    unknown: health.ok ? [] : [{ path: '/Targets', reason: health.reason }],
  });
}
