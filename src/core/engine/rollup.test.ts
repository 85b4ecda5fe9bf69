import { describe, expect, it } from 'vitest';
import { Requirement, type Requirement as RequirementT } from '../catalog/schema.js';
import type { AttestationState } from '../config/attestation-state.js';
import { ProductFacts } from '../config/schema.js';
import { rollUp, type RollupInput } from './rollup.js';
import type { RuleStatus, RuleVerdict } from './rule-verdict.js';

const requirement = (overrides: Partial<RequirementT> = {}): RequirementT =>
  Requirement.parse({
    id: 'IAM-002',
    section: 'iam',
    title: 'Static keys',
    summary: 'Keys are rotated or compensated.',
    versions: ['2026_02'],
    evidencedBy: 'both',
    remediationBucket: 'security',
    evidence: [],
    ...overrides,
  });

const verdict = (status: RuleStatus, ruleId = 'rule-a', reasonCode?: string): RuleVerdict => ({
  ruleId,
  status,
  counts: {},
  reasons: reasonCode ? [{ code: reasonCode, message: reasonCode, ruleId }] : status === 'fail' ? [{ code: `rule_failed:${ruleId}`, message: 'failed', ruleId }] : [],
});

const attestation = (overrides: Partial<AttestationState> = {}): AttestationState => ({
  requirement: 'IAM-002',
  claim: 'met',
  statement: 'We do this.',
  owner: 'sec@acme.example',
  attested: '2026-05-01',
  expires: '2027-05-01',
  expired: false,
  evidence: [{ kind: 'file', ref: 'evidence/sop.pdf', covers: [], state: 'ok', sha256: 'a'.repeat(64) }],
  expected: ['sop'],
  covered: ['sop'],
  missing: [],
  answers: {},
  file: 'ftr.yaml',
  line: 10,
  ...overrides,
});

const facts = ProductFacts.parse({});
const withSop = { evidence: [{ id: 'sop', description: 'The SOP', kind: 'document' as const }] };
const withAlternative = {
  alternative: { id: 'compensating-controls', title: 'Compensating controls', description: 'Inventory, monitoring, SOP', evidence: [{ id: 'inventory', description: 'Key inventory', kind: 'document' as const }] },
};

function run(input: Partial<RollupInput> & { requirement: RequirementT }) {
  return rollUp({ gating: [], facts, ...input });
}
const codes = (r: ReturnType<typeof rollUp>) => r.reasons.map((x) => x.code);

describe('requirement roll-up: ARCHITECTURE §5, one test per row', () => {
  it('row 1: an attestation marks it not applicable, and the catalog allows it', () => {
    const r = run({
      requirement: requirement({ notApplicable: { allowed: true, when: [] } }),
      gating: [verdict('fail')],
      attestation: attestation({ claim: 'not_applicable' }),
    });
    expect(r.status).toBe('not_applicable');
    expect(codes(r)).toEqual(['attested_not_applicable']);
  });

  it('row 1: the gate question answered "no" (CAA-000) makes it not applicable', () => {
    const r = run({ requirement: requirement({ gate: 'CAA-000' }), gateAnsweredNo: 'CAA-000', gating: [verdict('unknown')] });
    expect(r).toMatchObject({ status: 'not_applicable' });
    expect(codes(r)).toEqual(['gate:CAA-000']);
  });

  it('row 1: a product fact the catalog names makes it not applicable', () => {
    const r = run({
      requirement: requirement({ notApplicable: { allowed: true, when: [{ fact: 'storesEndUserCredentials', equals: false }] } }),
      facts: ProductFacts.parse({ storesEndUserCredentials: false }),
    });
    expect(r.status).toBe('not_applicable');
    expect(codes(r)).toEqual(['fact:storesEndUserCredentials']);
  });

  it('row 1 does not apply when the catalog does not allow not applicable', () => {
    const r = run({ requirement: requirement(), gating: [verdict('pass')], attestation: attestation({ claim: 'not_applicable' }) });
    expect(r.status).not.toBe('not_applicable');
  });

  it('an unanswered fact never makes a requirement not applicable', () => {
    const r = run({ requirement: requirement({ notApplicable: { allowed: true, when: [{ fact: 'storesEndUserCredentials', equals: false }] } }) });
    expect(r.status).toBe('unknown');
  });

  it('row 2: the attestation says the requirement is not met', () => {
    const r = run({ requirement: requirement(), gating: [verdict('pass')], attestation: attestation({ claim: 'not_met' }) });
    expect(r.status).toBe('non_compliant');
    expect(codes(r)).toEqual(['attested_not_met']);
  });

  it('row 3: a gating rule failed, and the attested alternative is fresh and evidenced', () => {
    const r = run({
      requirement: requirement(withAlternative),
      gating: [verdict('fail')],
      attestation: attestation({ claim: 'alternative', expected: ['inventory'], covered: ['inventory'] }),
    });
    expect(r.status).toBe('compliant');
    expect(codes(r)[0]).toBe('met_by_alternative');
  });

  it('row 3 does not apply when the alternative is expired, or only partly evidenced', () => {
    const expired = run({ requirement: requirement(withAlternative), gating: [verdict('fail')], attestation: attestation({ claim: 'alternative', expired: true }) });
    expect(expired.status).toBe('non_compliant');
    const partial = run({
      requirement: requirement(withAlternative),
      gating: [verdict('fail')],
      attestation: attestation({ claim: 'alternative', expected: ['inventory'], covered: [], missing: ['inventory'] }),
    });
    expect(partial.status).toBe('non_compliant');
    const changed = run({
      requirement: requirement(withAlternative),
      gating: [verdict('fail')],
      attestation: attestation({ claim: 'alternative', evidence: [{ kind: 'file', ref: 'x', covers: [], state: 'changed' }] }),
    });
    expect(changed.status).toBe('non_compliant');
  });

  it('row 4: any gating rule failed (partial encryption is no encryption)', () => {
    const r = run({ requirement: requirement(), gating: [verdict('pass', 'a'), verdict('fail', 'b'), verdict('unknown', 'c', 'collection_failed:s3:GetBucketPolicy')] });
    expect(r.status).toBe('non_compliant');
    expect(codes(r)).toEqual(['rule_failed:b']);
  });

  it('row 5: any gating rule unknown or error is unknown, never compliant', () => {
    const unknown = run({ requirement: requirement(), gating: [verdict('pass', 'a'), verdict('unknown', 'b', 'collection_failed:iam:GetAccountSummary')], attestation: attestation() });
    expect(unknown.status).toBe('unknown');
    expect(codes(unknown)).toEqual(['collection_failed:iam:GetAccountSummary']);
    const error = run({ requirement: requirement(), gating: [verdict('error', 'b', 'rule_error:b')] });
    expect(error.status).toBe('unknown');
    expect(codes(error)).toEqual(['rule_error:b']);
  });

  it('row 6: every gating rule not applicable and no evidence required', () => {
    const r = run({ requirement: requirement({ evidencedBy: 'automated' }), gating: [verdict('not_applicable', 'a', 'no_resources'), verdict('not_applicable', 'b', 'no_resources')] });
    expect(r.status).toBe('not_applicable');
  });

  it('row 6 does not apply when evidence is required: then the evidence decides', () => {
    const r = run({ requirement: requirement(withSop), gating: [verdict('not_applicable')], attestation: attestation() });
    expect(r.status).toBe('compliant');
  });

  it('row 7: gating rules pass and no evidence is required', () => {
    expect(run({ requirement: requirement({ evidencedBy: 'automated' }), gating: [verdict('pass'), verdict('not_applicable', 'b')] }).status).toBe('compliant');
  });

  it('row 7: gating rules pass and the required evidence is present, fresh and unchanged', () => {
    const r = run({ requirement: requirement(withSop), gating: [verdict('pass')], attestation: attestation() });
    expect(r).toEqual({ status: 'compliant', reasons: [] });
  });

  it('row 7: no gating rules, a manual requirement attested with its evidence', () => {
    const r = run({ requirement: requirement({ evidencedBy: 'manual', ...withSop }), attestation: attestation() });
    expect(r.status).toBe('compliant');
  });

  it('row 8: gating rules pass but no attestation gives the required evidence', () => {
    const r = run({ requirement: requirement(withSop), gating: [verdict('pass')] });
    expect(r.status).toBe('partially_compliant');
    expect(codes(r)).toEqual(['evidence_missing']);
  });

  it('row 8: the attestation expired', () => {
    const r = run({ requirement: requirement(withSop), gating: [verdict('pass')], attestation: attestation({ expired: true }) });
    expect(r.status).toBe('partially_compliant');
    expect(codes(r)).toContain('attestation_expired');
  });

  it('row 8: an evidence file is missing', () => {
    const r = run({
      requirement: requirement(withSop),
      gating: [verdict('pass')],
      attestation: attestation({ evidence: [{ kind: 'file', ref: 'gone.pdf', covers: [], state: 'missing' }], covered: [], missing: ['sop'] }),
    });
    expect(r.status).toBe('partially_compliant');
    expect(codes(r)).toContain('evidence_missing');
  });

  it('row 8: an evidence file changed since it was attested', () => {
    const r = run({ requirement: requirement(withSop), gating: [verdict('pass')], attestation: attestation({ evidence: [{ kind: 'file', ref: 'sop.pdf', covers: [], state: 'changed' }] }) });
    expect(r.status).toBe('partially_compliant');
    expect(codes(r)).toContain('evidence_changed');
  });

  it('row 8: the evidence covers only part of what the requirement asks', () => {
    const r = run({
      requirement: requirement({ evidence: [{ id: 'date', description: 'd', kind: 'value' }, { id: 'report', description: 'r', kind: 'document' }] }),
      gating: [verdict('pass')],
      attestation: attestation({ expected: ['date', 'report'], covered: ['date'], missing: ['report'] }),
    });
    expect(r.status).toBe('partially_compliant');
    expect(codes(r)).toEqual(['evidence_partial']);
  });

  it('row 8: a manual requirement attested, but expired', () => {
    const r = run({ requirement: requirement({ evidencedBy: 'manual', ...withSop }), attestation: attestation({ expired: true }) });
    expect(r.status).toBe('partially_compliant');
  });

  it('row 9: a manual requirement with no attestation at all', () => {
    const r = run({ requirement: requirement({ evidencedBy: 'manual', ...withSop }) });
    expect(r.status).toBe('unknown');
    expect(codes(r)).toEqual(['needs_attestation']);
  });

  it('claim "alternative" with passing rules is compliant once the alternative is evidenced', () => {
    const r = run({ requirement: requirement(withAlternative), gating: [verdict('pass')], attestation: attestation({ claim: 'alternative', expected: ['inventory'], covered: ['inventory'] }) });
    expect(r.status).toBe('compliant');
    expect(codes(r)).toEqual(['met_by_alternative']);
  });
});
