/**
 * Drift between code and account: the same resource seen in a template and in a live snapshot, judged differently by
 * the same rule. Code and live resources are paired when they have the same type and share a key:
 * - the physical id (`Ref`'s value: a bucket or table name, a DB identifier, a log group name);
 * - the literal physical name the template sets (GroupName, Name …; the parsers name a resource by it, else by its
 *   logical id or address, which never pairs) against the live name;
 * - a `Name` tag, against the live name or Name tag (EC2 volumes and instances);
 * - for a load balancer listener, `<load balancer name>:<port>`.
 * A key shared by more than one resource on either side (two `default` security groups in two Regions) pairs nothing.
 * Then, per pair and rule, "compliant in code, not in the account" and the reverse. Waived, unknown and not-applicable
 * outcomes are no verdict, so they never make drift. Pure: resources and findings in, a list out.
 */
import { isResourceRef, severityRank, type Finding, type Resource, type Severity } from '../core/index.js';
import { compareText } from './_lib/findings.js';
import { mdCode, mdText } from './_lib/markdown-escape.js';
import { oneLine, truncate } from './_lib/text.js';

export interface DriftSide {
  uid: string;
  /** `file:line` for code, `account/region` for the account. */
  place: string;
  message: string;
}

export interface DriftEntry {
  ruleId: string;
  severity: Severity;
  type: string;
  /** The name people know the resource by (the live one). */
  name: string;
  /** Where the rule passes. */
  compliantIn: 'code' | 'account';
  code: DriftSide;
  live: DriftSide;
}

export interface Drift {
  /** Code resources paired with a live one. */
  pairs: number;
  entries: DriftEntry[];
}

export interface ResourcePair {
  code: Resource;
  live: Resource;
  key: string;
}

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

/** A code resource's name counts only when the template wrote it (not a logical id, address or construct path). */
function literalName(resource: Resource): string | undefined {
  const { name, location } = resource;
  if (name === undefined || name === '' || name === location.logicalId || name === location.address || name === location.file) return undefined;
  return name;
}

function listenerKey(listener: Resource, byRef: (value: unknown) => Resource | undefined): string | undefined {
  const lb = byRef(listener.properties['LoadBalancerArn']);
  const port = listener.properties['Port'];
  const lbName = lb && (lb.source === 'live' ? lb.name : literalName(lb));
  return lbName !== undefined && (typeof port === 'number' || typeof port === 'string') ? `listener:${lbName}:${port}` : undefined;
}

function keysOf(resource: Resource, byRef: (value: unknown) => Resource | undefined): string[] {
  const name = resource.source === 'live' ? resource.name : literalName(resource);
  const keys = [resource.physicalId && `id:${resource.physicalId}`, name && `name:${name}`, resource.tags['Name'] && `name:${resource.tags['Name']}`];
  if (resource.type === LISTENER) keys.push(listenerKey(resource, byRef));
  return [...new Set(keys.filter((k): k is string => typeof k === 'string' && k !== ''))];
}

/** Pairs the code resources of the company's own infrastructure (not templates shipped to customers) with live ones. */
export function pairCodeWithLive(resources: readonly Resource[]): ResourcePair[] {
  const byUid = new Map(resources.map((r) => [r.uid, r]));
  const live = resources.filter((r) => r.source === 'live');
  const liveByArnOrId = new Map<string, Resource>();
  for (const r of live) for (const k of [r.uid, r.physicalId, r.location.arn]) if (k !== undefined) liveByArnOrId.set(k, r);
  const byRef = (value: unknown) => (isResourceRef(value) ? byUid.get(value.$ref) : typeof value === 'string' ? liveByArnOrId.get(value) : undefined);

  const index = (side: readonly Resource[]) => {
    const map = new Map<string, Resource[]>();
    for (const r of side) for (const key of keysOf(r, byRef)) map.set(`${r.type}|${key}`, [...(map.get(`${r.type}|${key}`) ?? []), r]);
    return map;
  };
  const code = resources.filter((r) => r.source !== 'live' && r.shippedToCustomers !== true);
  const codeIndex = index(code);
  const liveIndex = index(live);
  const pairs: ResourcePair[] = [];
  const pairedLive = new Set<string>();
  for (const resource of code) {
    for (const key of keysOf(resource, byRef)) {
      const mine = codeIndex.get(`${resource.type}|${key}`) ?? [];
      const theirs = liveIndex.get(`${resource.type}|${key}`) ?? [];
      if (mine.length !== 1 || theirs.length !== 1 || pairedLive.has(theirs[0]!.uid)) continue;
      pairs.push({ code: resource, live: theirs[0]!, key });
      pairedLive.add(theirs[0]!.uid);
      break;
    }
  }
  return pairs;
}

type Verdict = 'pass' | 'fail' | undefined;

/** A rule's verdict on one resource: any failure fails; passes only when nothing else was said. */
function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.status === 'fail')) return 'fail';
  return findings.length > 0 && findings.every((f) => f.status === 'pass' || f.status === 'not_applicable') && findings.some((f) => f.status === 'pass') ? 'pass' : undefined;
}

function side(resource: Resource, findings: readonly Finding[]): DriftSide {
  const failing = findings.find((f) => f.status === 'fail') ?? findings.find((f) => f.status === 'pass');
  const place =
    resource.source === 'live'
      ? [resource.account, resource.region].filter((p) => p !== undefined && p !== '').join('/')
      : [failing?.resource.file ?? resource.location.file, failing?.resource.line ?? resource.location.line].filter((p) => p !== undefined).join(':');
  return { uid: resource.uid, place, message: failing?.message ?? '' };
}

/** Every rule that judges a paired resource one way in code and the other way in the account. */
export function findDrift(resources: readonly Resource[], findings: readonly Finding[]): Drift {
  const byResource = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.ruleId}|${f.resource.uid}`;
    byResource.set(key, [...(byResource.get(key) ?? []), f]);
  }
  const rulesOf = new Map<string, Set<string>>();
  for (const f of findings) rulesOf.set(f.resource.uid, (rulesOf.get(f.resource.uid) ?? new Set<string>()).add(f.ruleId));

  const pairs = pairCodeWithLive(resources);
  const entries: DriftEntry[] = [];
  for (const { code, live } of pairs) {
    for (const ruleId of rulesOf.get(code.uid) ?? []) {
      const inCode = byResource.get(`${ruleId}|${code.uid}`) ?? [];
      const inLive = byResource.get(`${ruleId}|${live.uid}`) ?? [];
      const [c, l] = [verdictOf(inCode), verdictOf(inLive)];
      if (c === undefined || l === undefined || c === l) continue;
      entries.push({
        ruleId,
        severity: (inLive[0] ?? inCode[0])!.severity,
        type: code.type,
        name: live.name ?? code.name ?? code.uid,
        compliantIn: c === 'pass' ? 'code' : 'account',
        code: side(code, inCode),
        live: side(live, inLive),
      });
    }
  }
  entries.sort((a, b) => compareText(a.compliantIn, b.compliantIn) || severityRank(b.severity) - severityRank(a.severity) || compareText(a.ruleId, b.ruleId) || compareText(a.name, b.name));
  return { pairs: pairs.length, entries };
}

export interface DriftTextOptions {
  color: boolean;
  width?: number;
  /** A line under the heading (how the code side was judged, say). */
  note?: string;
  /** A "Code and account side by side" block before the drift: a line per source, with items under it. */
  sides?: readonly DriftSideLine[];
}

export interface DriftSideLine {
  text: string;
  items?: readonly string[];
}

const HEADINGS: Record<DriftEntry['compliantIn'], string> = { code: 'Compliant in code, not in the account', account: 'Compliant in the account, not in code' };

/** Words of `text` on lines of at most `room` columns. */
function wrap(text: string, room: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ')) {
    if (line !== '' && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}

/** The terminal block: the sides, a heading, then each drift with the code and account verdicts and places. */
export function renderDriftTerminal(drift: Drift, options: DriftTextOptions): string {
  const width = Math.max(40, options.width ?? 100);
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const fit = (text: string, room: number) => truncate(oneLine(text), Math.max(8, room), options.color ? '…' : '...');
  const lines: string[] = [];
  if (options.sides && options.sides.length > 0) {
    lines.push(paint('1', 'Code and account side by side'));
    for (const s of options.sides) lines.push(`  ${fit(s.text, width - 2)}`, ...(s.items ?? []).map((item) => `    ${fit(item, width - 4)}`));
    lines.push('');
  }
  lines.push(paint('1', `Drift between code and account (${drift.entries.length} of ${drift.pairs} paired resource${drift.pairs === 1 ? '' : 's'})`));
  if (options.note) lines.push(...wrap(options.note, width - 2).map((l) => paint('2', `  ${l}`)));
  if (drift.entries.length === 0) lines.push('  No rule judges a paired resource differently in code and in the account.');
  for (const direction of ['code', 'account'] as const) {
    const mine = drift.entries.filter((e) => e.compliantIn === direction);
    if (mine.length === 0) continue;
    lines.push(`  ${HEADINGS[direction]}:`);
    for (const e of mine) {
      const failing = direction === 'code' ? e.live : e.code;
      lines.push(`    ${paint('1', e.severity.toUpperCase().padEnd(8))} ${fit(`${e.ruleId}  ${e.name}`, width - 13)}`);
      lines.push(`             code     ${fit(`${direction === 'code' ? 'pass' : 'fail'}  ${e.code.place}`, width - 22)}`);
      lines.push(`             account  ${fit(`${direction === 'code' ? 'fail' : 'pass'}  ${e.live.place}`, width - 22)}`);
      if (failing.message !== '') lines.push(paint('2', `                      ${fit(failing.message, width - 22)}`));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The same as a Markdown section (GitHub-flavoured), every untrusted string escaped. */
export function renderDriftMarkdown(drift: Drift, options: { note?: string; sides?: readonly DriftSideLine[] } = {}): string {
  const out: string[] = [];
  if (options.sides && options.sides.length > 0) {
    out.push('## Code and account side by side', '');
    for (const s of options.sides) out.push(`- ${mdText(s.text)}`, ...(s.items ?? []).map((item) => `  - ${mdText(item)}`));
    out.push('');
  }
  out.push(`## Drift between code and account`, '', `${drift.entries.length} drift(s) across ${drift.pairs} resource(s) found both in code and in the account.`, '');
  if (options.note) out.push(`_${mdText(options.note)}_`, '');
  if (drift.entries.length === 0) return `${out.join('\n')}\n`;
  out.push('| Rule | Resource | Compliant in | Code | Account | Finding |', '|---|---|---|---|---|---|');
  for (const e of drift.entries) {
    const failing = e.compliantIn === 'code' ? e.live : e.code;
    out.push(`| ${mdCode(e.ruleId)} | ${mdCode(e.name)} | ${e.compliantIn === 'code' ? 'code only' : 'account only'} | ${mdCode(e.code.place)} | ${mdCode(e.live.place)} | ${mdText(failing.message)} |`);
  }
  return `${out.join('\n')}\n`;
}
