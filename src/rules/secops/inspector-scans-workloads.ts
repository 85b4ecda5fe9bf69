/**
 * Amazon Inspector scans every kind of workload that runs in each scanned Region: EC2 instances, ECR images and
 * Lambda functions.
 *
 * N/A     the Region runs none of the three (their inventories were fully listed and are empty).
 * PASS    Inspector's scan type is ENABLED for each kind of workload present (or whose inventory is not known).
 * FAIL    a kind of workload is present but its Inspector scan type is not ENABLED.
 * UNKNOWN BatchGetAccountStatus was denied or the status was not collected.
 *
 * Informs SECOPS-001 rather than gating it: the checklist asks for dependency and OS scanning and patching on a
 * defined cadence, with the tools named in a document (catalog evidence `patch-cadence`); a non-AWS scanner meets it
 * as well. GuardDuty and Access Analyzer are not vulnerability scanners and count for nothing here.
 * https://docs.aws.amazon.com/inspector/latest/user/scanning-resources.html
 *
 * Live only: Inspector is turned on per account and Region (CloudFormation has no resource for it, and the Terraform
 * parser keeps `aws_inspector2_enabler` unmapped); a template never shows its status.
 */
import { defineRule, type Resource } from '../../core/index.js';
import { workloadsIn } from '../_lib/regional-workloads.js';
import { isRecord } from '../_lib/values.js';

const KINDS = [
  { key: 'Ec2', label: 'EC2', type: 'AWS::EC2::Instance' },
  { key: 'Ecr', label: 'ECR', type: 'AWS::ECR::Repository' },
  { key: 'Lambda', label: 'Lambda', type: 'AWS::Lambda::Function' },
] as const;

function running(instance: Resource): boolean {
  const state = instance.properties['State'];
  const name = isRecord(state) ? state['Name'] : state;
  return name !== 'terminated' && name !== 'shutting-down';
}

export default defineRule({
  meta: {
    id: 'inspector-scans-workloads',
    title: 'Amazon Inspector scans the EC2, ECR and Lambda workloads of every Region',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SECOPS-001',
        gates: false,
        basis: 'informs vulnerability scanning: shows where AWS-native scanning covers operating systems, container images and function dependencies; other scanners are evidenced by document',
      },
    ],
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale:
      'Inspector continuously scans instances, container images and Lambda packages for known CVEs and reachable network paths, which turns "we patch regularly" into a measurable backlog with dates.',
    remediation: {
      summary: 'Activate Inspector for EC2, ECR and Lambda (standard and code scanning) in every Region with workloads — organization-wide from a delegated administrator — or document the non-AWS scanner that covers them.',
      console: [
        'Open the Amazon Inspector console in the Region and choose Get started, Activate Inspector (or Account management, Activate for the scan types missing).',
        'With AWS Organizations: Settings, General, designate a delegated administrator, then turn on auto-enable for EC2, ECR, Lambda standard and Lambda code scanning.',
        'EC2 scanning needs the SSM Agent and an instance profile allowing Systems Manager (or agentless scanning).',
      ],
      cli: 'aws inspector2 enable --resource-types EC2 ECR LAMBDA LAMBDA_CODE --region us-east-1\n# Organization-wide, from the delegated administrator:\naws inspector2 update-organization-configuration --auto-enable ec2=true,ecr=true,lambda=true,lambdaCode=true',
      cloudformation: '# Inspector has no CloudFormation resource for activation; use the CLI above per Region,\n# or an AWS Organizations delegated administrator with auto-enable.',
      terraform: 'resource "aws_inspector2_enabler" "this" {\n  account_ids    = [data.aws_caller_identity.current.account_id]\n  resource_types = ["EC2", "ECR", "LAMBDA", "LAMBDA_CODE"]\n}',
      links: ['https://docs.aws.amazon.com/inspector/latest/user/getting_started_tutorial.html', 'https://docs.aws.amazon.com/inspector/latest/user/scanning-resources.html'],
    },
    messages: {
      scanning: 'Inspector scans {{kinds}} in {{resource}}.',
      noWorkloads: 'No EC2, ECR or Lambda workloads run in {{resource}}.',
      notScanning: 'Inspector does not scan {{gaps}} in {{resource}}.',
    },
    needs: ['inspector2:BatchGetAccountStatus', 'ec2:DescribeInstances', 'ecr:DescribeRepositories', 'lambda:ListFunctions'],
  },
  evaluate(region: Resource, ctx) {
    const status = ctx.get(region, '/Inspector');
    if (!isRecord(status)) return ctx.unknown('missing_data:Inspector', { path: '/Inspector' });
    const scanned: string[] = [];
    const gaps: string[] = [];
    for (const kind of KINDS) {
      const workloads = workloadsIn(ctx, region, kind.type, kind.type === 'AWS::EC2::Instance' ? running : undefined);
      if ('count' in workloads && workloads.count === 0) continue;
      const present = 'count' in workloads ? `${workloads.count} present` : 'inventory not known';
      const state = String(status[kind.key] ?? 'not reported');
      if (state === 'ENABLED') scanned.push(kind.label);
      else gaps.push(`${kind.label} (${present}; ${state})`);
    }
    if (gaps.length > 0) return ctx.fail('notScanning', { gaps: gaps.join(', ') }, { path: '/Inspector' });
    return scanned.length > 0 ? ctx.pass('scanning', { kinds: scanned.join(', ') }) : ctx.notApplicable('noWorkloads');
  },
});
