/**
 * Whether an AWS Backup resource selection (`AWS::Backup::BackupSelection` `BackupSelection`) assigns a resource to
 * its plan. Semantics, per the AWS Backup developer guide ("Assigning resources programmatically", BackupSelection):
 * - `Resources`: ARN patterns (`*` wildcard), combined with OR; none given means every supported resource;
 * - `ListOfTags`: StringEquals tag conditions, combined with OR;
 * - `Conditions`: StringEquals / StringNotEquals / StringLike / StringNotLike on `aws:ResourceTag/<key>`, all must hold;
 * - `NotResources`: ARN patterns excluded;
 * - resource types are filtered first, then tags further filter them (so Resources and tags combine with AND).
 * Service opt-in settings (which can exclude tag-only selections) are not modelled; DynamoDB, EBS, EFS and RDS are
 * opted in by default. A selection that depends on tags the scan could not read (`tagsUnknown`) is `tags_unknown`.
 */
import { asList, asRecord } from './shape.js';
import { wildcardMatches } from './wildcard.js';

export interface SelectionTarget {
  arn: string;
  tags: Readonly<Record<string, string>>;
  /** Why the target's tags are not known (its `@tags` mark); its `tags` are then empty, not its real tags. */
  tagsUnknown?: string | undefined;
}

export type SelectionMatch = 'selected' | 'not_selected' | 'unresolved' | 'tags_unknown';

const TAG_PREFIX = 'aws:ResourceTag/';

function tagKey(conditionKey: string): string {
  return conditionKey.startsWith(TAG_PREFIX) ? conditionKey.slice(TAG_PREFIX.length) : conditionKey;
}

/** Strings of a list, or undefined when some entry is not a plain string (a value a template left unresolved). */
function plainStrings(value: unknown): string[] | undefined {
  const list = asList(value);
  return list.every((v) => typeof v === 'string') ? (list as string[]) : undefined;
}

interface TagCondition {
  key: string;
  value: string;
}

function tagConditions(value: unknown): TagCondition[] | undefined {
  const out: TagCondition[] = [];
  for (const entry of asList(value)) {
    const record = asRecord(entry);
    const key = record?.['ConditionKey'];
    const val = record?.['ConditionValue'];
    if (typeof key !== 'string' || typeof val !== 'string') return undefined;
    out.push({ key: tagKey(key), value: val });
  }
  return out;
}

const OPERATORS: Record<string, (actual: string | undefined, expected: string) => boolean> = {
  StringEquals: (actual, expected) => actual === expected,
  StringNotEquals: (actual, expected) => actual !== expected,
  StringLike: (actual, expected) => actual !== undefined && wildcardMatches(expected, actual),
  StringNotLike: (actual, expected) => actual === undefined || !wildcardMatches(expected, actual),
};

export function selectionMatches(selection: unknown, target: SelectionTarget): SelectionMatch {
  const body = asRecord(selection);
  if (!body) return 'unresolved';
  const resources = plainStrings(body['Resources']);
  const notResources = plainStrings(body['NotResources']);
  const listOfTags = tagConditions(body['ListOfTags']);
  if (!resources || !notResources || !listOfTags) return 'unresolved';

  const byArn = resources.length === 0 || resources.some((pattern) => wildcardMatches(pattern, target.arn));
  const excluded = notResources.some((pattern) => wildcardMatches(pattern, target.arn));
  const conditions = asRecord(body['Conditions']) ?? {};
  const usesTags = listOfTags.length > 0 || Object.values(conditions).some((entries) => asList(entries).length > 0);
  if (byArn && !excluded && usesTags && target.tagsUnknown !== undefined) return 'tags_unknown';
  const byTags = listOfTags.length === 0 || listOfTags.some((c) => target.tags[c.key] === c.value);
  let byConditions = true;
  for (const [operator, entries] of Object.entries(conditions)) {
    const test = OPERATORS[operator];
    const parsed = tagConditions(entries);
    if (!test || !parsed) return 'unresolved';
    if (!parsed.every((c) => test(target.tags[c.key], c.value))) byConditions = false;
  }
  return byArn && byTags && byConditions && !excluded ? 'selected' : 'not_selected';
}
