/**
 * The launch template a template instance launches from (CloudFormation `LaunchTemplate { LaunchTemplateId |
 * LaunchTemplateName, Version }`, Terraform `launch_template { id | name }`). Settings the instance leaves out come from
 * it, as they do when EC2 launches the instance; a live instance already shows the result.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-launch-templates.html
 */
import { readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { markAbove } from './code-values.js';
import { isRecord } from './values.js';

export type LaunchTemplateLookup = { state: 'none' } | { state: 'found'; template: Resource } | { state: 'unknown'; reason: string; path: string };

const POINTER = '/LaunchTemplate';

export function instanceLaunchTemplate(ctx: RuleContext, instance: Resource): LaunchTemplateLookup {
  const mark = markAbove(ctx, instance, POINTER);
  if (mark) return { state: 'unknown', ...mark };
  const spec = readPointer(instance.properties, POINTER);
  if (!isRecord(spec)) return { state: 'none' };
  for (const key of ['LaunchTemplateId', 'LaunchTemplateName']) {
    const keyMark = markAbove(ctx, instance, `${POINTER}/${key}`);
    if (keyMark) return { state: 'unknown', ...keyMark };
    const value = spec[key];
    if (value === undefined) continue;
    const template = ctx.resolve(instance, value, 'AWS::EC2::LaunchTemplate');
    // A template the input does not define (an id or a name of one made elsewhere) cannot be read.
    return template ? { state: 'found', template } : { state: 'unknown', reason: 'unresolved:LaunchTemplate', path: POINTER };
  }
  return { state: 'none' };
}
