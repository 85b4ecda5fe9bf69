/**
 * AWS Backup (regional): what protects the data stores of the Region, and whether restores are tested.
 * - `AWS::Backup::BackupVault` with `ProtectedResources` (ListProtectedResourcesByBackupVault: the ARNs of the resources
 *   with recovery points in the vault — this also catches plans an Organizations backup policy deploys);
 * - `AWS::Backup::BackupPlan` (GetBackupPlan, CloudFormation shape `BackupPlan { BackupPlanName, BackupPlanRule }`);
 * - `AWS::Backup::BackupSelection` (ListBackupSelections per plan, GetBackupSelection per selection: which ARNs and
 *   tags the plan takes);
 * - `AWS::Account::Region.Backup.RestoreJobs`: restore jobs created in the last 13 months (ListRestoreJobs), so a
 *   restore completed within the last 12 months is seen even when it started a little before.
 */
import {
  BackupClient,
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
  ListProtectedResourcesByBackupVaultCommand,
  ListRestoreJobsCommand,
  type BackupPlansListMember,
  type BackupRule,
  type BackupSelection,
} from '@aws-sdk/client-backup';
import { defineCollector, type CollectorContext } from './framework/collector.js';
import { daysBefore, isoTime } from './framework/time.js';

const OPERATIONS = {
  ListBackupVaults: 'backup:ListBackupVaults',
  ListProtectedResourcesByBackupVault: 'backup:ListProtectedResourcesByBackupVault',
  ListBackupPlans: 'backup:ListBackupPlans',
  GetBackupPlan: 'backup:GetBackupPlan',
  ListBackupSelections: 'backup:ListBackupSelections',
  GetBackupSelection: 'backup:GetBackupSelection',
  ListRestoreJobs: 'backup:ListRestoreJobs',
} as const;
type Ctx = CollectorContext<keyof typeof OPERATIONS>;

const RESTORE_WINDOW_DAYS = 400;

export default defineCollector({
  service: 'backup',
  scope: 'regional',
  operations: OPERATIONS,
  listings: {
    ListBackupVaults: ['AWS::Backup::BackupVault'],
    // A Region without plans has no selections; each plan's are listed per plan (a failure also marks the plan).
    ListBackupPlans: ['AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection'],
    ListBackupSelections: ['AWS::Backup::BackupSelection'],
  },
  produces: ['AWS::Backup::BackupVault', 'AWS::Backup::BackupPlan', 'AWS::Backup::BackupSelection', 'AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(BackupClient);
    await Promise.all([vaults(ctx, client), plans(ctx, client), restoreJobs(ctx, client)]);
  },
});

async function vaults(ctx: Ctx, client: BackupClient): Promise<void> {
  const listed = await ctx.pages('ListBackupVaults', (NextToken, o) => client.send(new ListBackupVaultsCommand({ NextToken }), o), (p) => p.NextToken, (p) => p.BackupVaultList);
  if (!listed.ok) return;
  await Promise.all(
    listed.value.map(async (vault) => {
      const name = vault.BackupVaultName ?? '';
      const uid = vault.BackupVaultArn ?? `arn:aws:backup:${ctx.region}:${ctx.account}:backup-vault:${name}`;
      const protectedResources = await ctx.pages(
        'ListProtectedResourcesByBackupVault',
        (NextToken, o) => client.send(new ListProtectedResourcesByBackupVaultCommand({ BackupVaultName: name, NextToken }), o),
        (p) => p.NextToken,
        (p) => p.Results,
        { resource: uid },
      );
      ctx.emit({
        uid,
        type: 'AWS::Backup::BackupVault',
        name,
        physicalId: name,
        properties: {
          BackupVaultName: name,
          EncryptionKeyArn: vault.EncryptionKeyArn ?? null,
          VaultType: vault.VaultType ?? null,
          Locked: vault.Locked ?? false,
          NumberOfRecoveryPoints: vault.NumberOfRecoveryPoints ?? null,
          ...(protectedResources.ok ? { ProtectedResources: protectedResources.value.map((r) => r.ResourceArn ?? '').filter(Boolean).sort() } : {}),
        },
        unknown: protectedResources.ok ? [] : [{ path: '/ProtectedResources', reason: protectedResources.reason }],
      });
    }),
  );
}

async function plans(ctx: Ctx, client: BackupClient): Promise<void> {
  const listed = await ctx.pages('ListBackupPlans', (NextToken, o) => client.send(new ListBackupPlansCommand({ NextToken }), o), (p) => p.NextToken, (p) => p.BackupPlansList);
  if (!listed.ok) return;
  await Promise.all(listed.value.map((plan) => emitPlan(ctx, client, plan)));
}

/** Emits a plan and its selections. */
async function emitPlan(ctx: Ctx, client: BackupClient, summary: BackupPlansListMember): Promise<void> {
  const id = summary.BackupPlanId ?? '';
  const arn = summary.BackupPlanArn ?? `arn:aws:backup:${ctx.region}:${ctx.account}:backup-plan:${id}`;
  const [plan, selections] = await Promise.all([
    ctx.call('GetBackupPlan', (o) => client.send(new GetBackupPlanCommand({ BackupPlanId: id }), o), { resource: arn }),
    ctx.pages('ListBackupSelections', (NextToken, o) => client.send(new ListBackupSelectionsCommand({ BackupPlanId: id, NextToken }), o), (p) => p.NextToken, (p) => p.BackupSelectionsList, { resource: arn }),
  ]);
  const name = (plan.ok ? plan.value.BackupPlan?.BackupPlanName : undefined) ?? summary.BackupPlanName ?? id;
  ctx.emit({
    uid: arn,
    type: 'AWS::Backup::BackupPlan',
    name,
    physicalId: id,
    properties: plan.ok ? { BackupPlan: { BackupPlanName: name, BackupPlanRule: (plan.value.BackupPlan?.Rules ?? []).map(rule) } } : { BackupPlan: { BackupPlanName: name } },
    unknown: [...(plan.ok ? [] : [{ path: '/BackupPlan/BackupPlanRule', reason: plan.reason }]), ...(selections.ok ? [] : [{ path: '@AWS::Backup::BackupSelection', reason: selections.reason }])],
  });
  if (!selections.ok) return;
  await Promise.all(
    selections.value.map(async (s) => {
      const selectionId = s.SelectionId ?? '';
      const uid = `${arn}/selection/${selectionId}`;
      const got = await ctx.call('GetBackupSelection', (o) => client.send(new GetBackupSelectionCommand({ BackupPlanId: id, SelectionId: selectionId }), o), { resource: uid });
      const body = got.ok ? got.value.BackupSelection : undefined;
      ctx.emit({
        uid,
        type: 'AWS::Backup::BackupSelection',
        name: s.SelectionName ?? selectionId,
        physicalId: selectionId,
        properties: { BackupPlanId: id, ...(got.ok ? { BackupSelection: selection(body, s.SelectionName, s.IamRoleArn) } : {}) },
        unknown: got.ok ? [] : [{ path: '/BackupSelection', reason: got.reason }],
      });
    }),
  );
}

function rule(r: BackupRule): Record<string, unknown> {
  return {
    RuleName: r.RuleName ?? null,
    TargetBackupVault: r.TargetBackupVaultName ?? null,
    ScheduleExpression: r.ScheduleExpression ?? null,
    ...(r.StartWindowMinutes !== undefined ? { StartWindowMinutes: r.StartWindowMinutes } : {}),
    ...(r.CompletionWindowMinutes !== undefined ? { CompletionWindowMinutes: r.CompletionWindowMinutes } : {}),
    ...(r.Lifecycle ? { Lifecycle: { DeleteAfterDays: r.Lifecycle.DeleteAfterDays ?? null, MoveToColdStorageAfterDays: r.Lifecycle.MoveToColdStorageAfterDays ?? null } } : {}),
    EnableContinuousBackup: r.EnableContinuousBackup ?? false,
    CopyActions: (r.CopyActions ?? []).map((c) => ({ DestinationBackupVaultArn: c.DestinationBackupVaultArn ?? null })),
  };
}

/** The CloudFormation `BackupSelection` shape; absent lists are written empty (none given = no constraint). */
function selection(body: BackupSelection | undefined, name: string | undefined, role: string | undefined): Record<string, unknown> {
  const params = (list: Array<{ ConditionKey?: string | undefined; ConditionValue?: string | undefined }> | undefined) =>
    (list ?? []).map((c) => ({ ConditionKey: c.ConditionKey ?? '', ConditionValue: c.ConditionValue ?? '' }));
  const conditions = body?.Conditions;
  return {
    SelectionName: body?.SelectionName ?? name ?? null,
    IamRoleArn: body?.IamRoleArn ?? role ?? null,
    Resources: body?.Resources ?? [],
    NotResources: body?.NotResources ?? [],
    ListOfTags: (body?.ListOfTags ?? []).map((t) => ({ ConditionType: t.ConditionType ?? 'STRINGEQUALS', ConditionKey: t.ConditionKey ?? '', ConditionValue: t.ConditionValue ?? '' })),
    Conditions: Object.fromEntries(
      (['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike'] as const).filter((op) => (conditions?.[op] ?? []).length > 0).map((op) => [op, params(conditions?.[op])]),
    ),
  };
}

async function restoreJobs(ctx: Ctx, client: BackupClient): Promise<void> {
  const ByCreatedAfter = daysBefore(ctx.now, RESTORE_WINDOW_DAYS);
  const jobs = await ctx.pages('ListRestoreJobs', (NextToken, o) => client.send(new ListRestoreJobsCommand({ ByCreatedAfter, NextToken }), o), (p) => p.NextToken, (p) => p.RestoreJobs);
  if (!jobs.ok) return ctx.regionFacts({}, [{ path: '/Backup/RestoreJobs', reason: jobs.reason }]);
  ctx.regionFacts({
    Backup: {
      RestoreJobs: jobs.value.map((j) => ({
        Id: j.RestoreJobId ?? null,
        Status: j.Status ?? null,
        CreationDate: isoTime(j.CreationDate),
        CompletionDate: isoTime(j.CompletionDate),
        ResourceType: j.ResourceType ?? null,
      })),
    },
  });
}
