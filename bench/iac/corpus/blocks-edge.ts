// CloudFront distributions, API Gateway custom domains and CloudTrail trails: viewer and origin protocols, TLS
// versions, log file validation and multi-Region logging.
import { SHARED, resource, type Block } from './block.js';
import { getAtt, iff, ref, sub, type Json } from './intrinsics.js';

export const distribution: Block = {
  name: 'cloudfront',
  weight: 2,
  build({ rng, id }) {
    const viewer = rng.weighted([['redirect-to-https', 6], ['https-only', 2], ['allow-all', 1]] as const);
    const custom = rng.chance(0.6);
    return {
      [`Cdn${id}`]: resource('AWS::CloudFront::Distribution', {
        DistributionConfig: {
          Enabled: true,
          Comment: sub(`\${AWS::StackName} site ${id}`),
          ...(custom ? { Aliases: [sub(`www${id}.\${AWS::StackName}.example.com`)] } : {}),
          DefaultRootObject: 'index.html',
          Origins: [
            {
              Id: 'app',
              DomainName: sub(`api-${id}.example.com`),
              CustomOriginConfig: { OriginProtocolPolicy: rng.chance(0.85) ? 'https-only' : 'http-only', OriginSSLProtocols: ['TLSv1.2'] },
            },
          ],
          DefaultCacheBehavior: {
            TargetOriginId: 'app',
            ViewerProtocolPolicy: viewer,
            CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
            Compress: true,
          },
          ViewerCertificate: custom
            ? { AcmCertificateArn: ref(SHARED.certificate), SslSupportMethod: 'sni-only', MinimumProtocolVersion: rng.chance(0.8) ? 'TLSv1.2_2021' : 'TLSv1' }
            : { CloudFrontDefaultCertificate: true },
          Logging: iff(SHARED.isProd, { Bucket: getAtt(SHARED.logBucket, 'DomainName'), Prefix: `cdn-${id}/` }, ref('AWS::NoValue')),
          PriceClass: 'PriceClass_100',
        },
      }),
    };
  },
};

export const apiDomain: Block = {
  name: 'apigateway-domain',
  weight: 1,
  build({ rng, id }) {
    return {
      [`ApiDomain${id}`]: resource('AWS::ApiGateway::DomainName', {
        DomainName: sub(`api${id}.\${AWS::StackName}.example.com`),
        RegionalCertificateArn: ref(SHARED.certificate),
        EndpointConfiguration: { Types: ['REGIONAL'] },
        SecurityPolicy: rng.chance(0.8) ? 'TLS_1_2' : 'TLS_1_0',
      }),
    };
  },
};

export const trail: Block = {
  name: 'cloudtrail',
  weight: 0.5,
  build({ rng, id }) {
    const out: Record<string, Json> = {
      [`Trail${id}`]: resource(
        'AWS::CloudTrail::Trail',
        {
          IsLogging: true,
          S3BucketName: ref(SHARED.logBucket),
          IsMultiRegionTrail: rng.chance(0.8),
          IncludeGlobalServiceEvents: true,
          EnableLogFileValidation: rng.chance(0.8),
          KMSKeyId: rng.chance(0.5) ? getAtt(SHARED.sharedKey, 'Arn') : undefined,
        },
        { Condition: SHARED.isProd },
      ),
    };
    return out;
  },
};
