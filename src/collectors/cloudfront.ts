/**
 * CloudFront distributions with `DistributionConfig` in CloudFormation shape (plain arrays instead of the API's
 * `{ Quantity, Items }`). The list answer carries every field the rules read; GetDistributionConfig is called only
 * for a summary that lacks one (older emulators, partial answers). Origin custom header values are never stored:
 * they are often the shared secret an origin checks.
 */
import {
  CloudFrontClient,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
  type CacheBehavior,
  type DefaultCacheBehavior,
  type DistributionConfig,
  type DistributionSummary,
  type Origin,
  type ViewerCertificate,
} from '@aws-sdk/client-cloudfront';
import type { UnknownMark } from '../core/index.js';
import { buildArn, defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

/** The fields a list summary and a full configuration share: all the model keeps. */
type ConfigFields = Pick<DistributionConfig, 'Aliases' | 'Origins' | 'DefaultCacheBehavior' | 'CacheBehaviors' | 'Enabled' | 'ViewerCertificate' | 'HttpVersion' | 'PriceClass' | 'WebACLId'>;

export default defineCollector({
  service: 'cloudfront',
  scope: 'global',
  operations: {
    ListDistributions: 'cloudfront:ListDistributions',
    GetDistributionConfig: 'cloudfront:GetDistributionConfig',
  },
  listings: { ListDistributions: ['AWS::CloudFront::Distribution'] },
  produces: ['AWS::CloudFront::Distribution'],
  async collect(ctx) {
    const cloudfront = ctx.client(CloudFrontClient);
    const list = await ctx.pages(
      'ListDistributions',
      (Marker, o) => cloudfront.send(new ListDistributionsCommand({ Marker, MaxItems: 100 }), o),
      (p) => (p.DistributionList?.IsTruncated ? p.DistributionList.NextMarker : undefined),
      (p) => p.DistributionList?.Items,
    );
    if (!list.ok) return;
    await mapLimit(list.value, 4, async (summary) => {
      const id = summary.Id;
      if (!id) return;
      const uid = /^arn:[^:]+:cloudfront::\d{12}:distribution\//.test(summary.ARN ?? '') ? (summary.ARN as string) : buildArn(ctx.apiRegion, 'cloudfront', '', ctx.account, `distribution/${id}`);
      let source: ConfigFields | undefined = summary;
      const unknown: UnknownMark[] = [];
      if (!complete(summary)) {
        const full = await ctx.call('GetDistributionConfig', (o) => cloudfront.send(new GetDistributionConfigCommand({ Id: id }), o), { resource: uid });
        if (full.ok && full.value.DistributionConfig) source = full.value.DistributionConfig;
        else {
          source = undefined;
          unknown.push({ path: '/DistributionConfig', reason: full.ok ? 'missing_data:DistributionConfig' : full.reason });
        }
      }
      ctx.emit({
        uid,
        type: 'AWS::CloudFront::Distribution',
        name: summary.DomainName ?? id,
        physicalId: id,
        properties: {
          ...(source ? { DistributionConfig: distributionConfig(source) } : {}),
          DomainName: summary.DomainName ?? null,
          Status: summary.Status ?? null,
        },
        unknown,
      });
    });
  },
});

/** Whether a list summary holds everything the rules read. */
function complete(summary: DistributionSummary): boolean {
  return summary.Enabled !== undefined && summary.DefaultCacheBehavior?.ViewerProtocolPolicy !== undefined && summary.ViewerCertificate !== undefined && summary.Origins !== undefined;
}

function distributionConfig(c: ConfigFields): Record<string, unknown> {
  return defined({
    Enabled: c.Enabled ?? null,
    Aliases: c.Aliases?.Items ?? [],
    Origins: (c.Origins?.Items ?? []).map(origin),
    DefaultCacheBehavior: c.DefaultCacheBehavior ? behavior(c.DefaultCacheBehavior) : null,
    CacheBehaviors: (c.CacheBehaviors?.Items ?? []).map(behavior),
    ViewerCertificate: c.ViewerCertificate ? viewerCertificate(c.ViewerCertificate) : null,
    HttpVersion: c.HttpVersion ?? null,
    PriceClass: c.PriceClass ?? null,
    WebACLId: c.WebACLId || null,
  });
}

function origin(o: Origin): Record<string, unknown> {
  const custom = o.CustomOriginConfig;
  return defined({
    Id: o.Id,
    DomainName: o.DomainName,
    OriginPath: o.OriginPath || undefined,
    OriginAccessControlId: o.OriginAccessControlId || undefined,
    CustomOriginConfig: custom
      ? defined({
          HTTPPort: custom.HTTPPort,
          HTTPSPort: custom.HTTPSPort,
          OriginProtocolPolicy: custom.OriginProtocolPolicy,
          OriginSSLProtocols: custom.OriginSslProtocols?.Items,
          OriginReadTimeout: custom.OriginReadTimeout,
          OriginKeepaliveTimeout: custom.OriginKeepaliveTimeout,
        })
      : undefined,
    S3OriginConfig: o.S3OriginConfig ? { OriginAccessIdentity: o.S3OriginConfig.OriginAccessIdentity ?? '' } : undefined,
    VpcOriginConfig: o.VpcOriginConfig ? defined({ VpcOriginId: o.VpcOriginConfig.VpcOriginId }) : undefined,
    // Header names only: values are often a shared secret between CloudFront and the origin.
    OriginCustomHeaders: o.CustomHeaders?.Items?.length ? o.CustomHeaders.Items.map((h) => ({ HeaderName: h.HeaderName })) : undefined,
  });
}

function behavior(b: DefaultCacheBehavior | CacheBehavior): Record<string, unknown> {
  return defined({
    PathPattern: 'PathPattern' in b ? b.PathPattern : undefined,
    TargetOriginId: b.TargetOriginId,
    ViewerProtocolPolicy: b.ViewerProtocolPolicy,
    AllowedMethods: b.AllowedMethods?.Items,
    CachePolicyId: b.CachePolicyId || undefined,
    OriginRequestPolicyId: b.OriginRequestPolicyId || undefined,
    ResponseHeadersPolicyId: b.ResponseHeadersPolicyId || undefined,
    FieldLevelEncryptionId: b.FieldLevelEncryptionId || undefined,
    Compress: b.Compress,
  });
}

function viewerCertificate(v: ViewerCertificate): Record<string, unknown> {
  return defined({
    CloudFrontDefaultCertificate: v.CloudFrontDefaultCertificate,
    AcmCertificateArn: v.ACMCertificateArn || undefined,
    IamCertificateId: v.IAMCertificateId || undefined,
    MinimumProtocolVersion: v.MinimumProtocolVersion,
    SslSupportMethod: v.SSLSupportMethod,
  });
}
