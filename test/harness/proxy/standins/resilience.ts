// Test-only: resilience services moto lacks: Backup selections (list and detail) / protected resources (all, and per
// vault) / restore jobs, Well-Architected workloads, milestones and lens reviews, SSM Incidents response plans, and
// DLM (no backend).
import { randomUUID } from 'node:crypto';
import type { LifecyclePolicy } from '@aws-sdk/client-dlm';
import { errorReply, jsonReply } from '../protocol.js';
import { toWire, type StandIn, type StandInContext } from './types.js';

function pathParam(ctx: StandInContext, pattern: RegExp, index = 1): string {
  return decodeURIComponent(pattern.exec(ctx.info.url.pathname)?.[index] ?? '');
}

const backup: StandIn[] = [
  {
    service: 'backup',
    operation: 'ListBackupSelections',
    answer(ctx) {
      const planId = pathParam(ctx, /\/backup\/plans\/([^/]+)\/selections/);
      // The list entries only: a selection's body is what GetBackupSelection returns.
      const entries = (ctx.region.backupSelections[planId] ?? []).map(({ BackupSelection: _body, ...entry }) => entry);
      return jsonReply('restJson', { BackupSelectionsList: toWire(entries, 'epoch') });
    },
  },
  {
    service: 'backup',
    operation: 'GetBackupSelection',
    answer(ctx) {
      const planId = pathParam(ctx, /\/backup\/plans\/([^/]+)\/selections\/([^/]+)/);
      const selectionId = pathParam(ctx, /\/backup\/plans\/([^/]+)\/selections\/([^/]+)/, 2);
      const entry = (ctx.region.backupSelections[planId] ?? []).find((s) => s.SelectionId === selectionId);
      if (!entry) return errorReply('restJson', 'ResourceNotFoundException', 400, `Failed reading selection ${selectionId} of backup plan ${planId}.`);
      const { BackupSelection: body, ...listed } = entry;
      return jsonReply('restJson', {
        BackupPlanId: planId,
        SelectionId: selectionId,
        CreationDate: toWire(listed.CreationDate, 'epoch'),
        CreatorRequestId: listed.CreatorRequestId,
        BackupSelection: toWire(body ?? { SelectionName: listed.SelectionName, IamRoleArn: listed.IamRoleArn }, 'epoch'),
      });
    },
  },
  {
    service: 'backup',
    operation: 'ListProtectedResources',
    answer: (ctx) => jsonReply('restJson', { Results: toWire(ctx.region.backupProtectedResources, 'epoch') }),
  },
  {
    service: 'backup',
    operation: 'ListProtectedResourcesByBackupVault',
    answer(ctx) {
      // The resources with recovery points in the vault: those whose last backup went to it.
      const vault = pathParam(ctx, /\/backup-vaults\/([^/]+)\/resources/);
      const inVault = ctx.region.backupProtectedResources.filter((r) => r.LastBackupVaultArn?.endsWith(`:backup-vault:${vault}`));
      return jsonReply('restJson', { Results: toWire(inVault, 'epoch') });
    },
  },
  {
    service: 'backup',
    operation: 'ListRestoreJobs',
    answer(ctx) {
      const status = ctx.info.url.searchParams.get('status');
      const jobs = ctx.region.backupRestoreJobs.filter((j) => !status || j.Status === status);
      return jsonReply('restJson', { RestoreJobs: toWire(jobs, 'epoch') });
    },
  },
];

function workloadNotFound(id: string) {
  return errorReply('restJson', 'ResourceNotFoundException', 404, `No workload found with id ${id}.`);
}

const wellArchitected: StandIn[] = [
  {
    service: 'wellarchitected',
    operation: 'ListWorkloads',
    answer(ctx) {
      const prefix = String(ctx.input().WorkloadNamePrefix ?? '');
      const workloads = ctx.region.wellArchitectedWorkloads.filter((w) => (w.WorkloadName ?? '').startsWith(prefix));
      return jsonReply('restJson', { WorkloadSummaries: toWire(workloads, 'epoch') });
    },
  },
  {
    service: 'wellarchitected',
    operation: 'ListMilestones',
    answer(ctx) {
      const id = pathParam(ctx, /\/workloads\/([^/]+)\/milestonesSummaries/);
      if (!ctx.region.wellArchitectedWorkloads.some((w) => w.WorkloadId === id)) return workloadNotFound(id);
      return jsonReply('restJson', { WorkloadId: id, MilestoneSummaries: toWire(ctx.region.wellArchitectedMilestones[id] ?? [], 'epoch') });
    },
  },
  {
    service: 'wellarchitected',
    operation: 'GetLensReview',
    answer(ctx) {
      const id = pathParam(ctx, /\/workloads\/([^/]+)\/lensReviews\/([^/]+)/);
      const alias = pathParam(ctx, /\/workloads\/([^/]+)\/lensReviews\/([^/]+)/, 2);
      if (!ctx.region.wellArchitectedWorkloads.some((w) => w.WorkloadId === id)) return workloadNotFound(id);
      const review = ctx.region.wellArchitectedLensReviews[`${id}/${alias}`];
      if (!review) return errorReply('restJson', 'ResourceNotFoundException', 404, `Lens ${alias} is not associated with workload ${id}.`);
      const milestone = ctx.info.url.searchParams.get('MilestoneNumber');
      return jsonReply('restJson', { WorkloadId: id, ...(milestone ? { MilestoneNumber: Number(milestone) } : {}), LensReview: toWire(review, 'epoch') });
    },
  },
];

const incidents: StandIn = {
  service: 'ssm-incidents',
  operation: 'ListResponsePlans',
  answer: (ctx) => jsonReply('restJson', { responsePlanSummaries: ctx.region.incidentResponsePlans }),
};

function policySummary(p: LifecyclePolicy) {
  return { PolicyId: p.PolicyId, Description: p.Description, State: p.State, Tags: p.Tags, PolicyType: p.PolicyDetails?.PolicyType, DefaultPolicy: p.DefaultPolicy };
}

const dlm: StandIn[] = [
  {
    service: 'dlm',
    operation: 'GetLifecyclePolicies',
    answer(ctx) {
      const state = ctx.info.url.searchParams.get('state');
      const policies = ctx.region.dlmPolicies.filter((p) => !state || state === 'ALL' || p.State === state);
      return jsonReply('restJson', { Policies: toWire(policies.map(policySummary), 'iso') });
    },
  },
  {
    service: 'dlm',
    operation: 'GetLifecyclePolicy',
    answer(ctx) {
      const id = pathParam(ctx, /\/policies\/([^/]+)/);
      const policy = ctx.region.dlmPolicies.find((p) => p.PolicyId === id);
      if (!policy) return errorReply('restJson', 'ResourceNotFoundException', 404, `Policy ${id} not found.`);
      return jsonReply('restJson', { Policy: toWire(policy, 'iso') });
    },
  },
  {
    service: 'dlm',
    operation: 'CreateLifecyclePolicy',
    answer(ctx) {
      const input = ctx.input() as Partial<LifecyclePolicy>;
      const now = new Date();
      const policyId = `policy-${randomUUID().replace(/-/g, '').slice(0, 17)}`;
      ctx.region.dlmPolicies.push({
        ...input,
        PolicyId: policyId,
        PolicyArn: `arn:aws:dlm:${ctx.info.region}:${ctx.accountId}:policy/${policyId}`,
        DateCreated: now,
        DateModified: now,
      });
      return jsonReply('restJson', { PolicyId: policyId });
    },
  },
];

export const resilienceStandIns: StandIn[] = [...backup, ...wellArchitected, incidents, ...dlm];
