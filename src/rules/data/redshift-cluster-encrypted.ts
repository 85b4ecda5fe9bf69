/**
 * Every Redshift cluster encrypts its data at rest.
 *
 * N/A     never: every provisioned cluster is judged.
 * PASS    `Encrypted` is true (data blocks, system metadata and snapshots).
 * FAIL    it is false.
 * UNKNOWN DescribeClusters was denied or the flag was not collected; in a template an omitted flag is not guessed
 *         (new clusters are encrypted by default since 2025; older API behaviour was unencrypted), nor is a parameter
 *         without a default, an `ImportValue`, an undecidable condition or a value a Terraform plan computes.
 *
 * https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'redshift-cluster-encrypted',
    title: 'Every Redshift cluster encrypts its data at rest',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; a warehouse holds consolidated customer data' },
    ],
    resourceTypes: ['AWS::Redshift::Cluster'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale: 'A data warehouse usually holds the most complete, consolidated copy of customer data; encryption at rest covers its blocks, metadata and snapshots.',
    remediation: {
      summary: 'Encrypt the cluster in place (Redshift migrates the data), with a customer managed KMS key for sensitive data.',
      console: ['Open the Amazon Redshift console, Clusters, select the cluster.', 'Actions, Modify; under Database configurations choose "Use AWS Key Management Service (AWS KMS)", pick the key, Modify cluster.'],
      cli: 'aws redshift modify-cluster --cluster-identifier analytics --encrypted --kms-key-id alias/redshift',
      cloudformation: 'Warehouse:\n  Type: AWS::Redshift::Cluster\n  Properties:\n    ClusterType: multi-node\n    NodeType: ra3.xlplus\n    NumberOfNodes: 2\n    Encrypted: true\n    KmsKeyId: !Ref WarehouseKey',
      terraform: 'resource "aws_redshift_cluster" "warehouse" {\n  cluster_identifier = "analytics"\n  node_type          = "ra3.xlplus"\n  encrypted          = true\n  kms_key_id         = aws_kms_key.redshift.arn\n}',
      links: ['https://docs.aws.amazon.com/redshift/latest/mgmt/changing-cluster-encryption.html'],
    },
    messages: {
      encrypted: 'Redshift cluster {{resource}} is encrypted at rest.',
      notEncrypted: 'Redshift cluster {{resource}} is not encrypted at rest.',
    },
    needs: ['redshift:DescribeClusters'],
  },
  evaluate(cluster: Resource, ctx) {
    const encrypted = readSetting(ctx, cluster, '/Encrypted', asBool);
    if (!encrypted.known) return unknownSetting(ctx, encrypted);
    return encrypted.value ? ctx.pass('encrypted') : ctx.fail('notEncrypted', {}, { path: '/Encrypted' });
  },
});
