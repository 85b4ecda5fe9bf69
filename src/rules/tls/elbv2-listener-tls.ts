/**
 * Internet-facing load balancers accept client traffic only over TLS 1.2 or later: HTTPS/TLS listeners use a
 * TLS 1.2+ security policy, and HTTP listeners do nothing but redirect to HTTPS.
 *
 * N/A     the load balancer is internal (`Scheme: internal`): its traffic does not leave the VPC; or the listener is
 *         a Gateway Load Balancer's (GENEVE).
 * PASS    an HTTPS/TLS listener whose `SslPolicy` accepts TLS 1.2 at the lowest; an HTTP listener whose default
 *         action and every listener rule redirect to HTTPS (or return a fixed response, which carries no data).
 * FAIL    an HTTPS/TLS listener whose policy still accepts TLS 1.0/1.1 — `ELBSecurityPolicy-2016-08`, the default
 *         when CloudFormation or the CLI omit `SslPolicy`, does; an HTTP listener that forwards (or authenticates and
 *         forwards) in its default action or in any rule.
 * UNKNOWN the load balancer, the listener rules or the policy name could not be read; or the listener is TCP/UDP:
 *         the load balancer passes bytes through, so whether the targets speak TLS is not visible — a waiver saying
 *         the targets terminate TLS covers it.
 *
 * Templates: `SslPolicy` omitted on an HTTPS/TLS listener is ELBSecurityPolicy-2016-08 (CloudFormation and API
 * default), so it fails; `Scheme` omitted is internet-facing (Terraform `internal = false`). A listener whose load
 * balancer is not in the input (an ARN parameter, an `ImportValue`) is unknown, as is a Terraform plan value computed
 * at apply (`ssl_policy`, `internal`), and an HTTP listener while the Terraform input holds listener rules, which the
 * parser does not map.
 *
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-elasticloadbalancingv2-listener.html (SslPolicy)
 */
import { defineRule, type Outcome, type Resource, type RuleContext } from '../../core/index.js';
import { httpHandling } from '../_lib/elb-http-actions.js';
import { nameOf } from '../_lib/names.js';
import { asInt, asString, readSetting, unknownSetting } from '../_lib/settings.js';
import { elbPolicyMinTls, TLS_1_2, tlsLabel } from '../_lib/tls-policies.js';
import { unmappedTerraform } from '../_lib/unmapped-terraform.js';

const RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';

function httpListener(ctx: RuleContext, listener: Resource, data: Record<string, string | number>): Outcome[] | Outcome {
  const byDefault = httpHandling(ctx, listener, '/DefaultActions');
  if (byDefault.state === 'plain') return ctx.fail('plaintext', { ...data, action: byDefault.action }, { path: '/DefaultActions' });
  if (byDefault.state === 'unknown') return ctx.unknown(byDefault.reason, { path: byDefault.path });
  const rules = ctx.related(listener, RULE, 'ListenerArn');
  const failures: Outcome[] = [];
  let unread: { reason: string } | undefined;
  for (const rule of rules.resources) {
    const handling = httpHandling(ctx, rule, '/Actions');
    if (handling.state === 'plain') failures.push(ctx.fail('plaintextRule', { ...data, rule: nameOf(rule), action: handling.action }, { subject: rule.uid }));
    else if (handling.state === 'unknown') unread ??= handling;
  }
  if (failures.length > 0) return failures;
  // Terraform listener rules are not mapped by the parser: one may forward plain HTTP on this listener.
  const unmapped = unmappedTerraform(ctx, listener, ['aws_lb_listener_rule', 'aws_alb_listener_rule']);
  const reason = unread?.reason ?? (rules.complete ? undefined : (rules.reason ?? `not_collected:${RULE}`)) ?? (unmapped ? `unmapped:${String(unmapped.properties['TerraformType'])}` : undefined);
  if (reason !== undefined) return ctx.unknown(reason, { path: `@${RULE}` });
  return ctx.pass('redirects', data);
}

export default defineRule({
  meta: {
    id: 'elbv2-listener-tls',
    title: 'Internet-facing load balancer listeners use TLS 1.2+ or redirect HTTP to HTTPS',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: true,
        basis: 'the checklist requires encrypted protocols for sensitive data leaving the VPC; internet-facing listeners are where client traffic enters and leaves',
      },
    ],
    resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A listener that serves HTTP, or accepts TLS 1.0/1.1, lets anyone on the network path read or downgrade customer traffic. TLS 1.0 and 1.1 are deprecated (RFC 8996); every current client speaks TLS 1.2 or 1.3.',
    remediation: {
      summary:
        'Use HTTPS/TLS listeners with ELBSecurityPolicy-TLS13-1-2-2021-06 (or a -Res/-PQ/-FIPS variant), and make every HTTP listener a permanent redirect to HTTPS.',
      console: [
        'EC2 console, Load Balancers, select the load balancer, Listeners and rules.',
        'For an HTTPS/TLS listener: Actions, Edit listener, set Security policy to ELBSecurityPolicy-TLS13-1-2-2021-06 (or stricter), Save.',
        'For an HTTP listener: edit its default action to "Redirect to URL", protocol HTTPS, port 443, status HTTP_301; remove rules that forward.',
      ],
      cli: 'aws elbv2 modify-listener --listener-arn <https-listener-arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-2021-06\naws elbv2 modify-listener --listener-arn <http-listener-arn> \\\n  --default-actions \'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}\'',
      cloudformation:
        'HttpsListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Port: 443\n    Protocol: HTTPS\n    SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06\n    Certificates: [{ CertificateArn: !Ref Certificate }]\n    DefaultActions: [{ Type: forward, TargetGroupArn: !Ref TargetGroup }]\n\nHttpListener:\n  Type: AWS::ElasticLoadBalancingV2::Listener\n  Properties:\n    LoadBalancerArn: !Ref LoadBalancer\n    Port: 80\n    Protocol: HTTP\n    DefaultActions:\n      - Type: redirect\n        RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 }',
      terraform:
        'resource "aws_lb_listener" "https" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 443\n  protocol          = "HTTPS"\n  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"\n  certificate_arn   = aws_acm_certificate.web.arn\n  default_action {\n    type             = "forward"\n    target_group_arn = aws_lb_target_group.web.arn\n  }\n}\n\nresource "aws_lb_listener" "http" {\n  load_balancer_arn = aws_lb.web.arn\n  port              = 80\n  protocol          = "HTTP"\n  default_action {\n    type = "redirect"\n    redirect {\n      protocol    = "HTTPS"\n      port        = "443"\n      status_code = "HTTP_301"\n    }\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
        'https://repost.aws/knowledge-center/elb-redirect-http-to-https-using-alb',
      ],
    },
    messages: {
      tls: 'Listener {{resource}} ({{protocol}} {{port}}) accepts {{minimum}} at the lowest ({{policy}}).',
      redirects: 'HTTP listener {{resource}} (port {{port}}) only redirects to HTTPS.',
      internal: 'Listener {{resource}} belongs to internal load balancer {{loadBalancer}}; its traffic stays in the VPC.',
      notApplicable: 'Listener {{resource}} ({{protocol}}) carries no client traffic to encrypt.',
      weakTls: 'Listener {{resource}} ({{protocol}} {{port}}) still accepts {{minimum}} ({{policy}}).',
      plaintext: 'HTTP listener {{resource}} (port {{port}}) serves traffic in clear text ({{action}}).',
      plaintextRule: 'HTTP listener {{resource}} (port {{port}}) has rule {{rule}} serving traffic in clear text ({{action}}).',
      passthrough: 'Listener {{resource}} ({{protocol}} {{port}}) passes traffic through; whether its targets use TLS is not visible.',
    },
    needs: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules'],
  },
  evaluate(listener: Resource, ctx) {
    const lbArn = readSetting(ctx, listener, '/LoadBalancerArn', (v) => v);
    if (!lbArn.known) return unknownSetting(ctx, lbArn);
    const lb = ctx.resolve(listener, lbArn.value, 'AWS::ElasticLoadBalancingV2::LoadBalancer');
    if (!lb) return ctx.unknown(`${listener.source === 'live' ? 'missing_data' : 'unresolved'}:load-balancer`, { path: '/LoadBalancerArn' });
    const scheme = readSetting(ctx, lb, '/Scheme', asString, 'internet-facing');
    if (!scheme.known) return ctx.unknown(scheme.reason, { path: '/LoadBalancerArn' });
    if (scheme.value === 'internal') return ctx.notApplicable('internal', { loadBalancer: nameOf(lb) });
    const protocol = readSetting(ctx, listener, '/Protocol', asString);
    if (!protocol.known) return unknownSetting(ctx, protocol);
    const port = readSetting(ctx, listener, '/Port', asInt);
    const data = { protocol: protocol.value, port: port.known ? port.value : '?' };
    switch (protocol.value) {
      case 'HTTP':
        return httpListener(ctx, listener, data);
      case 'HTTPS':
      case 'TLS': {
        const policy = readSetting(ctx, listener, '/SslPolicy', asString, 'ELBSecurityPolicy-2016-08');
        if (!policy.known) return unknownSetting(ctx, policy);
        const minimum = elbPolicyMinTls(policy.value);
        if (minimum === undefined) return ctx.unknown(`unrecognised:SslPolicy:${policy.value}`, { path: '/SslPolicy' });
        const out = { ...data, policy: policy.value, minimum: tlsLabel(minimum) };
        return minimum >= TLS_1_2 ? ctx.pass('tls', out) : ctx.fail('weakTls', out, { path: '/SslPolicy' });
      }
      case 'GENEVE':
        return ctx.notApplicable('notApplicable', data);
      default:
        return ctx.unknown('unverifiable:passthrough-listener', { messageId: 'passthrough', data, path: '/Protocol' });
    }
  },
});
