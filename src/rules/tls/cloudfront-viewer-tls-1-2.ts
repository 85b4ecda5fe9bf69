/**
 * Every CloudFront distribution requires TLS 1.2 or later from viewers.
 *
 * N/A     the distribution is disabled.
 * PASS    it serves a custom certificate (ACM or IAM) with `MinimumProtocolVersion` TLSv1.2_2018 or later.
 * FAIL    a custom certificate with an older policy (SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016); or the default
 *         *.cloudfront.net certificate, for which CloudFront always uses the TLSv1 policy whatever
 *         `MinimumProtocolVersion` says. The only way to require TLS 1.2 there is a custom domain with an ACM
 *         certificate; a distribution that carries no sensitive data can be waived.
 * UNKNOWN GetDistributionConfig was denied, or the policy name is not one the rule knows; in a template, the
 *         certificate setting or `MinimumProtocolVersion` depends on an undecidable condition or a value a Terraform
 *         plan computes, or the policy is a parameter without a default.
 *
 * Templates: a distribution without `ViewerCertificate` (Terraform `cloudfront_default_certificate = true`) uses the
 * default certificate; a custom certificate without `MinimumProtocolVersion` gets CloudFormation's and the API's
 * `TLSv1`. A certificate ARN that is a reference or a parameter without a default is still a custom certificate.
 *
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 */
import { defineRule, readPointer, type Resource } from '../../core/index.js';
import { distributionConfig, enabledState, markOn } from '../_lib/cloudfront.js';
import { presence } from '../_lib/code-values.js';
import { asBool } from '../_lib/settings.js';
import { cloudFrontMinTls, TLS_1_2, tlsLabel } from '../_lib/tls-policies.js';

export default defineRule({
  meta: {
    id: 'cloudfront-viewer-tls-1-2',
    title: 'Every CloudFront distribution requires TLS 1.2 or later from viewers',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: true,
        basis: 'the checklist requires encrypted protocols for sensitive data leaving the VPC; TLS 1.0/1.1 are deprecated (RFC 8996) and no longer count',
      },
    ],
    resourceTypes: ['AWS::CloudFront::Distribution'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'TLS 1.0 and 1.1 have known weaknesses and are deprecated; accepting them lets a downgrade-capable attacker or an outdated client weaken the connection. Custom-domain distributions can require TLS 1.2 at no cost.',
    remediation: {
      summary:
        'Serve the distribution on your own domain with an ACM certificate (us-east-1) and the TLSv1.2_2021 (or newer) security policy. The default *.cloudfront.net certificate cannot require TLS 1.2.',
      console: [
        'Request or import a certificate in ACM in us-east-1 for your domain.',
        'CloudFront console, select the distribution, General, Settings, Edit.',
        'Add the alternate domain name, choose the custom SSL certificate, set Security policy to TLSv1.2_2021 (recommended), Save changes; point DNS at the distribution.',
      ],
      cli: "aws cloudfront get-distribution-config --id E1234567890ABC > dist.json\n# Set .DistributionConfig.ViewerCertificate to\n# {\"ACMCertificateArn\":\"arn:aws:acm:us-east-1:111122223333:certificate/...\",\"SSLSupportMethod\":\"sni-only\",\"MinimumProtocolVersion\":\"TLSv1.2_2021\"}\naws cloudfront update-distribution --id E1234567890ABC --if-match \"$(jq -r .ETag dist.json)\" --distribution-config \"$(jq .DistributionConfig dist.json)\"",
      cloudformation:
        'Distribution:\n  Type: AWS::CloudFront::Distribution\n  Properties:\n    DistributionConfig:\n      Enabled: true\n      Aliases: [app.example.com]\n      ViewerCertificate:\n        AcmCertificateArn: !Ref Certificate\n        SslSupportMethod: sni-only\n        MinimumProtocolVersion: TLSv1.2_2021',
      terraform:
        'resource "aws_cloudfront_distribution" "web" {\n  aliases = ["app.example.com"]\n  # ...\n  viewer_certificate {\n    acm_certificate_arn      = aws_acm_certificate.web.arn\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
        'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html',
      ],
    },
    messages: {
      tls12: 'Distribution {{resource}} requires {{minimum}} or later ({{policy}}).',
      disabled: 'Distribution {{resource}} is disabled.',
      weakTls: 'Distribution {{resource}} accepts {{minimum}} ({{policy}}).',
      defaultCertificate: 'Distribution {{resource}} uses the default *.cloudfront.net certificate, which always accepts TLS 1.0.',
    },
    needs: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig'],
  },
  evaluate(distribution: Resource, ctx) {
    const read = distributionConfig(ctx, distribution);
    if (!read.ok) return ctx.unknown(read.unread.reason, { path: read.unread.path });
    const enabled = enabledState(ctx, distribution, read.config);
    if (enabled === 'disabled') return ctx.notApplicable('disabled');
    if (enabled !== 'enabled') return ctx.unknown(enabled.reason, { path: enabled.path });
    const path = '/DistributionConfig/ViewerCertificate';
    const whole = markOn(ctx, distribution, path);
    if (whole) return ctx.unknown(whole.reason, { path });
    if (distribution.source === 'live' && read.config['ViewerCertificate'] === undefined) return ctx.unknown('missing_data:ViewerCertificate', { path });
    const certificates = ['AcmCertificateArn', 'ACMCertificateArn', 'IamCertificateId', 'IAMCertificateId'].map((k) => presence(ctx, distribution, `${path}/${k}`));
    const defaultUnread = markOn(ctx, distribution, `${path}/CloudFrontDefaultCertificate`);
    const defaultCert = asBool(readPointer(distribution.properties, `${path}/CloudFrontDefaultCertificate`)) === true;
    const custom = certificates.some((c) => c.state === 'set') && !defaultCert;
    const undecided = certificates.find((c) => c.state === 'unknown') ?? (defaultUnread ? { state: 'unknown' as const, ...defaultUnread } : undefined);
    if ((!custom || defaultUnread) && undecided?.state === 'unknown') return ctx.unknown(undecided.reason, { path: undecided.path });
    if (!custom) return ctx.fail('defaultCertificate', {}, { path });
    const versionPath = `${path}/MinimumProtocolVersion`;
    const version = markOn(ctx, distribution, versionPath);
    if (version) return ctx.unknown(version.reason, { path: versionPath });
    const set = readPointer(distribution.properties, versionPath);
    const policy = typeof set === 'string' ? set : distribution.source === 'live' ? undefined : 'TLSv1';
    if (policy === undefined) return ctx.unknown('missing_data:MinimumProtocolVersion', { path: versionPath });
    const minimum = cloudFrontMinTls(policy);
    if (minimum === undefined) return ctx.unknown(`unrecognised:MinimumProtocolVersion:${policy}`, { path: versionPath });
    const data = { policy, minimum: tlsLabel(minimum) };
    return minimum >= TLS_1_2 ? ctx.pass('tls12', data) : ctx.fail('weakTls', data, { path: versionPath });
  },
});
