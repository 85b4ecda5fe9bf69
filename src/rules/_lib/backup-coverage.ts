/**
 * Whether AWS Backup protects a resource: a backup selection of the same account and Region assigns it (or, for an
 * EBS volume, the EC2 instance it is attached to) to a backup plan, or a backup vault holds recovery points for it
 * (`ProtectedResources`, which also catches plans deployed by an Organizations backup policy). A selection or vault
 * list that could not be read, or tags of the resource that could not be read while a selection filters on tags, make
 * a resource that matched nothing `uncertain`, never `uncovered`.
 */
import type { Resource, RuleContext } from '../../core/index.js';
import type { Coverage } from './coverage.js';
import { selectionMatches, type SelectionTarget } from './backup-selection.js';
import { asRecord, asString, stringList } from './shape.js';
import { nameOf } from './names.js';
import { tagsUnknown } from './tags.js';

/** The ARN AWS Backup knows a live resource by. */
export function resourceArn(resource: Resource): string {
  return resource.location.arn ?? resource.uid;
}

export function selectionTarget(resource: Resource): SelectionTarget {
  return { arn: resourceArn(resource), tags: resource.tags, tagsUnknown: tagsUnknown(resource) };
}

function selectionName(selection: Resource): string {
  return asString(asRecord(selection.properties['BackupSelection'])?.['SelectionName']) ?? nameOf(selection);
}

export function awsBackupCoverage(ctx: RuleContext, resource: Resource, targets: readonly SelectionTarget[]): Coverage {
  const scope = { account: resource.account, region: resource.region, source: resource.source };
  let uncertain: string | undefined;

  for (const type of ['AWS::Backup::BackupSelection', 'AWS::Backup::BackupVault']) {
    const inventory = ctx.inventory(type, scope);
    if (!inventory.complete) uncertain ??= inventory.reason ?? `not_collected:${type}`;
  }

  for (const selection of ctx.resources('AWS::Backup::BackupSelection', scope)) {
    const mark = ctx.unknownAt(selection, '/BackupSelection');
    if (mark) {
      uncertain ??= mark.reason;
      continue;
    }
    for (const target of targets) {
      const match = selectionMatches(selection.properties['BackupSelection'], target);
      if (match === 'selected') return { status: 'covered', by: `backup selection ${selectionName(selection)}` };
      if (match === 'unresolved') uncertain ??= 'unresolved:BackupSelection';
      if (match === 'tags_unknown') uncertain ??= target.tagsUnknown;
    }
  }

  for (const vault of ctx.resources('AWS::Backup::BackupVault', scope)) {
    const mark = ctx.unknownAt(vault, '/ProtectedResources');
    if (mark) {
      uncertain ??= mark.reason;
      continue;
    }
    if (vault.source === 'live' && vault.properties['ProtectedResources'] === undefined) {
      uncertain ??= 'missing_data:BackupVault.ProtectedResources';
      continue;
    }
    const protectedArns = stringList(vault.properties['ProtectedResources']);
    if (targets.some((t) => protectedArns.includes(t.arn))) {
      return { status: 'covered', by: `recovery points in backup vault ${nameOf(vault)}` };
    }
  }

  return uncertain !== undefined ? { status: 'uncertain', reason: uncertain } : { status: 'uncovered' };
}
