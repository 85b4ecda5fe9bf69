import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../core/index.js';
import { parseCloudFormation } from './cloudformation/parse-cloudformation.js';
import { parseIacPaths } from './iac-paths.js';
import { parseTerraformHcl, parseTerraformPlan } from './terraform/parse-terraform.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Env: { Type: String, Default: prod }
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Condition: IsProd
    Properties:
      BucketName: !Sub '\${AWS::StackName}-data'
      VersioningConfiguration: { Status: !If [IsProd, Enabled, Suspended] }
      Tags: [{ Key: a, Value: !Ref Env }]
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Statement:
          - { Effect: Deny, Principal: '*', Action: 's3:*', Resource: [!GetAtt Bucket.Arn, !Join ['', [!GetAtt Bucket.Arn, '/*']]] }
`;
const HCL = 'resource "aws_s3_bucket" "b" {\n  bucket = "x-${var.env}"\n  tags = { a = "b" }\n  versioning { enabled = true }\n}\n';
const PLAN = JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: { bucket: 'b' }, after_unknown: { id: true } } }] });

function mutate(text: string, next: () => number): string {
  const pick = (n: number) => Math.floor(next() * n);
  switch (pick(6)) {
    case 0:
      return text.slice(0, pick(text.length));
    case 1: {
      const chars = [...text];
      for (let i = 0; i < 1 + pick(8); i++) chars[pick(chars.length)] = String.fromCharCode(pick(128));
      return chars.join('');
    }
    case 2: {
      const at = pick(text.length);
      return text.slice(0, at) + ['[', '{', '!Ref ', '*', '&a ', '"', "'", '|', '>', '\t', '${', ': ', '- ', '#', '\\'][pick(15)] + text.slice(at);
    }
    case 3: {
      const lines = text.split('\n');
      const i = pick(lines.length);
      lines.splice(pick(lines.length), 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 4: {
      const lines = text.split('\n');
      lines.splice(pick(lines.length), 1);
      return lines.join('\n');
    }
    default:
      return text.replace(/ {2}/g, () => (next() < 0.1 ? ' ' : '  '));
  }
}

/** Every input ends with a snapshot (a clean per-file error at worst) within the time allowed, never a throw. */
function checkTerminates(parse: () => unknown, limitMs = 2000): void {
  const started = Date.now();
  const snapshot = parse();
  expect(Date.now() - started).toBeLessThan(limitMs);
  const parsed = Snapshot.safeParse(snapshot);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
}

describe('malformed input', () => {
  it('survives random mutations of templates, .tf files and plans', () => {
    const next = random(Number(process.env["FUZZ_SEED"] ?? 20260601));
    for (let i = 0; i < 400; i++) {
      const yaml = mutate(TEMPLATE, next);
      checkTerminates(() => parseCloudFormation(yaml, { file: `fuzz-${i}.yaml` }));
      const json = mutate(JSON.stringify({ Resources: { B: { Type: 'AWS::S3::Bucket', Properties: { BucketName: { 'Fn::Sub': 'x' } } } } }, null, 1), next);
      checkTerminates(() => parseCloudFormation(json, { file: `fuzz-${i}.json` }));
      const hcl = mutate(HCL, next);
      checkTerminates(() => parseTerraformHcl(hcl, { file: `fuzz-${i}.tf` }));
      const plan = mutate(PLAN, next);
      checkTerminates(() => parseTerraformPlan(plan, { file: `fuzz-${i}.json` }));
    }
  });

  it('handles 10,000 levels of nesting in every format', () => {
    const deep = 10_000;
    checkTerminates(() => parseCloudFormation(`Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ${'['.repeat(deep)}${']'.repeat(deep)}\n`, { file: 'deep.yaml' }));
    checkTerminates(() => parseCloudFormation(`Resources:\n${Array.from({ length: deep }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')}\n`, { file: 'deep-block.yaml' }));
    checkTerminates(() => parseCloudFormation(`{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"X": ${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}}}}`, { file: 'deep.json' }));
    checkTerminates(() => parseCloudFormation(`Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      X: ${'!If [C, '.repeat(deep)}x${', y]'.repeat(deep)}\n`, { file: 'deep-if.yaml' }));
    checkTerminates(() => parseTerraformHcl(`resource "a" "b" {\n  x = ${'['.repeat(deep)}${']'.repeat(deep)}\n}\n`, { file: 'deep.tf' }));
    checkTerminates(() => parseTerraformHcl(`${'a {\n'.repeat(deep)}${'}\n'.repeat(deep)}`, { file: 'deep-blocks.tf' }));
    checkTerminates(() => parseTerraformPlan(`{"format_version":"1","planned_values":{"root_module":{"resources":[{"address":"a.b","mode":"managed","type":"aws_s3_bucket","values":${'{"x":'.repeat(400)}1${'}'.repeat(400)}}]}}}`, { file: 'deep-plan.json' }));
  });

  it('handles huge strings, many keys and alias bombs', () => {
    const huge = 'x'.repeat(5_000_000);
    checkTerminates(() => parseCloudFormation(`Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: '${huge}'\n`, { file: 'huge.yaml' }), 5000);
    checkTerminates(() => parseTerraformHcl(`resource "aws_s3_bucket" "b" {\n  bucket = "${huge}"\n}\n`, { file: 'huge.tf' }), 5000);
    checkTerminates(() => parseCloudFormation(`Resources:\n  A: &a\n    Type: AWS::S3::Bucket\n${Array.from({ length: 30 }, (_, i) => `  B${i}: &b${i}\n    x: [${Array(10).fill(i === 0 ? '*a' : `*b${i - 1}`).join(', ')}]`).join('\n')}\n`, { file: 'bomb.yaml' }));
    checkTerminates(() => parseCloudFormation(`Resources:\n${Array.from({ length: 20_000 }, (_, i) => `  R${i}:\n    Type: AWS::SNS::Topic`).join('\n')}\n`, { file: 'many.yaml' }), 5000);
  });

  it('keeps reading other files when one is broken, unreadable or too big', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-fuzz-'));
    writeFileSync(join(dir, 'good.yaml'), TEMPLATE);
    writeFileSync(join(dir, 'broken.yaml'), `${TEMPLATE}\n  Bad: [unclosed\n`);
    writeFileSync(join(dir, 'binary.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'big.template'), `AWSTemplateFormatVersion: '2010-09-09'\n${'#'.repeat(3000)}\n`);
    mkdirSync(join(dir, 'tf'));
    writeFileSync(join(dir, 'tf', 'main.tf'), 'resource "aws_s3_bucket" "b" {\n');
    writeFileSync(join(dir, 'tf', 'ok.tf'), HCL);
    const snapshot = Snapshot.parse(await parseIacPaths([dir, join(dir, 'missing.yaml')], { maxFileBytes: 2000 }));
    const outcome = (name: string) => snapshot.collection.find((c) => c.file?.endsWith(name))?.outcome;
    expect(outcome('good.yaml')).toBe('ok');
    expect(outcome('broken.yaml')).toBe('error');
    expect(outcome('big.template')).toBe('error');
    expect(outcome('main.tf')).toBe('error');
    expect(outcome('ok.tf')).toBe('ok');
    expect(outcome('missing.yaml')).toBe('error');
    expect(snapshot.resources.some((r) => r.location.file?.endsWith('good.yaml'))).toBe(true);
    expect(snapshot.resources.some((r) => r.location.file?.endsWith('ok.tf'))).toBe(true);
    expect(snapshot.collection.find((c) => c.file?.endsWith('big.template'))?.message).toMatch(/over the limit/);
  });
});
