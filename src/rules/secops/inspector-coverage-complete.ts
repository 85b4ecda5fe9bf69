/**
 * Where Inspector is on, it actually scans every resource it tracks (no instance without the SSM agent, no
 * unsupported image or runtime left out).
 *
 * N/A     no Inspector scan type is ENABLED in the Region (inspector-scans-workloads reports that), or it tracks no
 *         resources.
 * PASS    for every enabled scan type, `InspectorCoverage.<Type>.Covered` equals `Total`.
 * FAIL    some tracked resources are not being scanned (ListCoverage scan status other than ACTIVE).
 * UNKNOWN BatchGetAccountStatus or ListCoverage was denied, or the counts were not collected.
 *
 * Informs SECOPS-001: uncovered instances are the usual gap between "Inspector is on" and "everything is scanned".
 * https://docs.aws.amazon.com/inspector/latest/user/assessing-coverage.html
 *
 * Live only: coverage is what Inspector reports about running resources; no template holds it.
 */
import { defineRule, type Resource } from '../../core/index.js';
import { asInt } from '../_lib/settings.js';
import { isRecord } from '../_lib/values.js';

const KINDS = [
  { key: 'Ec2', label: 'EC2 instances' },
  { key: 'Ecr', label: 'ECR images' },
  { key: 'Lambda', label: 'Lambda functions' },
] as const;

export default defineRule({
  meta: {
    id: 'inspector-coverage-complete',
    title: 'Amazon Inspector covers every resource it tracks',
    severity: 'low',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SECOPS-001',
        gates: false,
        basis: 'informs vulnerability scanning: resources Inspector tracks but cannot scan (missing SSM agent, unsupported OS or runtime)',
      },
    ],
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale: 'Enabling Inspector does not mean every instance is scanned: instances without a working SSM agent or with an unsupported OS are silently skipped, and they are usually the least maintained ones.',
    remediation: {
      summary: 'Fix the reasons Inspector reports for uncovered resources: install or repair the SSM Agent and instance profile (or enable agentless EC2 scanning), and move images and functions to supported OS versions and runtimes.',
      console: [
        'Open the Amazon Inspector console, Account management, Resources coverage (or the Coverage dashboard).',
        'Filter on scan status other than Actively monitoring and follow the reason shown for each resource.',
        'For EC2: attach AmazonSSMManagedInstanceCore to the instance role, or set the scan mode to hybrid (agentless).',
      ],
      cli: "aws inspector2 list-coverage --filter-criteria '{\"scanStatusCode\":[{\"comparison\":\"EQUALS\",\"value\":\"INACTIVE\"}]}' \\\n  --query 'coveredResources[].[resourceType,resourceId,scanStatus.reason]' --output table\naws inspector2 update-configuration --ec2-configuration scanMode=EC2_HYBRID",
      cloudformation: 'InstanceRole:\n  Type: AWS::IAM::Role\n  Properties:\n    AssumeRolePolicyDocument:\n      Version: "2012-10-17"\n      Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }]\n    ManagedPolicyArns:\n      - arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
      terraform: 'resource "aws_iam_role_policy_attachment" "ssm" {\n  role       = aws_iam_role.instance.name\n  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"\n}',
      links: ['https://docs.aws.amazon.com/inspector/latest/user/assessing-coverage.html', 'https://docs.aws.amazon.com/inspector/latest/user/scanning-ec2.html'],
    },
    messages: {
      covered: 'Inspector scans all {{total}} resource(s) it tracks in {{resource}}.',
      inspectorOff: 'No Inspector scan type is enabled in {{resource}}.',
      gaps: 'Inspector does not scan {{gaps}} in {{resource}}.',
    },
    needs: ['inspector2:BatchGetAccountStatus', 'inspector2:ListCoverage'],
  },
  evaluate(region: Resource, ctx) {
    const status = ctx.get(region, '/Inspector');
    if (!isRecord(status)) return ctx.unknown('missing_data:Inspector', { path: '/Inspector' });
    const enabled = KINDS.filter((k) => status[k.key] === 'ENABLED');
    if (enabled.length === 0) return ctx.notApplicable('inspectorOff');
    const coverage = ctx.get(region, '/InspectorCoverage');
    if (!isRecord(coverage)) return ctx.unknown('missing_data:InspectorCoverage', { path: '/InspectorCoverage' });
    const gaps: string[] = [];
    let total = 0;
    for (const kind of enabled) {
      const counts = coverage[kind.key];
      const covered = isRecord(counts) ? asInt(counts['Covered']) : undefined;
      const all = isRecord(counts) ? asInt(counts['Total']) : undefined;
      if (covered === undefined || all === undefined) return ctx.unknown(`missing_data:InspectorCoverage.${kind.key}`, { path: `/InspectorCoverage/${kind.key}` });
      total += all;
      if (covered < all) gaps.push(`${all - covered} of ${all} ${kind.label}`);
    }
    if (gaps.length > 0) return ctx.fail('gaps', { gaps: gaps.join(', ') }, { path: '/InspectorCoverage' });
    return total > 0 ? ctx.pass('covered', { total }) : ctx.notApplicable('inspectorOff');
  },
});
