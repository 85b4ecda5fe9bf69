/**
 * The default security group of every VPC has no inbound and no outbound rules.
 *
 * N/A     the group is not a VPC's default group (`IsDefault: false`; a template cannot create one); a template VPC
 *         whose default group the same Terraform input adopts (`aws_default_security_group`): the group is judged.
 * PASS    the default group has no ingress and no egress entries, inline or as standalone resources (Terraform
 *         removes every rule of an adopted default group that it does not declare).
 * FAIL    it has any: AWS creates every default group with an all-traffic self-reference inbound and an
 *         all-traffic outbound rule, and both must be removed (CIS 5.5 / EC2.2). In a template, a new VPC
 *         (`AWS::EC2::VPC`, Terraform `aws_vpc`) whose default group the input does not adopt keeps those stock rules:
 *         CloudFormation cannot remove them, so a CloudFormation VPC fails until they are removed once by hand (and
 *         waived with that reason) — as the deployed VPC would in a live scan.
 * UNKNOWN the live collector did not say whether the group is the default one, or its rules could not be read; a
 *         Terraform `aws_default_vpc` whose existing default group is not adopted (its current rules are not in the
 *         input); a template value left to a parameter, an `ImportValue`, a condition or a plan's computed value.
 *
 * Live VPCs get no outcome (their default groups are judged), but the rule now reads the VPC inventory, so a denied
 * DescribeVpcs leaves it unknown.
 * https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html
 */
import { defineRule, type Outcome, type Resource, type RuleContext } from '../../core/index.js';
import { groupEntries } from '../_lib/security-group-rules.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';

/** A template VPC: its default group keeps the stock rules unless the input adopts it (Terraform only). */
function codeVpc(ctx: RuleContext, vpc: Resource): Outcome {
  const groups = ctx.related(vpc, 'AWS::EC2::SecurityGroup', 'VpcId');
  const adopted = groups.resources.some((g) => !ctx.unknownAt(g, '/IsDefault') && asBool(ctx.get(g, '/IsDefault')) === true);
  if (adopted) return ctx.notApplicable('adopted');
  if (!groups.complete) return ctx.unknown(groups.reason ?? 'not_collected:AWS::EC2::SecurityGroup', { path: '@AWS::EC2::SecurityGroup' });
  const existing = readSetting(ctx, vpc, '/IsDefault', asBool, false);
  if (!existing.known) return unknownSetting(ctx, existing);
  // An adopted default VPC already has a default group, whose current rules the input does not show.
  if (existing.value) return ctx.unknown('unresolved:default-security-group', { path: '@AWS::EC2::SecurityGroup' });
  return ctx.fail('stockRules');
}

export default defineRule({
  meta: {
    id: 'ec2-default-sg-restricts-all',
    title: 'The default security group of every VPC allows no inbound or outbound traffic',
    severity: 'medium',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'NETSEC-001',
        gates: true,
        basis: 'the checklist requires the default security group to deny all traffic (CIS 5.5, Security Hub EC2.2)',
      },
    ],
    resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::VPC'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'Anything launched without an explicit security group lands in the default group. Its stock rules let every member talk to every other on all ports and reach anywhere outbound, so a forgotten instance silently gets broad network access.',
    remediation: {
      summary:
        'Delete every inbound and outbound rule of each VPC’s default security group, and give workloads their own least-privilege groups. The default group itself cannot be deleted.',
      console: [
        'Open the VPC console, Security groups, and filter on Group name = default.',
        'For each default group: Inbound rules, Edit inbound rules, delete every rule, Save rules.',
        'Outbound rules, Edit outbound rules, delete every rule, Save rules.',
        'Move any resource still using the default group to a dedicated group first.',
      ],
      cli: "SG=$(aws ec2 describe-security-groups --filters Name=vpc-id,Values=vpc-0123456789abcdef0 Name=group-name,Values=default --query 'SecurityGroups[0].GroupId' --output text)\naws ec2 revoke-security-group-ingress --group-id \"$SG\" --ip-permissions \"$(aws ec2 describe-security-groups --group-ids \"$SG\" --query 'SecurityGroups[0].IpPermissions')\"\naws ec2 revoke-security-group-egress --group-id \"$SG\" --ip-permissions \"$(aws ec2 describe-security-groups --group-ids \"$SG\" --query 'SecurityGroups[0].IpPermissionsEgress')\"",
      cloudformation:
        '# CloudFormation cannot manage the default group\'s rules; remove them once per VPC with the CLI above,\n# or with a custom resource that calls RevokeSecurityGroupIngress/Egress on !GetAtt Vpc.DefaultSecurityGroup.',
      terraform:
        '# Adopting the default group with no rule blocks makes Terraform remove all of its rules.\nresource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
      links: [
        'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-2',
        'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
      ],
    },
    messages: {
      restrictsAll: 'Default security group {{resource}} has no inbound or outbound rules.',
      notDefault: 'Security group {{resource}} is not a default security group.',
      allowsTraffic: 'Default security group {{resource}} still has {{ingress}} inbound and {{egress}} outbound rule(s).',
      adopted: 'The default security group of VPC {{resource}} is adopted by the configuration and judged as a group.',
      stockRules: 'VPC {{resource}} gets a default security group with the stock all-traffic rules, which the template does not remove.',
    },
    needs: ['ec2:DescribeSecurityGroups', 'ec2:DescribeVpcs'],
  },
  evaluate(group: Resource, ctx) {
    if (group.type === 'AWS::EC2::VPC') return group.source === 'live' ? [] : codeVpc(ctx, group);
    const isDefault = readSetting(ctx, group, '/IsDefault', asBool, false);
    if (!isDefault.known) return unknownSetting(ctx, isDefault);
    if (!isDefault.value) return ctx.notApplicable('notDefault');
    const ingress = groupEntries(ctx, group, 'ingress');
    const egress = groupEntries(ctx, group, 'egress');
    if (ingress.entries.length > 0 || egress.entries.length > 0) {
      const path = ingress.entries.length > 0 ? '/SecurityGroupIngress' : '/SecurityGroupEgress';
      return ctx.fail('allowsTraffic', { ingress: ingress.entries.length, egress: egress.entries.length }, { path });
    }
    const unknown = [...ingress.unknown, ...egress.unknown];
    if (unknown.length > 0) return unknown.map((u) => ctx.unknown(u.reason, { path: u.path }));
    return ctx.pass('restrictsAll');
  },
});
