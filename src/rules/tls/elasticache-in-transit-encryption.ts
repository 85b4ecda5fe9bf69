/**
 * Every ElastiCache (Valkey / Redis OSS) replication group requires TLS in transit.
 *
 * N/A     never: every replication group is judged.
 * PASS    `TransitEncryptionEnabled` is true and `TransitEncryptionMode` is `required` (or absent: groups created
 *         before the migration mode existed always require TLS once it is on).
 * FAIL    transit encryption is off, or in `preferred` mode, which still accepts plain connections.
 * UNKNOWN DescribeReplicationGroups was denied or the flag was not collected; in a template, the flag is omitted (its
 *         default has differed by engine and version, so it is not guessed — the Terraform parser writes the
 *         provider's false), or it or the mode comes from a parameter without a default, an `ImportValue`, an
 *         undecidable condition or a value a Terraform plan computes.
 *
 * Informs SDAT-003 only: ElastiCache can only be reached from inside its VPC, so this traffic does not leave the
 * VPC (the case the checklist asks about); encrypting it is still sound defence in depth.
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'elasticache-in-transit-encryption',
    title: 'Every ElastiCache replication group requires TLS in transit',
    severity: 'low',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-003',
        gates: false,
        basis: 'informs encrypted protocols: cache traffic stays inside the VPC, beyond what the checklist asks, but often carries session data',
      },
    ],
    resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale: 'Cache traffic carries session tokens and customer records; TLS keeps it private from anything else that can see VPC traffic and is required for AUTH/RBAC passwords to be safe on the wire.',
    remediation: {
      summary: 'Turn on in-transit encryption: set mode "preferred", move every client to TLS, then set mode "required" (Valkey and Redis OSS 7+ can do this in place).',
      console: [
        'ElastiCache console, select the cache, Modify.',
        'Under Security enable Encryption in transit with mode Preferred, apply; switch clients to TLS endpoints.',
        'Modify again and set the mode to Required.',
      ],
      cli: 'aws elasticache modify-replication-group --replication-group-id sessions --transit-encryption-enabled --transit-encryption-mode preferred --apply-immediately\n# after every client uses TLS:\naws elasticache modify-replication-group --replication-group-id sessions --transit-encryption-mode required --apply-immediately',
      cloudformation: 'SessionCache:\n  Type: AWS::ElastiCache::ReplicationGroup\n  Properties:\n    ReplicationGroupDescription: sessions\n    Engine: valkey\n    CacheNodeType: cache.r7g.large\n    TransitEncryptionEnabled: true\n    TransitEncryptionMode: required',
      terraform: 'resource "aws_elasticache_replication_group" "sessions" {\n  replication_group_id       = "sessions"\n  description                = "sessions"\n  engine                     = "valkey"\n  node_type                  = "cache.r7g.large"\n  transit_encryption_enabled = true\n  transit_encryption_mode    = "required"\n}',
      links: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption-enable-existing.html'],
    },
    messages: {
      tlsRequired: 'ElastiCache replication group {{resource}} requires TLS in transit.',
      tlsOff: 'ElastiCache replication group {{resource}} does not encrypt traffic in transit.',
      tlsPreferred: 'ElastiCache replication group {{resource}} still accepts plain connections (mode preferred).',
    },
    needs: ['elasticache:DescribeReplicationGroups'],
  },
  evaluate(group: Resource, ctx) {
    const enabled = readSetting(ctx, group, '/TransitEncryptionEnabled', asBool);
    if (!enabled.known) return unknownSetting(ctx, enabled);
    if (!enabled.value) return ctx.fail('tlsOff', {}, { path: '/TransitEncryptionEnabled' });
    const mode = ctx.get(group, '/TransitEncryptionMode');
    return mode === 'preferred' ? ctx.fail('tlsPreferred', {}, { path: '/TransitEncryptionMode' }) : ctx.pass('tlsRequired');
  },
});
