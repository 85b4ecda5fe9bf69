import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../core/index.js';
import { parseCloudFormation } from './parse-cloudformation.js';

const YAML = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
    Default: Sup3rSecretValue!
Resources:
  Logs:
    Type: AWS::S3::Bucket
    Metadata:
      ftr-ready:
        waivers:
          - rule: s3-bucket-access-logging
            reason: this bucket receives the access logs itself
            owner: platform
            expires: 2030-01-31
    Properties:
      BucketName: acme-logs
      Tags:
        - { Key: team, Value: platform }
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupName: web
      GroupDescription: web
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Ref DbPassword
  LiteralDb:
    Type: AWS::RDS::DBCluster
    Properties:
      MasterUserPassword: hunter2hunter2
      Secret: '{{resolve:secretsmanager:prod/db:SecretString:password}}'
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Environment:
        Variables:
          DB_PASSWORD: hunter2hunter2
          AWS_KEY: AKIAIOSFODNN7EXAMPLE
          TABLE: items
          FROM_PARAM: !Ref DbPassword
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Environment:
            - { Name: API_TOKEN, Value: abcdef123456 }
            - { Name: MODE, Value: prod }
          Secrets:
            - { Name: DB, ValueFrom: arn:aws:secretsmanager:us-east-1:111111111111:secret:db }
  Server:
    Type: AWS::EC2::Instance
    Properties:
      UserData: !Base64 |
        #!/bin/bash
        export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY
  Plain:
    Type: AWS::EC2::Instance
`;

describe('a CloudFormation template', () => {
  const snapshot = Snapshot.parse(parseCloudFormation(YAML, { file: 'app.yaml' }));
  const byId = (id: string) => snapshot.resources.find((r) => r.location.logicalId === id)!;

  it('is a valid snapshot with one ok record for the file', () => {
    expect(snapshot.scope).toMatchObject({ sources: ['cloudformation'], files: ['app.yaml'] });
    expect(snapshot.collection).toEqual([
      { source: 'cloudformation', service: 'cloudformation', action: 'parse', file: 'app.yaml', outcome: 'ok', calls: { ok: 1 }, affected: [], lists: ['*'] },
    ]);
  });

  it('places every resource at the line and column of its logical id', () => {
    expect(byId('Logs').location).toEqual({ file: 'app.yaml', line: 8, column: 3, logicalId: 'Logs', lines: { '/BucketName': 18, '/Tags': 19, '/Tags/0': 20 } });
    expect(byId('Group').location.line).toBe(21);
    expect(byId('Plain').location.line).toBe(60);
    expect(byId('Logs').uid).toBe('cfn:app.yaml#Logs');
  });

  it('names resources by their literal physical name, and sets physicalId only where Ref returns it', () => {
    expect(byId('Logs')).toMatchObject({ name: 'acme-logs', physicalId: 'acme-logs', tags: { team: 'platform' } });
    expect(byId('Group').name).toBe('web');
    expect(byId('Group').physicalId).toBeUndefined();
    expect(byId('Db').name).toBe('Db');
  });

  it('reads waivers from Metadata with their line', () => {
    expect(byId('Logs').suppressions).toEqual([
      { rule: 's3-bucket-access-logging', reason: 'this bucket receives the access logs itself', owner: 'platform', expires: '2030-01-31', file: 'app.yaml', line: 13 },
    ]);
  });

  it('never stores secrets', () => {
    const text = JSON.stringify(snapshot);
    for (const secret of ['Sup3rSecretValue!', 'hunter2hunter2', 'AKIAIOSFODNN7EXAMPLE', 'abcdef123456', 'wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY']) expect(text).not.toContain(secret);
  });

  it('redacts literal secrets, keeps where a secret comes from as the unknown reason', () => {
    expect(byId('Db').unknown).toEqual([{ path: '/MasterUserPassword', reason: 'secret_parameter:DbPassword' }]);
    expect(byId('LiteralDb').properties['MasterUserPassword']).toBe('<redacted>');
    expect(byId('LiteralDb').unknown).toEqual([{ path: '/Secret', reason: 'dynamic_reference:secretsmanager' }]);
  });

  it('keeps environment variable names, flags the ones that look like credentials or take a secret parameter', () => {
    expect(byId('Fn').properties).toEqual({
      Environment: { Variables: { DB_PASSWORD: '<redacted>', AWS_KEY: '<redacted>', TABLE: '<redacted>', FROM_PARAM: '<redacted>' } },
      EnvironmentFlags: { LooksLikeCredential: ['DB_PASSWORD', 'AWS_KEY', 'FROM_PARAM'] },
    });
    expect(byId('Task').properties).toEqual({
      ContainerDefinitions: [{ Name: 'app', Environment: [{ Name: 'API_TOKEN' }, { Name: 'MODE' }], Secrets: [{ Name: 'DB' }] }],
      CredentialLikeEnvironment: ['API_TOKEN'],
    });
  });

  it('reduces user data to flags', () => {
    expect(byId('Server').properties['UserData']).toEqual({ Present: true, LooksLikeCredential: true });
    expect(byId('Plain').properties['UserData']).toEqual({ Present: false, LooksLikeCredential: false });
  });

  it('adds a template pseudo-resource with parameter facts, never a secret default', () => {
    const template = snapshot.resources.find((r) => r.type === 'AWS::CloudFormation::Template')!;
    expect(template.uid).toBe('cfn:app.yaml');
    expect(template.properties['Parameters']).toEqual({ DbPassword: { Type: 'String', NoEcho: true, HasDefault: true, DefaultLooksLikeCredential: true } });
  });

  it('reads the same template written in JSON the same way', () => {
    const json = JSON.stringify({
      Resources: { Logs: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'acme-logs', Tags: [{ Key: 'team', Value: 'platform' }] } } },
    }, null, 2);
    const fromJson = parseCloudFormation(json, { file: 'app.json' }).resources[0]!;
    expect(fromJson.properties).toEqual(byId('Logs').properties);
    expect(fromJson.location).toMatchObject({ file: 'app.json', line: 3, column: 5, logicalId: 'Logs' });
    expect(fromJson.location.lines).toEqual({ '/BucketName': 6, '/Tags': 7, '/Tags/0': 8, '/Tags/0/Key': 9, '/Tags/0/Value': 10 });
  });
});

describe('problems in a template', () => {
  const record = (text: string) => parseCloudFormation(text, { file: 'bad.yaml' }).collection[0]!;

  it('reports invalid YAML and JSON with their line', () => {
    expect(record('Resources:\n  A:\n    Type: [unclosed\n')).toMatchObject({ outcome: 'error', line: 4 });
    expect(record('{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket", }\n  }\n}')).toMatchObject({ outcome: 'error', line: 3, message: expect.stringMatching(/invalid JSON/) });
  });

  it('refuses YAML aliases (as CloudFormation does)', () => {
    expect(record('Resources:\n  A: &a\n    Type: AWS::S3::Bucket\n  B: *a\n')).toMatchObject({ outcome: 'error', line: 4, message: expect.stringMatching(/aliases/) });
  });

  it('reports a waiver whose reason is too short, and does not apply it', () => {
    const snapshot = parseCloudFormation("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Metadata:\n      ftr-ready:\n        waivers:\n          - { rule: s3-x, reason: 'n/a' }\n", { file: 'w.yaml' });
    expect(snapshot.collection[0]).toMatchObject({ outcome: 'error', line: 7, message: expect.stringMatching(/at least 10 characters/) });
    expect(snapshot.resources[0]!.suppressions).toEqual([]);
  });

  it('reports a resource without a type and keeps the others', () => {
    const snapshot = parseCloudFormation('Resources:\n  A:\n    Properties: {}\n  B:\n    Type: AWS::S3::Bucket\n', { file: 't.yaml' });
    expect(snapshot.collection[0]).toMatchObject({ outcome: 'error', line: 2 });
    expect(snapshot.resources.map((r) => r.location.logicalId)).toContain('B');
  });

  it('says what was expected when the file is not a template', () => {
    expect(record('name: my-app\nversion: 1\n')).toMatchObject({ outcome: 'error', message: expect.stringMatching(/not a CloudFormation template/) });
    expect(record('')).toMatchObject({ outcome: 'error', message: expect.stringMatching(/empty/) });
  });
});
