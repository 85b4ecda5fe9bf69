// Test-only: works out which AWS service, operation, region and account a signed SDK request is for, the way
// moto's dispatcher does: service and region from the SigV4 credential scope, operation from the protocol.
import type { IncomingHttpHeaders } from 'node:http';
import type { Protocol } from './protocol.js';
import { restOperation } from './rest-routes.js';

export interface RequestInfo {
  /**
   * The SigV4 signing name (`iam`, `ec2`, `es`, `access-analyzer`, …), except that S3 Control and API Gateway v2,
   * which sign as `s3` and `apigateway`, are told apart by path as `s3control` and `apigatewayv2`.
   * `moto-api` for moto's own unsigned endpoints, `unknown` when the request carries no credential scope.
   */
  service: string;
  /** The API operation (`ListUsers`); for unrecognised REST requests, `METHOD /path`. */
  operation: string;
  region: string;
  accessKeyId: string;
  protocol: Protocol;
  method: string;
  url: URL;
  /** Parameters of a query-protocol request (form body or query string); empty otherwise. */
  params: URLSearchParams;
}

const SCOPE = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

export function credentialScope(headers: IncomingHttpHeaders, url: URL): { accessKeyId: string; region: string; service: string } | undefined {
  const fromHeader = SCOPE.exec(String(headers.authorization ?? ''));
  const fromQuery = /^([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request$/.exec(url.searchParams.get('X-Amz-Credential') ?? '');
  const match = fromHeader ?? (fromQuery ? [fromQuery[0], fromQuery[1], fromQuery[2], fromQuery[3]] : undefined);
  if (!match) return undefined;
  return { accessKeyId: match[1] ?? '', region: match[2] ?? '', service: match[3] ?? '' };
}

export async function identify(method: string, rawUrl: string, headers: IncomingHttpHeaders, body: Buffer | undefined): Promise<RequestInfo> {
  const url = new URL(rawUrl, 'http://proxy.invalid');
  const scope = credentialScope(headers, url);
  const base = { method, url, params: new URLSearchParams(), accessKeyId: scope?.accessKeyId ?? '', region: scope?.region ?? '' };
  if (!scope) {
    const service = url.pathname.startsWith('/moto-api') ? 'moto-api' : 'unknown';
    return { ...base, service, operation: `${method} ${url.pathname}`, protocol: 'restJson' };
  }

  let service = scope.service;
  if (service === 's3' && url.pathname.startsWith('/v20180820/')) service = 's3control';
  if (service === 'apigateway' && url.pathname.startsWith('/v2/')) service = 'apigatewayv2';

  const target = headers['x-amz-target'];
  if (typeof target === 'string' && target) {
    return { ...base, service, operation: target.slice(target.lastIndexOf('.') + 1), protocol: 'json' };
  }

  const contentType = String(headers['content-type'] ?? '');
  const params = contentType.startsWith('application/x-www-form-urlencoded') && body ? new URLSearchParams(body.toString('utf8')) : new URLSearchParams();
  const action = params.get('Action') ?? url.searchParams.get('Action');
  if (action) {
    for (const [key, value] of url.searchParams) if (!params.has(key)) params.set(key, value);
    return { ...base, params, service, operation: action, protocol: service === 'ec2' ? 'ec2' : 'query' };
  }

  const protocol: Protocol = service === 's3' ? 's3' : ['route53', 'cloudfront', 's3control'].includes(service) ? 'restXml' : 'restJson';
  const operation = (await restOperation(service, method, url)) ?? `${method} ${url.pathname}`;
  return { ...base, service, operation, protocol };
}
