/**
 * Every ElastiCache (Valkey / Redis OSS) replication group encrypts data at rest.
 *
 * N/A     never: every replication group is judged.
 * PASS    `AtRestEncryptionEnabled` is true (disk during sync, swap and backups in S3 are encrypted).
 * FAIL    it is false.
 * UNKNOWN DescribeReplicationGroups was denied or the flag was not collected; in a template an omitted flag depends
 *         on the engine (Valkey defaults to on, Redis OSS to off), so it is not guessed; nor is a parameter without a
 *         default, an `ImportValue`, an undecidable condition or a value a Terraform plan computes. (The Terraform
 *         parser writes the provider's `false` for an omitted `at_rest_encryption_enabled`.)
 *
 * Memcached clusters keep data in memory only and are not replication groups; serverless caches are always encrypted.
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'elasticache-encrypted-at-rest',
    title: 'Every ElastiCache replication group encrypts data at rest',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-002',
        gates: true,
        basis: 'the checklist requires sensitive data to be encrypted at rest; Valkey/Redis caches persist data to disk and backups',
      },
    ],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale: 'Caches routinely hold session tokens and copies of customer records. Replication groups write them to disk during synchronisation and swap, and to S3 in backups.',
    remediation: {
      summary: 'At-rest encryption is set at creation: take a backup, create an encrypted replication group from it, and switch clients to the new endpoint.',
      console: [
        'ElastiCache console, Valkey or Redis OSS caches, select the cache, Actions, Backup.',
        'Create a new cache from the backup with "Encryption at rest" turned on (and a KMS key).',
        'Move clients to the new primary endpoint, then delete the old cache.',
      ],
      cli: 'aws elasticache create-snapshot --replication-group-id sessions --snapshot-name sessions-pre-encryption\naws elasticache create-replication-group --replication-group-id sessions-enc --replication-group-description "sessions (encrypted)" \\\n  --engine valkey --cache-node-type cache.r7g.large --num-node-groups 1 --replicas-per-node-group 1 \\\n  --snapshot-name sessions-pre-encryption --at-rest-encryption-enabled --transit-encryption-enabled',
      cloudformation: 'SessionCache:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    ReplicationGroupDescription: sessions\n    Engine: valkey\n    CacheNodeType: cache.r7g.large\n    NumNodeGroups: 1\n    ReplicasPerNodeGroup: 1\n    AtRestEncryptionEnabled: true\n    TransitEncryptionEnabled: true',
      terraform: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id       = "sessions"\n  description                = "sessions"\n  engine                     = "valkey"\n  node_type                  = "cache.r7g.large"\n  at_rest_encryption_enabled = true\n  transit_encryption_enabled = true\n}',
      links: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html'],
    },
    messages: {
      encrypted: 'ElastiCache replication group {{resource}} encrypts data at rest.',
      notEncrypted: 'ElastiCache replication group {{resource}} does not encrypt data at rest.',
    },
    needs: ['elasticache:DescribeReplicationGroups'],
  },
  evaluate(group: Resource, ctx) {
    const encrypted = readSetting(ctx, group, '/AtRestEncryptionEnabled', asBool);
    if (!encrypted.known) return unknownSetting(ctx, encrypted);
    return encrypted.value ? ctx.pass('encrypted') : ctx.fail('notEncrypted', {}, { path: '/AtRestEncryptionEnabled' });
  },
});
