/**
 * ECS task definitions give their containers AWS credentials through a task role.
 *
 * N/A     never: every task definition is judged.
 * PASS    the task definition names a task role (`TaskRoleArn`).
 * FAIL    (informs) it has none: containers that call AWS must then use keys passed in (or fall back to the
 *         instance's role on EC2 launch type, shared by every task on it).
 * UNKNOWN the task definition could not be read.
 *
 * Informing: a container that never calls AWS needs no task role, so its absence is a question for the IAM-012
 * statement. The execution role (`ExecutionRoleArn`) is for ECS itself (pulling images, reading secrets), not for the
 * application.
 * Code: `TaskRoleArn` (Terraform `task_role_arn`); a reference, a parameter or an imported value counts as set, a
 * role behind an undecidable condition or computed by a Terraform plan is unknown.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
 */
import { defineRule } from '../../core/index.js';
import { presence } from '../_lib/code-values.js';

export default defineRule({
  meta: {
    id: 'ecs-task-definition-has-task-role',
    title: 'ECS task definitions use a task role for AWS credentials',
    severity: 'low',
    requirements: [
      { checklist: 'partner-hosted', id: 'IAM-012', gates: false, basis: 'informs "workloads on AWS use role-based temporary credentials": a task without a task role that calls AWS must hold keys' },
    ],
    resourceTypes: ['AWS::ECS::TaskDefinition'],
    sources: ['live', 'cloudformation', 'terraform'],
    rationale:
      'A task role gives each task its own short-lived credentials, scoped to what that application needs. Without it, containers use keys baked into images or variables, or borrow the EC2 host’s role shared by every task.',
    remediation: {
      summary: 'Create a role trusted by ecs-tasks.amazonaws.com with the application’s permissions and set it as the task role; remove keys from the container configuration.',
      console: ['Open ECS > Task definitions > the family > Create new revision.', 'Under Task role, choose the role for the application, create the revision, and update the service to it.'],
      cli: 'aws ecs register-task-definition --cli-input-json file://taskdef.json   # with "taskRoleArn": "arn:aws:iam::<ACCOUNT>:role/app-task"\naws ecs update-service --cluster <CLUSTER> --service <SERVICE> --task-definition <family>',
      cloudformation: 'TaskDefinition:\n  Type: AWS::ECS::TaskDefinition\n  Properties:\n    TaskRoleArn: !GetAtt AppTaskRole.Arn\n    ExecutionRoleArn: !GetAtt ExecutionRole.Arn\n    # ...',
      terraform: 'resource "aws_ecs_task_definition" "app" {\n  task_role_arn      = aws_iam_role.app_task.arn\n  execution_role_arn = aws_iam_role.execution.arn\n  # ...\n}',
      links: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html'],
    },
    messages: {
      hasTaskRole: 'Task definition {{resource}} has a task role.',
      noTaskRole: 'Task definition {{resource}} has no task role: containers that call AWS need keys or the host’s role.',
    },
    needs: ['ecs:ListTaskDefinitions', 'ecs:DescribeTaskDefinition'],
  },
  evaluate(taskDefinition, ctx) {
    const role = presence(ctx, taskDefinition, '/TaskRoleArn');
    if (role.state === 'set') return ctx.pass('hasTaskRole');
    if (role.state === 'unknown') return ctx.unknown(role.reason, { path: role.path });
    return ctx.fail('noTaskRole', {}, { path: '/TaskRoleArn' });
  },
});
