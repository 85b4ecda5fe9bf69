/**
 * Production accounts are on AWS Business Support or higher.
 *
 * N/A     the account is not a production account (`productionAccounts` in ftr.yaml names others; empty = every
 *         scanned account is production).
 * PASS    the account's support tier is Business, Enterprise On-Ramp or Enterprise.
 * FAIL    the tier is Basic or Developer (the Support API answers neither, so the collector reads both as `basic`).
 * UNKNOWN the tier could not be read, or is a value the rule does not know.
 *
 * Since 2024 the checklist accepts a documented plan for getting AWS help instead of Business Support; the catalog
 * models it as SUP-001's attested alternative `action-plan`, so an attested plan makes the requirement compliant
 * through the roll-up while this rule still shows the tier. The 2021-era checklist had no such alternative.
 * https://docs.aws.amazon.com/awssupport/latest/user/about-support-api.html
 */
import { defineRule } from '../../core/index.js';
import { isProductionAccount } from '../_lib/production.js';

const PREMIUM = new Set(['business', 'enterprise-on-ramp', 'enterprise']);
const LOWER = new Set(['basic', 'developer']);

export default defineRule({
  meta: {
    id: 'support-plan-business-or-higher',
    title: 'Production accounts have Business Support or higher',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'SUP-001', gates: true, basis: 'the checklist asks for Business Support or higher on production accounts (or an action plan, its attested alternative)' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Business Support gives 24/7 access to engineers with a one-hour response for production-down cases and the full Trusted Advisor checks. On Basic or Developer, an outage affecting customers waits in a queue.',
    remediation: {
      summary: 'Move production accounts to Business Support (or higher), or document an action plan for getting AWS help and attest it as the SUP-001 alternative.',
      console: [
        'Sign in to the account (the management account covers linked accounts only under Enterprise plans) and open the Support Center > Support plans page.',
        'Choose Change plan and select Business Support (or Enterprise On-Ramp / Enterprise).',
      ],
      cli: '# Read the tier: an "urgent" severity level means Business or higher; SubscriptionRequiredException means Basic/Developer.\naws support describe-severity-levels --region us-east-1\n# The plan itself is changed in the console (Support Center > Support plans).',
      links: ['https://aws.amazon.com/premiumsupport/plans/', 'https://docs.aws.amazon.com/awssupport/latest/user/changing-support-plans.html'],
    },
    messages: {
      premium: 'Production account {{resource}} has {{tier}} support.',
      lowerTier: 'Production account {{resource}} has {{tier}} support; Business or higher is expected (or an attested action plan).',
    },
    needs: ['support:DescribeSeverityLevels'],
  },
  evaluate(account, ctx) {
    if (!isProductionAccount(ctx, account.physicalId ?? account.account)) return ctx.notApplicable();
    const tier = ctx.get(account, '/SupportTier');
    if (typeof tier !== 'string') return ctx.unknown('missing_data:SupportTier', { path: '/SupportTier' });
    if (PREMIUM.has(tier)) return ctx.pass('premium', { tier });
    if (LOWER.has(tier)) return ctx.fail('lowerTier', { tier }, { path: '/SupportTier' });
    return ctx.unknown(`unrecognized:SupportTier`, { path: '/SupportTier' });
  },
});
