/**
 * EC2 instances get their AWS credentials from an instance profile (role).
 *
 * N/A     terminated instances.
 * PASS    the instance has an IAM instance profile.
 * FAIL    (informs) the instance has none: if its software calls AWS at all, it does so with keys stored on it.
 * UNKNOWN the instance's profile association or state could not be read.
 *
 * Informing: IAM-012 asks that applications on AWS use roles; an instance with no profile may simply never call AWS
 * (a plain web server), so the missing profile is a question for the IAM-012 statement, not a violation. Systems
 * Manager also needs a role (or Default Host Management) to manage the instance.
 * Code: the instance's `IamInstanceProfile` (a reference or a parameter counts: it is set), else the one of the
 * launch template it launches from (`LaunchTemplateData.IamInstanceProfile`); a launch template the input does not
 * define, or a profile behind an undecidable condition, is unknown.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html
 */
import { defineRule } from '../../core/index.js';
import { presence } from '../_lib/code-values.js';
import { instanceLaunchTemplate } from '../_lib/launch-template.js';
import { instanceState, isGone } from '../_lib/ec2-state.js';

export default defineRule({
  meta: {
    id: 'ec2-instance-has-instance-profile',
    title: 'EC2 instances use an instance profile for AWS credentials',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-012', gates: false, basis: 'informs "workloads on AWS use role-based temporary credentials": an instance without a role that calls AWS must hold keys' },
    ],
    resourceTypes: ['AWS::EC2::Instance'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'An instance profile hands the instance short-lived credentials that rotate automatically. Without one, software on the instance that calls AWS needs access keys on disk, in the image or in user data.',
    remediation: {
      summary: 'Create a role with the permissions the instance’s software needs, attach it as an instance profile, and delete any access keys stored on the instance.',
      console: ['Open EC2 > Instances > the instance > Actions > Security > Modify IAM role.', 'Choose (or create) a role for EC2 and save; then remove keys from ~/.aws/credentials and environment files.'],
      cli: 'aws iam create-instance-profile --instance-profile-name app\naws iam add-role-to-instance-profile --instance-profile-name app --role-name app\naws ec2 associate-iam-instance-profile --instance-id <INSTANCE_ID> --iam-instance-profile Name=app',
      cloudformation: 'AppProfile:\n  Type: AWS::IAM::InstanceProfile\n  Properties:\n    Roles: [!Ref AppRole]\nAppInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    IamInstanceProfile: !Ref AppProfile\n    # ...',
      terraform: 'resource "aws_iam_instance_profile" "app" {\n  role = aws_iam_role.app.name\n}\nresource "aws_instance" "app" {\n  iam_instance_profile = aws_iam_instance_profile.app.name\n  # ...\n}',
      links: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html'],
    },
    messages: {
      hasProfile: 'Instance {{resource}} has an IAM instance profile.',
      noProfile: 'Instance {{resource}} ({{state}}) has no IAM instance profile: software on it that calls AWS must use stored keys.',
    },
    needs: ['ec2:DescribeInstances'],
  },
  evaluate(instance, ctx) {
    const state = instanceState(ctx.get(instance, '/State'));
    if (isGone(state)) return ctx.notApplicable();
    if (instance.source === 'live') {
      const profile = ctx.get(instance, '/IamInstanceProfile');
      if (profile !== undefined && profile !== null && profile !== '') return ctx.pass('hasProfile');
      return ctx.fail('noProfile', { state: state ?? 'state not known' }, { path: '/IamInstanceProfile' });
    }
    const own = presence(ctx, instance, '/IamInstanceProfile');
    if (own.state === 'set') return ctx.pass('hasProfile');
    if (own.state === 'unknown') return ctx.unknown(own.reason, { path: own.path });
    const launch = instanceLaunchTemplate(ctx, instance);
    if (launch.state === 'unknown') return ctx.unknown(launch.reason, { path: launch.path });
    if (launch.state === 'found') {
      const fromTemplate = ['Arn', 'Name'].map((key) => presence(ctx, launch.template, `/LaunchTemplateData/IamInstanceProfile/${key}`));
      if (fromTemplate.some((p) => p.state === 'set')) return ctx.pass('hasProfile');
      const unknown = fromTemplate.find((p) => p.state === 'unknown');
      if (unknown?.state === 'unknown') return ctx.unknown(unknown.reason, { path: '/LaunchTemplate' });
    }
    return ctx.fail('noProfile', { state: 'as written in code' }, { path: '/IamInstanceProfile' });
  },
});
