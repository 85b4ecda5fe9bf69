import { z } from 'zod';
import { ChecklistId, RequirementId } from '../model/requirement-ref.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-02-26');
/** ISO 8601 duration limited to years, months and days (P1Y, P3M, P90D). */
export const IsoDuration = z.string().regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+D)?$/, 'a duration like P1Y, P3M or P90D');
const Text = z.string().trim().min(1);

export const REMEDIATION_BUCKETS = ['security', 'documentation', 'operational-tooling'] as const;
export const RemediationBucket = z.enum(REMEDIATION_BUCKETS);
export type RemediationBucket = z.infer<typeof RemediationBucket>;

export const EVIDENCED_BY = ['automated', 'manual', 'both'] as const;

export const ChecklistVersion = z.object({
  id: z.string().regex(/^[0-9]{4}_[a-z0-9_]+$/, 'a version id like 2026_02 or 2024_q1_v1'),
  title: Text,
  released: IsoDate,
  /** Start and end of the validity period printed on the checklist. */
  validFrom: IsoDate,
  validUntil: IsoDate,
  /** Last day a submission against this version is accepted (often a quarter after validUntil). */
  acceptedUntil: IsoDate,
  /** full: text seen in full; reconstructed: requirement set rebuilt from secondary sources; partial: some ids only. */
  completeness: z.enum(['full', 'reconstructed', 'partial']),
  source: Text,
  notes: z.string().optional(),
});
export type ChecklistVersion = z.infer<typeof ChecklistVersion>;

export const Section = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  title: Text,
  group: z.string().optional(),
});
export type Section = z.infer<typeof Section>;

export const EvidencePiece = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'an evidence id like ir-plan'),
  description: Text,
  /** document: a file; value: a value typed into the worksheet (an RPO); link: a URL; any: file, URL or ticket. */
  kind: z.enum(['document', 'value', 'link', 'any']),
});
export type EvidencePiece = z.infer<typeof EvidencePiece>;

export const CisReference = z.object({
  cis: z.string().regex(/^\d+\.\d+$/),
  cisVersion: z.string(),
  securityHub: z.string().optional(),
});

export const FactCondition = z.object({
  fact: z.string().min(1),
  equals: z.union([z.boolean(), z.string(), z.number()]),
});
export type FactCondition = z.infer<typeof FactCondition>;

export const Requirement = z.object({
  id: RequirementId,
  section: z.string(),
  title: Text.max(120),
  summary: Text,
  versions: z.array(z.string()).min(1),
  /** Versions whose copy could not confirm the requirement (HOST-001 in the one 2026 copy). */
  unconfirmedIn: z.array(z.string()).default([]),
  evidencedBy: z.enum(EVIDENCED_BY),
  subQuestions: z.array(z.object({ id: RequirementId, text: Text })).default([]),
  /** The worksheet gate question (CAA-000) that makes this requirement not applicable when answered "no". */
  gate: z.string().optional(),
  cis: z.array(CisReference).default([]),
  /** What a reviewer expects to see; an attestation is complete when it covers every piece. */
  evidence: z.array(EvidencePiece).default([]),
  alternative: z
    .object({ id: z.string(), title: Text, description: Text, evidence: z.array(EvidencePiece).min(1) })
    .optional(),
  /** How long an attestation stays fresh when it gives no expiry of its own. */
  attestationValidity: IsoDuration.optional(),
  notApplicable: z
    .object({
      allowed: z.boolean(),
      when: z.array(FactCondition).default([]),
      justification: z.string().optional(),
    })
    .default({ allowed: false, when: [] }),
  remediationBucket: RemediationBucket,
  notes: z.string().optional(),
});
export type Requirement = z.infer<typeof Requirement>;

export const GateQuestion = z.object({
  id: RequirementId,
  question: Text,
  /** The product fact in ftr.yaml that answers it. */
  fact: z.string().min(1),
  versions: z.array(z.string()).min(1),
});
export type GateQuestion = z.infer<typeof GateQuestion>;

export const ChecklistFile = z.object({
  checklist: z.object({
    id: ChecklistId,
    title: Text,
    url: z.string().url(),
    notes: z.string().optional(),
  }),
  versions: z.array(ChecklistVersion).min(1),
  sections: z.array(Section).min(1),
  gates: z.array(GateQuestion).default([]),
  requirements: z.array(Requirement).min(1),
});
export type ChecklistFile = z.infer<typeof ChecklistFile>;

/** The Partner Hosted Alternative path's eligibility conditions, as data for `ftr pathway`. */
export const AlternativePathFile = z.object({
  alternativePath: z.object({
    checklistUrl: z.string().url(),
    versions: z.array(ChecklistVersion).min(1),
    routes: z
      .array(
        z.object({
          id: z.enum(['soc2', 'wafr']),
          title: Text,
          conditions: z
            .array(
              z.object({
                id: z.string().regex(/^[a-z][a-z0-9-]*$/),
                text: Text,
                fact: z.string().optional(),
                evidencedBy: z.enum(['facts', 'wellarchitected-api', 'document']),
              }),
            )
            .min(1),
        }),
      )
      .length(2),
    notes: z.string().optional(),
  }),
});
export type AlternativePathFile = z.infer<typeof AlternativePathFile>;
