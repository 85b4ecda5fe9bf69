import type { UnknownMark } from '../../core/index.js';

/** What the parts of one fact combine to: its value (undefined: write none) and unknown marks under the property. */
export interface Combined {
  value?: unknown;
  /** Paths relative to the property: `''` marks the whole property, `/Workloads/2/RiskCounts` a part of it. */
  unknown?: UnknownMark[];
}

/**
 * One contribution to an `AWS::Account` (or `AWS::Account::Region`) fact that several collector runs share — a
 * regional collector in every scanned Region feeding one account fact (root activity, Well-Architected workloads,
 * CloudFormation stacks). Written as a property value, `ctx.accountFacts({ RootActivity: factPart(combine, part) })`;
 * the scan joins the parts of a property as they arrive and combines them once every collector ran, so one Region
 * never overwrites another and the result does not depend on which Region finished last.
 */
export class FactParts<P> {
  constructor(
    readonly combine: (parts: readonly P[]) => Combined,
    readonly parts: readonly P[],
  ) {}

  join(other: FactParts<P>): FactParts<P> {
    return new FactParts(this.combine, [...this.parts, ...other.parts]);
  }
}

export function factPart<P>(combine: (parts: readonly P[]) => Combined, part: P): FactParts<P> {
  return new FactParts(combine, [part]);
}

/** Writes one property of collected facts: parts of the same property join, anything else replaces the value. */
export function putFact(target: Record<string, unknown>, key: string, value: unknown): void {
  const previous = target[key];
  target[key] = previous instanceof FactParts && value instanceof FactParts ? previous.join(value as FactParts<unknown>) : value;
}

/** The facts with every joined property combined: plain properties, and the unknown marks (absolute paths). */
export function settleFacts(facts: { properties: Record<string, unknown>; unknown: UnknownMark[] }): { properties: Record<string, unknown>; unknown: UnknownMark[] } {
  const properties: Record<string, unknown> = {};
  const unknown = [...facts.unknown];
  for (const [key, value] of Object.entries(facts.properties)) {
    if (!(value instanceof FactParts)) {
      properties[key] = value;
      continue;
    }
    const combined = value.combine(value.parts);
    if (combined.value !== undefined) properties[key] = combined.value;
    for (const mark of combined.unknown ?? []) unknown.push({ path: `/${key}${mark.path}`, reason: mark.reason });
  }
  return { properties, unknown };
}
