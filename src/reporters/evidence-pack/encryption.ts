/**
 * The encryption evidence table: what the snapshots say about KMS keys, encryption at rest (S3, EBS, RDS and Aurora,
 * DynamoDB, EFS, ElastiCache, OpenSearch, Redshift, SNS, SQS) and in transit (load balancer listeners, CloudFront,
 * API Gateway custom domains, ElastiCache, OpenSearch). Facts only, as collected: a value the scan could not read is
 * "not known", never "yes". Verdicts stay in the assessment; this is the inventory a reviewer asks for.
 */
import { isResourceRef, type Resource } from '../../core/index.js';
import { compareText } from '../_lib/findings.js';

export type Protection = 'yes' | 'no' | 'not known' | 'n/a';

export interface EncryptionRow {
  category: 'KMS key' | 'at rest' | 'in transit';
  service: string;
  resource: string;
  uid: string;
  account: string;
  region: string;
  source: string;
  protected: Protection;
  setting: string;
  key: string;
  note: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a JSON pointer, or a reason it is not known. */
function read(r: Resource, pointer: string): { value: unknown } | { unknown: string } {
  const mark = r.unknown.find((m) => m.path === '' || m.path === pointer || pointer.startsWith(`${m.path}/`));
  if (mark) return { unknown: mark.reason };
  let value: unknown = r.properties;
  for (const key of pointer.split('/').slice(1)) value = isRecord(value) ? value[key] : Array.isArray(value) ? value[Number(key)] : undefined;
  return { value };
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (isResourceRef(value)) return `ref ${value.$ref}`;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function row(r: Resource, category: EncryptionRow['category'], service: string, fields: Pick<EncryptionRow, 'protected' | 'setting'> & Partial<Pick<EncryptionRow, 'key' | 'note'>>): EncryptionRow {
  return {
    category,
    service,
    resource: r.name ?? r.physicalId ?? r.uid,
    uid: r.uid,
    account: r.account ?? '',
    region: r.region ?? '',
    source: r.source,
    key: fields.key ?? '',
    note: fields.note ?? '',
    protected: fields.protected,
    setting: fields.setting,
  };
}

const unknownRow = (r: Resource, category: EncryptionRow['category'], service: string, reason: string) => row(r, category, service, { protected: 'not known', setting: '', note: `not collected: ${reason}` });

/** A boolean switch (`Encrypted`, `StorageEncrypted` …) with an optional key property. */
function flag(r: Resource, service: string, pointer: string, keyPointer?: string, category: EncryptionRow['category'] = 'at rest'): EncryptionRow {
  const got = read(r, pointer);
  if ('unknown' in got) return unknownRow(r, category, service, got.unknown);
  const key = keyPointer ? read(r, keyPointer) : undefined;
  const keyText = key && 'value' in key ? show(key.value) : '';
  const [on, off] = category === 'in transit' ? ['TLS on', 'TLS off'] : ['encrypted', 'not encrypted'];
  if (got.value === true) return row(r, category, service, { protected: 'yes', setting: keyText !== '' ? `${on} with a KMS key` : on, key: keyText });
  if (got.value === false) return row(r, category, service, { protected: 'no', setting: off });
  return row(r, category, service, { protected: 'not known', setting: '', note: `${pointer.slice(1)} not set in the ${r.source === 'live' ? 'scan' : 'template'}` });
}

function kmsKey(r: Resource): EncryptionRow {
  const manager = show(r.properties['KeyManager']);
  const spec = show(r.properties['KeySpec']) || 'SYMMETRIC_DEFAULT';
  const state = show(r.properties['KeyState']);
  const setting = [manager !== '' ? `${manager.toLowerCase()} managed` : '', spec, state].filter(Boolean).join(' · ');
  if (manager === 'AWS') return row(r, 'KMS key', 'KMS', { protected: 'yes', setting, note: 'AWS rotates AWS managed keys every year' });
  if (spec !== 'SYMMETRIC_DEFAULT') return row(r, 'KMS key', 'KMS', { protected: 'n/a', setting, note: 'automatic rotation applies to symmetric keys only' });
  const rotation = read(r, '/EnableKeyRotation');
  if ('unknown' in rotation) return unknownRow(r, 'KMS key', 'KMS', rotation.unknown);
  const on = rotation.value === true;
  return row(r, 'KMS key', 'KMS', { protected: on ? 'yes' : rotation.value === false ? 'no' : 'not known', setting: `${setting}${setting ? ' · ' : ''}rotation ${on ? 'on' : rotation.value === false ? 'off' : 'not known'}` });
}

const S3_ALGORITHMS: Record<string, string> = { AES256: 'SSE-S3', 'aws:kms': 'SSE-KMS', 'aws:kms:dsse': 'DSSE-KMS' };

function bucket(r: Resource): EncryptionRow {
  const got = read(r, '/BucketEncryption');
  if ('unknown' in got) return unknownRow(r, 'at rest', 'S3', got.unknown);
  const rules = isRecord(got.value) && Array.isArray(got.value['ServerSideEncryptionConfiguration']) ? got.value['ServerSideEncryptionConfiguration'] : undefined;
  if (!rules) {
    return r.source === 'live'
      ? row(r, 'at rest', 'S3', { protected: 'not known', setting: '', note: 'no default encryption configuration was collected' })
      : row(r, 'at rest', 'S3', { protected: 'yes', setting: 'SSE-S3 (S3 default since January 2023)', note: 'no BucketEncryption in the template' });
  }
  const defaults = rules.map((x) => (isRecord(x) && isRecord(x['ServerSideEncryptionByDefault']) ? x['ServerSideEncryptionByDefault'] : {}));
  const algorithms = defaults.map((d) => show(d['SSEAlgorithm']));
  const known = algorithms.every((a) => S3_ALGORITHMS[a] !== undefined);
  return row(r, 'at rest', 'S3', {
    protected: known && algorithms.length > 0 ? 'yes' : 'no',
    setting: algorithms.map((a) => S3_ALGORITHMS[a] ?? (a || 'no algorithm')).join(', '),
    key: defaults.map((d) => show(d['KMSMasterKeyID'])).filter(Boolean).join(', '),
  });
}

function dynamo(r: Resource): EncryptionRow {
  const got = read(r, '/SSESpecification');
  if ('unknown' in got) return unknownRow(r, 'at rest', 'DynamoDB', got.unknown);
  const spec = isRecord(got.value) ? got.value : {};
  if (spec['SSEEnabled'] === true) return row(r, 'at rest', 'DynamoDB', { protected: 'yes', setting: `SSE-${show(spec['SSEType']) || 'KMS'}`, key: show(spec['KMSMasterKeyId']) || 'aws/dynamodb' });
  return row(r, 'at rest', 'DynamoDB', { protected: 'yes', setting: 'AWS owned key (DynamoDB always encrypts)' });
}

function sns(r: Resource): EncryptionRow {
  const got = read(r, '/KmsMasterKeyId');
  if ('unknown' in got) return unknownRow(r, 'at rest', 'SNS', got.unknown);
  const key = show(got.value);
  return key !== ''
    ? row(r, 'at rest', 'SNS', { protected: 'yes', setting: 'SSE-KMS', key })
    : row(r, 'at rest', 'SNS', { protected: 'no', setting: 'no KMS key', note: 'SNS still stores messages with its own disk encryption' });
}

function sqs(r: Resource): EncryptionRow {
  const key = read(r, '/KmsMasterKeyId');
  const managed = read(r, '/SqsManagedSseEnabled');
  if ('value' in key && show(key.value) !== '') return row(r, 'at rest', 'SQS', { protected: 'yes', setting: 'SSE-KMS', key: show(key.value) });
  if ('value' in managed && managed.value === true) return row(r, 'at rest', 'SQS', { protected: 'yes', setting: 'SSE-SQS' });
  if ('unknown' in key || 'unknown' in managed) return unknownRow(r, 'at rest', 'SQS', 'unknown' in key ? key.unknown : 'unknown' in managed ? managed.unknown : '');
  if ('value' in managed && managed.value === false) return row(r, 'at rest', 'SQS', { protected: 'no', setting: 'SqsManagedSseEnabled is false, no KMS key' });
  return r.source === 'live'
    ? row(r, 'at rest', 'SQS', { protected: 'not known', setting: '', note: 'neither attribute was collected' })
    : row(r, 'at rest', 'SQS', { protected: 'yes', setting: 'SSE-SQS (default for new queues since October 2022)' });
}

function elastiCache(r: Resource): EncryptionRow[] {
  const mode = show(r.properties['TransitEncryptionMode']);
  const transit = flag(r, 'ElastiCache', '/TransitEncryptionEnabled', undefined, 'in transit');
  return [flag(r, 'ElastiCache', '/AtRestEncryptionEnabled', '/KmsKeyId'), mode !== '' ? { ...transit, setting: `${transit.setting} (mode ${mode})` } : transit];
}

function openSearch(r: Resource): EncryptionRow[] {
  const atRest = flag(r, 'OpenSearch', '/EncryptionAtRestOptions/Enabled', '/EncryptionAtRestOptions/KmsKeyId');
  const https = read(r, '/DomainEndpointOptions');
  let transit: EncryptionRow;
  if ('unknown' in https) transit = unknownRow(r, 'in transit', 'OpenSearch', https.unknown);
  else {
    const options = isRecord(https.value) ? https.value : {};
    const enforce = options['EnforceHTTPS'] === true;
    const nodeToNode = isRecord(r.properties['NodeToNodeEncryptionOptions']) && r.properties['NodeToNodeEncryptionOptions']['Enabled'] === true;
    transit = row(r, 'in transit', 'OpenSearch', {
      protected: enforce ? 'yes' : options['EnforceHTTPS'] === false ? 'no' : 'not known',
      setting: [enforce ? 'HTTPS enforced' : 'HTTPS not enforced', show(options['TLSSecurityPolicy']), nodeToNode ? 'node-to-node encryption on' : ''].filter(Boolean).join(' · '),
    });
  }
  return [atRest, transit];
}

function listener(r: Resource): EncryptionRow {
  const protocol = show(r.properties['Protocol']).toUpperCase();
  const port = show(r.properties['Port']);
  const policy = show(r.properties['SslPolicy']);
  const name = `${protocol || '?'} ${port}`.trim();
  if (protocol === 'HTTPS' || protocol === 'TLS') return row(r, 'in transit', 'Elastic Load Balancing', { protected: 'yes', setting: `${name} · ${policy || 'default policy'}` });
  const actions = Array.isArray(r.properties['DefaultActions']) ? r.properties['DefaultActions'] : [];
  const redirects = actions.length > 0 && actions.every((a) => isRecord(a) && a['Type'] === 'redirect' && isRecord(a['RedirectConfig']) && a['RedirectConfig']['Protocol'] === 'HTTPS');
  if (protocol === 'HTTP') return row(r, 'in transit', 'Elastic Load Balancing', redirects ? { protected: 'yes', setting: `${name} · redirects to HTTPS` } : { protected: 'no', setting: `${name} · plaintext HTTP` });
  if (protocol === '') return row(r, 'in transit', 'Elastic Load Balancing', { protected: 'not known', setting: '', note: 'protocol not known' });
  return row(r, 'in transit', 'Elastic Load Balancing', { protected: 'n/a', setting: name, note: 'passed through: TLS, if any, ends at the targets' });
}

function distribution(r: Resource): EncryptionRow {
  const got = read(r, '/DistributionConfig');
  if ('unknown' in got) return unknownRow(r, 'in transit', 'CloudFront', got.unknown);
  const config = isRecord(got.value) ? got.value : {};
  const cert = isRecord(config['ViewerCertificate']) ? config['ViewerCertificate'] : {};
  const behaviours = [config['DefaultCacheBehavior'], ...(Array.isArray(config['CacheBehaviors']) ? config['CacheBehaviors'] : [])].filter(isRecord);
  const plaintext = behaviours.filter((b) => b['ViewerProtocolPolicy'] === 'allow-all').map((b) => show(b['PathPattern']) || 'default');
  const minimum = cert['CloudFrontDefaultCertificate'] === true ? 'default certificate (TLSv1)' : show(cert['MinimumProtocolVersion']) || 'minimum protocol not set';
  return row(r, 'in transit', 'CloudFront', {
    protected: plaintext.length > 0 ? 'no' : 'yes',
    setting: [`viewer ${minimum}`, plaintext.length > 0 ? `HTTP allowed on ${plaintext.join(', ')}` : 'HTTPS only or redirect'].join(' · '),
    key: show(cert['AcmCertificateArn']),
  });
}

function apiDomain(r: Resource): EncryptionRow {
  const policies =
    r.type === 'AWS::ApiGatewayV2::DomainName'
      ? (Array.isArray(r.properties['DomainNameConfigurations']) ? r.properties['DomainNameConfigurations'] : []).filter(isRecord).map((c) => show(c['SecurityPolicy']))
      : [show(r.properties['SecurityPolicy'])];
  const set = policies.filter(Boolean);
  if (set.length === 0) return row(r, 'in transit', 'API Gateway', { protected: 'not known', setting: '', note: 'no security policy seen' });
  const weak = set.some((p) => /TLS_1_0|TLS-1-0|TLS13_1_0|TLS_1_1/i.test(p));
  return row(r, 'in transit', 'API Gateway', { protected: weak ? 'no' : 'yes', setting: `security policy ${set.join(', ')}`, ...(weak ? { note: 'allows TLS versions below 1.2' } : {}) });
}

function rowsOf(r: Resource): EncryptionRow[] {
  switch (r.type) {
    case 'AWS::KMS::Key':
      return [kmsKey(r)];
    case 'AWS::S3::Bucket':
      return [bucket(r)];
    case 'AWS::EC2::Volume':
      return [flag(r, 'EBS', '/Encrypted', '/KmsKeyId')];
    case 'AWS::RDS::DBInstance':
      if (r.properties['StorageEncrypted'] === undefined && r.properties['DBClusterIdentifier'] !== undefined) {
        return [row(r, 'at rest', 'RDS', { protected: 'n/a', setting: '', note: `encryption is set on cluster ${show(r.properties['DBClusterIdentifier'])}` })];
      }
      return [flag(r, 'RDS', '/StorageEncrypted', '/KmsKeyId')];
    case 'AWS::RDS::DBCluster':
      return [flag(r, 'Aurora / RDS cluster', '/StorageEncrypted', '/KmsKeyId')];
    case 'AWS::DynamoDB::Table':
      return [dynamo(r)];
    case 'AWS::EFS::FileSystem':
      return [flag(r, 'EFS', '/Encrypted', '/KmsKeyId')];
    case 'AWS::ElastiCache::ReplicationGroup':
      return elastiCache(r);
    case 'AWS::OpenSearchService::Domain':
      return openSearch(r);
    case 'AWS::Redshift::Cluster':
      return [flag(r, 'Redshift', '/Encrypted', '/KmsKeyId')];
    case 'AWS::SNS::Topic':
      return [sns(r)];
    case 'AWS::SQS::Queue':
      return [sqs(r)];
    case 'AWS::ElasticLoadBalancingV2::Listener':
      return [listener(r)];
    case 'AWS::CloudFront::Distribution':
      return [distribution(r)];
    case 'AWS::ApiGateway::DomainName':
    case 'AWS::ApiGatewayV2::DomainName':
      return [apiDomain(r)];
    default:
      return [];
  }
}

const CATEGORY_ORDER: Record<EncryptionRow['category'], number> = { 'KMS key': 0, 'at rest': 1, 'in transit': 2 };

export function encryptionRows(resources: readonly Resource[]): EncryptionRow[] {
  return resources
    .flatMap(rowsOf)
    .sort(
      (a, b) =>
        CATEGORY_ORDER[a.category] - CATEGORY_ORDER[b.category] ||
        compareText(a.service, b.service) ||
        compareText(a.account, b.account) ||
        compareText(a.region, b.region) ||
        compareText(a.resource, b.resource) ||
        compareText(a.uid, b.uid),
    );
}
