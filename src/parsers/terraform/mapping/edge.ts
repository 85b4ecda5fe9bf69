import { Unresolved } from '../../shared/values.js';
import { at, block, blocks, bool, compact, each, num, opt, type Values } from './helpers.js';
import { oneToOne, type TfMapping } from './types.js';

function scheme(internal: unknown): unknown {
  if (internal instanceof Unresolved) return internal;
  return bool(internal) === true ? 'internal' : 'internet-facing';
}

const loadBalancer = oneToOne('AWS::ElasticLoadBalancingV2::LoadBalancer', (values) => {
  const logs = block(values, 'access_logs');
  const attributes = [
    ['routing.http.drop_invalid_header_fields.enabled', at(values, 'drop_invalid_header_fields')],
    ['deletion_protection.enabled', at(values, 'enable_deletion_protection')],
    ['access_logs.s3.enabled', logs === undefined ? undefined : at(logs, 'enabled')],
  ].filter(([, value]) => value !== undefined && value !== null);
  return compact({
    Name: opt(at(values, 'name')),
    Scheme: scheme(at(values, 'internal')),
    Type: opt(at(values, 'load_balancer_type')) ?? 'application',
    Subnets: opt(at(values, 'subnets')),
    SecurityGroups: opt(at(values, 'security_groups')),
    LoadBalancerAttributes: attributes.length > 0 ? attributes.map(([Key, Value]) => ({ Key, Value: typeof Value === 'boolean' ? String(Value) : Value })) : undefined,
  }) ?? {};
});

function actions(values: Values): unknown {
  return each(blocks(values, 'default_action'), (action) =>
    compact({
      Type: at(action, 'type'),
      TargetGroupArn: opt(at(action, 'target_group_arn')),
      RedirectConfig: block(action, 'redirect') === undefined ? undefined : compact({ Protocol: opt(at(action, 'redirect', 0, 'protocol')), Port: opt(at(action, 'redirect', 0, 'port')), StatusCode: at(action, 'redirect', 0, 'status_code') }),
    }),
  );
}

const listener = oneToOne('AWS::ElasticLoadBalancingV2::Listener', (values) =>
  compact({
    LoadBalancerArn: at(values, 'load_balancer_arn'),
    Port: num(opt(at(values, 'port'))),
    Protocol: opt(at(values, 'protocol')),
    SslPolicy: opt(at(values, 'ssl_policy')),
    Certificates: opt(at(values, 'certificate_arn')) === undefined ? undefined : [{ CertificateArn: at(values, 'certificate_arn') }],
    DefaultActions: actions(values),
  }) ?? {},
);

function cacheBehavior(behavior: unknown): unknown {
  return compact({ PathPattern: opt(at(behavior, 'path_pattern')), TargetOriginId: at(behavior, 'target_origin_id'), ViewerProtocolPolicy: at(behavior, 'viewer_protocol_policy') });
}

const distribution = oneToOne('AWS::CloudFront::Distribution', (values) => {
  const certificate = block(values, 'viewer_certificate');
  const logging = block(values, 'logging_config');
  return {
    DistributionConfig: compact({
      Enabled: bool(at(values, 'enabled')),
      Aliases: opt(at(values, 'aliases')),
      PriceClass: opt(at(values, 'price_class')),
      WebACLId: opt(at(values, 'web_acl_id')),
      DefaultCacheBehavior: cacheBehavior(block(values, 'default_cache_behavior')),
      CacheBehaviors: each(blocks(values, 'ordered_cache_behavior'), cacheBehavior),
      ViewerCertificate:
        certificate === undefined
          ? undefined
          : compact({
              CloudFrontDefaultCertificate: bool(at(certificate, 'cloudfront_default_certificate')),
              AcmCertificateArn: opt(at(certificate, 'acm_certificate_arn')),
              MinimumProtocolVersion: opt(at(certificate, 'minimum_protocol_version')),
              SslSupportMethod: opt(at(certificate, 'ssl_support_method')),
            }),
      Origins: each(blocks(values, 'origin'), (origin) =>
        compact({
          Id: at(origin, 'origin_id'),
          DomainName: at(origin, 'domain_name'),
          CustomOriginConfig:
            block(origin, 'custom_origin_config') === undefined
              ? undefined
              : compact({ OriginProtocolPolicy: at(origin, 'custom_origin_config', 0, 'origin_protocol_policy'), OriginSSLProtocols: opt(at(origin, 'custom_origin_config', 0, 'origin_ssl_protocols')) }),
          S3OriginConfig: block(origin, 's3_origin_config') === undefined ? undefined : {},
          OriginAccessControlId: opt(at(origin, 'origin_access_control_id')),
        }),
      ),
      Logging: logging === undefined ? undefined : compact({ Bucket: at(logging, 'bucket'), Prefix: opt(at(logging, 'prefix')), IncludeCookies: bool(at(logging, 'include_cookies')) }),
    }) ?? {},
  };
});

export const EDGE_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_lb: loadBalancer,
  aws_alb: loadBalancer,
  aws_lb_listener: listener,
  aws_alb_listener: listener,
  aws_cloudfront_distribution: distribution,
  aws_api_gateway_rest_api: oneToOne('AWS::ApiGateway::RestApi', (values) => compact({ Name: at(values, 'name'), DisableExecuteApiEndpoint: bool(at(values, 'disable_execute_api_endpoint')) }) ?? {}),
  aws_api_gateway_stage: oneToOne('AWS::ApiGateway::Stage', (values) =>
    compact({
      StageName: at(values, 'stage_name'),
      RestApiId: at(values, 'rest_api_id'),
      TracingEnabled: bool(at(values, 'xray_tracing_enabled')),
      CacheClusterEnabled: bool(at(values, 'cache_cluster_enabled')),
      AccessLogSetting: block(values, 'access_log_settings') === undefined ? undefined : compact({ DestinationArn: at(values, 'access_log_settings', 0, 'destination_arn'), Format: opt(at(values, 'access_log_settings', 0, 'format')) }),
    }) ?? {},
  ),
  aws_api_gateway_domain_name: oneToOne('AWS::ApiGateway::DomainName', (values) =>
    compact({
      DomainName: at(values, 'domain_name'),
      SecurityPolicy: opt(at(values, 'security_policy')),
      CertificateArn: opt(at(values, 'certificate_arn')),
      RegionalCertificateArn: opt(at(values, 'regional_certificate_arn')),
      EndpointConfiguration: block(values, 'endpoint_configuration') === undefined ? undefined : { Types: at(values, 'endpoint_configuration', 0, 'types') },
    }) ?? {},
  ),
  aws_apigatewayv2_domain_name: oneToOne('AWS::ApiGatewayV2::DomainName', (values) =>
    compact({
      DomainName: at(values, 'domain_name'),
      DomainNameConfigurations: each(blocks(values, 'domain_name_configuration'), (config) =>
        compact({ SecurityPolicy: at(config, 'security_policy'), CertificateArn: opt(at(config, 'certificate_arn')), EndpointType: opt(at(config, 'endpoint_type')) }),
      ),
    }) ?? {},
  ),
  aws_apigatewayv2_api: oneToOne('AWS::ApiGatewayV2::Api', (values) => compact({ Name: at(values, 'name'), ProtocolType: at(values, 'protocol_type'), DisableExecuteApiEndpoint: bool(at(values, 'disable_execute_api_endpoint')) }) ?? {}),
};
