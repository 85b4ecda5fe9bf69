import { isPlainObject } from '../../shared/values.js';
import { deriveDraft, type ResourceDraft } from '../draft.js';
import type { TemplateScope } from '../scope.js';
import { pick, tagList } from './common.js';

/** `AWS::Serverless::Api` → `AWS::ApiGateway::RestApi` + `AWS::ApiGateway::Stage` (+ `DomainName`). */
export function expandApi(draft: ResourceDraft, scope: TemplateScope): ResourceDraft[] {
  const p = draft.properties;
  const api: Record<string, unknown> = pick(p, ['Name', 'Description', 'BinaryMediaTypes', 'MinimumCompressionSize', 'ApiKeySourceType', 'DisableExecuteApiEndpoint', 'Mode']);
  const endpoint = p['EndpointConfiguration'];
  if (endpoint !== undefined) api['EndpointConfiguration'] = typeof endpoint === 'string' ? { Types: [endpoint] } : isPlainObject(endpoint) ? { Types: [endpoint['Type']], ...pick(endpoint, ['VpcEndpointIds']) } : endpoint;
  if (p['Auth'] !== undefined) api['Auth'] = p['Auth'];
  const tags = tagList(p['Tags']);
  if (tags !== undefined) api['Tags'] = tags;
  const stageId = typeof p['StageName'] === 'string' ? `${draft.id}${p['StageName']}Stage` : `${draft.id}Stage`;
  const stage = {
    ...pick(p, ['StageName', 'MethodSettings', 'AccessLogSetting', 'TracingEnabled', 'CacheClusterEnabled', 'CacheClusterSize', 'Variables', 'CanarySetting']),
    RestApiId: scope.refTo(draft.id),
    ...(tags !== undefined ? { Tags: tags } : {}),
  };
  const out = [{ ...draft, type: 'AWS::ApiGateway::RestApi', properties: api }, deriveDraft(draft, stageId, 'AWS::ApiGateway::Stage', stage)];
  const domain = p['Domain'];
  if (isPlainObject(domain)) {
    const regional = domain['EndpointConfiguration'] !== 'EDGE';
    out.push(deriveDraft(draft, `${draft.id}DomainName`, 'AWS::ApiGateway::DomainName', {
      ...pick(domain, ['DomainName', 'SecurityPolicy', 'MutualTlsAuthentication', 'OwnershipVerificationCertificateArn']),
      [regional ? 'RegionalCertificateArn' : 'CertificateArn']: domain['CertificateArn'],
      EndpointConfiguration: { Types: [regional ? 'REGIONAL' : 'EDGE'] },
    }));
  }
  return out;
}

/** `AWS::Serverless::HttpApi` → `AWS::ApiGatewayV2::Api` + `AWS::ApiGatewayV2::Stage` (+ `DomainName`). */
export function expandHttpApi(draft: ResourceDraft, scope: TemplateScope): ResourceDraft[] {
  const p = draft.properties;
  const api: Record<string, unknown> = { ...pick(p, ['Name', 'Description', 'DisableExecuteApiEndpoint', 'CorsConfiguration']), ProtocolType: 'HTTP' };
  if (p['Auth'] !== undefined) api['Auth'] = p['Auth'];
  if (p['Tags'] !== undefined) api['Tags'] = p['Tags'];
  const stage = {
    StageName: p['StageName'] ?? '$default',
    ApiId: scope.refTo(draft.id),
    AutoDeploy: true,
    ...pick(p, ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables']),
  };
  const out = [{ ...draft, type: 'AWS::ApiGatewayV2::Api', properties: api }, deriveDraft(draft, `${draft.id}ApiGatewayDefaultStage`, 'AWS::ApiGatewayV2::Stage', stage)];
  const domain = p['Domain'];
  if (isPlainObject(domain)) {
    out.push(deriveDraft(draft, `${draft.id}DomainName`, 'AWS::ApiGatewayV2::DomainName', {
      DomainName: domain['DomainName'],
      DomainNameConfigurations: [{ CertificateArn: domain['CertificateArn'], EndpointType: domain['EndpointConfiguration'] ?? 'REGIONAL', SecurityPolicy: domain['SecurityPolicy'] }],
    }));
  }
  return out;
}

/** The REST or HTTP API SAM creates when function events name no API. */
export function implicitApiDrafts(kind: 'rest' | 'http', from: ResourceDraft, scope: TemplateScope): ResourceDraft[] {
  if (kind === 'rest') {
    return [
      deriveDraft(from, 'ServerlessRestApi', 'AWS::ApiGateway::RestApi', {}),
      deriveDraft(from, 'ServerlessRestApiProdStage', 'AWS::ApiGateway::Stage', { StageName: 'Prod', RestApiId: scope.refTo('ServerlessRestApi') }),
    ];
  }
  return [
    deriveDraft(from, 'ServerlessHttpApi', 'AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' }),
    deriveDraft(from, 'ServerlessHttpApiApiGatewayDefaultStage', 'AWS::ApiGatewayV2::Stage', { StageName: '$default', ApiId: scope.refTo('ServerlessHttpApi'), AutoDeploy: true }),
  ];
}
