import { z } from 'zod';
import { CollectionOutcome } from './snapshot.js';
import { Finding } from './finding.js';
import { RequirementStatus, Severity, Source } from './status.js';

export const ASSESSMENT_SCHEMA_VERSION = 1;

export const ReasonSchema = z.object({ code: z.string(), message: z.string(), ruleId: z.string().optional() });

const RuleLink = z.object({
  ruleId: z.string(),
  title: z.string(),
  basis: z.string(),
  status: z.enum(['pass', 'fail', 'unknown', 'error', 'not_applicable']),
  reasons: z.array(ReasonSchema),
});

const EvidenceEntry = z.object({
  kind: z.enum(['file', 'url', 'ticket', 'value']),
  ref: z.string(),
  covers: z.array(z.string()),
  state: z.enum(['ok', 'missing', 'changed', 'unhashed']),
  sha256: z.string().optional(),
  note: z.string().optional(),
});

export const AssessedRequirement = z.object({
  id: z.string(),
  checklist: z.string(),
  title: z.string(),
  summary: z.string(),
  section: z.string(),
  sectionTitle: z.string(),
  status: RequirementStatus,
  reasons: z.array(ReasonSchema),
  evidencedBy: z.enum(['automated', 'manual', 'both']),
  remediationBucket: z.enum(['security', 'documentation', 'operational-tooling']),
  unconfirmed: z.boolean(),
  findings: z.array(z.string()),
  gating: z.array(RuleLink),
  informing: z.array(RuleLink),
  attestation: z
    .object({
      claim: z.enum(['met', 'not_met', 'not_applicable', 'alternative']),
      statement: z.string(),
      owner: z.string(),
      attested: z.string(),
      expires: z.string().optional(),
      expired: z.boolean(),
      file: z.string(),
      line: z.number().optional(),
    })
    .nullable(),
  evidence: z.array(EvidenceEntry),
  expectedEvidence: z.array(z.object({ id: z.string(), description: z.string(), kind: z.string(), covered: z.boolean() })),
  subQuestions: z.array(z.object({ id: z.string(), text: z.string(), answer: z.string().optional() })),
  plan: z.object({ owner: z.string().optional(), due: z.string().optional(), note: z.string().optional() }).nullable(),
});
export type AssessedRequirement = z.infer<typeof AssessedRequirement>;

export const AssessedRule = z.object({
  id: z.string(),
  title: z.string(),
  severity: Severity,
  sources: z.array(Source),
  bestPractice: z.string().optional(),
  requirements: z.array(z.object({ checklist: z.string(), id: z.string(), gates: z.boolean(), basis: z.string() })),
  status: z.enum(['pass', 'fail', 'unknown', 'error', 'not_applicable']),
  reasons: z.array(ReasonSchema),
  counts: z.record(z.string(), z.number()),
  remediation: z.object({
    summary: z.string(),
    console: z.array(z.string()),
    cli: z.string().optional(),
    cloudformation: z.string().optional(),
    terraform: z.string().optional(),
    links: z.array(z.string()),
  }),
  plan: z.object({ owner: z.string().optional(), due: z.string().optional(), note: z.string().optional() }).nullable(),
});
export type AssessedRule = z.infer<typeof AssessedRule>;

export const StatusSummary = z.object({
  compliant: z.number().int(),
  partially_compliant: z.number().int(),
  non_compliant: z.number().int(),
  not_applicable: z.number().int(),
  unknown: z.number().int(),
});
export type StatusSummary = z.infer<typeof StatusSummary>;

/** The assessment (ARCHITECTURE §7): every reporter is a view of this object. */
export const Assessment = z.object({
  schemaVersion: z.literal(ASSESSMENT_SCHEMA_VERSION),
  kind: z.literal('ftr-ready/assessment'),
  tool: z.object({ name: z.string(), version: z.string() }),
  checklist: z.object({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    versionTitle: z.string(),
    validUntil: z.string(),
    acceptedUntil: z.string(),
    expired: z.boolean(),
    url: z.string(),
  }),
  catalogHash: z.string(),
  generatedAt: z.string(),
  product: z.object({ name: z.string().optional() }),
  scope: z.object({
    sources: z.array(Source),
    accounts: z.array(z.string()),
    regions: z.array(z.string()),
    files: z.array(z.string()),
    snapshots: z.array(z.object({ path: z.string(), collectedAt: z.string(), sha256: z.string() })),
  }),
  summary: StatusSummary,
  requirements: z.array(AssessedRequirement),
  findings: z.array(Finding),
  rules: z.array(AssessedRule),
  collection: z.array(
    z.object({
      source: Source,
      service: z.string(),
      action: z.string(),
      account: z.string().optional(),
      region: z.string().optional(),
      file: z.string().optional(),
      line: z.number().optional(),
      outcome: CollectionOutcome,
      calls: z.record(z.string(), z.number()),
      affected: z.array(z.string()),
      message: z.string().optional(),
    }),
  ),
  accounts: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      summary: z.object({ pass: z.number().int(), fail: z.number().int(), unknown: z.number().int(), waived: z.number().int() }),
    }),
  ),
  waivers: z.array(
    z.object({
      rule: z.string(),
      resource: z.string(),
      reason: z.string(),
      owner: z.string().optional(),
      expires: z.string().optional(),
      origin: z.string(),
      applied: z.number().int(),
      expired: z.boolean(),
    }),
  ),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), file: z.string().optional(), line: z.number().optional() })),
});
export type Assessment = z.infer<typeof Assessment>;
