import type { RuleContext } from '../../core/index.js';

/**
 * Whether an account runs production, per the `productionAccounts` product fact (ftr.yaml). An empty list means every
 * scanned account is production, so nothing is skipped unless the user narrowed the scope.
 */
export function isProductionAccount(ctx: RuleContext, account: string | undefined): boolean {
  const production = ctx.facts.productionAccounts;
  return production.length === 0 || (account !== undefined && production.includes(account));
}
