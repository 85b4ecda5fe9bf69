import type { FindingStatus, Reason, RemediationBucket, RequirementStatus, Severity } from '../../core/index.js';

/** The remediation plan: a view of one assessment, ordered the way a team should work through it. */

export const PLAN_SCHEMA_VERSION = 1;

/** The seed guide's order: security first, documentation second, operational tooling third. */
export const BUCKET_ORDER: readonly RemediationBucket[] = ['security', 'documentation', 'operational-tooling'];

export const BUCKET_TITLES: Record<RemediationBucket, string> = {
  security: 'Security',
  documentation: 'Documentation',
  'operational-tooling': 'Operational tooling',
};

export interface PlanResource {
  uid: string;
  type: string;
  name?: string;
  account?: string;
  region?: string;
  file?: string;
  line?: number;
  status: FindingStatus;
  message: string;
}

export interface PlanFix {
  ruleId: string;
  title: string;
  severity: Severity;
  /** Open findings of this rule behind the item. */
  failing: number;
  summary: string;
  console: string[];
  cli?: string;
  cloudformation?: string;
  terraform?: string;
  links: string[];
}

export interface EvidenceTask {
  id: string;
  description: string;
  kind: string;
}

export interface Affected {
  resources: number;
  accounts: string[];
  regions: string[];
  /** The worst few, for the tracker; the full list is in the assessment. */
  top: PlanResource[];
}

export interface Ownership {
  owner?: string;
  due?: string;
  note?: string;
  /** Where the owner came from: the requirement's plan entry in ftr.yaml, or a rule's. */
  ownerFrom?: 'requirement' | 'rule';
  flags: { noOwner: boolean; overdue: boolean };
}

export interface PlanItem extends Ownership {
  rank: number;
  requirement: { id: string; checklist: string; title: string; section: string; sectionTitle: string };
  bucket: RemediationBucket;
  status: RequirementStatus;
  /** The worst severity of the requirement's failing gating rules; null when no gating rule failed. */
  severity: Severity | null;
  reasons: Reason[];
  /** What to do, one task each. */
  actions: string[];
  /** Evidence pieces still to attest, and example commands recording them. */
  evidence: EvidenceTask[];
  attestCommands: string[];
  fixes: PlanFix[];
  affected: Affected;
}

/** A failing check that does not decide a requirement's status: it informs one, or is a best practice. */
export interface AdvisoryItem extends Ownership {
  rank: number;
  kind: 'informing' | 'best-practice';
  /** Requirement ids the rule informs (informing rules). */
  informs: string[];
  /** The best-practice area (best-practice rules). */
  area?: string;
  fix: PlanFix;
  affected: Affected;
}

export interface Plan {
  kind: 'ftr-ready/remediation-plan';
  schemaVersion: typeof PLAN_SCHEMA_VERSION;
  tool: { name: string; version: string };
  generatedAt: string;
  /** The day due dates are compared with: the assessment's generatedAt day. */
  asOf: string;
  product?: string;
  checklist: { id: string; title: string; version: string };
  summary: {
    items: number;
    byBucket: Record<RemediationBucket, number>;
    noOwner: number;
    overdue: number;
    advisory: number;
  };
  items: PlanItem[];
  advisory: AdvisoryItem[];
}
