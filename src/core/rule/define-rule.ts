import type { Outcome } from '../model/outcome.js';
import type { Resource } from '../model/resource.js';
import type { RuleContext } from './context.js';
import type { RuleMeta } from './meta.js';

export interface RuleDefinition<M extends string = string> {
  meta: RuleMeta & { messages: Record<M, string> };
  evaluate(resource: Resource, ctx: RuleContext<M>): Outcome | Outcome[];
}

/** A rule with its message ids erased, as the engine and registries hold it. */
export type Rule = RuleDefinition<string>;

/**
 * Declares a rule. The message ids of `meta.messages` type the context, so `ctx.fail('noPolicy')` with an
 * undeclared id does not compile (typescript-eslint's habit).
 */
export function defineRule<M extends string>(rule: RuleDefinition<M>): Rule {
  return rule as unknown as Rule;
}
