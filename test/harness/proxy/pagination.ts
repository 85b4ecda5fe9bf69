// Test-only: splits one complete list answer into pages, for list calls moto answers in one go (IAM ListUsers,
// most EC2 Describe calls, S3 ListBuckets…). The first call goes to moto; later pages are served from the stored
// answer, keyed by a token the proxy invents, so nothing the SDK signed is ever rewritten.
import type { Reply } from './protocol.js';
import { childElements, escapeXml, findElement, splice } from './xml.js';

/** Where the list(s) and the continuation token live in an answer. */
export interface ListSpec {
  format: 'xml' | 'json';
  /** Element (XML) or top-level key (JSON) of each list; several lists are split in step (GetAccountAuthorizationDetails). */
  lists: string[];
  /** Element or key that carries the next-page token (Marker, NextToken, nextToken, ContinuationToken…). */
  token: string;
  /** Element or key of the "more pages" flag, where the API has one (IsTruncated, Truncated). */
  truncated?: string;
}

const iam = (...lists: string[]): ListSpec => ({ format: 'xml', lists, token: 'Marker', truncated: 'IsTruncated' });
const ec2 = (list: string): ListSpec => ({ format: 'xml', lists: [list], token: 'nextToken' });
const query = (list: string, token: string): ListSpec => ({ format: 'xml', lists: [list], token });
const json = (list: string, token: string, truncated?: string): ListSpec => ({ format: 'json', lists: [list], token, truncated });

/** Built-in specs, keyed `service:Operation`; any other list call needs an explicit spec in `paginate()`. */
export const LIST_SPECS: Record<string, ListSpec> = {
  'iam:ListUsers': iam('Users'),
  'iam:ListRoles': iam('Roles'),
  'iam:ListGroups': iam('Groups'),
  'iam:ListPolicies': iam('Policies'),
  'iam:ListMFADevices': iam('MFADevices'),
  'iam:ListVirtualMFADevices': iam('VirtualMFADevices'),
  'iam:ListAccessKeys': iam('AccessKeyMetadata'),
  'iam:ListAttachedUserPolicies': iam('AttachedPolicies'),
  'iam:ListAttachedRolePolicies': iam('AttachedPolicies'),
  'iam:ListAttachedGroupPolicies': iam('AttachedPolicies'),
  'iam:ListUserPolicies': iam('PolicyNames'),
  'iam:ListRolePolicies': iam('PolicyNames'),
  'iam:ListGroupsForUser': iam('Groups'),
  'iam:ListInstanceProfiles': iam('InstanceProfiles'),
  'iam:ListServerCertificates': iam('ServerCertificateMetadataList'),
  'iam:ListEntitiesForPolicy': iam('PolicyGroups', 'PolicyUsers', 'PolicyRoles'),
  'iam:GetAccountAuthorizationDetails': iam('UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'),
  'ec2:DescribeInstances': ec2('reservationSet'),
  'ec2:DescribeSecurityGroups': ec2('securityGroupInfo'),
  'ec2:DescribeSecurityGroupRules': ec2('securityGroupRuleSet'),
  'ec2:DescribeVolumes': ec2('volumeSet'),
  'ec2:DescribeSnapshots': ec2('snapshotSet'),
  'ec2:DescribeVpcs': ec2('vpcSet'),
  'ec2:DescribeSubnets': ec2('subnetSet'),
  'ec2:DescribeRouteTables': ec2('routeTableSet'),
  'ec2:DescribeInternetGateways': ec2('internetGatewaySet'),
  'ec2:DescribeNatGateways': ec2('natGatewaySet'),
  'ec2:DescribeNetworkAcls': ec2('networkAclSet'),
  'ec2:DescribeNetworkInterfaces': ec2('networkInterfaceSet'),
  'ec2:DescribeFlowLogs': ec2('flowLogSet'),
  'ec2:DescribeLaunchTemplates': ec2('launchTemplates'),
  'ec2:DescribeIamInstanceProfileAssociations': ec2('iamInstanceProfileAssociationSet'),
  's3:ListBuckets': { format: 'xml', lists: ['Buckets'], token: 'ContinuationToken' },
  'route53:ListHostedZones': { format: 'xml', lists: ['HostedZones'], token: 'NextMarker', truncated: 'IsTruncated' },
  'route53:ListHealthChecks': { format: 'xml', lists: ['HealthChecks'], token: 'NextMarker', truncated: 'IsTruncated' },
  'rds:DescribeDBInstances': query('DBInstances', 'Marker'),
  'rds:DescribeDBClusters': query('DBClusters', 'Marker'),
  'elasticloadbalancing:DescribeLoadBalancers': query('LoadBalancers', 'NextMarker'),
  'elasticloadbalancing:DescribeTargetGroups': query('TargetGroups', 'NextMarker'),
  'elasticloadbalancing:DescribeListeners': query('Listeners', 'NextMarker'),
  'cloudformation:ListStacks': query('StackSummaries', 'NextToken'),
  'cloudformation:DescribeStacks': query('Stacks', 'NextToken'),
  'sns:ListTopics': query('Topics', 'NextToken'),
  'autoscaling:DescribeAutoScalingGroups': query('AutoScalingGroups', 'NextToken'),
  'organizations:ListAccounts': json('Accounts', 'NextToken'),
  'kms:ListKeys': json('Keys', 'NextMarker', 'Truncated'),
  'secretsmanager:ListSecrets': json('SecretList', 'NextToken'),
  'logs:DescribeLogGroups': json('logGroups', 'nextToken'),
  'dynamodb:ListTables': json('TableNames', 'LastEvaluatedTableName'),
  'cloudtrail:LookupEvents': json('Events', 'NextToken'),
  'ssm:DescribeParameters': json('Parameters', 'NextToken'),
  'lambda:ListFunctions': json('Functions', 'NextMarker'),
  'backup:ListBackupPlans': json('BackupPlansList', 'NextToken'),
  'backup:ListProtectedResources': json('Results', 'NextToken'),
  'securityhub:GetEnabledStandards': json('StandardsSubscriptions', 'NextToken'),
  'access-analyzer:ListAnalyzers': json('analyzers', 'nextToken'),
  'wellarchitected:ListWorkloads': json('WorkloadSummaries', 'NextToken'),
};

export interface PaginateOptions {
  /** Items per page (per list). */
  pageSize: number;
  /** Serve this many pages, then claim one more whose request fails (truncated pagination). */
  failAfterPages?: number;
  /** Where the lists and token are; defaults to the built-in spec for the operation. */
  spec?: ListSpec;
}

/** One complete answer being served page by page. */
export interface PagedAnswer {
  reply: Reply;
  spec: ListSpec;
  pageSize: number;
  pageCount: number;
  failAfterPages?: number;
  /** The original answer's own token (moto's), handed out on the last page so the SDK continues with moto. */
  tailToken?: string;
}

export const TOKEN_PATTERN = /ftrpage-\d+-\d+/;

export function pageCount(reply: Reply, spec: ListSpec, pageSize: number): number {
  const lengths = spec.format === 'json' ? jsonLists(reply, spec).map((l) => l.length) : xmlLists(reply.body.toString('utf8'), spec).map((l) => l.length);
  return Math.max(1, ...lengths.map((n) => Math.ceil(n / pageSize)));
}

export function originalToken(reply: Reply, spec: ListSpec): string | undefined {
  if (spec.format === 'json') {
    const value = (JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>)[spec.token];
    return typeof value === 'string' && value ? value : undefined;
  }
  const xml = reply.body.toString('utf8');
  const element = findElement(xml, spec.token);
  const text = element ? xml.slice(element.innerStart, element.innerEnd).trim() : '';
  return text || undefined;
}

function jsonLists(reply: Reply, spec: ListSpec): unknown[][] {
  const body = JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>;
  return spec.lists.map((key) => (Array.isArray(body[key]) ? (body[key] as unknown[]) : []));
}

function xmlLists(xml: string, spec: ListSpec): string[][] {
  return spec.lists.map((name) => {
    const element = findElement(xml, name);
    return element ? childElements(xml, element).map((c) => xml.slice(c.start, c.end)) : [];
  });
}

/** Page `index` (0-based) of the answer; `nextToken` undefined means "last page". */
export function buildPage(answer: PagedAnswer, index: number, nextToken: string | undefined): Reply {
  const { reply, spec, pageSize } = answer;
  const from = index * pageSize;
  const body = spec.format === 'json' ? jsonPage(reply, spec, from, pageSize, nextToken) : xmlPage(reply.body.toString('utf8'), spec, from, pageSize, nextToken);
  const headers = { ...reply.headers, 'content-length': String(Buffer.byteLength(body)) };
  return { status: reply.status, headers, body: Buffer.from(body) };
}

function jsonPage(reply: Reply, spec: ListSpec, from: number, size: number, nextToken: string | undefined): string {
  const body = JSON.parse(reply.body.toString('utf8')) as Record<string, unknown>;
  for (const key of spec.lists) if (Array.isArray(body[key])) body[key] = (body[key] as unknown[]).slice(from, from + size);
  if (nextToken) body[spec.token] = nextToken;
  else delete body[spec.token];
  if (spec.truncated) body[spec.truncated] = Boolean(nextToken);
  return JSON.stringify(body);
}

function xmlPage(xml: string, spec: ListSpec, from: number, size: number, nextToken: string | undefined): string {
  let out = xml;
  let anchorEnd = -1;
  for (const name of spec.lists) {
    const element = findElement(out, name);
    if (!element) continue;
    const kept = childElements(out, element)
      .slice(from, from + size)
      .map((c) => out.slice(c.start, c.end))
      .join('');
    const rebuilt = `<${name}>${kept}</${name}>`;
    out = splice(out, element.start, element.end, rebuilt);
    anchorEnd = element.start + rebuilt.length;
  }
  const token = findElement(out, spec.token);
  if (token) {
    out = splice(out, token.start, token.end, nextToken ? `<${spec.token}>${escapeXml(nextToken)}</${spec.token}>` : '');
  } else if (nextToken && anchorEnd >= 0) {
    out = splice(out, anchorEnd, anchorEnd, `<${spec.token}>${escapeXml(nextToken)}</${spec.token}>`);
  }
  if (spec.truncated) {
    const flag = findElement(out, spec.truncated);
    const value = `<${spec.truncated}>${nextToken ? 'true' : 'false'}</${spec.truncated}>`;
    if (flag) out = splice(out, flag.start, flag.end, value);
    else if (anchorEnd >= 0) out = splice(out, anchorEnd, anchorEnd, value);
  }
  return out;
}
