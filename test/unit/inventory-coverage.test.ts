// Every resource type a rule judges or reaches has a live listing behind it, so an empty inventory can be "not
// applicable" and a failed listing can say which permission was missing (`collection_failed:<action>`). A type no
// collector lists would leave every dependent rule `unknown`, reason `not_collected:<type>`, on every live scan.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listedTypes } from '../../src/collectors/framework/collector.js';
import { collectors } from '../../src/collectors/index.js';
import { rules } from '../../src/rules/index.js';

/** Pseudo-types the scan writes and lists itself (framework/scan.ts, under sts:GetCallerIdentity). */
const SCAN_LISTED = ['AWS::Account', 'AWS::Account::Region'];

/**
 * Types only templates have: no live API lists them, and no rule that reads live data judges them. Each entry says
 * why reaching the type from rule code is harmless for a live scan.
 */
const EXPOSURE = 'live instances carry PublicIpAddress and their subnet `Public`; _lib/template-exposure.ts derives them for a template instance from these, and ec2-instance-not-public calls it for code sources only (ctx.related stays within the source)';
const TEMPLATE_ONLY: Record<string, string> = {
  'AWS::IAM::Policy':
    'a live identity carries its inline policies in `Policies`; _lib/identity-policies.ts reads AWS::IAM::Policy resources (standalone inline policies of a template) only from code sources, and never asks for their inventory',
  'AWS::IAM::UserToGroupAddition':
    'a live group carries its members in `Users`; _lib/iam-group-members.ts returns them for a live group before it looks for template memberships',
  'AWS::EC2::EIP': EXPOSURE,
  'AWS::EC2::EIPAssociation': EXPOSURE,
  'AWS::EC2::Route': EXPOSURE,
  'AWS::EC2::SubnetRouteTableAssociation': EXPOSURE,
};

/**
 * IAM actions shared by a listing and a per-resource call, whose one record therefore mixes both. Each entry says why
 * that cannot hide a resource (at worst, a per-resource failure makes the inventory look incomplete).
 */
const SHARED_LISTING_ACTIONS: Record<string, string> = {
  'budgets:ViewBudget': 'every Budgets read is authorised by this one action, so a denial of the per-budget calls is a denial of DescribeBudgets too',
};

const RULES_DIR = fileURLToPath(new URL('../../src/rules/', import.meta.url));

function ruleSources(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ruleSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'index.ts' ? [{ file: path.slice(RULES_DIR.length), text: readFileSync(path, 'utf8') }] : [];
  });
}

/**
 * Types the code of live rules (and of the _lib modules they import, directly or not) names as a whole string
 * literal: what it hands to `ctx.related`, `ctx.resources`, `ctx.inventory`, `ctx.resolve` and the _lib helpers. A
 * type inside a remediation snippet is part of a longer string, and one in a comment is in backticks, so neither is
 * matched.
 */
const TYPE_LITERAL = /['"](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+(?:::[A-Za-z0-9]+)?)['"]/g;
/** The _lib modules a file imports: `../_lib/x.js` from a rule, `./x.js` from a _lib module. */
function libImports(file: string, text: string): string[] {
  const pattern = file.startsWith('_lib') ? /from '\.\/([\w-]+)\.js'/g : /from '\.\.\/_lib\/([\w-]+)\.js'/g;
  return [...text.matchAll(pattern)].map((m) => join('_lib', `${m[1]}.ts`));
}
const sources = ruleSources(RULES_DIR);
const liveRuleIds = new Set(rules.filter((r) => r.meta.sources.includes('live')).map((r) => r.meta.id));
const liveFiles = new Set(sources.filter(({ file }) => !file.startsWith('_lib') && liveRuleIds.has(basename(file, '.ts'))).map(({ file }) => file));
for (let grew = true; grew; ) {
  grew = false;
  for (const { file, text } of sources.filter((s) => liveFiles.has(s.file))) {
    for (const lib of libImports(file, text)) {
      if (liveFiles.has(lib)) continue;
      liveFiles.add(lib);
      grew = true;
    }
  }
}
const reached = new Map<string, Set<string>>();
for (const { file, text } of sources) {
  if (!liveFiles.has(file)) continue;
  for (const match of text.matchAll(TYPE_LITERAL)) {
    const type = match[1]!;
    reached.set(type, (reached.get(type) ?? new Set()).add(file));
  }
}

const collectorListed = new Set(collectors.flatMap((c) => listedTypes(c)));
const listed = new Set([...SCAN_LISTED, ...collectorListed]);
const PSEUDO = new Set(SCAN_LISTED);

describe('every type rules read has a live listing', () => {
  it('finds the types rule code reaches, in live rules and the _lib modules they import', () => {
    expect(liveFiles.has(join('_lib', 'backup-selection.ts')), 'imported through _lib/backup-coverage.ts').toBe(true);
    for (const type of ['AWS::S3::BucketPolicy', 'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::IAM::AccessKey', 'AWS::Backup::BackupSelection']) expect(reached.has(type), type).toBe(true);
  });

  it.each(rules.filter((r) => r.meta.sources.includes('live')).map((r) => [r.meta.id, r.meta.resourceTypes] as const))('%s: its resource types are listed', (_id, types) => {
    expect(types.filter((t) => !listed.has(t))).toEqual([]);
  });

  it('every type rule code reaches is listed, or only templates have it', () => {
    const missing = [...reached.entries()].filter(([type]) => !listed.has(type) && TEMPLATE_ONLY[type] === undefined).map(([type, files]) => `${type} (${[...files].sort().join(', ')})`);
    expect(missing).toEqual([]);
  });

  it.each(Object.keys(TEMPLATE_ONLY))('%s is only in templates: no collector lists it, no live rule judges it', (type) => {
    expect(collectorListed.has(type), `${type} is listed now: drop it from TEMPLATE_ONLY`).toBe(false);
    expect(rules.filter((r) => r.meta.sources.includes('live') && r.meta.resourceTypes.includes(type)).map((r) => r.meta.id)).toEqual([]);
  });
});

describe('collector listings', () => {
  it.each(collectors.map((c, i) => [`${c.service} #${i}`, c] as const))('%s: lists what it produces, through operations it declares', (_name, collector) => {
    const own = listedTypes(collector);
    const unlisted = collector.produces.filter((t) => !PSEUDO.has(t) && !own.includes(t));
    expect(unlisted, 'produced but never listed: an empty inventory could not be told from a failed one').toEqual([]);
    expect(own.filter((t) => !collector.produces.includes(t)), 'listed but not produced').toEqual([]);
    expect(own.filter((t) => PSEUDO.has(t)), 'the scan lists the pseudo-types itself').toEqual([]);
    expect(Object.keys(collector.listings ?? {}).filter((op) => !(op in collector.operations))).toEqual([]);
  });

  it('only the IAM users fallback lists dynamically (ctx.listed); every other listing is declared', () => {
    const dir = fileURLToPath(new URL('../../src/collectors/', import.meta.url));
    const dynamic = readdirSync(dir).filter((name) => name.endsWith('.ts') && readFileSync(join(dir, name), 'utf8').includes('ctx.listed('));
    expect(dynamic).toEqual(['iam.ts']);
  });

  it('no record mixes a listing with a per-resource call (one failed read must not void an inventory)', () => {
    const byAction = new Map<string, { listing: Set<string>; other: Set<string> }>();
    for (const c of collectors) {
      for (const [operation, action] of Object.entries<string>(c.operations)) {
        const entry = byAction.get(action) ?? { listing: new Set(), other: new Set() };
        (c.listings?.[operation] ? entry.listing : entry.other).add(operation);
        byAction.set(action, entry);
      }
    }
    const mixed = [...byAction.entries()].filter(([action, e]) => e.listing.size > 0 && e.other.size > 0 && SHARED_LISTING_ACTIONS[action] === undefined);
    expect(mixed.map(([action, e]) => `${action}: ${[...e.listing].join(',')} + ${[...e.other].join(',')}`)).toEqual([]);
    for (const action of Object.keys(SHARED_LISTING_ACTIONS)) expect(byAction.has(action), `${action} is no longer used`).toBe(true);
  });
});
