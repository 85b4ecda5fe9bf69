/**
 * CloudFront talks to custom origins over HTTPS.
 *
 * N/A     the distribution is disabled, or it has no custom origins (S3 REST and VPC origins are not judged here:
 *         VPC origins stay inside AWS's network, and S3 is covered by the viewer rules and the bucket TLS policy).
 * PASS    every custom origin uses `OriginProtocolPolicy: https-only`, or `match-viewer` where every cache behavior
 *         targeting it keeps viewers on HTTPS.
 * FAIL    a custom origin uses `http-only` (S3 website endpoints only speak HTTP), or `match-viewer` behind a behavior
 *         that allows HTTP viewers: the response travels from the origin to the edge in clear text.
 * UNKNOWN GetDistributionConfig was denied, or an origin's protocol policy was not collected; in a template, an
 *         origin, its protocol policy, or a viewer policy that `match-viewer` depends on comes from a parameter without
 *         a default, an `ImportValue`, an undecidable condition or a value a Terraform plan computes — unless another
 *         origin already fails.
 *
 * `OriginProtocolPolicy` is required in a CloudFormation `CustomOriginConfig` (Terraform `custom_origin_config`).
 *
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { behaviorsOf, distributionConfig, enabledState, markOn, viewerHttpsOnly, type Unread } from '../_lib/cloudfront.js';
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
    sources: ['live', 'cloudformation', 'terraform'],
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
    const read = distributionConfig(ctx, distribution);
    if (!read.ok) return ctx.unknown(read.unread.reason, { path: read.unread.path });
    const enabled = enabledState(ctx, distribution, read.config);
    if (enabled === 'disabled') return ctx.notApplicable('disabled');
    const listUnread = markOn(ctx, distribution, '/DistributionConfig/Origins');
    if (listUnread) return ctx.unknown(listUnread.reason, { path: listUnread.path });
    const origins = Array.isArray(read.config['Origins']) ? read.config['Origins'] : [];
    const behaviors = behaviorsOf(ctx, distribution, read.config);
    const unread: Unread[] = [];
    const failures = [];
    let custom = 0;
    for (let i = 0; i < origins.length; i++) {
      const origin: unknown = origins[i];
      const path = `/DistributionConfig/Origins/${i}/CustomOriginConfig/OriginProtocolPolicy`;
      // The origin, its custom config or its policy unresolved: it may be a custom origin reached over HTTP.
      const policyUnread = markOn(ctx, distribution, path);
      if (policyUnread) {
        unread.push(policyUnread);
        continue;
      }
      if (!isRecord(origin) || !isRecord(origin['CustomOriginConfig'])) continue;
      custom++;
      const name = String(origin['Id'] ?? origin['DomainName'] ?? '?');
      const policy = origin['CustomOriginConfig']['OriginProtocolPolicy'];
      if (typeof policy !== 'string') {
        unread.push({ reason: `${distribution.source === 'live' ? 'missing_data' : 'unresolved'}:OriginProtocolPolicy`, path });
        continue;
      }
      if (policy === 'https-only') continue;
      const targeting = behaviors.filter((b) => b.unread || b.targetOriginId === origin['Id']);
      const viaHttp = targeting.filter((b) => !b.unread && !viewerHttpsOnly(b.viewerProtocolPolicy));
      if (policy === 'match-viewer' && viaHttp.length === 0) {
        const maybe = targeting.find((b) => b.unread);
        if (maybe?.unread) unread.push(maybe.unread);
        continue;
      }
      const shown = policy === 'match-viewer' ? `match-viewer behind ${viaHttp.map((b) => b.pattern).join(', ')}` : policy;
      failures.push(ctx.fail('httpOrigin', { origin: name, policy: shown }, { path }));
    }
    if (failures.length > 0 && enabled === 'enabled') return failures;
    if (enabled !== 'enabled' && (failures.length > 0 || unread.length > 0 || custom > 0)) return ctx.unknown(enabled.reason, { path: enabled.path });
    if (unread.length > 0) return unread.map((u) => ctx.unknown(u.reason, { path: u.path }));
    return custom === 0 ? ctx.notApplicable('noCustomOrigins') : ctx.pass('httpsOrigins', { count: custom });
  },
});
