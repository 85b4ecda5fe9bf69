import type { ProductFacts } from '../config/schema.js';
import type { Outcome } from '../model/outcome.js';
import type { Resource } from '../model/resource.js';
import { UnknownValueError } from '../rule/context.js';
import type { Rule } from '../rule/define-rule.js';
import type { ResourceIndex } from './resource-index.js';
import { createRuleContext } from './rule-context.js';

export interface EvaluatedOutcome {
  outcome: Outcome;
  resource: Resource;
}

export interface RuleRun {
  rule: Rule;
  results: EvaluatedOutcome[];
}

/** Runs one rule on one resource; a rule that throws gives `error`, an unknown value read through ctx.get `unknown`. */
export function evaluateOne(rule: Rule, resource: Resource, ctx: ReturnType<typeof createRuleContext>): Outcome[] {
  try {
    const produced = rule.evaluate(resource, ctx);
    return Array.isArray(produced) ? produced : [produced];
  } catch (error) {
    if (error instanceof UnknownValueError) return [{ status: 'unknown', reason: error.reason, path: error.path, data: {} }];
    const message = error instanceof Error ? error.message : String(error);
    return [{ status: 'error', reason: `rule_error:${rule.meta.id}`, data: { error: message.slice(0, 500) } }];
  }
}

/** Dispatches every rule on the resources of its types and sources (checkov's registry by type). */
export function evaluateRules(rules: readonly Rule[], index: ResourceIndex, facts: ProductFacts, now: Date): RuleRun[] {
  const ctx = createRuleContext(index, facts, now);
  return rules.map((rule) => {
    const results: EvaluatedOutcome[] = [];
    for (const type of rule.meta.resourceTypes) {
      for (const resource of index.ofType(type)) {
        if (!rule.meta.sources.includes(resource.source)) continue;
        if ((resource.shippedToCustomers === true) !== (rule.meta.target === 'customer-templates')) continue;
        for (const outcome of evaluateOne(rule, resource, ctx)) results.push({ outcome, resource });
      }
    }
    return { rule, results };
  });
}
