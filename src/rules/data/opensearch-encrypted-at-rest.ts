/**
 * Every OpenSearch Service domain encrypts data at rest.
 *
 * N/A     never: every domain is judged.
 * PASS    `EncryptionAtRestOptions.Enabled` is true (indices, logs, swap and automated snapshots).
 * FAIL    it is false.
 * UNKNOWN DescribeDomain was denied or the setting was not collected; in a template an omitted setting is not
 *         guessed (the default has varied with engine version and with fine-grained access control, which needs it),
 *         nor is a parameter without a default, an `ImportValue`, an undecidable condition or a value a Terraform
 *         plan computes.
 *
 * https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

export default defineRule({
  meta: {
    id: 'opensearch-encrypted-at-rest',
    title: 'Every OpenSearch Service domain encrypts data at rest',
    severity: 'high',
    requirements: [
      { checklist: 'partner-hosted', id: 'SDAT-002', gates: true, basis: 'the checklist requires sensitive data to be encrypted at rest; search domains index copies of customer data' },
    ],
    resourceTypes: ['AWS::OpenSearchService::Domain'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale: 'Search domains index copies of customer records and logs that often contain personal data. Encryption at rest covers indices, logs, swap files and automated snapshots.',
    remediation: {
      summary: 'Turn on encryption at rest (possible in place on OpenSearch 1.x and later, or Elasticsearch 6.7+), with a customer managed KMS key for sensitive data.',
      console: [
        'Open the OpenSearch Service console, select the domain, Actions, Edit security configuration.',
        'Under Encryption tick "Enable encryption of data at rest", choose the key, Save changes.',
      ],
      cli: 'aws opensearch update-domain-config --domain-name search --encryption-at-rest-options Enabled=true,KmsKeyId=alias/opensearch',
      cloudformation: 'SearchDomain:\n  Type: AWS::OpenSearchService::Domain\n  Properties:\n    EngineVersion: OpenSearch_2.13\n    EncryptionAtRestOptions:\n      Enabled: true\n      KmsKeyId: !Ref SearchKey\n    NodeToNodeEncryptionOptions:\n      Enabled: true',
      terraform: 'resource "aws_opensearch_domain" "search" {\n  domain_name    = "search"\n  engine_version = "OpenSearch_2.13"\n  encrypt_at_rest {\n    enabled    = true\n    kms_key_id = aws_kms_key.search.arn\n  }\n  node_to_node_encryption {\n    enabled = true\n  }\n}',
      links: ['https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html'],
    },
    messages: {
      encrypted: 'OpenSearch domain {{resource}} encrypts data at rest.',
      notEncrypted: 'OpenSearch domain {{resource}} does not encrypt data at rest.',
    },
    needs: ['es:ListDomainNames', 'es:DescribeDomains'],
  },
  evaluate(domain: Resource, ctx) {
    const encrypted = readSetting(ctx, domain, '/EncryptionAtRestOptions/Enabled', asBool);
    if (!encrypted.known) return unknownSetting(ctx, encrypted);
    return encrypted.value ? ctx.pass('encrypted') : ctx.fail('notEncrypted', {}, { path: '/EncryptionAtRestOptions/Enabled' });
  },
});
