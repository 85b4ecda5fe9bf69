import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../core/index.js';
import { parseCloudFormation } from './parse-cloudformation.js';

const FILE = 'test/fixtures/iac/cloudformation/sam.yaml';

describe('SAM', () => {
  const snapshot = Snapshot.parse(parseCloudFormation(readFileSync(FILE, 'utf8'), { file: 'sam.yaml' }));
  const byUid = (id: string) => snapshot.resources.find((r) => r.uid === `cfn:sam.yaml#${id}`)!;

  it('maps each SAM type to what it creates, with locations at the SAM resource', () => {
    const types = Object.fromEntries(snapshot.resources.map((r) => [r.uid.split('#')[1] ?? r.uid, r.type]));
    expect(types).toMatchObject({
      ApiFunction: 'AWS::Lambda::Function',
      ApiFunctionRole: 'AWS::IAM::Role',
      ApiFunctionUrl: 'AWS::Lambda::Url',
      Worker: 'AWS::Lambda::Function',
      Items: 'AWS::DynamoDB::Table',
      PublicApi: 'AWS::ApiGateway::RestApi',
      PublicApiv1Stage: 'AWS::ApiGateway::Stage',
      PublicApiDomainName: 'AWS::ApiGateway::DomainName',
      HttpApi: 'AWS::ApiGatewayV2::Api',
      HttpApiApiGatewayDefaultStage: 'AWS::ApiGatewayV2::Stage',
      HttpApiDomainName: 'AWS::ApiGatewayV2::DomainName',
      ServerlessRestApi: 'AWS::ApiGateway::RestApi',
      ServerlessRestApiProdStage: 'AWS::ApiGateway::Stage',
    });
    expect(byUid('ApiFunctionRole').location).toEqual({ file: 'sam.yaml', line: 11, column: 3, logicalId: 'ApiFunction' });
    expect(snapshot.resources.some((r) => r.type.startsWith('AWS::Serverless::'))).toBe(false);
  });

  it('applies Globals and redacts the environment', () => {
    expect(byUid('ApiFunction').properties).toMatchObject({
      Runtime: 'nodejs20.x',
      Timeout: 10,
      Environment: { Variables: { STAGE: '<redacted>', API_TOKEN: '<redacted>' } },
      EnvironmentFlags: { LooksLikeCredential: ['API_TOKEN'] },
      Role: { $ref: 'cfn:sam.yaml#ApiFunctionRole', attribute: 'Arn' },
    });
    expect(JSON.stringify(snapshot)).not.toContain('ghp_');
  });

  it('gives the created role its managed and inline policies; a policy template is unknown', () => {
    const role = byUid('ApiFunctionRole');
    expect(role.properties['ManagedPolicyArns']).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
      'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess',
    ]);
    expect(role.properties['Policies']).toEqual([
      { PolicyName: 'ApiFunctionRolePolicy1', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } },
      null,
    ]);
    expect(role.unknown).toEqual([{ path: '/Policies/1', reason: 'unresolved:SAMPolicyTemplate:S3ReadPolicy' }]);
  });

  it('resolves references to resources SAM creates', () => {
    expect(byUid('Worker').properties['Role']).toEqual({ $ref: 'cfn:sam.yaml#ApiFunctionRole', attribute: 'Arn' });
    expect(snapshot.collection[0]!.outcome).toBe('ok');
  });

  it('maps APIs, stages, domains and the function URL', () => {
    expect(byUid('PublicApiv1Stage').properties).toEqual({ StageName: 'v1', TracingEnabled: true, RestApiId: { $ref: 'cfn:sam.yaml#PublicApi' } });
    expect(byUid('PublicApiDomainName').properties).toMatchObject({ DomainName: 'api.acme.example', SecurityPolicy: 'TLS_1_2' });
    expect(byUid('HttpApiDomainName').properties['DomainNameConfigurations']).toEqual([{ CertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/def', EndpointType: 'REGIONAL' }]);
    expect(byUid('ApiFunctionUrl').properties).toEqual({ AuthType: 'NONE', TargetFunctionArn: { $ref: 'cfn:sam.yaml#ApiFunction' } });
    expect(byUid('Items').properties).toMatchObject({ BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] });
  });
});
