/**
 * CloudFront talks to custom origins over HTTPS.
 *
 * N/A     the distribution is disabled, or it has no custom origins (S3 REST and VPC origins are not judged here:
 *         VPC origins stay inside AWS's network, and S3 is covered by the viewer rules and the bucket TLS policy).
 * PASS    every custom origin uses `OriginProtocolPolicy: https-only`, or `match-viewer` where every cache behavior
 *         targeting it keeps viewers on HTTPS.
 * FAIL    a custom origin uses `http-only` (S3 website endpoints only speak HTTP), or `match-viewer` behind a behavior
 *         that allows HTTP viewers: the response travels from the origin to the edge in clear text.
 * UNKNOWN GetDistributionConfig was denied, or an origin's protocol policy was not collected.
 *
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { behaviorsOf, isDisabled, viewerHttpsOnly } from '../_lib/cloudfront.js';
import { isRecord } from '../_lib/values.js';

export default defineRule({
  meta: {
    id: 'cloudfront-origin-https',
    title: 'CloudFront reaches every custom origin over HTTPS',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: true,
        basis: 'the checklist requires encrypted protocols for sensitive data leaving the VPC; origin responses leave it on the way to the CloudFront edge',
      },
    ],
    resourceTypes: ['AWS::CloudFront::Distribution'],
    sources: ['live'],
    rationale:
      'Viewer-side HTTPS hides only half the path: with an HTTP origin, every response crosses the internet from the load balancer or server to the edge location in clear text.',
    remediation: {
      summary: 'Give the origin a TLS certificate (an ACM certificate on its load balancer) and set the origin protocol policy to HTTPS only, with TLSv1.2 as the origin SSL protocol.',
      console: [
        'Put an HTTPS listener with an ACM certificate on the origin (for example its Application Load Balancer).',
        'CloudFront console, select the distribution, Origins, select the origin, Edit.',
        'Set Protocol to "HTTPS only", Minimum origin SSL protocol to TLSv1.2, Save changes.',
      ],
      cli: "aws cloudfront get-distribution-config --id E1234567890ABC > dist.json\n# Set every .DistributionConfig.Origins.Items[].CustomOriginConfig.OriginProtocolPolicy to \"https-only\", then:\naws cloudfront update-distribution --id E1234567890ABC --if-match \"$(jq -r .ETag dist.json)\" --distribution-config \"$(jq .DistributionConfig dist.json)\"",
      cloudformation:
        'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      Enabled: true\n      Origins:\n        - Id: web\n          DomainName: origin.example.com\n          CustomOriginConfig:\n            OriginProtocolPolicy: https-only\n            OriginSSLProtocols: [TLSv1.2]',
      terraform:
        'resource "aws_cloudfront_distribution" "web" {\n  origin {\n    origin_id   = "web"\n    domain_name = "origin.example.com"\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "https-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n  }\n  # ...\n}',
      links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html'],
    },
    messages: {
      httpsOrigins: 'Distribution {{resource}} reaches its {{count}} custom origin(s) over HTTPS.',
      noCustomOrigins: 'Distribution {{resource}} has no custom origins.',
      disabled: 'Distribution {{resource}} is disabled.',
      httpOrigin: 'Distribution {{resource}} reaches origin {{origin}} over HTTP ({{policy}}).',
    },
    needs: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig'],
  },
  evaluate(distribution: Resource, ctx) {
    const config = ctx.get(distribution, '/DistributionConfig');
    if (!isRecord(config)) return ctx.unknown('missing_data:DistributionConfig', { path: '/DistributionConfig' });
    if (isDisabled(config)) return ctx.notApplicable('disabled');
    const origins = Array.isArray(config['Origins']) ? config['Origins'] : [];
    const behaviors = behaviorsOf(config);
    const custom = origins
      .map((o, i) => ({ origin: o, path: `/DistributionConfig/Origins/${i}/CustomOriginConfig/OriginProtocolPolicy` }))
      .filter((o): o is { origin: Record<string, unknown>; path: string } => isRecord(o.origin) && isRecord(o.origin['CustomOriginConfig']));
    if (custom.length === 0) return ctx.notApplicable('noCustomOrigins');
    const failures = [];
    for (const { origin, path } of custom) {
      const policy = (origin['CustomOriginConfig'] as Record<string, unknown>)['OriginProtocolPolicy'];
      const name = String(origin['Id'] ?? origin['DomainName'] ?? '?');
      if (typeof policy !== 'string') return ctx.unknown('missing_data:OriginProtocolPolicy', { path });
      if (policy === 'https-only') continue;
      const viaHttp = behaviors.filter((b) => b.targetOriginId === origin['Id'] && !viewerHttpsOnly(b.viewerProtocolPolicy));
      if (policy === 'match-viewer' && viaHttp.length === 0) continue;
      const shown = policy === 'match-viewer' ? `match-viewer behind ${viaHttp.map((b) => b.pattern).join(', ')}` : policy;
      failures.push(ctx.fail('httpOrigin', { origin: name, policy: shown }, { path }));
    }
    return failures.length > 0 ? failures : ctx.pass('httpsOrigins', { count: custom.length });
  },
});
