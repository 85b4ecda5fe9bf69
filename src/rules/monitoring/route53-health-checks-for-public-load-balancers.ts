/**
 * A production account that exposes internet-facing load balancers has Route 53 health checks (the seed guide:
 * "implement health checks and automated alerting for service degradation"). A heuristic: any health check of the
 * account counts; whether it probes the endpoint behind each load balancer is not checked (health checks usually
 * target the product's domain name, not the load balancer's).
 *
 * N/A     the account is not listed in `productionAccounts` (when set); it has no internet-facing load balancer.
 * PASS    it has at least one Route 53 health check.
 * FAIL    it has internet-facing load balancers and no health check.
 * UNKNOWN the load balancers or the health checks could not all be listed.
 * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover.html
 */
import { defineRule } from '../../core/index.js';
import { isProductionAccount } from '../_lib/production.js';
import { asString, listForMessage } from '../_lib/shape.js';
import { nameOf } from '../_lib/names.js';

export default defineRule({
  meta: {
    id: 'route53-health-checks-for-public-load-balancers',
    title: 'Accounts with internet-facing load balancers have Route 53 health checks',
    severity: 'low',
    requirements: [],
    bestPractice: 'monitoring',
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'A health check probing the public endpoint from several AWS locations notices an outage the way customers do, can alarm on it, and drives DNS failover. Internal metrics alone miss DNS, certificate and edge failures.',
    remediation: {
      summary: 'Create a Route 53 health check on the public endpoint (HTTPS, with a health path) and a CloudWatch alarm on its HealthCheckStatus.',
      console: [
        'Open the Route 53 console, choose Health checks, then Create health check.',
        'Choose Endpoint, specify by domain name, protocol HTTPS, the product domain and a health path such as /healthz.',
        'Under Get notified when health check fails, create an alarm to your on-call SNS topic, then Create health check.',
      ],
      cli: [
        'aws route53 create-health-check --caller-reference "$(date +%s)" \\',
        '  --health-check-config Type=HTTPS,FullyQualifiedDomainName=app.example.com,ResourcePath=/healthz,RequestInterval=30,FailureThreshold=3',
        'aws cloudwatch put-metric-alarm --region us-east-1 --alarm-name app-health --namespace AWS/Route53 --metric-name HealthCheckStatus \\',
        '  --dimensions Name=HealthCheckId,Value=<health-check-id> --statistic Minimum --period 60 --evaluation-periods 1 \\',
        '  --threshold 1 --comparison-operator LessThanThreshold --alarm-actions <sns-topic-arn>',
      ].join('\n'),
      cloudformation: [
        'AppHealthCheck:',
        '  Type: AWS::Route53::HealthCheck',
        '  Properties:',
        '    HealthCheckConfig:',
        '      Type: HTTPS',
        '      FullyQualifiedDomainName: app.example.com',
        '      ResourcePath: /healthz',
        '      RequestInterval: 30',
        '      FailureThreshold: 3',
        '    HealthCheckTags:',
        '      - { Key: Name, Value: app-health }',
      ].join('\n'),
      terraform: [
        'resource "aws_route53_health_check" "app" {',
        '  type              = "HTTPS"',
        '  fqdn              = "app.example.com"',
        '  resource_path     = "/healthz"',
        '  request_interval  = 30',
        '  failure_threshold = 3',
        '  tags              = { Name = "app-health" }',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover.html', 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating.html'],
    },
    messages: {
      healthChecked: 'Account {{resource}} has {{count}} Route 53 health check(s) for its internet-facing load balancers.',
      noHealthChecks: 'Account {{resource}} exposes {{loadBalancers}} to the internet and has no Route 53 health check.',
      noPublicLoadBalancers: 'Account {{resource}} has no internet-facing load balancer.',
      notProduction: 'Account {{resource}} is not listed as production.',
    },
    needs: ['elasticloadbalancing:DescribeLoadBalancers', 'route53:ListHealthChecks'],
  },
  evaluate(account, ctx) {
    if (!isProductionAccount(ctx, account.account)) return ctx.notApplicable('notProduction');
    const scope = { account: account.account, source: account.source };
    const publicLbs: string[] = [];
    let uncertain: string | undefined;
    for (const lb of ctx.resources('AWS::ElasticLoadBalancingV2::LoadBalancer', scope)) {
      const mark = ctx.unknownAt(lb, '/Scheme');
      if (mark) uncertain ??= mark.reason;
      else if ((asString(ctx.get(lb, '/Scheme')) ?? 'internet-facing') === 'internet-facing') publicLbs.push(nameOf(lb));
    }
    const lbInventory = ctx.inventory('AWS::ElasticLoadBalancingV2::LoadBalancer', scope);
    if (!lbInventory.complete) uncertain ??= lbInventory.reason ?? 'not_collected:AWS::ElasticLoadBalancingV2::LoadBalancer';
    if (publicLbs.length === 0) return uncertain !== undefined ? ctx.unknown(uncertain) : ctx.notApplicable('noPublicLoadBalancers');

    const checks = ctx.resources('AWS::Route53::HealthCheck', scope);
    if (checks.length > 0) return ctx.pass('healthChecked', { count: checks.length });
    const hcInventory = ctx.inventory('AWS::Route53::HealthCheck', scope);
    if (!hcInventory.complete) return ctx.unknown(hcInventory.reason ?? 'not_collected:AWS::Route53::HealthCheck');
    return ctx.fail('noHealthChecks', { loadBalancers: listForMessage(publicLbs) });
  },
});
