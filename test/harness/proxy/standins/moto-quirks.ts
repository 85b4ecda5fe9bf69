// Test-only: patches for moto answers that differ from AWS in ways a collector must handle: IAM policy documents
// (AWS URL-encodes them, moto returns raw JSON), the authorization details' AWS managed policies (moto lists every
// one it loaded, AWS those attached), ELBv2 listeners (moto gives HTTP listeners an SslPolicy) and the AWS managed
// KMS keys moto creates as customer managed ones.
import { childElements, escapeXml, findElement, splice, unescapeXml } from '../xml.js';
import type { StandIn } from './types.js';

const DOCUMENT_ELEMENTS = /<(Document|AssumeRolePolicyDocument|PolicyDocument)>([^<]*)<\/\1>/g;

function encodePolicyDocuments(xml: string): string {
  return xml.replace(DOCUMENT_ELEMENTS, (whole, name: string, text: string) => {
    const raw = unescapeXml(text).trim();
    if (!raw.startsWith('{')) return whole;
    return `<${name}>${escapeXml(encodeURIComponent(raw))}</${name}>`;
  });
}

const IAM_DOCUMENT_OPERATIONS = [
  'GetPolicyVersion',
  'GetRole',
  'ListRoles',
  'GetRolePolicy',
  'GetUserPolicy',
  'GetGroupPolicy',
  'GetAccountAuthorizationDetails',
  'ListPolicyVersions',
];

const AWS_MANAGED_ARN = /^arn:aws[a-z-]*:iam::aws:policy\//;

/**
 * With its AWS managed policies loaded (MOTO_IAM_LOAD_MANAGED_POLICIES), moto lists all ~1,400 in the authorization
 * details; AWS lists the ones in use in the account (attached to a user, group or role).
 */
function dropUnattachedAwsPolicies(xml: string): string {
  const list = findElement(xml, 'Policies');
  if (!list) return xml;
  const kept: string[] = [xml.slice(0, list.innerStart)];
  for (const member of childElements(xml, list)) {
    const text = (name: string) => {
      const field = childElements(xml, member).find((f) => f.name === name);
      return field ? unescapeXml(xml.slice(field.innerStart, field.innerEnd)).trim() : undefined;
    };
    if (!(AWS_MANAGED_ARN.test(text('Arn') ?? '') && text('AttachmentCount') === '0')) kept.push(xml.slice(member.start, member.end));
  }
  kept.push(xml.slice(list.innerEnd));
  return kept.join('');
}

const iamDocuments: StandIn[] = IAM_DOCUMENT_OPERATIONS.map((operation) => ({
  service: 'iam',
  operation,
  patch: (_ctx, upstream) => {
    if (upstream.status !== 200) return upstream;
    const xml = encodePolicyDocuments(upstream.body.toString('utf8'));
    return { ...upstream, body: Buffer.from(operation === 'GetAccountAuthorizationDetails' ? dropUnattachedAwsPolicies(xml) : xml) };
  },
}));

const PLAIN_PROTOCOLS = new Set(['HTTP', 'TCP', 'UDP', 'TCP_UDP']);

const listenerSslPolicy: StandIn = {
  service: 'elasticloadbalancing',
  operation: 'DescribeListeners',
  patch(_ctx, upstream) {
    if (upstream.status !== 200) return upstream;
    let xml = upstream.body.toString('utf8');
    const list = findElement(xml, 'Listeners');
    if (!list) return upstream;
    for (const listener of childElements(xml, list).reverse()) {
      // Direct children only: a redirect action nested in the listener has a Protocol of its own.
      const fields = childElements(xml, listener);
      const protocol = fields.find((f) => f.name === 'Protocol');
      const ssl = fields.find((f) => f.name === 'SslPolicy');
      if (ssl && protocol && PLAIN_PROTOCOLS.has(xml.slice(protocol.innerStart, protocol.innerEnd).trim())) xml = splice(xml, ssl.start, ssl.end, '');
    }
    return { ...upstream, body: Buffer.from(xml) };
  },
};

/** How moto describes the AWS managed keys it creates on first use (aws/ebs, aws/dynamodb). */
const AWS_MANAGED_KEY_DESCRIPTION = /^Default master key that protects my /;

/** moto creates the AWS managed keys of EBS and DynamoDB as customer managed keys; AWS says `KeyManager: AWS`. */
const awsManagedKeys: StandIn = {
  service: 'kms',
  operation: 'DescribeKey',
  patch(_ctx, upstream) {
    if (upstream.status !== 200) return upstream;
    const body = JSON.parse(upstream.body.toString('utf8')) as { KeyMetadata?: { Description?: string; KeyManager?: string } };
    const key = body.KeyMetadata;
    if (!key || key.KeyManager !== 'CUSTOMER' || !AWS_MANAGED_KEY_DESCRIPTION.test(key.Description ?? '')) return upstream;
    return { ...upstream, body: Buffer.from(JSON.stringify({ ...body, KeyMetadata: { ...key, KeyManager: 'AWS' } })) };
  },
};

export const motoQuirkPatches: StandIn[] = [...iamDocuments, listenerSslPolicy, awsManagedKeys];
