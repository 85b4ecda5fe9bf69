import type { FactCondition, Requirement } from '../catalog/schema.js';
import type { AttestationState } from '../config/attestation-state.js';
import type { ProductFacts } from '../config/schema.js';
import type { RequirementStatus } from '../model/status.js';
import { reason, uniqueReasons, type Reason } from './reasons.js';
import type { RuleVerdict } from './rule-verdict.js';

export interface RollupInput {
  requirement: Requirement;
  gating: readonly RuleVerdict[];
  attestation?: AttestationState | undefined;
  /** Gate questions answered "no" that cover this requirement (CAA-000 when the product never accesses accounts). */
  gateAnsweredNo?: string | undefined;
  facts: ProductFacts;
}

export interface RollupResult {
  status: RequirementStatus;
  reasons: Reason[];
}

function factValue(facts: ProductFacts, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), facts);
}

/** The fact condition that makes the requirement not applicable, if every condition holds. */
export function notApplicableByFacts(requirement: Requirement, facts: ProductFacts): FactCondition | undefined {
  const { when } = requirement.notApplicable;
  if (!requirement.notApplicable.allowed || when.length === 0) return undefined;
  return when.every((c) => factValue(facts, c.fact) === c.equals) ? when[0] : undefined;
}

/** Problems with the evidence of an attestation that claims the requirement is met (or met by its alternative). */
function evidenceProblems(attestation: AttestationState): Reason[] {
  const problems: Reason[] = [];
  if (attestation.expired) problems.push(reason('attestation_expired', `the attestation expired on ${attestation.expires ?? '?'}`));
  if (attestation.evidence.some((e) => e.state === 'missing')) problems.push(reason('evidence_missing', 'an evidence file named in the attestation is missing'));
  if (attestation.evidence.some((e) => e.state === 'changed')) problems.push(reason('evidence_changed'));
  if (attestation.missing.length > 0) {
    const code = attestation.covered.length > 0 ? 'evidence_partial' : 'evidence_missing';
    problems.push(reason(code, `evidence still needed: ${attestation.missing.join(', ')}`));
  }
  return problems;
}

/**
 * A requirement's status: the first matching row of ARCHITECTURE §5's table. Informing rules never reach here.
 */
export function rollUp(input: RollupInput): RollupResult {
  const { requirement, gating, attestation, facts } = input;
  const claim = attestation?.claim;

  // Row 1: not applicable by an attestation the catalog allows, by a gate question, or by a product fact.
  if (claim === 'not_applicable' && requirement.notApplicable.allowed) {
    return { status: 'not_applicable', reasons: [reason('attested_not_applicable', attestation?.statement)] };
  }
  if (input.gateAnsweredNo !== undefined) return { status: 'not_applicable', reasons: [reason(`gate:${input.gateAnsweredNo}`)] };
  const byFact = notApplicableByFacts(requirement, facts);
  if (byFact) return { status: 'not_applicable', reasons: [reason(`fact:${byFact.fact}`, requirement.notApplicable.justification)] };

  // Row 2: the attestation says it is not met.
  if (claim === 'not_met') return { status: 'non_compliant', reasons: [reason('attested_not_met', attestation?.statement)] };

  const failed = gating.filter((v) => v.status === 'fail');
  const unsure = gating.filter((v) => v.status === 'unknown' || v.status === 'error');

  // Row 3: a gating rule failed, but the catalog's alternative is attested, fresh and fully evidenced.
  if (failed.length > 0 && claim === 'alternative' && requirement.alternative && attestation && evidenceProblems(attestation).length === 0) {
    return { status: 'compliant', reasons: [reason('met_by_alternative', `met by: ${requirement.alternative.title}`), ...failed.flatMap((v) => v.reasons)] };
  }
  // Row 4: any unwaived failure.
  if (failed.length > 0) return { status: 'non_compliant', reasons: uniqueReasons(failed.flatMap((v) => v.reasons)) };
  // Row 5: any unknown or error, never compliant.
  if (unsure.length > 0) return { status: 'unknown', reasons: uniqueReasons(unsure.flatMap((v) => v.reasons)) };

  const needsEvidence = requirement.evidence.length > 0 || claim === 'alternative';
  // Row 6: every gating rule found nothing to judge and no evidence is required.
  if (gating.length > 0 && gating.every((v) => v.status === 'not_applicable') && !needsEvidence) {
    return { status: 'not_applicable', reasons: [reason('no_resources')] };
  }
  // Row 9 comes before 7/8 here only for requirements no rule gates: without an attestation nothing was seen.
  if (gating.length === 0 && !attestation) return { status: 'unknown', reasons: [reason('needs_attestation')] };
  if (!needsEvidence && !(gating.length === 0 && attestation)) return { status: 'compliant', reasons: [] };
  if (!attestation) {
    const nothingJudged = gating.length > 0 && gating.every((v) => v.status === 'not_applicable');
    const message = nothingJudged
      ? 'the checks found nothing in scope to judge, and the evidence a reviewer expects is not attested'
      : 'the checks pass, but the evidence a reviewer expects is not attested';
    return { status: 'partially_compliant', reasons: [reason('evidence_missing', message)] };
  }

  // Rows 7 and 8: the required evidence present, fresh and unchanged, or not.
  const problems = evidenceProblems(attestation);
  if (problems.length > 0) return { status: 'partially_compliant', reasons: problems };
  return { status: 'compliant', reasons: claim === 'alternative' ? [reason('met_by_alternative')] : [] };
}
