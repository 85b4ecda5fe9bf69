/**
 * Every CloudFront distribution keeps viewers on HTTPS: no cache behavior uses `ViewerProtocolPolicy: allow-all`.
 *
 * N/A     the distribution is disabled.
 * PASS    the default and every path-specific cache behavior use `redirect-to-https` or `https-only`.
 * FAIL    any behavior uses `allow-all`: viewers can fetch (and send) content over plain HTTP on those paths.
 * UNKNOWN GetDistributionConfig was denied, or a behavior's policy was not collected; in a template, a behavior's
 *         policy (or whether the distribution is enabled) comes from a parameter without a default, an `ImportValue`,
 *         an undecidable condition or a value a Terraform plan computes — unless another behavior already fails.
 *
 * `ViewerProtocolPolicy` is required on every behavior in CloudFormation and Terraform, so templates carry it; other
 * unresolved values of the distribution (aliases, certificate, origins) do not touch this rule.
 *
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { behaviorsOf, distributionConfig, enabledState, viewerHttpsOnly } from '../_lib/cloudfront.js';

export default defineRule({
  meta: {
    id: 'cloudfront-viewer-https',
    title: 'Every CloudFront cache behavior keeps viewers on HTTPS',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: true,
        basis: 'the checklist requires encrypted protocols for sensitive data leaving the VPC; CloudFront is where it reaches viewers',
      },
    ],
    resourceTypes: ['AWS::CloudFront::Distribution'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'With allow-all, a viewer (or an attacker on the path who strips TLS) can use plain HTTP, exposing session cookies, tokens and content. Redirecting to HTTPS costs nothing for browsers.',
    remediation: {
      summary: 'Set Viewer protocol policy to "Redirect HTTP to HTTPS" (or "HTTPS only" for APIs) on the default and every other cache behavior.',
      console: [
        'Open the CloudFront console, select the distribution, Behaviors.',
        'For each behavior with "HTTP and HTTPS": Edit, set Viewer protocol policy to "Redirect HTTP to HTTPS", Save changes.',
      ],
      cli: "aws cloudfront get-distribution-config --id E1234567890ABC > dist.json\n# In dist.json set every DefaultCacheBehavior/CacheBehaviors ViewerProtocolPolicy to \"redirect-to-https\", keep only .DistributionConfig, then:\naws cloudfront update-distribution --id E1234567890ABC --if-match \"$(jq -r .ETag dist.json)\" --distribution-config \"$(jq .DistributionConfig dist.json)\"",
      cloudformation:
        'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      Enabled: true\n      DefaultCacheBehavior:\n        TargetOriginId: web\n        ViewerProtocolPolicy: redirect-to-https\n        CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6',
      terraform:
        'resource "aws_cloudfront_distribution" "web" {\n  # ...\n  default_cache_behavior {\n    target_origin_id       = "web"\n    viewer_protocol_policy = "redirect-to-https"\n    allowed_methods        = ["GET", "HEAD"]\n    cached_methods         = ["GET", "HEAD"]\n    cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"\n  }\n}',
      links: ['https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html'],
    },
    messages: {
      httpsOnly: 'Distribution {{resource}} keeps viewers on HTTPS in all {{count}} cache behavior(s).',
      disabled: 'Distribution {{resource}} is disabled.',
      allowsHttp: 'Distribution {{resource}} lets viewers use plain HTTP on {{paths}}.',
    },
    needs: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig'],
  },
  evaluate(distribution: Resource, ctx) {
    const read = distributionConfig(ctx, distribution);
    if (!read.ok) return ctx.unknown(read.unread.reason, { path: read.unread.path });
    const enabled = enabledState(ctx, distribution, read.config);
    if (enabled === 'disabled') return ctx.notApplicable('disabled');
    const behaviors = behaviorsOf(ctx, distribution, read.config);
    if (behaviors.length === 0) return ctx.unknown('missing_data:DefaultCacheBehavior', { path: '/DistributionConfig/DefaultCacheBehavior' });
    const open = behaviors.filter((b) => !b.unread && typeof b.viewerProtocolPolicy === 'string' && !viewerHttpsOnly(b.viewerProtocolPolicy));
    if (open.length > 0 && enabled === 'enabled') return ctx.fail('allowsHttp', { paths: open.map((b) => b.pattern).join(', ') }, { path: open[0]?.path });
    if (enabled !== 'enabled') return ctx.unknown(enabled.reason, { path: enabled.path });
    const unread = behaviors.find((b) => b.unread || typeof b.viewerProtocolPolicy !== 'string');
    if (unread?.unread) return ctx.unknown(unread.unread.reason, { path: unread.unread.path });
    if (unread) return ctx.unknown(`${distribution.source === 'live' ? 'missing_data' : 'unresolved'}:ViewerProtocolPolicy`, { path: `${unread.path}/ViewerProtocolPolicy` });
    return ctx.pass('httpsOnly', { count: behaviors.length });
  },
});
