import type { Resource } from '../../core/index.js';

/** How a resource is named in a message: its name, else what `Ref` returns, else its uid. */
export function nameOf(resource: Resource): string {
  return resource.name ?? resource.physicalId ?? resource.uid;
}
