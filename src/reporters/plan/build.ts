/**
 * Builds the remediation plan from an assessment. One item per requirement that is neither compliant nor not
 * applicable, ordered security → documentation → operational tooling (the seed guide's remediation order), then by
 * the worst severity of its failing gating rules, then by how many resources and accounts it affects. Failing checks
 * that decide no requirement (informing and best-practice rules) follow in a lower, advisory list.
 */
import { severityRank, type AssessedRequirement, type AssessedRule, type Assessment, type Finding, type RequirementStatus, type Severity } from '../../core/index.js';
import { compareFindings, compareText, isOpen } from '../_lib/findings.js';
import { attestCommands, evidenceTasks, requirementActions, type AlternativeHint } from './actions.js';
import { BUCKET_ORDER, PLAN_SCHEMA_VERSION, type Affected, type AdvisoryItem, type Ownership, type Plan, type PlanFix, type PlanItem, type PlanResource } from './model.js';

export interface PlanOptions {
  /** The catalog's attested alternatives by requirement id (SUP-001, IAM-002 …), offered as another way out. */
  alternatives?: Readonly<Record<string, AlternativeHint>>;
  /** Resources listed per item (default 5). */
  topResources?: number;
}

const DEFAULT_TOP = 5;
const STATUS_WEIGHT: Partial<Record<RequirementStatus, number>> = { non_compliant: 0, unknown: 1, partially_compliant: 2 };

function planResource(f: Finding): PlanResource {
  const r = f.resource;
  return {
    uid: r.uid,
    type: r.type,
    status: f.status,
    message: f.message,
    ...(r.name !== undefined ? { name: r.name } : {}),
    ...(r.account !== undefined ? { account: r.account } : {}),
    ...(r.region !== undefined ? { region: r.region } : {}),
    ...(r.file !== undefined ? { file: r.file } : {}),
    ...(r.line !== undefined ? { line: r.line } : {}),
  };
}

/** The worst finding of each resource (the list is sorted worst first). */
function uniqueByResource(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const unique: Finding[] = [];
  for (const f of findings) {
    if (seen.has(f.resource.uid)) continue;
    seen.add(f.resource.uid);
    unique.push(f);
  }
  return unique;
}

function affectedBy(findings: readonly Finding[], top: number): Affected {
  const open = findings.filter(isOpen).sort(compareFindings);
  const distinct = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => v !== undefined && v !== ''))].sort(compareText);
  return {
    resources: new Set(open.map((f) => f.resource.uid)).size,
    accounts: distinct(open.map((f) => f.resource.account)),
    regions: distinct(open.map((f) => f.resource.region)),
    top: uniqueByResource(open).slice(0, top).map(planResource),
  };
}

function fixOf(rule: AssessedRule, failing: number): PlanFix {
  const { remediation } = rule;
  return {
    ruleId: rule.id,
    title: rule.title,
    severity: rule.severity,
    failing,
    summary: remediation.summary,
    console: remediation.console,
    links: remediation.links,
    ...(remediation.cli !== undefined ? { cli: remediation.cli } : {}),
    ...(remediation.cloudformation !== undefined ? { cloudformation: remediation.cloudformation } : {}),
    ...(remediation.terraform !== undefined ? { terraform: remediation.terraform } : {}),
  };
}

function worstSeverity(rules: readonly AssessedRule[]): Severity | null {
  let worst: Severity | null = null;
  for (const rule of rules) if (worst === null || severityRank(rule.severity) > severityRank(worst)) worst = rule.severity;
  return worst;
}

function ownership(plans: Array<AssessedRule['plan'] | undefined>, asOf: string, from: Array<'requirement' | 'rule'>): Ownership {
  const index = plans.findIndex((p) => p?.owner !== undefined);
  const chosen = index >= 0 ? plans[index] : plans.find((p) => p?.due !== undefined);
  const owner = chosen?.owner;
  const due = chosen?.due;
  return {
    ...(owner !== undefined ? { owner, ownerFrom: from[index] ?? 'rule' } : {}),
    ...(due !== undefined ? { due } : {}),
    ...(chosen?.note !== undefined ? { note: chosen.note } : {}),
    flags: { noOwner: owner === undefined, overdue: due !== undefined && due < asOf },
  };
}

function bySeverity(a: AssessedRule, b: AssessedRule): number {
  return severityRank(b.severity) - severityRank(a.severity) || compareText(a.id, b.id);
}

function planItem(requirement: AssessedRequirement, context: Context): Omit<PlanItem, 'rank'> {
  const gating = requirement.gating.map((g) => context.rules.get(g.ruleId)).filter((r): r is AssessedRule => r !== undefined);
  const failingRules = gating.filter((r) => r.status === 'fail').sort(bySeverity);
  const gatingIds = new Set(gating.map((r) => r.id));
  const key = `${requirement.checklist}:${requirement.id}`;
  const findings = context.findings.filter((f) => gatingIds.has(f.ruleId) && f.requirementIds.includes(key));
  const ruleOrder = [...failingRules, ...gating.filter((r) => r.status !== 'fail').sort(bySeverity)];
  const owned = ownership([requirement.plan, ...ruleOrder.map((r) => r.plan)], context.asOf, ['requirement', ...ruleOrder.map(() => 'rule' as const)]);
  const evidence = evidenceTasks(requirement);
  return {
    requirement: { id: requirement.id, checklist: requirement.checklist, title: requirement.title, section: requirement.section, sectionTitle: requirement.sectionTitle },
    bucket: requirement.remediationBucket,
    status: requirement.status,
    severity: worstSeverity(failingRules),
    reasons: requirement.reasons,
    actions: requirementActions(requirement, context.rules, context.alternatives[requirement.id]),
    evidence,
    attestCommands: attestCommands(requirement, evidence, owned.owner),
    fixes: failingRules.map((r) => fixOf(r, findings.filter((f) => f.ruleId === r.id && f.status === 'fail').length)),
    affected: affectedBy(findings, context.top),
    ...owned,
  };
}

interface Context {
  rules: ReadonlyMap<string, AssessedRule>;
  findings: readonly Finding[];
  asOf: string;
  top: number;
  alternatives: Readonly<Record<string, AlternativeHint>>;
}

function compareItems(order: ReadonlyMap<string, number>) {
  return (a: Omit<PlanItem, 'rank'>, b: Omit<PlanItem, 'rank'>): number =>
    BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket) ||
    (b.severity === null ? 0 : severityRank(b.severity)) - (a.severity === null ? 0 : severityRank(a.severity)) ||
    b.affected.resources - a.affected.resources ||
    b.affected.accounts.length - a.affected.accounts.length ||
    (STATUS_WEIGHT[a.status] ?? 9) - (STATUS_WEIGHT[b.status] ?? 9) ||
    (order.get(a.requirement.id) ?? 0) - (order.get(b.requirement.id) ?? 0);
}

function advisoryItems(assessment: Assessment, context: Context): AdvisoryItem[] {
  const checklist = assessment.checklist.id;
  const items = assessment.rules
    .filter((rule) => rule.status === 'fail' && !rule.requirements.some((r) => r.gates && r.checklist === checklist))
    .map((rule): Omit<AdvisoryItem, 'rank'> => {
      const informs = rule.requirements.filter((r) => r.checklist === checklist).map((r) => r.id);
      const findings = context.findings.filter((f) => f.ruleId === rule.id);
      return {
        kind: informs.length > 0 || rule.bestPractice === undefined ? 'informing' : 'best-practice',
        informs,
        ...(rule.bestPractice !== undefined ? { area: rule.bestPractice } : {}),
        fix: fixOf(rule, findings.filter((f) => f.status === 'fail').length),
        affected: affectedBy(findings, context.top),
        ...ownership([rule.plan], context.asOf, ['rule']),
      };
    });
  items.sort((a, b) => severityRank(b.fix.severity) - severityRank(a.fix.severity) || b.affected.resources - a.affected.resources || compareText(a.fix.ruleId, b.fix.ruleId));
  return items.map((item, i) => ({ rank: i + 1, ...item }));
}

export function buildPlan(assessment: Assessment, options: PlanOptions = {}): Plan {
  const asOf = assessment.generatedAt.slice(0, 10);
  const context: Context = {
    rules: new Map(assessment.rules.map((r) => [r.id, r])),
    findings: assessment.findings,
    asOf,
    top: Math.max(0, options.topResources ?? DEFAULT_TOP),
    alternatives: options.alternatives ?? {},
  };
  const order = new Map(assessment.requirements.map((r, i) => [r.id, i]));
  const open = assessment.requirements.filter((r) => r.status !== 'compliant' && r.status !== 'not_applicable');
  const items = open
    .map((r) => planItem(r, context))
    .sort(compareItems(order))
    .map((item, i): PlanItem => ({ rank: i + 1, ...item }));
  const advisory = advisoryItems(assessment, context);
  const byBucket = Object.fromEntries(BUCKET_ORDER.map((b) => [b, items.filter((i) => i.bucket === b).length])) as Plan['summary']['byBucket'];
  return {
    kind: 'ftr-ready/remediation-plan',
    schemaVersion: PLAN_SCHEMA_VERSION,
    tool: assessment.tool,
    generatedAt: assessment.generatedAt,
    asOf,
    ...(assessment.product.name !== undefined ? { product: assessment.product.name } : {}),
    checklist: { id: assessment.checklist.id, title: assessment.checklist.title, version: assessment.checklist.version },
    summary: {
      items: items.length,
      byBucket,
      noOwner: items.filter((i) => i.flags.noOwner).length,
      overdue: items.filter((i) => i.flags.overdue).length,
      advisory: advisory.length,
    },
    items,
    advisory,
  };
}
