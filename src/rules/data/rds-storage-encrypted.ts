/**
 * Every RDS DB instance and Aurora (or DocumentDB/Neptune) DB cluster encrypts its storage.
 *
 * N/A     a DB instance that belongs to a cluster (`DBClusterIdentifier` set — a name, or in a template a reference to
 *         the cluster): its storage is the cluster's, judged on the cluster.
 * PASS    `StorageEncrypted` is true (this also covers automated backups, snapshots and read replicas); a template
 *         Aurora Serverless v1 cluster (`EngineMode: serverless`), which is always encrypted.
 * FAIL    it is false, or a template omits it: CloudFormation's and the API's default is false (the Terraform parser
 *         writes the provider's false for `aws_db_instance`). One unencrypted database fails the rule: partial
 *         encryption is no encryption.
 * UNKNOWN the flag was not collected; in a template, an omitted flag on a restored, replicated or global-secondary
 *         database (`SnapshotIdentifier`, `SourceDBInstanceIdentifier`, `GlobalClusterIdentifier`, …) is inherited
 *         from its source; or the flag is a parameter without a default, an `ImportValue`, an undecidable condition
 *         or a value a Terraform plan computes.
 *
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless.html (v1 clusters are always encrypted)
 */
import { defineRule, type Resource, type RuleContext } from '../../core/index.js';
import { presence } from '../_lib/code-values.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

const INHERITS = [
  'SnapshotIdentifier',
  'DBSnapshotIdentifier',
  'DBClusterSnapshotIdentifier',
  'SourceDBInstanceIdentifier',
  'SourceDBClusterIdentifier',
  'SourceDBInstanceAutomatedBackupsArn',
  'GlobalClusterIdentifier',
];

/** Whether a template database takes its encryption from a source: set, or possibly set (unresolved). */
function inheritsEncryption(ctx: RuleContext, db: Resource): boolean {
  return INHERITS.some((p) => presence(ctx, db, `/${p}`).state !== 'absent');
}

export default defineRule({
  meta: {
    id: 'rds-storage-encrypted',
    title: 'Every RDS database and Aurora cluster encrypts its storage',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; RDS and Aurora are the usual stores of it' },
    ],
    resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Databases hold the bulk of customer data. Storage encryption protects the volumes, automated backups and snapshots, and puts KMS permissions in front of every snapshot copy or share.',
    remediation: {
      summary:
        'Encryption can only be set at creation: snapshot the database, copy the snapshot with encryption, restore from the copy, and switch the application to the new endpoint (or use AWS DMS for minimal downtime).',
      console: [
        'RDS console, Snapshots: take a manual snapshot of the database (or cluster).',
        'Select the snapshot, Actions, Copy snapshot, tick Enable encryption and choose a KMS key.',
        'Select the encrypted copy, Actions, Restore snapshot; point the application at the new endpoint and retire the old database.',
      ],
      cli: 'aws rds create-db-snapshot --db-instance-identifier mydb --db-snapshot-identifier mydb-plain\naws rds wait db-snapshot-available --db-snapshot-identifier mydb-plain\naws rds copy-db-snapshot --source-db-snapshot-identifier mydb-plain --target-db-snapshot-identifier mydb-encrypted --kms-key-id alias/rds\naws rds wait db-snapshot-available --db-snapshot-identifier mydb-encrypted\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier mydb-new --db-snapshot-identifier mydb-encrypted',
      cloudformation: 'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    Engine: postgres\n    DBInstanceClass: db.t4g.medium\n    StorageEncrypted: true\n    KmsKeyId: !Ref RdsKey\n\nAuroraCluster:\n  Type: AWS::RDS::DBCluster\n  Properties:\n    Engine: aurora-postgresql\n    StorageEncrypted: true',
      terraform: 'resource "aws_db_instance" "main" {\n  engine            = "postgres"\n  instance_class    = "db.t4g.medium"\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.rds.arn\n}\n\nresource "aws_rds_cluster" "aurora" {\n  engine            = "aurora-postgresql"\n  storage_encrypted = true\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
        'https://repost.aws/knowledge-center/rds-encrypt-instance-mysql-mariadb',
      ],
    },
    messages: {
      encrypted: 'Database {{resource}} encrypts its storage.',
      clusterMember: 'DB instance {{resource}} stores its data in a cluster, which is judged instead.',
      notEncrypted: 'Database {{resource}} does not encrypt its storage.',
    },
    needs: ['rds:DescribeDBInstances', 'rds:DescribeDBClusters'],
  },
  evaluate(db: Resource, ctx) {
    if (db.type === 'AWS::RDS::DBInstance') {
      const cluster = presence(ctx, db, '/DBClusterIdentifier');
      if (cluster.state === 'set') return ctx.notApplicable('clusterMember');
      if (cluster.state === 'unknown' && db.source !== 'live') return ctx.unknown(cluster.reason, { path: cluster.path });
    }
    const code = db.source !== 'live';
    const serverlessV1 = code && db.type === 'AWS::RDS::DBCluster' && !ctx.unknownAt(db, '/EngineMode') && ctx.get(db, '/EngineMode') === 'serverless';
    const codeDefault = !code ? undefined : serverlessV1 ? true : inheritsEncryption(ctx, db) ? undefined : false;
    const encrypted = readSetting(ctx, db, '/StorageEncrypted', asBool, codeDefault);
    if (!encrypted.known) return unknownSetting(ctx, encrypted);
    return encrypted.value ? ctx.pass('encrypted') : ctx.fail('notEncrypted', {}, { path: '/StorageEncrypted' });
  },
});
