// The scan is read-only, provably (issue: live scanning, item 6): every SDK operation a collector sends is declared
// with the IAM action it needs, every action is a read, every one is granted by AWS's ReadOnlyAccess or SecurityAudit
// managed policy, and the rules' declared data needs are all collected.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectors } from '../../src/collectors/index.js';
import { readOnlyPolicy, requiredActions } from '../../src/collectors/framework/policy.js';
import { rules } from '../../src/rules/index.js';
import managed from '../fixtures/aws/managed-read-policies.json' with { type: 'json' };

/**
 * ARCHITECTURE §9: List/Describe/Get/BatchGet/Search/Lookup, plus the two report-generating calls. Two services name
 * their read actions otherwise: API Gateway authorises every read as `apigateway:GET`, Budgets as `budgets:View*`.
 */
const READ = /^[a-z0-9-]+:(List|Describe|Get|BatchGet|Search|Lookup)[A-Za-z0-9]*$|^iam:(GenerateCredentialReport|GenerateServiceLastAccessedDetails)$|^apigateway:GET$|^budgets:View[A-Za-z]*$/;

const wildcard = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
const granted = managed.policies.flatMap((p) =>
  (p.document as { Statement: Array<{ Effect: string; Action?: string | string[]; NotAction?: unknown }> }).Statement.filter((s) => s.Effect === 'Allow' && s.Action).flatMap((s) => ([] as string[]).concat(s.Action!).map((a) => ({ policy: p.name, pattern: wildcard(a) }))),
);
const grantedBy = (action: string) => [...new Set(granted.filter((g) => g.pattern.test(action)).map((g) => g.policy))];

const COLLECTORS_DIR = fileURLToPath(new URL('../../src/collectors/', import.meta.url));
const sources = readdirSync(COLLECTORS_DIR)
  .filter((name) => name.endsWith('.ts') && name !== 'index.ts' && !name.endsWith('.test.ts'))
  .map((name) => readFileSync(COLLECTORS_DIR + name, 'utf8'));
/** The source file of a collector: the one declaring its service name. */
const sourceOf = (service: string) => sources.find((text) => text.includes(`service: '${service}'`)) ?? '';

describe('the scan is read-only', () => {
  const declared = collectors.flatMap((c) => Object.entries<string>(c.operations).map(([operation, action]) => ({ service: c.service, operation, action })));

  it('the collectors declare their operations', () => {
    expect(declared.length).toBeGreaterThan(0);
  });

  it.each(declared.map((d) => [`${d.service} ${d.operation} → ${d.action}`, d] as const))('%s is a read granted by ReadOnlyAccess or SecurityAudit', (_name, d) => {
    expect(d.action).toMatch(READ);
    expect(grantedBy(d.action), `${d.action} is in neither managed policy`).not.toEqual([]);
  });

  it.each(collectors.map((c) => [c.service, c] as const))('every operation %s declares is a real SDK command of the client it imports', async (service, collector) => {
    const clients = [...sourceOf(service).matchAll(/from '(@aws-sdk\/client-[a-z0-9-]+)'/g)].map((m) => m[1]!);
    expect(clients.length, `the ${service} collector imports no @aws-sdk client`).toBeGreaterThan(0);
    const modules = (await Promise.all(clients.map((name) => import(name)))) as Array<Record<string, unknown>>;
    for (const operation of Object.keys(collector.operations)) {
      expect(modules.some((m) => typeof m[`${operation}Command`] === 'function'), `${operation}Command in ${clients.join(', ')}`).toBe(true);
    }
  });

  it('no collector constructs a command it has not declared (static check of the sources)', () => {
    for (const collector of collectors) {
      const sent = [...sourceOf(collector.service).matchAll(/new ([A-Z][A-Za-z0-9]+)Command\(/g)].map((m) => m[1]!);
      const undeclared = sent.filter((op) => !(op in collector.operations));
      expect(undeclared, collector.service).toEqual([]);
    }
  });

  it('every IAM action a rule needs is collected', () => {
    const collected = new Set(requiredActions(collectors));
    const missing = rules.flatMap((r) => r.meta.needs.filter((n) => !collected.has(n)).map((n) => `${r.meta.id}: ${n}`));
    expect(missing).toEqual([]);
  });

  it('`ftr policy` grants exactly the declared actions, all reads', () => {
    const policy = readOnlyPolicy(collectors);
    const actions = policy.Statement[0]!.Action;
    expect(actions).toEqual(requiredActions(collectors));
    for (const action of actions) expect(action).toMatch(READ);
  });
});
