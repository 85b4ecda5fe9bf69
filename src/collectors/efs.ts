/**
 * Amazon EFS file systems: DescribeFileSystems, and DescribeBackupPolicy per file system (EFS has no batch call for
 * it) → `AWS::EFS::FileSystem`. PolicyNotFound means the file system has no backup policy: automatic backups are off,
 * written as CloudFormation's `BackupPolicy: { Status: DISABLED }`.
 */
import { DescribeBackupPolicyCommand, DescribeFileSystemsCommand, EFSClient } from '@aws-sdk/client-efs';
import { buildArn, defined, tagMap } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';
import { mapLimit } from './framework/limiter.js';

export default defineCollector({
  service: 'elasticfilesystem',
  scope: 'regional',
  operations: {
    DescribeFileSystems: 'elasticfilesystem:DescribeFileSystems',
    DescribeBackupPolicy: 'elasticfilesystem:DescribeBackupPolicy',
  },
  listings: { DescribeFileSystems: ['AWS::EFS::FileSystem'] },
  produces: ['AWS::EFS::FileSystem'],
  async collect(ctx) {
    const client = ctx.client(EFSClient);
    const fileSystems = await ctx.pages(
      'DescribeFileSystems',
      (Marker, o) => client.send(new DescribeFileSystemsCommand({ Marker, MaxItems: 100 }), o),
      (page) => page.NextMarker,
      (page) => page.FileSystems,
    );
    if (!fileSystems.ok) return;
    await mapLimit(fileSystems.value, 4, async (fs) => {
      const id = fs.FileSystemId;
      if (id === undefined) return;
      const uid = fs.FileSystemArn ?? buildArn(ctx.apiRegion, 'elasticfilesystem', ctx.region, ctx.account, `file-system/${id}`);
      const backup = await ctx.call('DescribeBackupPolicy', (o) => client.send(new DescribeBackupPolicyCommand({ FileSystemId: id }), o), { resource: uid, absent: ['PolicyNotFound'] });
      ctx.emit({
        uid,
        type: 'AWS::EFS::FileSystem',
        name: fs.Name ?? id,
        physicalId: id,
        properties: defined({
          FileSystemId: id,
          Encrypted: fs.Encrypted,
          KmsKeyId: fs.KmsKeyId,
          PerformanceMode: fs.PerformanceMode,
          ThroughputMode: fs.ThroughputMode,
          AvailabilityZoneName: fs.AvailabilityZoneName,
          LifeCycleState: fs.LifeCycleState,
          BackupPolicy: backup.ok ? { Status: backup.absent ? 'DISABLED' : (backup.value.BackupPolicy?.Status ?? 'DISABLED') } : undefined,
        }),
        tags: tagMap(fs.Tags),
        unknown: backup.ok ? [] : [{ path: '/BackupPolicy', reason: backup.reason }],
      });
    });
  },
});
