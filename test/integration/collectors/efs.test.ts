// The EFS collector: encryption and automatic backups (a file system without a backup policy has them off),
// pagination, denials, throttling and one denied DescribeBackupPolicy among several.
import { CreateFileSystemCommand, EFSClient } from '@aws-sdk/client-efs';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import efs from '../../../src/collectors/efs.js';
import { clientConfig, startAwsHarness, type AwsHarness } from '../../harness/index.js';
import { expectFailure, outcomeOn, record, resourceNamed, resourcesOf, unknownPaths } from './data-store-helpers.js';
import { scanWith } from './scan-helpers.js';

const FS = 'AWS::EFS::FileSystem';
const ENCRYPTED = 'efs-file-system-encrypted';
const BACKED_UP = 'efs-file-system-backed-up';

let h: AwsHarness;
beforeAll(async () => {
  h = await startAwsHarness();
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.reset();
});

/** moto has no PutBackupPolicy; CreateFileSystem's `Backup` flag sets the policy it reports. */
async function create(name: string, encrypted: boolean, backup: boolean): Promise<string> {
  const out = await new EFSClient(clientConfig(h.endpoint)).send(new CreateFileSystemCommand({ CreationToken: name, Encrypted: encrypted, Backup: backup, Tags: [{ Key: 'Name', Value: name }] }));
  return out.FileSystemId ?? '';
}

it('reads encryption and the backup policy, DISABLED when the file system has none', async () => {
  const shared = await create('shared', true, true);
  await create('scratch', false, false);
  const snapshot = await scanWith(h, [efs]);
  const fs = resourceNamed(snapshot, FS, 'shared');
  expect(fs).toMatchObject({ uid: `arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/${shared}`, physicalId: shared, tags: { Name: 'shared' }, unknown: [] });
  expect(fs.properties).toEqual({
    FileSystemId: shared,
    Encrypted: true,
    PerformanceMode: 'generalPurpose',
    ThroughputMode: 'bursting',
    LifeCycleState: 'available',
    BackupPolicy: { Status: 'ENABLED' },
  });
  const scratch = resourceNamed(snapshot, FS, 'scratch');
  expect(scratch.properties).toMatchObject({ Encrypted: false, BackupPolicy: { Status: 'DISABLED' } });
  expect(record(snapshot, 'elasticfilesystem:DescribeFileSystems')).toMatchObject({ outcome: 'ok', lists: [FS] });
  expect(record(snapshot, 'elasticfilesystem:DescribeBackupPolicy')).toMatchObject({ outcome: 'ok', calls: { ok: 2 } });
  expect(outcomeOn(snapshot, ENCRYPTED, fs.uid)).toBe('pass');
  expect(outcomeOn(snapshot, ENCRYPTED, scratch.uid)).toBe('fail');
  expect(outcomeOn(snapshot, BACKED_UP, fs.uid)).toBe('pass');
  // Backups off, and AWS Backup not collected here: undecided, never failed.
  expect(outcomeOn(snapshot, BACKED_UP, scratch.uid)).toBe('unknown');
});

it('follows DescribeFileSystems to the last page', async () => {
  const names = ['f1', 'f2', 'f3', 'f4', 'f5'];
  for (const name of names) await create(name, true, false);
  h.proxy.paginate({ service: 'elasticfilesystem', operation: 'DescribeFileSystems' }, { pageSize: 2, spec: { format: 'json', lists: ['FileSystems'], token: 'NextMarker' } });
  const snapshot = await scanWith(h, [efs]);
  expect(resourcesOf(snapshot, FS).map((f) => f.name).sort()).toEqual(names);
  expect(h.proxy.callsTo('elasticfilesystem', 'DescribeFileSystems').map((c) => c.answeredBy)).toEqual(['moto', 'page', 'page']);
});

it('leaves the rules unknown when a call is denied or throttled', async () => {
  const id = await create('shared', true, true);
  const uid = `arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/${id}`;
  h.proxy.fault({ service: 'elasticfilesystem', operation: 'DescribeFileSystems' }, { kind: 'access_denied' });
  const denied = await scanWith(h, [efs]);
  expect(resourcesOf(denied, FS)).toEqual([]);
  expectFailure(denied, 'elasticfilesystem:DescribeFileSystems', 'access_denied', { rules: [ENCRYPTED, BACKED_UP] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'elasticfilesystem', operation: 'DescribeBackupPolicy' }, { kind: 'access_denied' });
  const noPolicy = await scanWith(h, [efs]);
  expect(unknownPaths(resourceNamed(noPolicy, FS, 'shared'))).toEqual(['/BackupPolicy']);
  expectFailure(noPolicy, 'elasticfilesystem:DescribeBackupPolicy', 'access_denied', { affected: [uid], rules: [BACKED_UP] });

  h.proxy.clearFaults();
  h.proxy.fault({ service: 'elasticfilesystem', operation: 'DescribeBackupPolicy' }, { kind: 'throttle' });
  expectFailure(await scanWith(h, [efs], { maxAttempts: 1 }), 'elasticfilesystem:DescribeBackupPolicy', 'throttled', { affected: [uid], rules: [BACKED_UP] });
});

it('marks only the file system whose backup policy was denied', async () => {
  for (const name of ['a', 'b', 'c']) await create(name, true, true);
  h.proxy.fault({ service: 'elasticfilesystem', operation: 'DescribeBackupPolicy' }, { kind: 'access_denied', times: 1 });
  const snapshot = await scanWith(h, [efs]);
  const r = record(snapshot, 'elasticfilesystem:DescribeBackupPolicy');
  expect(r).toMatchObject({ outcome: 'access_denied', calls: { ok: 2, access_denied: 1 } });
  expect(resourcesOf(snapshot, FS).filter((f) => f.unknown.length > 0).map((f) => f.uid)).toEqual(r.affected);
});
