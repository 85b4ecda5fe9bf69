import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Catalog } from '../catalog/load.js';
import type { WaiverSpec } from '../engine/waivers.js';
import { isExpired } from '../engine/waivers.js';
import { parseRequirementKey, type RequirementRef } from '../model/requirement-ref.js';
import type { LoadResult, Problem } from '../problems/problem.js';
import { readYaml, zodProblems } from '../yaml/read-yaml.js';
import { evidenceKind, type EvidenceState } from './attestation-state.js';
import { FtrConfig, type Attestation, type PlanEntry } from './schema.js';

export interface LoadedAttestation {
  attestation: Attestation;
  ref: RequirementRef;
  line: number | undefined;
  evidence: EvidenceState[];
}

export interface LoadedConfig {
  path: string;
  /** How reports name the file: relative to the working folder when inside it, else as given. */
  displayPath: string;
  /** Folder evidence paths are relative to. */
  dir: string;
  config: FtrConfig;
  attestations: LoadedAttestation[];
  waivers: Array<WaiverSpec & { line: number | undefined }>;
  plan: Array<PlanEntry & { line: number | undefined }>;
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** The checklist an unqualified requirement id in ftr.yaml belongs to. */
export function defaultChecklistOf(config: Pick<FtrConfig, 'product'>): string {
  const named = config.product.checklist?.split('@')[0];
  if (named) return named;
  return config.product.hosting === 'customer-deployed' ? 'customer-deployed' : 'partner-hosted';
}

function checkEvidence(dir: string, attestation: Attestation, lineOf: (j: number) => number | undefined): EvidenceState[] {
  return attestation.evidence.map((ref, j) => {
    const kind = evidenceKind(ref);
    const line = lineOf(j);
    const base = { kind, covers: ref.covers ?? [], ...(ref.note !== undefined ? { note: ref.note } : {}), ...(line !== undefined ? { line } : {}) };
    if (kind !== 'file') return { ...base, ref: ref.url ?? ref.ticket ?? ref.value ?? '', state: 'ok' as const };
    const path = ref.file ?? '';
    const full = isAbsolute(path) ? path : resolve(dir, path);
    if (!existsSync(full) || !statSync(full).isFile()) return { ...base, ref: path, state: 'missing' as const, ...(ref.sha256 ? { sha256: ref.sha256 } : {}) };
    const actual = sha256File(full);
    if (ref.sha256 === undefined) return { ...base, ref: path, state: 'unhashed' as const, actualSha256: actual };
    return { ...base, ref: path, state: actual === ref.sha256 ? ('ok' as const) : ('changed' as const), sha256: ref.sha256, actualSha256: actual };
  });
}

/**
 * Reads ftr.yaml (ARCHITECTURE §6). Errors (exit 2, nothing loaded): bad YAML, a schema violation, a requirement id
 * no checklist knows, a not-applicable claim the catalog does not allow, two attestations for one requirement.
 * Warnings (the run goes on; statuses show them): missing, changed or unhashed evidence files, expired attestations
 * and waivers, ids the selected version does not contain.
 */
export function loadConfig(path: string, catalog: Catalog, now: Date, displayPath?: string): LoadResult<LoadedConfig> {
  const file = path;
  const inside = relative(process.cwd(), resolve(path));
  const shown = displayPath ?? (inside && !inside.startsWith('..') ? inside : path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { value: undefined, errors: [{ severity: 'error', code: 'config_unreadable', message: `cannot read ${path}; create one with \`ftr init\``, file }], warnings: [] };
  }
  const parsed = readYaml(text, file);
  if (parsed.errors.length > 0) return { value: undefined, errors: parsed.errors, warnings: [] };
  const result = FtrConfig.safeParse(parsed.data ?? {});
  if (!result.success) return { value: undefined, errors: zodProblems(result.error.issues, file, parsed), warnings: [] };
  const config = result.data;
  const dir = dirname(resolve(path));
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const lineOf = (...p: PropertyKey[]) => parsed.locate(p)?.line;
  const problem = (severity: Problem['severity'], code: string, message: string, at: PropertyKey[]) => {
    const line = lineOf(...at);
    (severity === 'error' ? errors : warnings).push({ severity, code, message, file, path: at.map(String).join('.'), ...(line !== undefined ? { line } : {}) });
  };
  const defaultChecklist = defaultChecklistOf(config);
  const seen = new Map<string, number>();
  const attestations: LoadedAttestation[] = [];
  config.attestations.forEach((attestation, i) => {
    const ref = parseRequirementKey(attestation.requirement, defaultChecklist);
    const checklist = catalog.checklists.get(ref.checklist);
    const requirement = checklist?.requirements.find((r) => r.id === ref.id);
    if (!checklist) return problem('error', 'unknown_checklist', `unknown checklist "${ref.checklist}" in ${attestation.requirement}; expected one of ${[...catalog.checklists.keys()].join(', ')}`, ['attestations', i, 'requirement']);
    if (!requirement) return problem('error', 'unknown_requirement', `unknown requirement ${ref.id} in the ${ref.checklist} checklist (run \`ftr catalog\` to list the ids)`, ['attestations', i, 'requirement']);
    const key = `${ref.checklist}:${ref.id}`;
    if (seen.has(key)) return problem('error', 'duplicate_attestation', `${key} is attested twice (first at line ${seen.get(key) ?? '?'}); keep one`, ['attestations', i, 'requirement']);
    seen.set(key, lineOf('attestations', i) ?? 0);
    if (attestation.claim === 'not_applicable' && !requirement.notApplicable.allowed) {
      return problem('error', 'not_applicable_not_allowed', `${ref.id} cannot be marked not applicable: the checklist applies it to every offering`, ['attestations', i, 'claim']);
    }
    if (attestation.claim === 'alternative' && !requirement.alternative) {
      return problem('error', 'no_alternative', `${ref.id} has no attested alternative in the checklist; claim met, not_met or not_applicable`, ['attestations', i, 'claim']);
    }
    const pieces = attestation.claim === 'alternative' ? (requirement.alternative?.evidence ?? []) : requirement.evidence;
    const pieceIds = new Set(pieces.map((p) => p.id));
    attestation.evidence.forEach((e, j) => {
      for (const id of e.covers ?? []) {
        if (!pieceIds.has(id)) problem('error', 'unknown_evidence_piece', `${ref.id} expects no evidence "${id}"; expected one of: ${[...pieceIds].join(', ') || '(none)'}`, ['attestations', i, 'evidence', j, 'covers']);
      }
      if (e.covers === undefined && pieces.length > 1) {
        problem('warning', 'evidence_covers_nothing', `${ref.id} expects several pieces of evidence (${[...pieceIds].join(', ')}); say which this one covers with \`covers:\``, ['attestations', i, 'evidence', j]);
      }
    });
    const evidence = checkEvidence(dir, attestation, (j) => lineOf('attestations', i, 'evidence', j));
    evidence.forEach((e, j) => {
      const at = ['attestations', i, 'evidence', j];
      if (e.state === 'missing') problem('warning', 'evidence_missing', `evidence file ${e.ref} for ${ref.id} does not exist`, at);
      if (e.state === 'changed') problem('warning', 'evidence_changed', `evidence file ${e.ref} for ${ref.id} changed since it was attested (run \`ftr attest ${ref.id}\` again once reviewed)`, at);
      if (e.state === 'unhashed') problem('warning', 'evidence_unhashed', `evidence file ${e.ref} for ${ref.id} has no sha256; \`ftr attest\` records it`, at);
    });
    if (attestation.expires !== undefined && isExpired(attestation.expires, now)) {
      problem('warning', 'attestation_expired', `the attestation of ${ref.id} expired on ${attestation.expires}`, ['attestations', i, 'expires']);
    }
    attestations.push({ attestation, ref, line: lineOf('attestations', i), evidence });
  });
  const waivers = config.waivers.map((w, i) => {
    const line = lineOf('waivers', i);
    if (isExpired(w.expires, now)) problem('warning', 'waiver_expired', `the waiver of ${w.rule} on ${w.resource} expired on ${w.expires ?? '?'} and no longer applies`, ['waivers', i, 'expires']);
    return { ...w, origin: `${shown}:${line ?? 1}`, line };
  });
  const plan = config.plan.map((p, i) => ({ ...p, line: lineOf('plan', i) }));
  config.plan.forEach((p, i) => {
    if (p.requirement === undefined) return;
    const ref = parseRequirementKey(p.requirement, defaultChecklist);
    if (!catalog.checklists.get(ref.checklist)?.requirements.some((r) => r.id === ref.id)) {
      problem('error', 'unknown_requirement', `unknown requirement ${p.requirement} in the plan`, ['plan', i, 'requirement']);
    }
  });
  if (errors.length > 0) return { value: undefined, errors, warnings };
  return { value: { path, displayPath: shown, dir, config, attestations, waivers, plan }, errors, warnings };
}
