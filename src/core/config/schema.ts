import { z } from 'zod';
import { IsoDuration } from '../catalog/schema.js';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-05-01');
const AccountId = z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id');
const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'a sha256 hex digest (ftr attest writes it)');

/**
 * Product facts drive applicability and some rules (ARCHITECTURE §6). Every fact is optional: an unanswered fact
 * never makes a requirement not applicable.
 */
export const ProductFacts = z
  .object({
    name: z.string().min(1).optional(),
    hosting: z.enum(['partner-hosted', 'customer-deployed', 'both']).optional(),
    /** `partner-hosted` or `partner-hosted@2026_02`. */
    checklist: z.string().optional(),
    /** CAA-000: does the product access customer AWS accounts? */
    accessesCustomerAccounts: z.boolean().optional(),
    /** SDAT-000: does the product store sensitive data (PII, PHI)? */
    storesSensitiveData: z.boolean().optional(),
    /** IAM-011: does the product store end-user credentials (passwords, API keys of its users)? */
    storesEndUserCredentials: z.boolean().optional(),
    /** IAM-005: do third parties (vendors, contractors) get access to the product's AWS accounts? */
    grantsThirdPartyAccess: z.boolean().optional(),
    /** RCVP-001: does the company claim compliance with a standard (PCI, HIPAA, FedRAMP …)? */
    makesComplianceClaims: z.boolean().optional(),
    /** ACOM-002: the company's own email domains; contact addresses elsewhere fail. */
    emailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain like example.com')).default([]),
    /** Accounts that run production; SUP-001 and scope decisions use them. Empty = every scanned account. */
    productionAccounts: z.array(AccountId).default([]),
    /** Third-party accounts trusted by roles on purpose (IAM-005). */
    trustedAccounts: z.array(z.object({ id: AccountId, name: z.string().min(1), purpose: z.string().optional() })).default([]),
    /** Templates shipped to customers (CAA-002, CAA-007, the Customer-Deployed checklist). */
    customerTemplates: z.array(z.string().min(1)).default([]),
    /** RES-001 / RES-002: recovery objectives per tier, as durations (PT4H, PT15M, P1D). */
    recovery: z
      .array(
        z.object({
          tier: z.string().min(1),
          rpo: z.string().regex(/^P(T?\d+[YMWDHS])+$|^PT(\d+[HMS])+$/i, 'an ISO 8601 duration like PT1H'),
          rto: z.string().regex(/^P(T?\d+[YMWDHS])+$|^PT(\d+[HMS])+$/i, 'an ISO 8601 duration like PT4H'),
        }),
      )
      .default([]),
    soc2: z
      .object({
        type: z.enum(['type1', 'type2']),
        periodEnd: IsoDate,
        reportActive: z.boolean(),
        opinion: z.enum(['unqualified', 'qualified', 'adverse', 'disclaimer']),
        awsInScope: z.boolean(),
        productInScope: z.boolean(),
        criteria: z.array(z.enum(['security', 'availability', 'confidentiality', 'processing-integrity', 'privacy'])),
      })
      .optional(),
    wafr: z
      .object({
        completed: IsoDate,
        conductedBy: z.enum(['aws', 'wapp-partner', 'self', 'other']),
        workloadId: z.string().optional(),
        highRiskIssues: z
          .object({ security: z.number().int().min(0), reliability: z.number().int().min(0), operationalExcellence: z.number().int().min(0) })
          .optional(),
      })
      .optional(),
  })
  .strict();
export type ProductFacts = z.infer<typeof ProductFacts>;

export const EvidenceRef = z
  .object({
    file: z.string().min(1).optional(),
    sha256: Sha256.optional(),
    url: z.string().url().optional(),
    ticket: z.string().min(1).optional(),
    value: z.string().min(1).optional(),
    /** Which of the requirement's expected evidence pieces this covers (catalog ids). */
    covers: z.array(z.string()).optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((e) => [e.file, e.url, e.ticket, e.value].filter((v) => v !== undefined).length === 1, {
    message: 'each evidence entry has exactly one of file, url, ticket or value',
  });
export type EvidenceRef = z.infer<typeof EvidenceRef>;

export const ATTESTATION_CLAIMS = ['met', 'not_met', 'not_applicable', 'alternative'] as const;

export const Attestation = z
  .object({
    /** `IAM-008`, or `customer-deployed:BAR-001` where the id is ambiguous. */
    requirement: z.string().min(1),
    claim: z.enum(ATTESTATION_CLAIMS),
    statement: z.string().min(1),
    evidence: z.array(EvidenceRef).default([]),
    owner: z.string().min(1),
    attested: IsoDate,
    expires: IsoDate.optional(),
    /** Answers to the worksheet's sub-questions (HOST-001.1 …), shown on their own spreadsheet rows. */
    answers: z.record(z.string(), z.string()).default({}),
  })
  .strict();
export type Attestation = z.infer<typeof Attestation>;

export const Waiver = z
  .object({
    rule: z.string().min(1),
    /** A resource uid or ARN, a name, or a glob over either (`arn:aws:s3:::public-*`). */
    resource: z.string().min(1),
    account: AccountId.optional(),
    region: z.string().optional(),
    reason: z.string().trim().min(10, 'a reason of at least 10 characters'),
    owner: z.string().min(1).optional(),
    expires: IsoDate.optional(),
  })
  .strict();
export type Waiver = z.infer<typeof Waiver>;

export const PlanEntry = z
  .object({
    requirement: z.string().min(1).optional(),
    rule: z.string().min(1).optional(),
    owner: z.string().min(1),
    due: IsoDate.optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((p) => (p.requirement === undefined) !== (p.rule === undefined), {
    message: 'each plan entry names either a requirement or a rule',
  });
export type PlanEntry = z.infer<typeof PlanEntry>;

export const FtrConfig = z
  .object({
    version: z.literal(1),
    product: ProductFacts.default({ emailDomains: [], productionAccounts: [], trustedAccounts: [], customerTemplates: [], recovery: [] }),
    attestations: z.array(Attestation).default([]),
    waivers: z.array(Waiver).default([]),
    plan: z.array(PlanEntry).default([]),
    /** Defaults for attestations without an expiry, when the catalog names none. */
    defaults: z.object({ attestationValidity: IsoDuration.default('P1Y') }).default({ attestationValidity: 'P1Y' }),
  })
  .strict();
export type FtrConfig = z.infer<typeof FtrConfig>;
