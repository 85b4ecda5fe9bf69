import { describe, expect, it } from 'vitest';
import { Snapshot, type Resource } from '../../core/index.js';
import { parseCloudFormation } from './parse-cloudformation.js';

/** One resource of type AWS::S3::Bucket named R whose `Properties.Value` is the expression under test. */
function resolve(expression: string, extra = '', parameters?: Record<string, string>): Resource {
  const text = `AWSTemplateFormatVersion: '2010-09-09'
${extra}
Resources:
  Other:
    Type: AWS::SNS::Topic
  R:
    Type: AWS::S3::Bucket
    Properties:
      Value: ${expression}
`;
  const snapshot = Snapshot.parse(parseCloudFormation(text, { file: 't.yaml', parameters }));
  return snapshot.resources.find((r) => r.location.logicalId === 'R')!;
}

const value = (r: Resource): unknown => r.properties['Value'];
const reason = (r: Resource): string | undefined => r.unknown.find((m) => m.path === '/Value')?.reason;
const PARAMS = `Parameters:
  Env: { Type: String, Default: prod }
  Names: { Type: CommaDelimitedList, Default: 'a,b,c' }
  Port: { Type: Number, Default: '443' }
  Nothing: { Type: String }`;

describe('Ref', () => {
  it('resolves a parameter to its Default, with an assumption', () => {
    const r = resolve('!Ref Env', PARAMS);
    expect(value(r)).toBe('prod');
    expect(r.assumptions).toEqual([{ path: '/Value', note: 'depends on parameter Env (Default "prod" used)' }]);
  });
  it('prefers the given value, without assumption', () => {
    const r = resolve('!Ref Env', PARAMS, { Env: 'dev' });
    expect(value(r)).toBe('dev');
    expect(r.assumptions).toEqual([]);
  });
  it('is unknown for a parameter with neither value nor default', () => {
    expect(reason(resolve('!Ref Nothing', PARAMS))).toBe('parameter:Nothing');
  });
  it('converts list and number parameters', () => {
    expect(value(resolve('!Ref Names', PARAMS))).toEqual(['a', 'b', 'c']);
    expect(value(resolve('!Ref Port', PARAMS))).toBe(443);
  });
  it('turns a resource into a $ref', () => {
    expect(value(resolve('!Ref Other'))).toEqual({ $ref: 'cfn:t.yaml#Other' });
  });
  it('keeps pseudo-parameters unknown unless given, and assumes the partition', () => {
    expect(reason(resolve('!Ref AWS::Region'))).toBe('parameter:AWS::Region');
    expect(value(resolve('!Ref AWS::Region', '', { 'AWS::Region': 'eu-west-1' }))).toBe('eu-west-1');
    const partition = resolve('!Ref AWS::Partition');
    expect(value(partition)).toBe('aws');
    expect(partition.assumptions[0]?.note).toMatch(/commercial partition/);
    expect(value(resolve('!Ref AWS::URLSuffix'))).toBe('amazonaws.com');
  });
  it('removes the property for AWS::NoValue', () => {
    const r = resolve('!Ref AWS::NoValue');
    expect(r.properties).not.toHaveProperty('Value');
    expect(r.unknown).toEqual([]);
  });
});

describe('Fn::GetAtt', () => {
  it('is a $ref with the attribute, in both forms', () => {
    expect(value(resolve('!GetAtt Other.TopicArn'))).toEqual({ $ref: 'cfn:t.yaml#Other', attribute: 'TopicArn' });
    expect(value(resolve('{ "Fn::GetAtt": [Other, TopicName] }'))).toEqual({ $ref: 'cfn:t.yaml#Other', attribute: 'TopicName' });
  });
  it('is unknown (and a problem) for something that is not a resource', () => {
    const snapshot = parseCloudFormation("Resources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n      Value: !GetAtt Missing.Arn\n", { file: 't.yaml' });
    expect(snapshot.resources[0]!.unknown).toEqual([{ path: '/Value', reason: 'unresolved:GetAtt' }]);
    expect(snapshot.collection[0]).toMatchObject({ outcome: 'error', line: 5 });
  });
});

describe('Fn::Sub', () => {
  it('substitutes parameters and variables', () => {
    expect(value(resolve("!Sub ['app-${Env}-${Suffix}', { Suffix: x }]", PARAMS))).toBe('app-prod-x');
  });
  it('keeps deploy-time values as ${…} text, and ${!Literal} as ${Literal}', () => {
    expect(value(resolve("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'"))).toBe('arn:aws:iam::${AWS::AccountId}:root');
    expect(value(resolve("!Sub '${Other.TopicArn}/x ${!Keep}'"))).toBe('${Other.TopicArn}/x ${Keep}');
    expect(value(resolve("!Sub '${Other}'"))).toBe('${Other}');
  });
  it('is unknown when a part is', () => {
    expect(reason(resolve("!Sub 'x-${Nothing}'", PARAMS))).toBe('parameter:Nothing');
  });
});

describe('Fn::Join, Fn::Split, Fn::Select', () => {
  it('joins, with references as text', () => {
    expect(value(resolve("!Join ['', ['arn:aws:s3:::', !Ref Env, '/*']]", PARAMS))).toBe('arn:aws:s3:::prod/*');
    expect(value(resolve("!Join [':', [a, !GetAtt Other.TopicName]]"))).toBe('a:${Other.TopicName}');
  });
  it('splits and selects', () => {
    expect(value(resolve("!Split [',', 'a,b']"))).toEqual(['a', 'b']);
    expect(value(resolve('!Select [1, !Ref Names]', PARAMS))).toBe('b');
    expect(value(resolve("!Select ['0', [x, y]]"))).toBe('x');
  });
  it('does not split text only known at deploy time', () => {
    expect(reason(resolve("!Split [':', !Sub '${Other.TopicArn}']"))).toBe('unresolved:Split');
  });
  it('gives a symbolic zone for Fn::Select over Fn::GetAZs, and unknown for the whole list', () => {
    const zone = resolve("!Select [1, !GetAZs '']");
    expect(value(zone)).toBe('${Fn::GetAZs[1]}');
    expect(zone.assumptions[0]?.note).toMatch(/different indexes/);
    expect(reason(resolve("!GetAZs ''"))).toBe('unresolved:GetAZs');
  });
});

describe('Fn::FindInMap', () => {
  const MAP = `${PARAMS}
Mappings:
  Sizes:
    prod: { size: large }
    dev: { size: small }`;
  it('looks up with resolved keys', () => {
    expect(value(resolve('!FindInMap [Sizes, !Ref Env, size]', MAP))).toBe('large');
    expect(value(resolve('!FindInMap [Sizes, !Ref Env, size]', MAP, { Env: 'dev' }))).toBe('small');
  });
  it('uses DefaultValue, and is unknown for a missing key or an unknown key', () => {
    expect(value(resolve('!FindInMap [Sizes, test, size, { DefaultValue: tiny }]', MAP))).toBe('tiny');
    expect(reason(resolve('!FindInMap [Sizes, test, size]', MAP))).toBe('unresolved:FindInMap');
    expect(reason(resolve('!FindInMap [Sizes, !Ref AWS::Region, size]', MAP))).toBe('parameter:AWS::Region');
  });
});

describe('other intrinsics', () => {
  it('keeps Fn::Base64 input as plain text', () => {
    expect(value(resolve('!Base64 hello'))).toBe('hello');
  });
  it('computes Fn::Cidr for IPv4', () => {
    expect(value(resolve("!Cidr ['10.0.0.0/16', 3, 8]"))).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
  });
  it('marks imports, transforms and unknown functions', () => {
    expect(reason(resolve('!ImportValue shared-vpc'))).toBe('unresolved:ImportValue');
    expect(reason(resolve("{ 'Fn::Transform': { Name: AWS::Include } }"))).toBe('unresolved:Transform');
    expect(reason(resolve('!Bogus x'))).toBe('unknown_intrinsic:Fn::Bogus');
  });
  it('computes Fn::Length and Fn::ToJsonString', () => {
    expect(value(resolve('!Length [a, b, c]'))).toBe(3);
    expect(value(resolve('!ToJsonString { a: 1 }'))).toBe('{"a":1}');
    expect(reason(resolve('!ToJsonString { a: !Ref Other }'))).toBe('unresolved:ToJsonString');
  });
  it('reads a whole-value dynamic reference as unknown with its store', () => {
    expect(reason(resolve("'{{resolve:ssm:/app/flag}}'"))).toBe('dynamic_reference:ssm');
  });
});
