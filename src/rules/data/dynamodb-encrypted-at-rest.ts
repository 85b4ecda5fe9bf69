/**
 * DynamoDB data is encrypted at rest: every table (always) and every DAX cluster caching it.
 *
 * N/A     never: every table and DAX cluster is judged.
 * PASS    a table, once its settings are seen: DynamoDB cannot store an unencrypted table. Without
 *         `SSESpecification` (or with `SSEEnabled: false`) it uses an AWS owned key; `SSEType: KMS` uses aws/dynamodb
 *         or the customer managed key in `KMSMasterKeyId`. A DAX cluster with `SSESpecification.SSEEnabled: true`.
 * FAIL    a DAX cluster without encryption at rest (the CloudFormation and API default): it holds a copy of table
 *         items on its nodes, so partial encryption is no encryption.
 * UNKNOWN DescribeTable / DAX DescribeClusters was denied, or a DAX cluster's setting was not collected; in a
 *         template, a DAX cluster's setting depends on a parameter without a default, an `ImportValue` or an undecidable
 *         condition. A template table passes even when its key cannot be resolved: the table is encrypted either way.
 *
 * Templates: a DAX cluster without `SSESpecification` (Terraform `server_side_encryption`) is not encrypted — the
 * CloudFormation and API default. Terraform DAX clusters are not mapped by the parser yet, so a plan shows none.
 *
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';
import { labelOf, namesSomething } from '../_lib/code-values.js';
import { isRecord } from '../_lib/values.js';

export default defineRule({
  meta: {
    id: 'dynamodb-encrypted-at-rest',
    title: 'DynamoDB tables and DAX clusters are encrypted at rest',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SDAT-002',
        gates: true,
        basis: 'the checklist requires sensitive data to be encrypted at rest; DynamoDB tables (always encrypted) and DAX caches of them are data stores',
      },
    ],
    resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DAX::Cluster'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'DynamoDB encrypts every table, but a DAX cluster in front of it keeps items on its nodes unencrypted unless encryption at rest was chosen at creation. A customer managed key on tables adds control over who can decrypt.',
    remediation: {
      summary:
        'Tables need nothing (consider a customer managed KMS key for sensitive data). A DAX cluster cannot be encrypted in place: create a new cluster with encryption at rest and move clients to its endpoint.',
      console: [
        'DynamoDB console, DAX, Clusters, Create cluster; under Encryption tick "Turn on encryption at rest".',
        'Point the application at the new cluster endpoint, then delete the unencrypted cluster.',
        'For a table: Tables, select it, Additional settings, Encryption, Manage encryption, choose a key you manage.',
      ],
      cli: 'aws dax create-cluster --cluster-name orders-cache-enc --node-type dax.r5.large --replication-factor 3 \\\n  --iam-role-arn arn:aws:iam::111122223333:role/DAXServiceRole --sse-specification Enabled=true\naws dynamodb update-table --table-name orders --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=alias/dynamodb-data',
      cloudformation:
        'OrdersCache:\n  Type: AWS::DAX::Cluster\n  Properties:\n    NodeType: dax.r5.large\n    ReplicationFactor: 3\n    IAMRoleARN: !GetAtt DaxRole.Arn\n    SSESpecification:\n      SSEEnabled: true\n\nOrdersTable:\n  Type: AWS::DynamoDB::Table\n  Properties:\n    BillingMode: PAY_PER_REQUEST\n    AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]\n    KeySchema: [{ AttributeName: pk, KeyType: HASH }]\n    SSESpecification:\n      SSEEnabled: true\n      SSEType: KMS\n      KMSMasterKeyId: !Ref DataKey',
      terraform:
        'resource "aws_dax_cluster" "orders" {\n  cluster_name       = "orders-cache"\n  node_type          = "dax.r5.large"\n  replication_factor = 3\n  iam_role_arn       = aws_iam_role.dax.arn\n  server_side_encryption {\n    enabled = true\n  }\n}',
      links: [
        'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html',
        'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html',
      ],
    },
    messages: {
      ownedKey: 'DynamoDB table {{resource}} is encrypted with an AWS owned key.',
      kmsKey: 'DynamoDB table {{resource}} is encrypted with {{key}}.',
      alwaysEncrypted: 'DynamoDB table {{resource}} is encrypted at rest (DynamoDB encrypts every table; the key is set at deploy time).',
      daxEncrypted: 'DAX cluster {{resource}} encrypts its nodes at rest.',
      daxNotEncrypted: 'DAX cluster {{resource}} does not encrypt cached items at rest.',
    },
    needs: ['dynamodb:ListTables', 'dynamodb:DescribeTable', 'dax:DescribeClusters'],
  },
  evaluate(store: Resource, ctx) {
    if (store.type === 'AWS::DAX::Cluster') {
      const enabled = readSetting(ctx, store, '/SSESpecification/SSEEnabled', asBool, false);
      if (!enabled.known) return unknownSetting(ctx, enabled);
      return enabled.value ? ctx.pass('daxEncrypted') : ctx.fail('daxNotEncrypted', {}, { path: '/SSESpecification/SSEEnabled' });
    }
    const unread = ctx.unknownAt(store, '/SSESpecification');
    if (unread && store.source === 'live') return ctx.unknown(unread.reason, { path: '/SSESpecification' });
    if (unread) return ctx.pass('alwaysEncrypted');
    const sse = ctx.get(store, '/SSESpecification');
    if (!isRecord(sse) || asBool(sse['SSEEnabled']) !== true) return ctx.pass('ownedKey');
    const key = sse['KMSMasterKeyId'];
    return ctx.pass('kmsKey', { key: namesSomething(key) ? `KMS key ${labelOf(key)}` : 'the AWS managed key aws/dynamodb' });
  },
});
