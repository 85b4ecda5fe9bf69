/**
 * The root user is used only by exception, not routinely.
 *
 * N/A     never: every account has a root user.
 * PASS    no root sign-in, root access-key use or root CloudTrail activity in the last 90 days (the window includes its
 *         boundary); or root was used on one or two distinct days in that window, which fits a break-glass exception
 *         (closing an account, changing the support plan, restoring IAM access) — the reviewer matches such use
 *         against the root-usage procedure.
 * FAIL    (informs) root used on three or more distinct days in the last 90 days, or a root access key used in it:
 *         that is routine use, not an exception.
 * UNKNOWN the credential report was not read; or it shows recent use and root CloudTrail activity could not be read
 *         (then how often root was used is not known).
 *
 * Why informing: the checklist asks that root be used only by exception and says active monitoring is not required;
 * whether a use was an exception is a question for the break-glass procedure, which no API shows. CloudTrail's
 * `Events` keeps at most 20 entries, so the count of distinct days is a lower bound when `EventCount` is larger.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks
 */
import { defineRule } from '../../core/index.js';
import { isoDay, parseTime, readTime, withinDays } from '../_lib/dates.js';
import { isRecord } from '../_lib/values.js';

const WINDOW_DAYS = 90;
const ROUTINE_DAYS = 3;

export default defineRule({
  meta: {
    id: 'root-used-only-by-exception',
    title: 'The root user is used only by exception, not routinely',
    severity: 'high',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'ARC-001',
        gates: false,
        basis: 'informs "root used only by exception": shows when and how often root was used in the last 90 days; whether each use was an exception is for the root-usage procedure',
      },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'The root user cannot be limited by IAM policy. Day-to-day work as root leaves no individual accountability and exposes the one credential that can close the account. Root should sit behind a break-glass procedure and be used only for the few tasks that need it.',
    remediation: {
      summary: 'Do daily work with IAM Identity Center or IAM roles; keep root for the tasks only it can do, behind a documented break-glass procedure.',
      console: [
        'Create an administrator permission set in IAM Identity Center (or an admin role) and assign it to the people who administer the account.',
        'Store the root password and MFA device under dual control (a sealed vault or password manager with access logging).',
        'In AWS Organizations, enable centralized root access (IAM > Root access management) and delete member-account root credentials.',
        'Write the break-glass procedure: who may use root, for which tasks, and how each use is recorded.',
      ],
      cli: '# Find recent root activity:\naws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --start-time "$(date -u -d \'-90 days\' +%FT%TZ)" --max-results 50\n# Enable centralized root access (from the management account):\naws organizations enable-aws-service-access --service-principal iam.amazonaws.com\naws iam enable-organizations-root-credentials-management\naws iam enable-organizations-root-sessions',
      links: [
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks',
        'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#id_root-user-access-management',
      ],
    },
    messages: {
      notUsed: 'The root user of account {{resource}} was not used in the last 90 days.',
      usedByException: 'The root user of account {{resource}} was used on {{days}} day(s) in the last 90 days (last {{lastUsed}}); confirm each use followed the break-glass procedure.',
      routineUse: 'The root user of account {{resource}} was used on at least {{days}} different days in the last 90 days (last {{lastUsed}}, {{events}} CloudTrail events): that is routine use, not an exception.',
      keyUsed: 'A root access key of account {{resource}} was used on {{lastUsed}}: root is used programmatically.',
    },
    needs: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport', 'cloudtrail:LookupEvents'],
  },
  evaluate(account, ctx) {
    // Columns are read one by one: a mark on an unrelated root column (HardwareMfa) must not hide these.
    const password = readTime(ctx, account, '/Root/PasswordLastUsed');
    const keys = [readTime(ctx, account, '/Root/AccessKey1LastUsed'), readTime(ctx, account, '/Root/AccessKey2LastUsed')];
    if (password === undefined || keys.includes(undefined)) return ctx.unknown('missing_data:Root.LastUsed', { path: '/Root' });

    const recent = (t: Date | null | undefined): t is Date => t instanceof Date && withinDays(t, ctx.now, WINDOW_DAYS);
    const recentKey = keys.filter(recent).sort((a, b) => b.getTime() - a.getTime())[0];
    if (recentKey) return ctx.fail('keyUsed', { lastUsed: isoDay(recentKey) }, { path: '/Root' });

    const days = new Set<string>();
    if (recent(password)) days.add(isoDay(password));
    const mark = ctx.unknownAt(account, '/RootActivity');
    const activity = mark ? undefined : ctx.get(account, '/RootActivity');
    let events = 0;
    if (isRecord(activity)) {
      events = typeof activity['EventCount'] === 'number' ? activity['EventCount'] : 0;
      const last = parseTime(activity['LastUsed']);
      if (recent(last)) days.add(isoDay(last));
      for (const event of Array.isArray(activity['Events']) ? activity['Events'] : []) {
        const time = isRecord(event) ? parseTime(event['Time']) : undefined;
        if (recent(time)) days.add(isoDay(time));
      }
    } else if (days.size > 0) {
      // The credential report shows recent use; without CloudTrail, how often is not known.
      return ctx.unknown(mark?.reason ?? 'missing_data:RootActivity', { path: '/RootActivity' });
    }

    if (days.size === 0) return ctx.pass('notUsed');
    const lastUsed = [...days].sort().at(-1) ?? '';
    if (days.size >= ROUTINE_DAYS) return ctx.fail('routineUse', { days: days.size, lastUsed, events }, { path: '/RootActivity' });
    return ctx.pass('usedByException', { days: days.size, lastUsed });
  },
});
