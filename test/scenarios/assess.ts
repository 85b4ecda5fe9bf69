// Test-only: assesses a scenario snapshot with the real engine — the bundled catalog, the built-in rules, the
// scenario ftr.yaml, the clock pinned — and reads the result back per requirement.
import { createHash } from 'node:crypto';
import { assess, loadCatalog, loadConfig, selectChecklist, type Assessment, type RequirementStatus, type Snapshot } from '../../src/core/index.js';
import { rules } from '../../src/rules/index.js';
import { ASSESS_NOW, CHECKLIST } from './attestations.js';

export function assessSnapshot(snapshot: Snapshot, configPath: string): Assessment {
  const now = new Date(ASSESS_NOW);
  const catalog = loadCatalog();
  if (!catalog.value) throw new Error(`the catalog does not load: ${JSON.stringify(catalog.errors)}`);
  const selected = selectChecklist(catalog.value, CHECKLIST, now);
  if ('error' in selected) throw new Error(selected.error);
  const config = loadConfig(configPath, catalog.value, now);
  if (!config.value) throw new Error(`the scenario ftr.yaml does not load: ${JSON.stringify(config.errors)}`);
  const text = JSON.stringify(snapshot);
  return assess({
    snapshots: [{ path: `${snapshot.accounts[0]?.name ?? 'scenario'}.json`, sha256: createHash('sha256').update(text).digest('hex'), snapshot }],
    catalog: catalog.value,
    selected,
    config: config.value,
    rules,
    now,
    tool: { name: 'ftr-ready', version: 'scenario-test' },
  });
}

export type AssessedRequirement = Assessment['requirements'][number];

export function requirement(assessment: Pick<Assessment, 'requirements'>, id: string): AssessedRequirement {
  const found = assessment.requirements.find((r) => r.id === id);
  if (!found) throw new Error(`requirement ${id} is not in the assessment`);
  return found;
}

/** The status of each named requirement. */
export function statuses(assessment: Pick<Assessment, 'requirements'>, ids: readonly string[]): Record<string, RequirementStatus> {
  return Object.fromEntries(ids.map((id) => [id, requirement(assessment, id).status]));
}

/** The reason codes of a requirement (`rule_failed:…`, `collection_failed:…`, `evidence_missing` …). */
export function reasonCodes(assessment: Pick<Assessment, 'requirements'>, id: string): string[] {
  return requirement(assessment, id).reasons.map((r) => r.code);
}

/** Every gating rule with one of these statuses, on any requirement: `REQ rule: status (reasons)`, for messages. */
export function gatingRulesWith(assessment: Pick<Assessment, 'requirements'>, ruleStatuses: readonly string[]): string[] {
  return assessment.requirements.flatMap((r) =>
    r.gating.filter((g) => ruleStatuses.includes(g.status)).map((g) => `${r.id} ${g.ruleId}: ${g.status} (${g.reasons.map((x) => x.code).join(', ')})`),
  );
}

/** The findings behind a requirement that did not pass, for messages: `rule uid: status message`. */
export function findingsOf(assessment: Assessment, id: string): string[] {
  const ids = new Set(requirement(assessment, id).findings);
  return assessment.findings.filter((f) => ids.has(f.id)).map((f) => `${f.ruleId} ${f.resource.uid}: ${f.status} ${f.message}`);
}
