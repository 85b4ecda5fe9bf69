/**
 * Small readers shared by the collectors: ARNs for resources whose API gives none, and tag lists as the model's
 * `tags` map (docs/resource-model.md: AWS's own `aws:` tags are kept, rules rely on them).
 */

/** The partition of a Region (`aws`, `aws-cn`, `aws-us-gov` …), for ARNs the collector has to build. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`; `region` and `account` may be empty (global services). */
export function buildArn(apiRegion: string, service: string, region: string, account: string, resource: string): string {
  return `arn:${partitionOf(apiRegion)}:${service}:${region}:${account}:${resource}`;
}

/** `[{ Key, Value }]` (EC2, Auto Scaling, ELB) as a map; entries without a key are dropped. */
export function tagMap(tags: ReadonlyArray<{ Key?: string | undefined; Value?: string | undefined }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) out[tag.Key] = tag.Value ?? '';
  return out;
}

/** `[{ key, value }]` (ECS) as a map. */
export function lowerTagMap(tags: ReadonlyArray<{ key?: string | undefined; value?: string | undefined }> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.key !== undefined) out[tag.key] = tag.value ?? '';
  return out;
}

/** A plain map of tags (API Gateway, Lambda) without undefined values. */
export function plainTagMap(tags: Record<string, string | undefined> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags ?? {})) out[key] = value ?? '';
  return out;
}

/** Drops keys whose value is undefined, so the stored properties hold only what AWS returned. */
export function defined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as { [K in keyof T]: Exclude<T[K], undefined> };
}
