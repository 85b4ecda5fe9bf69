/**
 * Tags a collector could not read. A live resource whose tag call failed (GetBucketTagging, ListTagsOfResource …)
 * carries the unknown mark `{ path: '@tags', reason }` and empty `tags` (docs/resource-model.md, Conventions): a rule
 * whose verdict depends on a tag must then answer `unknown` with that reason, never judge the empty map.
 */
import type { Resource } from '../../core/index.js';

/** Why the resource's tags are not known (`collection_failed:<action>`), or undefined when they were read. */
export function tagsUnknown(resource: Resource): string | undefined {
  return resource.unknown.find((mark) => mark.path === '@tags')?.reason;
}
