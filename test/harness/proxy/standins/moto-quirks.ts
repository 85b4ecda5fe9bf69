// Test-only: patches for moto answers that differ from AWS in ways a collector must handle: IAM policy documents
// (AWS URL-encodes them, moto returns raw JSON) and ELBv2 listeners (moto gives HTTP listeners an SslPolicy).
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

const iamDocuments: StandIn[] = IAM_DOCUMENT_OPERATIONS.map((operation) => ({
  service: 'iam',
  operation,
  patch: (_ctx, upstream) => (upstream.status === 200 ? { ...upstream, body: Buffer.from(encodePolicyDocuments(upstream.body.toString('utf8'))) } : upstream),
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

export const motoQuirkPatches: StandIn[] = [...iamDocuments, listenerSslPolicy];
