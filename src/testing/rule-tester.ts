import { readFileSync } from 'node:fs';
import {
  buildFindings,
  evaluateRules,
  ProductFacts,
  readYaml,
  ResourceIndex,
  ruleVerdict,
  zodProblems,
  formatProblem,
  type Finding,
  type Rule,
  type RuleVerdict,
} from '../core/index.js';
import { caseSnapshot, caseSource } from './fixture-inputs.js';
import { CASE_KINDS, FixtureFile, type FixtureCase } from './fixture-schema.js';

export interface CaseResult {
  fixture: FixtureCase;
  verdict: RuleVerdict;
  findings: Finding[];
  /** Empty when the case behaved as it says. */
  problems: string[];
}

export const FIXTURE_NOW = '2026-06-01T00:00:00.000Z';

/** Reads a rule's fixture file; a malformed file is reported with its line. */
export function readFixtures(path: string): FixtureFile {
  const parsed = readYaml(readFileSync(path, 'utf8'), path);
  if (parsed.errors.length > 0) throw new Error(parsed.errors.map(formatProblem).join('\n'));
  const result = FixtureFile.safeParse(parsed.data);
  if (!result.success) throw new Error(zodProblems(result.error.issues, path, parsed).map(formatProblem).join('\n'));
  return result.data;
}

/**
 * Problems with the fixture file as a whole (ESLint's RuleTester habits): every kind of case present, a case for each
 * source the rule applies to, names and inputs not repeated.
 */
export function fixtureFileProblems(rule: Rule, fixtures: FixtureFile): string[] {
  const problems: string[] = [];
  for (const kind of ['pass', 'fail', 'unknown'] as const) {
    if (!fixtures.cases.some((c) => c.expect === kind)) problems.push(`${rule.meta.id}: no "${kind}" case`);
  }
  for (const source of rule.meta.sources) {
    if (!fixtures.cases.some((c) => caseSource(c) === source)) problems.push(`${rule.meta.id}: no case for the ${source} source`);
  }
  for (const c of fixtures.cases) {
    if (!rule.meta.sources.includes(caseSource(c))) problems.push(`${rule.meta.id}: case "${c.name}" uses the ${caseSource(c)} source, which the rule does not apply to`);
  }
  const names = fixtures.cases.map((c) => c.name);
  const dupName = names.find((n, i) => names.indexOf(n) !== i);
  if (dupName) problems.push(`${rule.meta.id}: duplicate case name "${dupName}"`);
  const inputs = fixtures.cases.map((c) => JSON.stringify([c.live, c.cloudformation, c.terraformPlan, c.terraform, c.parameters, c.facts, c.now]));
  const dupInput = inputs.findIndex((n, i) => inputs.indexOf(n) !== i);
  if (dupInput >= 0) problems.push(`${rule.meta.id}: case "${fixtures.cases[dupInput]?.name}" repeats another case's input`);
  return problems;
}

function matchesOutcome(finding: Finding, expected: string): boolean {
  const [status, messageId] = expected.split(':');
  return finding.outcome === status && (messageId === undefined || finding.messageId === messageId);
}

function findingKey(finding: Finding): string[] {
  return [finding.resource.uid, finding.resource.logicalId, finding.resource.address, finding.resource.name].filter((k): k is string => k !== undefined);
}

/** Runs one case through the real engine (index, evaluation, waivers, verdict) and compares. */
export function runCase(rule: Rule, fixture: FixtureCase, file: string): CaseResult {
  const snapshot = caseSnapshot(fixture, rule, file);
  const index = new ResourceIndex(snapshot.resources, snapshot.collection, {
    sources: snapshot.scope.sources,
    accounts: snapshot.scope.accounts,
    regions: snapshot.scope.regions,
    files: snapshot.scope.files,
  });
  const now = new Date(fixture.now ?? FIXTURE_NOW);
  const facts = ProductFacts.parse(fixture.facts ?? {});
  const runs = evaluateRules([rule], index, facts, now);
  const byUid = new Map(snapshot.resources.map((r) => [r.uid, r]));
  const findings = buildFindings(runs, [], now, '*', (uid) => byUid.get(uid));
  const verdict = ruleVerdict(rule, findings, index);
  const problems: string[] = [];
  const declared = new Set(Object.keys(rule.meta.messages));
  for (const f of findings) {
    if (f.messageId !== undefined && !declared.has(f.messageId)) problems.push(`outcome uses undeclared messageId "${f.messageId}"`);
    if (f.outcome === 'error') problems.push(`the rule threw: ${f.message}`);
  }
  if (!CASE_KINDS.includes(fixture.expect)) problems.push(`unknown expectation ${String(fixture.expect)}`);
  if (verdict.status !== fixture.expect) {
    problems.push(`expected ${fixture.expect}, got ${verdict.status} (${verdict.reasons.map((r) => r.code).join(', ') || 'no reason'}; outcomes: ${findings.map((f) => `${f.outcome}${f.messageId ? `:${f.messageId}` : ''}${f.reason ? `[${f.reason}]` : ''}`).join(', ') || 'none'})`);
  }
  if (fixture.messageId !== undefined) {
    if (!declared.has(fixture.messageId)) problems.push(`the case expects messageId "${fixture.messageId}", which the rule does not declare`);
    const wanted = fixture.expect === 'not_applicable' ? 'not_applicable' : fixture.expect;
    if (!findings.some((f) => f.outcome === wanted && f.messageId === fixture.messageId)) {
      problems.push(`no ${wanted} outcome with messageId "${fixture.messageId}" (got ${findings.map((f) => `${f.outcome}:${f.messageId ?? '-'}`).join(', ') || 'none'})`);
    }
  }
  if (fixture.reason !== undefined && !verdict.reasons.some((r) => r.code.startsWith(fixture.reason!))) {
    problems.push(`expected a reason starting "${fixture.reason}", got ${verdict.reasons.map((r) => r.code).join(', ') || 'none'}`);
  }
  for (const [key, expected] of Object.entries(fixture.outcomes ?? {})) {
    const mine = findings.filter((f) => findingKey(f).includes(key));
    if (mine.length === 0) problems.push(`no outcome for ${key}`);
    else if (!mine.some((f) => matchesOutcome(f, expected))) problems.push(`${key}: expected ${expected}, got ${mine.map((f) => `${f.outcome}:${f.messageId ?? '-'}`).join(', ')}`);
  }
  return { fixture, verdict, findings, problems };
}
