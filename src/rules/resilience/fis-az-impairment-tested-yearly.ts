/**
 * An AWS FIS experiment that impairs an Availability Zone completed in the last 12 months (an assist for RES-004:
 * the test report, its date and the recovery measured against the RTO/RPO are still attested).
 *
 * PASS    an experiment in any scanned Region of the account is `completed`, ended within the last 12 months (the
 *         boundary included) and ran an AZ-impairing action (see _lib/fis-az-actions.ts).
 * FAIL    every Region was read and no such experiment exists; the message says what was closest (an AZ experiment
 *         that failed or was stopped, a recent experiment without an AZ action, an AZ experiment that is too old).
 * UNKNOWN no such experiment was seen and some Region's experiments could not be read.
 * FIS keeps experiment history for a limited time, and game days outside FIS are invisible: attest those.
 */
import { defineRule } from '../../core/index.js';
import { readAcrossRegions } from '../_lib/account-regions.js';
import { impairsAz } from '../_lib/fis-az-actions.js';
import { asList, asRecord, asString, stringList } from '../_lib/shape.js';
import { parseTime } from '../_lib/dates.js';
import { isoDay, withinLastMonths } from '../_lib/time-window.js';

interface Experiment {
  id: string;
  state: string;
  when: Date | undefined;
  az: boolean;
  region: string;
}

const newestFirst = (a: Experiment, b: Experiment) => (b.when?.getTime() ?? 0) - (a.when?.getTime() ?? 0);

export default defineRule({
  meta: {
    id: 'fis-az-impairment-tested-yearly',
    title: 'An FIS experiment impairing an Availability Zone completed in the last 12 months',
    severity: 'medium',
    requirements: [
      { checklist: 'partner-hosted', id: 'RES-004', gates: false, basis: 'informs the date of the latest passing resilience test that covers AZ impairment' },
    ],
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'From the 2026 checklist on, the yearly resilience test must at least cover the loss of an Availability Zone, and one passing test is needed before approval. A completed FIS experiment with an AZ-scoped action is dated evidence of such a test.',
    remediation: {
      summary: 'Run the FIS "AZ Availability: Power Interruption" scenario (or an experiment with AZ-scoped actions) against production-like infrastructure at least yearly, and record the result.',
      console: [
        'Open the AWS FIS console and choose Scenario library.',
        'Select "AZ Availability: Power Interruption", choose Create template with scenario, and pick the Availability Zone and the tagged targets.',
        'Add stop conditions (CloudWatch alarms) and an IAM role, save the template, then Start experiment.',
        'When the experiment completes, record the date, what degraded and the measured recovery against the RTO/RPO as RES-004 evidence.',
      ],
      cli: [
        'aws fis create-experiment-template --cli-input-json file://az-power-interruption.json',
        'aws fis start-experiment --experiment-template-id <template-id>',
        'aws fis list-experiments --query "experiments[?state.status==\'completed\']"',
      ].join('\n'),
      cloudformation: [
        'AzImpairment:',
        '  Type: AWS::FIS::ExperimentTemplate',
        '  Properties:',
        '    Description: Stop instances in one AZ',
        '    RoleArn: !GetAtt FisRole.Arn',
        '    StopConditions: [{ Source: none }]',
        '    Targets:',
        '      az-instances:',
        '        ResourceType: aws:ec2:instance',
        '        ResourceTags: { fis-target: "true" }',
        '        Filters: [{ Path: Placement.AvailabilityZone, Values: [us-east-1a] }]',
        '        SelectionMode: ALL',
        '    Actions:',
        '      stop-az:',
        '        ActionId: aws:ec2:stop-instances',
        "        Parameters: { startInstancesAfterDuration: PT15M }",
        '        Targets: { Instances: az-instances }',
        '    Tags: { Name: az-impairment }',
      ].join('\n'),
      terraform: [
        'resource "aws_fis_experiment_template" "az_impairment" {',
        '  description = "Stop instances in one AZ"',
        '  role_arn    = aws_iam_role.fis.arn',
        '',
        '  stop_condition {',
        '    source = "none"',
        '  }',
        '',
        '  target {',
        '    name           = "az-instances"',
        '    resource_type  = "aws:ec2:instance"',
        '    selection_mode = "ALL"',
        '    resource_tag {',
        '      key   = "fis-target"',
        '      value = "true"',
        '    }',
        '    filter {',
        '      path   = "Placement.AvailabilityZone"',
        '      values = ["us-east-1a"]',
        '    }',
        '  }',
        '',
        '  action {',
        '    name      = "stop-az"',
        '    action_id = "aws:ec2:stop-instances"',
        '    parameter {',
        '      key   = "startInstancesAfterDuration"',
        '      value = "PT15M"',
        '    }',
        '    target {',
        '      key   = "Instances"',
        '      value = "az-instances"',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      links: [
        'https://docs.aws.amazon.com/fis/latest/userguide/az-availability-scenario.html',
        'https://docs.aws.amazon.com/fis/latest/userguide/scenario-library.html',
      ],
    },
    messages: {
      azTested: 'Account {{resource}}: FIS experiment {{experiment}} ({{region}}) impaired an Availability Zone and completed on {{date}}.',
      azNotCompleted: 'Account {{resource}}: the latest AZ-impairment experiment ({{experiment}}, {{date}}) is {{state}}, not completed.',
      noAzAction: 'Account {{resource}}: {{count}} FIS experiment(s) completed in the last 12 months, none with an AZ-impairing action.',
      azTooOld: 'Account {{resource}}: the latest completed AZ-impairment experiment ran on {{date}}, more than 12 months ago.',
      noRecentAzTest: 'Account {{resource}}: none of the {{count}} FIS experiment(s) found completed an AZ impairment in the last 12 months.',
      noExperiments: 'Account {{resource}}: no FIS experiment was found; resilience tests run without FIS need an attestation.',
    },
    needs: ['fis:ListExperiments', 'fis:GetExperiment'],
  },
  evaluate(account, ctx) {
    const read = readAcrossRegions(ctx, account, '/Fis/Experiments');
    const experiments: Experiment[] = read.values.flatMap(({ region, value }) =>
      asList(value).map((raw) => {
        const e = asRecord(raw) ?? {};
        return {
          id: asString(e['Id']) ?? 'unnamed',
          state: (asString(e['State']) ?? 'unknown').toLowerCase(),
          when: parseTime(e['EndTime']) ?? parseTime(e['StartTime']),
          az: impairsAz(stringList(e['Actions']), e['TargetsAz'] === true),
          region,
        };
      }),
    );
    const recent = experiments.filter((e) => e.when !== undefined && withinLastMonths(e.when, ctx.now, 12)).sort(newestFirst);
    const passed = recent.find((e) => e.az && e.state === 'completed');
    if (passed?.when) return ctx.pass('azTested', { experiment: passed.id, region: passed.region, date: isoDay(passed.when) });
    if (read.uncertain !== undefined) return ctx.unknown(read.uncertain, { path: '/Fis/Experiments' });

    const recentAz = recent.find((e) => e.az);
    if (recentAz?.when) return ctx.fail('azNotCompleted', { experiment: recentAz.id, state: recentAz.state, date: isoDay(recentAz.when) });
    const recentCompleted = recent.filter((e) => e.state === 'completed');
    if (recentCompleted.length > 0) return ctx.fail('noAzAction', { count: recentCompleted.length });
    const oldAz = experiments.filter((e) => e.az && e.state === 'completed' && e.when !== undefined).sort(newestFirst)[0];
    if (oldAz?.when) return ctx.fail('azTooOld', { date: isoDay(oldAz.when) });
    if (experiments.length > 0) return ctx.fail('noRecentAzTest', { count: experiments.length });
    return ctx.fail('noExperiments');
  },
});
