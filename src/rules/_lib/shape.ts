/**
 * Loose readers for property values. Properties are `unknown` by contract (collectors and parsers write plain JSON),
 * so rules narrow them here instead of casting.
 */

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A list as a list; a single value as a one-item list; absent as empty. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Strings of a list; anything else (a template reference, a number) is dropped. */
export function stringList(value: unknown): string[] {
  return asList(value).filter((v): v is string => typeof v === 'string');
}

/** `[{ Key, Value }]` (CloudFormation tag lists, DLM target tags) as a map. */
export function keyValueList(value: unknown): Array<{ key: string; value: string | undefined }> {
  return asList(value)
    .map(asRecord)
    .filter((r): r is Record<string, unknown> => r !== undefined && typeof r['Key'] === 'string')
    .map((r) => ({ key: r['Key'] as string, value: asString(r['Value']) }));
}

/** A short, readable list for messages: the first few items and how many more. */
export function listForMessage(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
