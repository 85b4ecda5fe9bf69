import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Snapshot } from '../../core/index.js';
import { parseIacPaths } from '../iac-paths.js';

describe('nested stacks', () => {
  it('follows a local TemplateURL with the parent’s parameters; the uid carries the nesting', async () => {
    const snapshot = Snapshot.parse(await parseIacPaths(['test/fixtures/iac/cloudformation/nested']));
    const data = snapshot.resources.find((r) => r.uid.endsWith('#Storage/Data'))!;
    expect(data.uid).toBe('cfn:test/fixtures/iac/cloudformation/nested/main.yaml#Storage/Data');
    expect(data.location).toMatchObject({ file: 'test/fixtures/iac/cloudformation/nested/stacks/storage.yaml', line: 13, logicalId: 'Data' });
    expect(data.properties).toMatchObject({
      BucketName: 'acme-prod-data',
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LoggingConfiguration: { DestinationBucketName: { $ref: 'cfn:test/fixtures/iac/cloudformation/nested/main.yaml#Logs' } },
    });
    // The child template is read only as a nested stack, not again on its own with unknown parameters.
    expect(snapshot.resources.filter((r) => r.location.logicalId === 'Data')).toHaveLength(1);
    expect(snapshot.collection.find((c) => c.file?.endsWith('storage.yaml'))).toMatchObject({ outcome: 'ok' });
  });

  it('records a remote nested template as not seen', async () => {
    const snapshot = await parseIacPaths(['test/fixtures/iac/cloudformation/nested/main.yaml']);
    expect(snapshot.collection.find((c) => c.file?.startsWith('https://'))).toMatchObject({ outcome: 'unsupported', message: expect.stringMatching(/remote template/) });
  });

  it('stops at a nested stack that includes itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-nested-'));
    writeFileSync(join(dir, 'a.yaml'), 'Resources:\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: b.yaml\n');
    writeFileSync(join(dir, 'b.yaml'), 'Resources:\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: a.yaml\n');
    const snapshot = await parseIacPaths([join(dir, 'a.yaml')]);
    const records = snapshot.collection.filter((c) => c.outcome === 'error');
    expect(records.some((r) => /a cycle/.test(r.message ?? ''))).toBe(true);
  });
});

describe('CDK cloud assembly', () => {
  it('reads each stack template through manifest.json, with construct paths and the stack environment', async () => {
    const snapshot = Snapshot.parse(await parseIacPaths(['test/fixtures/iac/cdk-app']));
    const bucket = snapshot.resources.find((r) => r.type === 'AWS::S3::Bucket')!;
    expect(bucket).toMatchObject({ name: 'AppStack/DataBucket', tags: { owner: 'data-team' } });
    expect(bucket.location).toMatchObject({ file: 'test/fixtures/iac/cdk-app/cdk.out/AppStack.template.json', logicalId: 'DataBucketE3889A50', line: 3 });
    expect(snapshot.resources.find((r) => r.type === 'AWS::SQS::Queue')!.properties['QueueName']).toBe('eu-west-1-queue');
    expect(snapshot.resources.some((r) => r.location.logicalId === 'Bogus')).toBe(false);
    expect(snapshot.collection.map((c) => [c.file, c.outcome])).toEqual(
      expect.arrayContaining([
        ['test/fixtures/iac/cdk-app/cdk.out/manifest.json', 'ok'],
        ['test/fixtures/iac/cdk-app/cdk.out/AppStack.template.json', 'ok'],
      ]),
    );
  });
});
