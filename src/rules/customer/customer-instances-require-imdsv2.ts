/**
 * EC2 instances, launch templates and launch configurations of the customer template require IMDSv2.
 *
 * N/A     never: every instance, launch template and launch configuration of the template is judged.
 * PASS    `MetadataOptions.HttpTokens` is `required` (on the instance in Terraform, in the launch template an
 *         instance uses, or on the launch template / configuration itself).
 * FAIL    it is `optional`, or not set (then IMDSv1 stays on unless the AMI or the customer's account default says
 *         otherwise, which the template does not show); a CloudFormation instance without a launch template, which
 *         cannot set metadata options at all.
 * UNKNOWN the setting, or the launch template an instance names, is a value the template leaves unresolved.
 *
 * The checklist asks that customers can turn IMDSv1 off and the software keeps working. A template that requires
 * IMDSv2 shows exactly that; one that leaves IMDSv1 on does not prove the software needs it, so the rule informs
 * DSEC-011 (the guide's statement and a test with IMDSv1 off are the evidence).
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
 */
import { defineRule, type Outcome, type Resource, type RuleContext } from '../../core/index.js';
import { asString, readSetting, unknownSetting } from '../_lib/settings.js';
import { isRecord } from '../_lib/values.js';

const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';

function judgeTokens(ctx: RuleContext, owner: Resource, pointer: string, via: string): Outcome {
  const tokens = readSetting(ctx, owner, pointer, asString, 'unset');
  if (!tokens.known) return unknownSetting(ctx, tokens);
  if (tokens.value === 'required') return ctx.pass('required', { via });
  return tokens.value === 'unset' ? ctx.fail('notSet', { via }, { path: pointer.replace(/\/HttpTokens$/, '') }) : ctx.fail('optional', { via }, { path: pointer });
}

function instanceOutcome(ctx: RuleContext, instance: Resource): Outcome {
  if (ctx.unknownAt(instance, '/MetadataOptions') || ctx.get(instance, '/MetadataOptions') !== undefined) return judgeTokens(ctx, instance, '/MetadataOptions/HttpTokens', 'its metadata options');
  const spec = ctx.get(instance, '/LaunchTemplate');
  if (spec === undefined) {
    return instance.source === 'cloudformation' ? ctx.fail('noLaunchTemplate', {}, {}) : ctx.fail('notSet', { via: 'its metadata options' }, {});
  }
  const id = isRecord(spec) ? (spec['LaunchTemplateId'] ?? spec['LaunchTemplateName']) : undefined;
  // `Ref` gives a launch template's id, so a name written as text is matched on LaunchTemplateName.
  const template =
    id === undefined
      ? undefined
      : (ctx.resolve(instance, id, LAUNCH_TEMPLATE) ??
        (typeof id === 'string' ? ctx.resources(LAUNCH_TEMPLATE, { source: instance.source }).find((t) => t.properties['LaunchTemplateName'] === id && t.shippedToCustomers === instance.shippedToCustomers) : undefined));
  if (!template) return ctx.unknown('unresolved:LaunchTemplate', { path: '/LaunchTemplate' });
  return judgeTokens(ctx, template, '/LaunchTemplateData/MetadataOptions/HttpTokens', `launch template ${template.name ?? template.uid}`);
}

export default defineRule({
  meta: {
    id: 'customer-instances-require-imdsv2',
    title: 'Instances and launch templates in the customer template require IMDSv2',
    severity: 'medium',
    requirements: [
      { checklist: 'customer-deployed', id: 'DSEC-011', gates: false, basis: 'informs whether customers can turn IMDSv1 off: a template that requires IMDSv2 shows the software runs without it' },
    ],
    resourceTypes: ['AWS::EC2::Instance', LAUNCH_TEMPLATE, 'AWS::AutoScaling::LaunchConfiguration'],
    target: 'customer-templates',
    sources: ['cloudformation', 'terraform'],
    rationale:
      'IMDSv1 answers any request from the instance, so a server-side request forgery in the software hands out the instance role’s credentials. IMDSv2 needs a session token that such requests cannot get. Shipping HttpTokens: required shows customers the software works that way.',
    remediation: {
      summary: 'Launch instances from a launch template with MetadataOptions HttpTokens required (Terraform: metadata_options { http_tokens = "required" }), and test the software with IMDSv1 off.',
      console: [
        'Add an AWS::EC2::LaunchTemplate with LaunchTemplateData.MetadataOptions.HttpTokens: required (and HttpPutResponseHopLimit: 2 for containers).',
        'Point each AWS::EC2::Instance or Auto Scaling group at it.',
      ],
      cli: 'aws ec2 modify-instance-metadata-options --instance-id <INSTANCE> --http-tokens required --http-endpoint enabled',
      cloudformation:
        'LaunchTemplate:\n  Type: AWS::EC2::LaunchTemplate\n  Properties:\n    LaunchTemplateData:\n      MetadataOptions:\n        HttpTokens: required\n        HttpPutResponseHopLimit: 2\nInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    LaunchTemplate:\n      LaunchTemplateId: !Ref LaunchTemplate\n      Version: !GetAtt LaunchTemplate.LatestVersionNumber',
      terraform: 'resource "aws_instance" "app" {\n  metadata_options {\n    http_tokens   = "required"\n    http_endpoint = "enabled"\n  }\n}',
      links: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html'],
    },
    messages: {
      required: '{{resource}} requires IMDSv2 through {{via}}.',
      optional: '{{resource}} allows IMDSv1: HttpTokens is optional in {{via}}.',
      notSet: '{{resource}} does not require IMDSv2: HttpTokens is not set in {{via}}, so IMDSv1 stays on by default.',
      noLaunchTemplate: 'Instance {{resource}} has no launch template, so the template cannot require IMDSv2 for it.',
    },
    needs: [],
  },
  evaluate(resource, ctx) {
    if (resource.type === 'AWS::EC2::Instance') return instanceOutcome(ctx, resource);
    if (resource.type === LAUNCH_TEMPLATE) return judgeTokens(ctx, resource, '/LaunchTemplateData/MetadataOptions/HttpTokens', 'its launch template data');
    return judgeTokens(ctx, resource, '/MetadataOptions/HttpTokens', 'its metadata options');
  },
});
