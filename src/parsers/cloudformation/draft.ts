import type { Assumption, Suppression, UnknownMark } from '../../core/index.js';

/** A resource on its way out: resolved properties that may still hold unknown parts, and where it was written. */
export interface ResourceDraft {
  /** The logical id the resource gets in the uid (SAM's generated resources get derived ids: `<Function>Role`). */
  id: string;
  type: string;
  properties: Record<string, unknown>;
  /** The same properties as written in the template (for "is this a literal?" questions). */
  raw: Record<string, unknown>;
  /** The logical id in the template where the resource is written (for SAM: the SAM resource's). */
  sourceLogicalId: string;
  line: number | undefined;
  column: number | undefined;
  /** Lines of the property paths written in the template (JSON pointer → line); not for derived drafts. */
  lines?: Record<string, number> | undefined;
  unknown: UnknownMark[];
  assumptions: Assumption[];
  suppressions: Suppression[];
  /** A friendlier label (a CDK construct path). */
  label?: string | undefined;
  /** Template Metadata, for `aws:asset:path` of CDK nested stacks. */
  metadata?: unknown;
}

/** A draft derived from another (SAM): same location, waivers and whole-resource marks. */
export function deriveDraft(from: ResourceDraft, id: string, type: string, properties: Record<string, unknown>): ResourceDraft {
  return {
    id,
    type,
    properties,
    raw: {},
    sourceLogicalId: from.sourceLogicalId,
    line: from.line,
    column: from.column,
    unknown: from.unknown.filter((mark) => mark.path === ''),
    assumptions: from.assumptions.filter((a) => a.path === ''),
    suppressions: from.suppressions,
    label: from.label === undefined ? undefined : `${from.label}/${id}`,
  };
}
