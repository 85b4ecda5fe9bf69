import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../core/index.js';
import { parseIacPaths } from './iac-paths.js';

describe('parseIacPaths', () => {
  it('walks folders: templates, plans, .tf modules and cloud assemblies, one record per file', async () => {
    const snapshot = Snapshot.parse(await parseIacPaths(['test/fixtures/iac']));
    expect(snapshot.scope.sources).toEqual(['cloudformation', 'terraform']);
    const files = snapshot.collection.map((c) => c.file);
    expect(new Set(files).size).toBe(files.length);
    expect(files).toEqual(expect.arrayContaining([
      'test/fixtures/iac/cloudformation/sam.yaml',
      'test/fixtures/iac/cloudformation/nested/main.yaml',
      'test/fixtures/iac/cdk-app/cdk.out/manifest.json',
      'test/fixtures/iac/terraform-plan/plan.json',
      'test/fixtures/iac/terraform-hcl/main.tf',
    ]));
    expect(files.some((f) => f?.includes('asset.'))).toBe(false);
    expect(files.some((f) => f?.endsWith('cdk.json') || f?.endsWith('tree.json'))).toBe(false);
    const uids = snapshot.resources.map((r) => r.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('reads a module through its plan when both are in one folder, and skips dependency folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-paths-'));
    cpSync('test/fixtures/iac/terraform-plan/plan.json', join(dir, 'plan.json'));
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_s3_bucket" "data" { bucket = "acme-data" }\n');
    mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'x', 'template.yaml'), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::S3::Bucket\n");
    writeFileSync(join(dir, 'package.json'), '{"name": "app", "version": "1.0.0"}');
    writeFileSync(join(dir, 'workflow.yml'), 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    const snapshot = await parseIacPaths([dir]);
    expect(snapshot.resources.every((r) => r.uid.includes('plan.json#'))).toBe(true);
    expect(snapshot.collection.find((c) => c.file?.endsWith('main.tf'))).toMatchObject({ outcome: 'ok', message: 'read through the plan in the same folder' });
    expect(snapshot.collection.map((c) => c.file).filter((f) => f?.endsWith('package.json') || f?.endsWith('workflow.yml') || f?.includes('node_modules'))).toEqual([]);
  });

  it('applies --parameters and marks templates shipped to customers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-params-'));
    mkdirSync(join(dir, 'customer'));
    writeFileSync(join(dir, 'customer', 'role.yaml'), "Parameters:\n  Env: { Type: String }\nResources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: !Sub 'vendor-${Env}'\n");
    const snapshot = await parseIacPaths([dir], { parameters: { Env: 'prod' }, customerTemplates: ['*customer/*.yaml'] });
    expect(snapshot.resources.find((r) => r.type === 'AWS::IAM::Role')).toMatchObject({ name: 'vendor-prod', physicalId: 'vendor-prod' });
    expect(snapshot.resources.find((r) => r.type === 'AWS::CloudFormation::Template')!.properties['ShippedToCustomers']).toBe(true);
  });

  it('reports a named file that is not infrastructure code, and a path that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-named-'));
    writeFileSync(join(dir, 'notes.yaml'), 'hello: world\n');
    const snapshot = await parseIacPaths([join(dir, 'notes.yaml'), join(dir, 'nope')]);
    expect(snapshot.collection.map((c) => [c.outcome, c.message])).toEqual([
      ['error', 'no such file or folder'],
      ['error', expect.stringMatching(/not a CloudFormation template or Terraform plan/)],
    ]);
  });
});
