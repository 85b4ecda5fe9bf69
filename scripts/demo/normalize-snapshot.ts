/**
 * Makes a snapshot scanned from a seeded moto account the same on every run: what moto picks at random or from the
 * clock is replaced by values derived from what the estate says, so re-running scripts/demo/build-demo-snapshot.ts
 * gives the same bytes.
 *
 * - Timestamps moto stamped during the run (creation dates, launch times …) become `seededAt`; `ages` then set
 *   the ages the story needs (moto cannot create a resource in the past).
 * - Identifiers moto generates (EC2 ids, UUIDs, ELB and secret suffixes, access key ids, detector ids …) become ids
 *   of the same shape, hashed from the resource that owns them — its type, Region, name and properties, with the
 *   ids in it renamed or masked — so an id changes only when its resource does.
 * - Private IPv4 addresses are numbered per /24 in the order of their owners; public ones are drawn from the
 *   documentation ranges (RFC 5737).
 * - The harness's endpoint in a URL (an SQS queue's) becomes the service's AWS endpoint.
 * - Resources and collection records are sorted, and so are the account and Region facts (merged from several
 *   collectors in the order they finish).
 * Two resources that differ only in their ids cannot be told apart: the normaliser refuses them rather than guess.
 */
import { createHash } from 'node:crypto';
import type { Snapshot } from '../../src/core/index.js';
import type { AgeSpec } from '../../test/scenarios/spec.js';

export interface NormalizeOptions {
  /** When the seeding and scan ran: timestamps within it (give or take 10 minutes) are the run's own. */
  run: { start: Date; end: Date };
  /** What the run's own timestamps become. */
  seededAt: string;
  /** Ages to set afterwards (TimelineSpec.ages). */
  ages?: readonly AgeSpec[];
}

/** Families of generated identifiers; `shape` rebuilds one of the same form from a hash. */
interface Family {
  pattern: RegExp;
  shape(hash: string, original: string): string;
}

const hex = (hash: string, length: number) => hash.repeat(Math.ceil(length / hash.length)).slice(0, length);
const upper = (hash: string, length: number) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = Buffer.from(hex(hash, length * 2), 'hex');
  return Array.from(bytes.subarray(0, length), (b) => alphabet[b % 32]).join('');
};
const alnum = (hash: string, length: number) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = Buffer.from(hex(hash, length * 2), 'hex');
  return Array.from(bytes.subarray(0, length), (b) => alphabet[b % alphabet.length]).join('');
};

const EC2_PREFIXES = ['vpc', 'subnet', 'sg', 'i', 'vol', 'igw', 'nat', 'rtb', 'rtbassoc', 'acl', 'aclassoc', 'eipalloc', 'eipassoc', 'eni', 'r', 'pl', 'lt', 'fl', 'snap', 'fs', 'fsmt', 'fsap', 'policy'];

const FAMILIES: Family[] = [
  // vpc-0a1b…, subnet-…, sg-…: the prefix kept, the hex part (8 or 17 digits) rebuilt.
  {
    pattern: new RegExp(`\\b(?:${EC2_PREFIXES.join('|')})-[0-9a-f]{8,17}\\b`, 'g'),
    shape: (hash, original) => {
      const cut = original.lastIndexOf('-') + 1;
      return original.slice(0, cut) + hex(hash, original.length - cut);
    },
  },
  // KMS keys, ACM certificates, Backup plans …
  {
    pattern: /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g,
    shape: (hash) => {
      const h = hex(hash, 32);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
  },
  // ELBv2 load balancer, listener and target group ids: the 16-hex segments of their ARNs.
  { pattern: /(?<=:(?:loadbalancer|listener|targetgroup|listener-rule)\/(?:[^"\s]*\/)?)[0-9a-f]{16}\b/g, shape: (hash) => hex(hash, 16) },
  { pattern: /(?<=\b(?:app|net)\/[A-Za-z0-9-]+\/)[0-9a-f]{16}\b/g, shape: (hash) => hex(hash, 16) },
  // IAM access key ids and unique ids.
  { pattern: /\b(?:AKIA|ASIA|AIDA|AROA|ANPA|AGPA|AIPA)[A-Z0-9]{12,20}\b/g, shape: (hash, original) => original.slice(0, 4) + upper(hash, original.length - 4) },
  // Secrets Manager's random ARN suffix.
  { pattern: /(?<=:secret:[A-Za-z0-9/_+=.@-]+-)[A-Za-z0-9]{6}\b/g, shape: (hash) => alnum(hash, 6) },
  // GuardDuty detector ids.
  { pattern: /\b[0-9a-f]{32}\b/g, shape: (hash) => hex(hash, 32) },
];

/** The account and Region pseudo-resources, whose facts several collectors merge. */
const FACTS = new Set(['AWS::Account', 'AWS::Account::Region']);
/** The harness's endpoint, as moto writes it into URLs it returns (an SQS queue URL). */
const LOCAL_ENDPOINT = /^https?:\/\/(?:127\.0\.0\.1|localhost):\d+/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/;
const PRIVATE_IP = /^(10\.\d{1,3}\.\d{1,3}|172\.(?:1[6-9]|2\d|3[01])\.\d{1,3}|192\.168\.\d{1,3})\.\d{1,3}$/;
const PUBLIC_IP = /^(?!10\.|172\.(?:1[6-9]|2\d|3[01])\.|192\.168\.|127\.|0\.)\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** Properties that hold an address (a CIDR block or a rule's address stays as written). */
const ADDRESS_KEY = /(?:IpAddress|PublicIp|PrivateIp)$/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function mapStrings(value: Json, fn: (text: string, key: string | undefined) => string, key?: string): Json {
  if (typeof value === 'string') return fn(value, key);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn, k)]));
  return value;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Token {
  token: string;
  family: Family;
}

/** The generated ids in `text`, in order of appearance. */
function tokensOf(text: string): Token[] {
  const found = new Map<number, Token>();
  for (const family of FAMILIES) for (const m of text.matchAll(family.pattern)) if (!found.has(m.index)) found.set(m.index, { token: m[0], family });
  return [...found].sort((a, b) => a[0] - b[0]).map(([, token]) => token);
}

const ANY_ID = new RegExp(FAMILIES.map((f) => f.pattern.source).join('|'), 'g');

/** One pass, so a new id is never renamed again. */
function replaceTokens(text: string, map: ReadonlyMap<string, string>): string {
  return text.replace(ANY_ID, (token) => map.get(token) ?? token);
}

/** Sets the JSON pointer `path` of `target` (every array element for `*`). */
function setPath(target: Json, path: string, value: string): number {
  const parts = path.split('/').slice(1);
  const walk = (node: Json, i: number): number => {
    if (!node || typeof node !== 'object') return 0;
    const part = parts[i]!;
    const keys = part === '*' && Array.isArray(node) ? node.map((_, k) => String(k)) : [part];
    let set = 0;
    for (const k of keys) {
      const container = node as Record<string, Json>;
      if (!(k in container)) continue;
      if (i === parts.length - 1) {
        container[k] = value;
        set++;
      } else set += walk(container[k]!, i + 1);
    }
    return set;
  };
  return walk(target, 0);
}

export function normalizeSnapshot(snapshot: Snapshot, options: NormalizeOptions): Snapshot {
  const from = options.run.start.getTime() - 10 * 60_000;
  const to = options.run.end.getTime() + 10 * 60_000;
  const collectedAt = new Date(snapshot.collectedAt).getTime();
  const seededAt = new Date(options.seededAt).toISOString();

  // 1. The account and Region facts in a fixed order (several collectors merge them as they finish), the endpoint
  //    (an SQS queue URL names the harness's port) as AWS's, and the run's own timestamps.
  const byKey = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => compare(a, b)));
  const endpoint = (r: Snapshot['resources'][number]) => {
    const service = /^arn:aws[a-z-]*:([a-z0-9-]+):/.exec(r.uid)?.[1] ?? r.type.split('::')[1]?.toLowerCase() ?? 'aws';
    return r.region === 'global' ? `https://${service}.amazonaws.com` : `https://${service}.${r.region}.amazonaws.com`;
  };
  const tidy = {
    ...snapshot,
    resources: snapshot.resources.map((r) => {
      const sorted = FACTS.has(r.type) ? { ...r, properties: byKey(r.properties) } : r;
      return mapStrings(sorted as unknown as Json, (text) => text.replace(LOCAL_ENDPOINT, endpoint(r))) as unknown as typeof r;
    }),
  };
  const timed = mapStrings(tidy as unknown as Json, (text) => {
    if (!ISO_TIME.test(text)) return text;
    const t = new Date(text).getTime();
    return t >= from && t <= to ? seededAt : text;
  }) as unknown as Snapshot;

  // 2. Identifiers. A resource's key is its JSON with the ids already renamed and the others masked. The ids in a
  //    resource's uid are its own (an id in several uids belongs to the one with the fewest ids): once its key is
  //    unique, they are renamed by hashing it with their place in the uid. Rounds repeat until nothing changes, so
  //    two default security groups are told apart once their VPCs have their names. Ids no uid holds are then named
  //    after the first resource (in key order) or collection record that mentions them.
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const rename = (token: string, family: Family, key: string) => {
    let next = family.shape(sha(key), token);
    for (let salt = 1; used.has(next); salt++) next = family.shape(sha(`${key}\0${salt}`), token);
    used.add(next);
    ids.set(token, next);
  };
  const keyOf = (value: unknown) => JSON.stringify(value).replace(ANY_ID, (token) => ids.get(token) ?? '#');
  const owner = new Map<string, number>();
  for (const r of timed.resources) {
    const inUid = tokensOf(r.uid);
    for (const { token } of inUid) owner.set(token, Math.min(owner.get(token) ?? Infinity, inUid.length));
  }
  // Keys leave out the clock and the addresses (moto picks private ones at random too; they are numbered below).
  const withoutClock = timed.resources.map((r) => mapStrings({ ...r, observedAt: null } as unknown as Json, (text, key) => (key !== undefined && ADDRESS_KEY.test(key) ? '#ip' : text)));
  for (let renamed = true; renamed; ) {
    renamed = false;
    const keyed = withoutClock.map((r) => ({ r, key: keyOf(r) }));
    const count = new Map<string, number>();
    for (const { key } of keyed) count.set(key, (count.get(key) ?? 0) + 1);
    for (const { r, key } of keyed.sort((a, b) => compare(a.key, b.key))) {
      if (count.get(key) !== 1) continue;
      const inUid = tokensOf((r as { uid: string }).uid);
      inUid.forEach(({ token, family }, i) => {
        if (ids.has(token) || owner.get(token) !== inUid.length) return;
        rename(token, family, `uid:${i}:${key}`);
        renamed = true;
      });
    }
  }
  const keyed = withoutClock.map((r) => ({ r, key: keyOf(r) })).sort((a, b) => compare(a.key, b.key));
  for (let i = 1; i < keyed.length; i++) {
    const uid = (k: number) => (keyed[k]!.r as { uid: string }).uid;
    if (keyed[i]!.key === keyed[i - 1]!.key) throw new Error(`cannot tell ${uid(i - 1)} and ${uid(i)} apart once their generated ids are masked: give them names`);
  }
  const mentions = [...keyed.map(({ r, key }) => ({ value: r as unknown, key })), ...timed.collection.map((c) => ({ value: c as unknown, key: keyOf(c) }))];
  for (const { value, key } of mentions) {
    tokensOf(JSON.stringify(value)).forEach(({ token, family }, i) => {
      if (!ids.has(token)) rename(token, family, `mention:${i}:${key}`);
    });
  }
  let out = mapStrings(timed as unknown as Json, (text) => replaceTokens(text, ids)) as unknown as Snapshot;

  // 3. Addresses, in the order of their owners.
  const ordered = [...out.resources].sort((a, b) => compare(a.uid, b.uid));
  const addresses = new Map<string, string>();
  const perNetwork = new Map<string, number>();
  let publicCount = 0;
  for (const r of ordered) {
    mapStrings(r as unknown as Json, (text, key) => {
      if (key === undefined || !ADDRESS_KEY.test(key) || addresses.has(text)) return text;
      const net = PRIVATE_IP.exec(text);
      if (net) {
        const n = (perNetwork.get(net[1]!) ?? 0) + 1;
        perNetwork.set(net[1]!, n);
        addresses.set(text, `${net[1]}.${9 + n}`);
      } else if (PUBLIC_IP.test(text)) {
        publicCount++;
        addresses.set(text, publicCount <= 200 ? `203.0.113.${10 + publicCount}` : `198.51.100.${publicCount - 190}`);
      }
      return text;
    });
  }
  out = mapStrings(out as unknown as Json, (text, key) => (key !== undefined && ADDRESS_KEY.test(key) ? (addresses.get(text) ?? text) : text)) as unknown as Snapshot;

  // 4. Ages, then order.
  for (const age of options.ages ?? []) {
    const name = new RegExp(`^${age.name.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const at = new Date(collectedAt - age.daysAgo * 86_400_000).toISOString();
    const matched = out.resources.filter((r) => r.type === age.type && name.test(r.name ?? ''));
    const set = matched.reduce((n, r) => n + setPath(r as unknown as Json, `/properties${age.path}`, at), 0);
    if (set === 0) throw new Error(`age ${age.type} ${age.name} ${age.path}: nothing matched`);
  }
  const recordKey = (r: Snapshot['collection'][number]) => JSON.stringify([r.source, r.service, r.action, r.operation ?? '', r.account ?? '', r.region ?? '', r.file ?? '']);
  return {
    ...out,
    resources: [...out.resources].sort((a, b) => compare(a.type, b.type) || compare(a.region ?? '', b.region ?? '') || compare(a.uid, b.uid)),
    collection: [...out.collection].sort((a, b) => compare(recordKey(a), recordKey(b))),
  };
}
