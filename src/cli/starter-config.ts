import { stringify } from 'yaml';

export interface StarterFacts {
  name: string;
  hosting: 'partner-hosted' | 'customer-deployed' | 'both';
  accessesCustomerAccounts?: boolean | undefined;
  storesSensitiveData?: boolean | undefined;
  emailDomains: string[];
}

const fact = (value: boolean | undefined, key: string, question: string) =>
  value === undefined ? `  # ${key}: false   # ${question} (unanswered: the requirements it governs are assessed)` : `  ${key}: ${value}   # ${question}`;

/** The commented ftr.yaml `ftr init` writes: every section present, explained, and valid as it stands. */
export function starterConfig(facts: StarterFacts): string {
  return `# ftr.yaml — what ftr-ready cannot see in your AWS accounts or templates.
# Keep it in your repository, next to an evidence/ folder, so attestations are reviewed like code.
# Reference: https://github.com/ftr-ready/ftr-ready#ftryaml · schema: schemas/ftr-config.schema.json
version: 1

product:
  name: ${stringify(facts.name).trim()}
  hosting: ${facts.hosting}            # partner-hosted | customer-deployed | both
  # checklist: partner-hosted@2026_02  # pin a checklist version (default: the newest valid today)
${fact(facts.accessesCustomerAccounts, 'accessesCustomerAccounts', 'CAA-000: does the product access customer AWS accounts?')}
${fact(facts.storesSensitiveData, 'storesSensitiveData', 'SDAT-000: does it store sensitive data (PII, PHI)?')}
  # storesEndUserCredentials: true     # IAM-011: does it store its users' passwords or API keys?
  # grantsThirdPartyAccess: true       # IAM-005: do vendors or contractors get into your AWS accounts?
  # makesComplianceClaims: false       # RCVP-001: do you claim PCI, HIPAA, FedRAMP … compliance?
  emailDomains: ${JSON.stringify(facts.emailDomains)}   # ACOM-002: contact addresses must be on these
  productionAccounts: []               # 12-digit ids; empty = every scanned account is production
  trustedAccounts: []                  # IAM-005: [{ id: '123456789012', name: Datadog, purpose: monitoring }]
  customerTemplates: []                # CAA-002/CAA-007: templates you ship to customers (globs)
  recovery: []                         # RES-001/002: [{ tier: core, rpo: PT1H, rto: PT4H }]

# One entry per requirement you answer with a document or a statement. \`ftr attest\` adds them and records the
# sha256 of each evidence file, so a changed file is noticed.
attestations: []
#  - requirement: ARC-005
#    claim: met                         # met | not_met | not_applicable | alternative
#    statement: Our incident response plan covers root credential compromise.
#    evidence:
#      - file: evidence/incident-response-plan.pdf
#        sha256: <written by ftr attest>
#    owner: security@example.com
#    attested: 2026-01-15
#    expires: 2027-01-15                # default: the catalog's freshness for the requirement

# Findings you accept, each with a reason (at least 10 characters), an owner and an expiry.
waivers: []
#  - rule: s3-bucket-not-public
#    resource: arn:aws:s3:::example-public-website
#    reason: Public website assets; no customer data.
#    owner: web@example.com
#    expires: 2027-01-01

# Owners and due dates for the remediation plan (\`ftr plan\`).
plan: []
#  - requirement: IAM-001
#    owner: alice@example.com
#    due: 2026-12-15
`;
}
