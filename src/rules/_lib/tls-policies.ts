/**
 * The lowest TLS version a named AWS security policy accepts, read from the policy name. Unknown names give
 * undefined, so a rule reports them as unknown rather than guessing. SSL 3.0 is 0.3.
 * - Elastic Load Balancing: https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 *   (`ELBSecurityPolicy-2016-08`, the CLI/CloudFormation default, and every dated `ELBSecurityPolicy-20xx-xx` accept
 *   TLS 1.0; `-TLS13-1-0-…` and `-TLS13-1-1-…` also accept 1.0/1.1 despite their TLS 1.3 support).
 * - CloudFront viewer policies: https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 * - API Gateway: https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-security-policies.html
 * - OpenSearch Service: `Policy-Min-TLS-1-0-2019-07`, `Policy-Min-TLS-1-2-…`.
 */

export const TLS_1_2 = 1.2;

function minor(digit: string | undefined): number | undefined {
  return digit === undefined ? undefined : 1 + Number(digit) / 10;
}

export function elbPolicyMinTls(name: string): number | undefined {
  const versioned = /^ELBSecurityPolicy-(?:TLS13|TLS|FS)-1-([0-3])-/.exec(name);
  if (versioned) return minor(versioned[1]);
  if (/^ELBSecurityPolicy-(?:FS-)?20\d\d-\d\d$/.test(name) || /^ELBSample-/.test(name)) return 1.0;
  return undefined;
}

export function cloudFrontMinTls(name: string): number | undefined {
  if (name === 'SSLv3') return 0.3;
  if (name === 'TLSv1' || name === 'TLSv1_2016') return 1.0;
  const versioned = /^TLSv1\.([1-3])_\d{4}$/.exec(name);
  return versioned ? minor(versioned[1]) : undefined;
}

export function apiGatewayMinTls(name: string): number | undefined {
  if (name === 'TLS_1_0') return 1.0;
  if (name === 'TLS_1_2') return 1.2;
  const tls13 = /^SecurityPolicy_TLS13_1_([0-3])_/.exec(name);
  if (tls13) return minor(tls13[1]);
  if (/^SecurityPolicy_TLS12_/.test(name)) return 1.2;
  if (/^SecurityPolicy_TLS13_\d{4}_/.test(name)) return 1.3;
  return undefined;
}

export function openSearchMinTls(name: string): number | undefined {
  const versioned = /^Policy-Min-TLS-1-([0-3])-/.exec(name);
  return versioned ? minor(versioned[1]) : undefined;
}

/** `TLS 1.0`, `SSL 3.0` for messages. */
export function tlsLabel(version: number): string {
  return version < 1 ? 'SSL 3.0' : `TLS ${version.toFixed(1)}`;
}
