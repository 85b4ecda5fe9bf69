import type { Catalog } from '../catalog/load.js';
import type { Requirement } from '../catalog/schema.js';
import type { SelectedChecklist } from '../catalog/select-version.js';
import { attestationState, type AttestationState } from '../config/attestation-state.js';
import type { LoadedConfig } from '../config/load.js';
import type { ProductFacts } from '../config/schema.js';
import { ProductFacts as ProductFactsSchema } from '../config/schema.js';
import { ASSESSMENT_SCHEMA_VERSION, type AssessedRequirement, type AssessedRule, type Assessment } from '../model/assessment.js';
import type { Finding } from '../model/finding.js';
import type { Snapshot } from '../model/snapshot.js';
import { REQUIREMENT_STATUSES, type RequirementStatus } from '../model/status.js';
import type { Problem } from '../problems/problem.js';
import type { Rule } from '../rule/define-rule.js';
import { evaluateRules } from './evaluate.js';
import { buildFindings } from './findings.js';
import { mergeSnapshots } from './merge-snapshots.js';
import { ResourceIndex } from './resource-index.js';
import { rollUp } from './rollup.js';
import { ruleVerdict, type RuleVerdict } from './rule-verdict.js';
import { isExpired, type WaiverSpec } from './waivers.js';

export interface AssessInput {
  snapshots: ReadonlyArray<{ path: string; sha256: string; snapshot: Snapshot }>;
  catalog: Catalog;
  selected: SelectedChecklist;
  config?: LoadedConfig | undefined;
  rules: readonly Rule[];
  now: Date;
  tool: { name: string; version: string };
  /** Problems found while loading inputs; they travel with the assessment. */
  warnings?: readonly Problem[];
}

function factValue(facts: ProductFacts, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), facts);
}

/** The whole of ARCHITECTURE §5: rules over the snapshots, waivers, per-rule verdicts, then per-requirement roll-up. */
export function assess(input: AssessInput): Assessment {
  const { catalog, selected, config, rules, now } = input;
  const checklistId = selected.checklist.checklist.id;
  const facts: ProductFacts = config?.config.product ?? ProductFactsSchema.parse({});
  const merged = mergeSnapshots(input.snapshots.map((s) => s.snapshot));
  const index = new ResourceIndex(merged.resources, merged.records, merged.scope);
  const byUid = new Map(merged.resources.map((r) => [r.uid, r]));
  const waivers: WaiverSpec[] = config?.waivers ?? [];

  const runs = evaluateRules(rules, index, facts, now);
  const findings = buildFindings(runs, waivers, now, checklistId, (uid) => byUid.get(uid));
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of findings) (findingsByRule.get(f.ruleId) ?? findingsByRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
  // Findings are built rule by rule in this order; a requirement lists its rules' findings in it, without scanning all.
  const ruleOrder = [...new Set(rules.map((rule) => rule.meta.id))];
  const verdicts = new Map<string, RuleVerdict>(rules.map((rule) => [rule.meta.id, ruleVerdict(rule, findingsByRule.get(rule.meta.id) ?? [], index)]));

  const attestations = new Map<string, { state: AttestationState | undefined; loaded: LoadedConfig['attestations'][number] }>();
  const sectionTitles = new Map(selected.checklist.sections.map((s) => [s.id, s.title]));
  const gatesAnsweredNo = new Set(
    selected.checklist.gates.filter((g) => g.versions.includes(selected.version.id) && factValue(facts, g.fact) === false).map((g) => g.id),
  );
  const defaultValidity = config?.config.defaults.attestationValidity ?? 'P1Y';
  const requirementById = new Map(selected.requirements.map((r) => [r.id, r]));
  const warnings: Problem[] = [...(input.warnings ?? []), ...selected.warnings];
  for (const loaded of config?.attestations ?? []) {
    if (loaded.ref.checklist !== checklistId) continue;
    const requirement = requirementById.get(loaded.ref.id);
    if (!requirement) {
      warnings.push({ severity: 'warning', code: 'not_in_version', message: `${loaded.ref.id} is attested but is not part of ${checklistId} ${selected.version.id}`, file: config?.displayPath ?? 'ftr.yaml', ...(loaded.line !== undefined ? { line: loaded.line } : {}) });
      continue;
    }
    const state = attestationState(loaded.attestation, requirement, loaded.evidence, defaultValidity, now, { file: config?.displayPath ?? 'ftr.yaml', line: loaded.line });
    attestations.set(requirement.id, { state, loaded });
  }

  const planFor = (match: (p: LoadedConfig['plan'][number]) => boolean) => {
    const entry = config?.plan.find(match);
    return entry ? { ...(entry.owner ? { owner: entry.owner } : {}), ...(entry.due ? { due: entry.due } : {}), ...(entry.note ? { note: entry.note } : {}) } : null;
  };
  const link = (rule: Rule, basis: string) => {
    const verdict = verdicts.get(rule.meta.id)!;
    return { ruleId: rule.meta.id, title: rule.meta.title, basis, status: verdict.status, reasons: verdict.reasons };
  };

  const requirements: AssessedRequirement[] = selected.requirements.map((requirement: Requirement) => {
    const gatingRules: Array<{ rule: Rule; basis: string }> = [];
    const informingRules: Array<{ rule: Rule; basis: string }> = [];
    for (const rule of rules) {
      for (const ref of rule.meta.requirements) {
        if (ref.checklist !== checklistId || ref.id !== requirement.id) continue;
        (ref.gates ? gatingRules : informingRules).push({ rule, basis: ref.basis });
      }
    }
    const attested = attestations.get(requirement.id);
    const state = attested?.state;
    const result = rollUp({
      requirement,
      gating: gatingRules.map(({ rule }) => verdicts.get(rule.meta.id)!),
      attestation: state,
      gateAnsweredNo: requirement.gate !== undefined && gatesAnsweredNo.has(requirement.gate) ? requirement.gate : undefined,
      facts,
    });
    const ruleIds = new Set([...gatingRules, ...informingRules].map(({ rule }) => rule.meta.id));
    const pieces = state?.claim === 'alternative' && requirement.alternative ? requirement.alternative.evidence : requirement.evidence;
    return {
      id: requirement.id,
      checklist: checklistId,
      title: requirement.title,
      summary: requirement.summary,
      section: requirement.section,
      sectionTitle: sectionTitles.get(requirement.section) ?? requirement.section,
      status: result.status,
      reasons: result.reasons,
      evidencedBy: requirement.evidencedBy,
      remediationBucket: requirement.remediationBucket,
      unconfirmed: requirement.unconfirmedIn.includes(selected.version.id),
      findings: ruleOrder.filter((id) => ruleIds.has(id)).flatMap((id) => (findingsByRule.get(id) ?? []).filter((f) => f.status !== 'pass' && f.status !== 'not_applicable').map((f) => f.id)),
      gating: gatingRules.map(({ rule, basis }) => link(rule, basis)),
      informing: informingRules.map(({ rule, basis }) => link(rule, basis)),
      attestation: state
        ? {
            claim: state.claim,
            statement: state.statement,
            owner: state.owner,
            attested: state.attested,
            expired: state.expired,
            file: state.file,
            ...(state.expires !== undefined ? { expires: state.expires } : {}),
            ...(state.line !== undefined ? { line: state.line } : {}),
          }
        : null,
      evidence: (state?.evidence ?? []).map((e) => ({
        kind: e.kind,
        ref: e.ref,
        covers: e.covers,
        state: e.state,
        ...(e.sha256 !== undefined ? { sha256: e.sha256 } : e.actualSha256 !== undefined ? { sha256: e.actualSha256 } : {}),
        ...(e.note !== undefined ? { note: e.note } : {}),
      })),
      expectedEvidence: pieces.map((p) => ({ id: p.id, description: p.description, kind: p.kind, covered: state?.covered.includes(p.id) ?? false })),
      subQuestions: requirement.subQuestions.map((q) => ({ id: q.id, text: q.text, ...(state?.answers[q.id] !== undefined ? { answer: state.answers[q.id] } : {}) })),
      plan: planFor((p) => p.requirement === requirement.id || p.requirement === `${checklistId}:${requirement.id}`),
    };
  });

  const summary = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
  for (const r of requirements) summary[r.status]++;

  const assessedRules: AssessedRule[] = rules.map((rule) => {
    const verdict = verdicts.get(rule.meta.id)!;
    const { remediation } = rule.meta;
    return {
      id: rule.meta.id,
      title: rule.meta.title,
      severity: rule.meta.severity,
      sources: [...rule.meta.sources],
      ...(rule.meta.bestPractice !== undefined ? { bestPractice: rule.meta.bestPractice } : {}),
      requirements: rule.meta.requirements.map((r) => ({ checklist: r.checklist, id: r.id, gates: r.gates, basis: r.basis })),
      status: verdict.status,
      reasons: verdict.reasons,
      counts: verdict.counts,
      remediation: {
        summary: remediation.summary,
        console: remediation.console ?? [],
        links: remediation.links ?? [],
        ...(remediation.cli !== undefined ? { cli: remediation.cli } : {}),
        ...(remediation.cloudformation !== undefined ? { cloudformation: remediation.cloudformation } : {}),
        ...(remediation.terraform !== undefined ? { terraform: remediation.terraform } : {}),
      },
      plan: planFor((p) => p.rule === rule.meta.id),
    };
  });

  const accountIds = [...new Set([...merged.scope.accounts, ...findings.map((f) => f.resource.account).filter((a): a is string => a !== undefined)])];
  const accountNames = new Map(input.snapshots.flatMap((s) => s.snapshot.accounts).map((a) => [a.id, a.name]));
  const accounts = accountIds.map((id) => {
    const mine = findings.filter((f) => f.resource.account === id);
    const count = (status: Finding['status'] | Array<Finding['status']>) => mine.filter((f) => ([] as string[]).concat(status).includes(f.status)).length;
    const name = accountNames.get(id);
    return { id, ...(name !== undefined ? { name } : {}), summary: { pass: count('pass'), fail: count('fail'), unknown: count(['unknown', 'error']), waived: count('waived') } };
  });

  const appliedCount = new Map<string, number>();
  for (const f of findings) if (f.waiver) appliedCount.set(f.waiver.origin, (appliedCount.get(f.waiver.origin) ?? 0) + 1);
  const codeWaivers = merged.resources.flatMap((r) =>
    r.suppressions.map((s) => ({ rule: s.rule, resource: r.uid, reason: s.reason, owner: s.owner, expires: s.expires, origin: [s.file ?? r.location.file ?? r.uid, s.line].filter((p) => p !== undefined).join(':') })),
  );
  const waiverList = [...waivers, ...codeWaivers].map((w) => ({
    rule: w.rule,
    resource: w.resource,
    reason: w.reason,
    origin: w.origin,
    applied: appliedCount.get(w.origin) ?? 0,
    expired: isExpired(w.expires, now),
    ...(w.owner !== undefined ? { owner: w.owner } : {}),
    ...(w.expires !== undefined ? { expires: w.expires } : {}),
  }));

  const { version, checklist } = selected;
  return {
    schemaVersion: ASSESSMENT_SCHEMA_VERSION,
    kind: 'ftr-ready/assessment',
    tool: input.tool,
    checklist: {
      id: checklistId,
      title: checklist.checklist.title,
      version: version.id,
      versionTitle: version.title,
      validUntil: version.validUntil,
      acceptedUntil: version.acceptedUntil,
      expired: selected.expired,
      url: checklist.checklist.url,
    },
    catalogHash: catalog.hash,
    generatedAt: now.toISOString(),
    product: facts.name !== undefined ? { name: facts.name } : {},
    scope: {
      ...merged.scope,
      snapshots: input.snapshots.map((s) => ({ path: s.path, collectedAt: s.snapshot.collectedAt, sha256: s.sha256 })),
    },
    summary,
    requirements,
    findings,
    rules: assessedRules,
    collection: merged.records.map((r) => ({
      source: r.source,
      service: r.service,
      action: r.action,
      outcome: r.outcome,
      calls: r.calls,
      affected: r.affected,
      ...(r.account !== undefined ? { account: r.account } : {}),
      ...(r.region !== undefined ? { region: r.region } : {}),
      ...(r.file !== undefined ? { file: r.file } : {}),
      ...(r.line !== undefined ? { line: r.line } : {}),
      ...(r.message !== undefined ? { message: r.message } : {}),
    })),
    accounts,
    waivers: waiverList,
    warnings: warnings.map((w) => ({ code: w.code, message: w.message, ...(w.file !== undefined ? { file: w.file } : {}), ...(w.line !== undefined ? { line: w.line } : {}) })),
  };
}
