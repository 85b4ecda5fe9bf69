import type { AssessedRequirement, AssessedRule } from '../../core/index.js';
import type { EvidenceTask } from './model.js';

/**
 * What a team does about a requirement, from its status reasons: fix what a check found, let the scan see what it
 * could not, or attest with evidence. Sentences are plain text; every renderer escapes them for its format.
 */

export interface AlternativeHint {
  title: string;
  description: string;
}

function visibilityAction(rule: AssessedRule): string | undefined {
  const codes = rule.reasons.map((r) => r.code);
  const denied = codes.filter((c) => c.startsWith('collection_failed:')).map((c) => c.slice('collection_failed:'.length));
  if (denied.length > 0) return `Let the scan read ${denied.join(', ')} (\`ftr policy\` prints the read-only policy), then scan again, so "${rule.title}" can be checked.`;
  if (codes.includes('out_of_scope')) return `Scan the live account as well: "${rule.title}" needs account facts a template cannot show.`;
  const inputs = codes.filter((c) => c.startsWith('input_error:')).map((c) => c.slice('input_error:'.length));
  if (inputs.length > 0) return `Fix the input file(s) ${inputs.join(', ')} so "${rule.title}" can be checked.`;
  const missing = codes.filter((c) => c.startsWith('not_collected:')).map((c) => c.slice('not_collected:'.length));
  if (missing.length > 0) return `Scan every account and Region in scope for ${missing.join(', ')}, so "${rule.title}" can be checked.`;
  if (codes.some((c) => c.startsWith('rule_error:'))) return `The check "${rule.title}" failed while evaluating; re-run with FTR_DEBUG=1 and report it.`;
  if (codes.some((c) => c.startsWith('unresolved:') || c.startsWith('parameter:'))) return `Give the template parameters or values "${rule.title}" depends on a concrete value (or scan the deployed account).`;
  return `Make "${rule.title}" checkable: ${rule.reasons.map((r) => r.message).join('; ') || 'the data it needs was not seen'}.`;
}

export function requirementActions(requirement: AssessedRequirement, rules: ReadonlyMap<string, AssessedRule>, alternative: AlternativeHint | undefined): string[] {
  const actions: string[] = [];
  const codes = new Set(requirement.reasons.map((r) => r.code));
  const gating = requirement.gating.map((g) => rules.get(g.ruleId)).filter((r): r is AssessedRule => r !== undefined);
  for (const rule of gating.filter((r) => r.status === 'fail')) actions.push(`${rule.title}: ${rule.remediation.summary}`);
  for (const rule of gating.filter((r) => r.status === 'unknown' || r.status === 'error')) {
    const action = visibilityAction(rule);
    if (action !== undefined) actions.push(action);
  }
  if (codes.has('attested_not_met')) actions.push('The attestation says the requirement is not met: put the control in place, then attest it as met with its evidence.');
  if (codes.has('needs_attestation')) actions.push(`Attest ${requirement.id} in ftr.yaml with the evidence below (\`ftr attest\` records each file's sha256).`);
  if (codes.has('attestation_expired')) {
    const when = requirement.attestation?.expires !== undefined ? ` on ${requirement.attestation.expires}` : '';
    actions.push(`Repeat the review and renew the attestation: it expired${when}.`);
  }
  if (codes.has('evidence_changed')) actions.push(`Review the evidence file(s) that changed since they were attested, then record their new hashes with \`ftr attest ${requirement.id}\`.`);
  if (codes.has('evidence_missing') || codes.has('evidence_partial')) actions.push('Add the evidence still missing (below) to the attestation.');
  if (alternative !== undefined && gating.some((r) => r.status === 'fail')) {
    actions.push(`Or attest the checklist's alternative, "${alternative.title}": ${alternative.description}`);
  }
  if (actions.length === 0) actions.push(...requirement.reasons.map((r) => r.message));
  return actions;
}

/** Evidence pieces an attestation still has to cover (all of them when there is no attestation yet). */
export function evidenceTasks(requirement: AssessedRequirement): EvidenceTask[] {
  const needsEvidence = requirement.reasons.some((r) => ['needs_attestation', 'evidence_missing', 'evidence_partial', 'attestation_expired', 'evidence_changed'].includes(r.code));
  if (!needsEvidence) return [];
  const renewing = requirement.reasons.some((r) => r.code === 'attestation_expired');
  return requirement.expectedEvidence.filter((p) => renewing || !p.covered).map((p) => ({ id: p.id, description: p.description, kind: p.kind }));
}

/** POSIX single quotes: the only character that needs care inside them is the quote itself. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9@%+=:,./_-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

const PLACEHOLDER: Record<string, (piece: EvidenceTask) => string> = {
  document: (p) => `--evidence evidence/${p.id}.pdf`,
  any: (p) => `--evidence evidence/${p.id}.pdf`,
  link: () => '--url https://example.com/your-document',
  value: (p) => `--value ${shellQuote(`<${p.description}>`)}`,
};

/** Example `ftr attest` commands, one per evidence piece (the first also carries the statement). */
export function attestCommands(requirement: AssessedRequirement, pieces: readonly EvidenceTask[], owner: string | undefined): string[] {
  const needs = requirement.reasons.some((r) => ['needs_attestation', 'evidence_missing', 'evidence_partial', 'attestation_expired', 'evidence_changed'].includes(r.code));
  if (!needs) return [];
  const base = `ftr attest ${shellQuote(requirement.id)} --owner ${shellQuote(owner ?? '<owner@your-company>')}`;
  const statement = requirement.attestation === null ? ` --statement ${shellQuote(`<how ${requirement.id} is met>`)}` : '';
  // A renewed attestation brings new evidence; otherwise a changed file only needs its hash recorded again.
  const renewing = requirement.reasons.some((r) => r.code === 'attestation_expired');
  const rehash = renewing ? [] : requirement.evidence.filter((e) => e.kind === 'file' && (e.state === 'changed' || e.state === 'unhashed')).map((e) => `${base} --evidence ${shellQuote(e.ref)}`);
  const commands = pieces.map((piece, i) => {
    const flag = (PLACEHOLDER[piece.kind] ?? PLACEHOLDER['any']!)(piece);
    return `${base}${i === 0 ? statement : ''} ${flag} --covers ${shellQuote(piece.id)}`;
  });
  if (commands.length === 0 && rehash.length === 0) commands.push(`${base}${statement} --evidence evidence/${requirement.id.toLowerCase()}.pdf`);
  return [...rehash, ...commands];
}
