import type { Resource } from '../../core/index.js';
import { isSecretPropertyKey } from '../../core/secrets/credentials.js';
import { setOwn } from '../shared/positions.js';
import { isPlainObject, materialize } from '../shared/values.js';
import { dynamicReferenceReason } from './dynamic-references.js';
import type { ResourceDraft } from './draft.js';
import { literalName } from '../shared/names.js';
import { SECRET_SCRUBBERS } from './secrets.js';

const MATERIALIZE = { isSecretKey: isSecretPropertyKey, deferredString: dynamicReferenceReason };

/** Turns a draft into a model resource: secrets scrubbed, unknown parts listed, name and tags read. */
export function finalizeDraft(draft: ResourceDraft, uid: string, file: string): Resource {
  SECRET_SCRUBBERS[draft.type]?.(draft.properties, draft.raw, draft.id);
  const names = literalName(draft.type, draft.properties);
  const unknown = [...draft.unknown];
  const properties = (materialize(draft.properties, '', unknown, MATERIALIZE) ?? {}) as Record<string, unknown>;
  const label = draft.label?.replace(/\/Resource$/, '');
  return {
    uid,
    type: draft.type,
    source: 'cloudformation',
    name: names.name ?? label ?? draft.id,
    ...(names.physicalId !== undefined ? { physicalId: names.physicalId } : {}),
    properties,
    tags: tagsOf(properties['Tags']),
    location: {
      file,
      ...(draft.line !== undefined ? { line: draft.line } : {}),
      ...(draft.column !== undefined ? { column: draft.column } : {}),
      logicalId: draft.sourceLogicalId,
      ...(draft.lines !== undefined ? { lines: draft.lines } : {}),
    },
    unknown,
    assumptions: draft.assumptions,
    suppressions: draft.suppressions,
  };
}

/** Tags as a map, from CloudFormation's `[{ Key, Value }]` or a plain map (SSM, API Gateway V2). */
function tagsOf(tags: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(tags)) {
    for (const tag of tags) if (isPlainObject(tag) && typeof tag['Key'] === 'string' && typeof tag['Value'] === 'string') setOwn(out, tag['Key'], tag['Value']);
  } else if (isPlainObject(tags)) {
    for (const [key, value] of Object.entries(tags)) if (typeof value === 'string') setOwn(out, key, value);
  }
  return out;
}
