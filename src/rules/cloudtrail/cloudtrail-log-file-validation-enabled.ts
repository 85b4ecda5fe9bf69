/**
 * CloudTrail trails sign their log files (log file integrity validation), so tampering with delivered logs shows.
 *
 * N/A     a shadow copy of a trail whose home Region is another one (`HomeRegion` differs): judged there.
 * PASS    `EnableLogFileValidation` is true.
 * FAIL    it is false.
 * UNKNOWN the trail's settings could not be read.
 * CloudFormation default: `EnableLogFileValidation` false.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
 */
import { defineRule } from '../../core/index.js';
import { asBool, readSetting, unknownSetting } from '../_lib/settings.js';
import { asString } from '../_lib/shape.js';

export default defineRule({
  meta: {
    id: 'cloudtrail-log-file-validation-enabled',
    title: 'CloudTrail trails have log file integrity validation enabled',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'CTL-004', gates: false, basis: 'informs the old-baseline CTL-004: log file integrity validation on every trail' },
    ],
    bestPractice: 'logging',
    resourceTypes: ['AWS::CloudTrail::Trail'],
    sources: ['live'],
    rationale:
      'With validation on, CloudTrail delivers an hourly signed digest of the log files, so anyone who edits or deletes a log file to hide their tracks is detected. Without it the audit trail proves nothing in an investigation.',
    remediation: {
      summary: 'Turn on log file validation for the trail.',
      console: [
        'Open the CloudTrail console, choose Trails and the trail, then Edit under General details.',
        'Under Additional settings, tick Log file validation: Enabled, and Save changes.',
      ],
      cli: 'aws cloudtrail update-trail --name <trail> --enable-log-file-validation\naws cloudtrail validate-logs --trail-arn <trail-arn> --start-time <yyyy-mm-ddThh:mm:ssZ>',
      cloudformation: ['Trail:', '  Type: AWS::CloudTrail::Trail', '  Properties:', '    # ...', '    EnableLogFileValidation: true'].join('\n'),
      terraform: ['resource "aws_cloudtrail" "main" {', '  # ...', '  enable_log_file_validation = true', '}'].join('\n'),
      links: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html'],
    },
    messages: {
      validated: 'Trail {{resource}} has log file validation enabled.',
      notValidated: 'Trail {{resource}} does not validate its log files.',
      shadowCopy: 'Trail {{resource}} is judged in its home Region {{home}}.',
    },
    needs: ['cloudtrail:DescribeTrails'],
  },
  evaluate(trail, ctx) {
    const home = asString(trail.properties['HomeRegion']);
    if (home !== undefined && trail.region !== undefined && home !== trail.region) return ctx.notApplicable('shadowCopy', { home });
    const enabled = readSetting(ctx, trail, '/EnableLogFileValidation', asBool, false);
    if (!enabled.known) return unknownSetting(ctx, enabled);
    return enabled.value ? ctx.pass('validated') : ctx.fail('notValidated', {}, { path: '/EnableLogFileValidation' });
  },
});
