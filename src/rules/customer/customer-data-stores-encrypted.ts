/**
 * Every data store the customer template creates is encrypted at rest.
 *
 * N/A     a DB instance that belongs to a cluster (the cluster is judged).
 * PASS    the store encrypts: an explicit setting, or a default that always encrypts (S3 SSE-S3, DynamoDB, SQS SSE-SQS).
 * FAIL    the setting is false, or left at a default that does not encrypt (RDS, EFS, DAX); an SNS topic without a
 *         KMS key (only SNS’s own disk encryption).
 * UNKNOWN the setting is a value the template leaves unresolved, or is omitted where the default depends on what the
 *         template does not show (EBS encryption by default of the customer's Region, the ElastiCache engine, the
 *         OpenSearch and Redshift versions).
 *
 * The same readings as the data rules (src/rules/_lib/encryption-at-rest.ts). The checklist asks the guide to explain
 * every encryption setting of the deployment, at rest and in transit, including keys; it does not require
 * encryption, so this informs DSEC-009: a store left unencrypted is the setting the guide must then justify.
 * https://docs.aws.amazon.com/whitepapers/latest/logical-separation/encrypting-data-at-rest-and--in-transit.html
 */
import { defineRule } from '../../core/index.js';
import { DATA_STORE_TYPES, encryptionAtRest } from '../_lib/encryption-at-rest.js';

export default defineRule({
  meta: {
    id: 'customer-data-stores-encrypted',
    title: 'Every data store in the customer template is encrypted at rest',
    severity: 'medium',
    requirements: [
      { checklist: 'customer-deployed', id: 'DSEC-009', gates: false, basis: 'informs the encryption section of the deployment guide: the encryption settings of each data store the template creates, and the ones left unencrypted that the guide must explain' },
    ],
    resourceTypes: [...DATA_STORE_TYPES],
    target: 'customer-templates',
    sources: ['cloudformation', 'terraform'],
    rationale:
      'Customers deploy the template as given; a data store it leaves unencrypted holds their data unencrypted unless each of them notices and changes it. Turning encryption on in the template, with a customer-chosen KMS key where it matters, makes the safe setting the default.',
    remediation: {
      summary: 'Set the encryption property of every data store in the template (StorageEncrypted, Encrypted, AtRestEncryptionEnabled, EncryptionAtRestOptions, KmsMasterKeyId), optionally with a KmsKeyId parameter, and describe it in the deployment guide.',
      console: [
        'For each RDS, EFS, EBS, ElastiCache, OpenSearch, Redshift, DAX and SNS resource in the template, set its encryption property to true (or name a KMS key).',
        'Offer a KmsKeyArn parameter for customers who want their own key, and document the choice in the guide.',
      ],
      cloudformation:
        'Database:\n  Type: AWS::RDS::DBInstance\n  Properties:\n    StorageEncrypted: true\n    KmsKeyId: !If [HasKey, !Ref KmsKeyArn, !Ref AWS::NoValue]\nVolume:\n  Type: AWS::EC2::Volume\n  Properties:\n    Encrypted: true',
      terraform:
        'resource "aws_db_instance" "main" {\n  storage_encrypted = true\n}\nresource "aws_ebs_volume" "data" {\n  encrypted = true\n}',
      links: [
        'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
        'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
      ],
    },
    messages: {
      encrypted: '{{resource}} ({{type}}) is encrypted at rest: {{how}}.',
      clusterMember: 'DB instance {{resource}} stores its data in its cluster, which is judged instead.',
      notEncrypted: '{{resource}} ({{type}}) in the customer template is not encrypted at rest: {{how}}.',
    },
    needs: [],
  },
  evaluate(store, ctx) {
    const type = store.type.split('::').slice(1).join(' ');
    const found = encryptionAtRest(ctx, store);
    switch (found.state) {
      case 'encrypted':
        return ctx.pass('encrypted', { type, how: found.how });
      case 'not_encrypted':
        return ctx.fail('notEncrypted', { type, how: found.how }, { path: found.path });
      case 'unknown':
        return ctx.unknown(found.reason, { path: found.path });
      case 'not_judged':
        return ctx.notApplicable('clusterMember');
    }
  },
});
