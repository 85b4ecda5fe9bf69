/**
 * Whether an IAM group has members. Live: the group's `Users` (GetAccountAuthorizationDetails). Code: the users the
 * input itself puts in the group — a user's `Groups`, an `AWS::IAM::UserToGroupAddition`, Terraform's
 * `aws_iam_group_membership` (merged into the group's `Users`) — since a deployed group starts with those members.
 * A membership whose group or users the input leaves unresolved may be this group's: unknown.
 */
import { refersTo, type Resource, type RuleContext } from '../../core/index.js';

export type Members = { known: true; count: number } | { known: false; reason: string; path: string };

export function groupMembers(ctx: RuleContext, group: Resource): Members {
  const own = ctx.get(group, '/Users');
  if (group.source === 'live') return Array.isArray(own) ? { known: true, count: own.length } : { known: false, reason: 'missing_data:Users', path: '/Users' };
  let count = Array.isArray(own) ? own.length : 0;
  const scope = { account: group.account, source: group.source };
  for (const user of ctx.resources('AWS::IAM::User', scope)) {
    const mark = ctx.unknownAt(user, '/Groups');
    if (mark) return { known: false, reason: mark.reason, path: '/Users' };
    const groups = user.properties['Groups'];
    if (Array.isArray(groups) && groups.some((g) => refersTo(g, group))) count++;
  }
  for (const addition of ctx.resources('AWS::IAM::UserToGroupAddition', scope)) {
    const mark = ctx.unknownAt(addition, '/GroupName') ?? ctx.unknownAt(addition, '/Users');
    if (mark) return { known: false, reason: mark.reason, path: '/Users' };
    const users = addition.properties['Users'];
    if (refersTo(addition.properties['GroupName'], group) && Array.isArray(users)) count += users.length;
  }
  return { known: true, count };
}
