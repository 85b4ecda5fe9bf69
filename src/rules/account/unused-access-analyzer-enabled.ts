/**
 * An IAM Access Analyzer unused-access analyzer covers the account.
 *
 * N/A     never: every account can have one.
 * PASS    an ACTIVE analyzer of type ACCOUNT_UNUSED_ACCESS or ORGANIZATION_UNUSED_ACCESS exists in some scanned Region
 *         of the account (IAM is global, so one Region is enough).
 * FAIL    (informs) no such analyzer in any scanned Region. An organization analyzer lives in the management or
 *         delegated-administrator account and is not visible from a member account: scan that account too.
 * UNKNOWN no analyzer was found, and the analyzers could not be listed in some Region.
 *
 * Informing: IAM-008 is a quarterly access review, a process only a dated record evidences; unused-access findings
 * (unused roles, keys, passwords and permissions) are its best input, so the rule shows whether they are produced.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-findings.html
 */
import { defineRule } from '../../core/index.js';
import { isRecord } from '../_lib/values.js';

const UNUSED_TYPES = new Set(['ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS']);

export default defineRule({
  meta: {
    id: 'unused-access-analyzer-enabled',
    title: 'An Access Analyzer unused-access analyzer covers the account',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-008', gates: false, basis: 'informs the quarterly identity audit: unused-access findings are its main input, though they do not replace the dated review record' },
      { checklist: 'partner-hosted', id: 'IAM-007', gates: false, basis: 'informs the access lifecycle: the analyzer reports unused roles, users, keys and passwords continuously' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'An unused-access analyzer lists the roles, users, keys, passwords and permissions nobody has used, account by account. It turns the quarterly access review from a spreadsheet exercise into working through a list of findings.',
    remediation: {
      summary: 'Create an unused-access analyzer for the account, or one for the organization from the management or delegated administrator account.',
      console: ['Open IAM > Access Analyzer > Analyzer settings > Create analyzer.', 'Choose Unused access analysis, set the tracking period (for example 90 days) and the zone of trust (account or organization).'],
      cli: 'aws accessanalyzer create-analyzer --analyzer-name unused-access --type ACCOUNT_UNUSED_ACCESS --configuration \'{"unusedAccess": {"unusedAccessAge": 90}}\'',
      cloudformation: 'UnusedAccessAnalyzer:\n  Type: AWS::AccessAnalyzer::Analyzer\n  Properties:\n    AnalyzerName: unused-access\n    Type: ACCOUNT_UNUSED_ACCESS\n    AnalyzerConfiguration:\n      UnusedAccessConfiguration:\n        UnusedAccessAge: 90',
      terraform: 'resource "aws_accessanalyzer_analyzer" "unused" {\n  analyzer_name = "unused-access"\n  type          = "ACCOUNT_UNUSED_ACCESS"\n  configuration {\n    unused_access {\n      unused_access_age = 90\n    }\n  }\n}',
      links: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-unused.html'],
    },
    messages: {
      analyzerActive: 'Account {{resource}} has the unused-access analyzer {{analyzer}} ({{type}}, {{region}}).',
      noAnalyzer: 'Account {{resource}} has no unused-access analyzer in the scanned Regions.',
    },
    needs: ['access-analyzer:ListAnalyzers'],
  },
  evaluate(account, ctx) {
    const id = account.physicalId ?? account.account;
    let unknownReason: string | undefined;
    for (const region of ctx.resources('AWS::Account::Region', { account: id, source: 'live' })) {
      const mark = ctx.unknownAt(region, '/AccessAnalyzers');
      const analyzers = mark ? undefined : ctx.get(region, '/AccessAnalyzers');
      if (!Array.isArray(analyzers)) {
        unknownReason ??= mark?.reason ?? 'missing_data:AccessAnalyzers';
        continue;
      }
      const found = analyzers.find((a) => isRecord(a) && UNUSED_TYPES.has(String(a['Type'])) && a['Status'] === 'ACTIVE');
      if (isRecord(found)) return ctx.pass('analyzerActive', { analyzer: String(found['Name'] ?? 'unnamed'), type: String(found['Type']), region: region.region ?? 'unknown Region' });
    }
    const inventory = ctx.inventory('AWS::Account::Region', { account: id, source: 'live' });
    if (!inventory.complete) unknownReason ??= inventory.reason;
    return unknownReason ? ctx.unknown(unknownReason) : ctx.fail('noAnalyzer');
  },
});
