import { describe, expect, it } from 'vitest';
import { parseCloudFormation } from './parse-cloudformation.js';

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: { Type: String, Default: prod }
  Region2: { Type: String }
  Password: { Type: String, NoEcho: true, Default: s3cr3t-value }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Both: !And [!Condition IsProd, !Equals [!Ref Region2, eu-west-1]]
  Either: !Or [!Condition IsProd, !Equals [!Ref Region2, eu-west-1]]
  FalseAnd: !And [!Condition IsDev, !Equals [!Ref Region2, eu-west-1]]
  SecretSet: !Not [!Equals [!Ref Password, '']]
  A: !Condition B
  B: !Condition A
Resources:
  ProdOnly:
    Type: AWS::S3::Bucket
    Condition: IsProd
  DevOnly:
    Type: AWS::S3::Bucket
    Condition: IsDev
  Maybe:
    Type: AWS::S3::Bucket
    Condition: Both
  Value:
    Type: AWS::S3::Bucket
    Properties:
      Decided: !If [IsProd, yes-prod, no]
      Undecided: !If [Both, a, b]
      Either: !If [Either, a, b]
      FalseAnd: !If [FalseAnd, a, b]
      Secret: !If [SecretSet, set, unset]
      Cycle: !If [A, a, b]
      Dropped: !If [IsProd, !Ref AWS::NoValue, kept]
      List: [one, !If [IsDev, two, !Ref AWS::NoValue], three]
`;

function parse(parameters?: Record<string, string>) {
  return parseCloudFormation(TEMPLATE, { file: 'c.yaml', parameters });
}

describe('conditions', () => {
  it('decides conditions from defaults and drops resources whose condition is false', () => {
    const ids = parse().resources.map((r) => r.location.logicalId);
    expect(ids).toContain('ProdOnly');
    expect(ids).not.toContain('DevOnly');
  });

  it('follows given parameters over defaults', () => {
    const ids = parse({ Env: 'dev' }).resources.map((r) => r.location.logicalId);
    expect(ids).toContain('DevOnly');
    expect(ids).not.toContain('ProdOnly');
  });

  it('keeps a resource whose condition cannot be decided, marked unknown as a whole', () => {
    const maybe = parse().resources.find((r) => r.location.logicalId === 'Maybe')!;
    expect(maybe.unknown).toEqual([{ path: '', reason: 'condition:Both' }]);
  });

  it('notes the assumption behind a resource created by a default-decided condition', () => {
    const prod = parse().resources.find((r) => r.location.logicalId === 'ProdOnly')!;
    expect(prod.assumptions).toEqual([{ path: '', note: 'created because condition IsProd depends on parameter Env (Default "prod" used)' }]);
    expect(parse({ Env: 'prod' }).resources.find((r) => r.location.logicalId === 'ProdOnly')!.assumptions).toEqual([]);
  });

  it('picks Fn::If branches, and leaves undecidable ones unknown without expanding combinations', () => {
    const value = parse().resources.find((r) => r.location.logicalId === 'Value')!;
    expect(value.properties).toMatchObject({ Decided: 'yes-prod', Either: 'a', FalseAnd: 'b', Secret: 'set', List: ['one', 'three'] });
    expect(value.properties).not.toHaveProperty('Dropped');
    expect(value.unknown).toEqual(
      expect.arrayContaining([
        { path: '/Undecided', reason: 'condition:Both' },
        { path: '/Cycle', reason: 'condition:A' },
      ]),
    );
  });

  it('never copies a NoEcho default into notes, but still uses it to decide conditions', () => {
    const value = parse().resources.find((r) => r.location.logicalId === 'Value')!;
    const secretNote = value.assumptions.find((a) => a.path === '/Secret')!;
    expect(secretNote.note).toMatch(/Password \(its Default was used\)/);
    expect(JSON.stringify(parse())).not.toContain('s3cr3t-value');
  });

  it('reports a cycle between conditions with its line, and terminates', () => {
    const record = parse().collection[0]!;
    expect(record.outcome).toBe('error');
    expect(record.message).toMatch(/condition "A" refers to itself/);
    expect(record.line).toBe(13);
  });

  it('evaluates a template with many conditions in one pass (no combination expansion)', () => {
    const count = 400;
    const conditions = Array.from({ length: count }, (_, i) => `  C${i}: !Equals [!Ref P${i}, x]`).join('\n');
    const params = Array.from({ length: count }, (_, i) => `  P${i}: { Type: String }`).join('\n');
    const props = Array.from({ length: count }, (_, i) => `      V${i}: !If [C${i}, !If [C${(i + 1) % count}, a, b], c]`).join('\n');
    const text = `Parameters:\n${params}\nConditions:\n${conditions}\nResources:\n  R:\n    Type: AWS::S3::Bucket\n    Properties:\n${props}\n`;
    const started = Date.now();
    const snapshot = parseCloudFormation(text, { file: 'many.yaml' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(snapshot.resources[0]!.unknown).toHaveLength(count);
  });
});
