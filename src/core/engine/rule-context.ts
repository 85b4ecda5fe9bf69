import type { ProductFacts } from '../config/schema.js';
import type { Outcome, OutcomeData } from '../model/outcome.js';
import type { Resource } from '../model/resource.js';
import { UnknownValueError, type RuleContext } from '../rule/context.js';
import { readPointer, unknownMarkAt } from './pointer.js';
import type { ResourceIndex } from './resource-index.js';

export function createRuleContext(index: ResourceIndex, facts: ProductFacts, now: Date): RuleContext {
  const outcome = (status: Outcome['status'], fields: Partial<Outcome>): Outcome => ({ status, data: {}, ...fields });
  const withData = (data: OutcomeData | undefined) => (data ? { data } : {});
  return {
    now,
    facts,
    scope: index.scope,
    pass: (messageId, data) => outcome('pass', { messageId, ...withData(data) }),
    fail: (messageId, data, options) => outcome('fail', { messageId, ...withData(data), ...options }),
    unknown: (reason, options) => outcome('unknown', { reason, ...options, data: options?.data ?? {} }),
    notApplicable: (messageId, data) => outcome('not_applicable', { ...(messageId ? { messageId } : {}), ...withData(data) }),
    get(resource: Resource, pointer: string): unknown {
      const mark = unknownMarkAt(resource, pointer);
      if (mark) throw new UnknownValueError(pointer, mark.reason);
      return readPointer(resource.properties, pointer);
    },
    unknownAt: (resource, pointer) => unknownMarkAt(resource, pointer),
    related: (resource, type, property) => index.related(resource, type, property),
    resolve: (from, value, type) => index.resolve(from, value, type),
    resources: (type, filter) => index.ofType(type, filter),
    inventory: (type, filter) => index.inventory(type, filter),
  };
}
