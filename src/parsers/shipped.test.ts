import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCloudFormation, parseIacPaths, parseTerraformHcl, parseTerraformPlan } from './index.js';

const ROLE = "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n      RoleName: vendor\n  Key:\n    Type: AWS::IAM::AccessKey\n    Properties:\n      UserName: u\n";

describe('resources of templates shipped to customers', () => {
  it('are all marked shippedToCustomers, nested stacks and Terraform too; other code is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-shipped-'));
    mkdirSync(join(dir, 'customer', 'tf'), { recursive: true });
    mkdirSync(join(dir, 'product'));
    writeFileSync(join(dir, 'customer', 'onboarding.yaml'), `${ROLE}  Nested:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./parts/extra.yaml\n`);
    mkdirSync(join(dir, 'customer', 'parts'));
    writeFileSync(join(dir, 'customer', 'parts', 'extra.yaml'), 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n');
    writeFileSync(join(dir, 'customer', 'tf', 'main.tf'), 'resource "aws_iam_user" "vendor" { name = "vendor" }\n');
    writeFileSync(join(dir, 'product', 'app.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');

    const snapshot = await parseIacPaths([dir], { customerTemplates: ['*customer/onboarding.yaml', '*customer/tf/*.tf'] });
    const shipped = (uidPart: string) => snapshot.resources.find((r) => r.uid.includes(uidPart))?.shippedToCustomers;
    expect(shipped('onboarding.yaml#Role')).toBe(true);
    expect(shipped('onboarding.yaml#Key')).toBe(true);
    expect(shipped('onboarding.yaml#Nested/Queue')).toBe(true);
    expect(shipped('main.tf#aws_iam_user.vendor')).toBe(true);
    expect(shipped('app.yaml#Bucket')).toBeUndefined();
    const templates = snapshot.resources.filter((r) => r.type === 'AWS::CloudFormation::Template');
    expect(templates.find((t) => t.uid.endsWith('onboarding.yaml'))).toMatchObject({ shippedToCustomers: true, properties: { ShippedToCustomers: true } });
    expect(templates.find((t) => t.uid.endsWith('app.yaml'))).toMatchObject({ properties: { ShippedToCustomers: false } });
    expect(templates.find((t) => t.uid.endsWith('app.yaml'))!.shippedToCustomers).toBeUndefined();
  });

  it('are marked by the single-input parsers when their file matches customerTemplates', () => {
    const cfn = parseCloudFormation(ROLE, { file: 'onboarding.yaml', customerTemplates: ['onboarding.yaml'] });
    expect(cfn.resources.every((r) => r.shippedToCustomers === true)).toBe(true);
    expect(cfn.resources.find((r) => r.type === 'AWS::CloudFormation::Template')!.properties['ShippedToCustomers']).toBe(true);
    expect(parseCloudFormation(ROLE, { file: 'onboarding.yaml' }).resources.some((r) => r.shippedToCustomers)).toBe(false);
    const hcl = parseTerraformHcl('resource "aws_iam_user" "u" { name = "u" }\n', { file: 'c.tf', customerTemplates: ['c.tf'] });
    expect(hcl.resources[0]!.shippedToCustomers).toBe(true);
    const plan = JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_iam_user.u', mode: 'managed', type: 'aws_iam_user', name: 'u', change: { actions: ['create'], after: { name: 'u' }, after_unknown: {} } }] });
    expect(parseTerraformPlan(plan, { file: 'plan.json', customerTemplates: ['*.json'] }).resources[0]!.shippedToCustomers).toBe(true);
  });
});

describe('Terraform secrets', () => {
  it('a credential variable’s default is never written out, not even in an assumption note', () => {
    const text = 'variable "db_password" { default = "hunter2hunter2" }\nvariable "engine" { default = "postgres" }\nresource "aws_db_instance" "db" {\n  engine = var.engine\n  password = var.db_password\n}\n';
    const db = parseTerraformHcl(text, { file: 'db.tf' }).resources[0]!;
    const notes = db.assumptions.map((a) => a.note);
    expect(notes).toContain('depends on variable db_password (its default was used)');
    expect(notes).toContain('depends on variable engine (default "postgres" used)');
    expect(JSON.stringify(db)).not.toContain('hunter2');
  });

  it('a secret setting keeps a reference to another resource; only values written in the code are redacted', () => {
    const text = 'resource "random_password" "db" { length = 24 }\nresource "aws_db_instance" "a" { password = random_password.db.result }\nresource "aws_db_instance" "b" { password = "literal-pass-123" }\n';
    const [, generated, literal] = parseTerraformHcl(text, { file: 'db.tf' }).resources;
    expect(generated!.properties['MasterUserPassword']).toEqual({ $ref: 'tf:db.tf#random_password.db', attribute: 'result' });
    expect(literal!.properties['MasterUserPassword']).toBe('<redacted>');
  });
});
