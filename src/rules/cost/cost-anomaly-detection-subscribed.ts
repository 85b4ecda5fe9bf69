/**
 * Cost Anomaly Detection watches every account and tells someone: a cost monitor with at least one alert
 * subscription that has a subscriber (`AWS::Account` `AnomalyMonitors[].Subscriptions[].Subscribers`). The seed
 * guide: "Enable Cost Anomaly Detection".
 *
 * PASS    the account has such a monitor; or, for a member account, its scanned management account has one (a payer
 *         monitor sees the linked accounts' spend — which linked accounts a custom monitor covers is not modelled).
 * FAIL    the monitors were read and none has a subscribed alert (or there is no monitor).
 * UNKNOWN the monitors could not be read (Cost Explorer denied, or member access to it turned off by the payer); or a
 *         member account has none and its management account was not scanned.
 * https://docs.aws.amazon.com/cost-management/latest/userguide/manage-ad.html
 */
import { defineRule, type Resource, type RuleContext } from '../../core/index.js';
import { MANAGEMENT_NOT_SCANNED, organizationPosition } from '../_lib/organization.js';
import { asList, asRecord, asString } from '../_lib/shape.js';

type Monitors = { monitors: unknown[] } | { uncertain: string };

function readMonitors(ctx: RuleContext, account: Resource): Monitors {
  const mark = ctx.unknownAt(account, '/AnomalyMonitors');
  if (mark) return { uncertain: mark.reason };
  const value = ctx.get(account, '/AnomalyMonitors');
  return Array.isArray(value) ? { monitors: value } : { uncertain: 'missing_data:AnomalyMonitors' };
}

function subscribedMonitor(monitors: readonly unknown[]): string | undefined {
  for (const raw of monitors) {
    const monitor = asRecord(raw) ?? {};
    const subscribed = asList(monitor['Subscriptions']).some((s) => {
      const count = asRecord(s)?.['Subscribers'];
      return typeof count === 'number' && count > 0;
    });
    if (subscribed) return asString(monitor['Name']) ?? 'unnamed monitor';
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'cost-anomaly-detection-subscribed',
    title: 'A Cost Anomaly Detection monitor with a subscribed alert covers every account',
    severity: 'low',
    requirements: [],
    bestPractice: 'cost',
    resourceTypes: ['AWS::Account'],
    sources: ['live'],
    rationale:
      'Budgets catch totals; anomaly detection catches a sudden change in one service or account days earlier, the typical sign of a runaway job or abused credentials. A monitor without a subscription records anomalies that nobody sees.',
    remediation: {
      summary: 'Create a Cost Anomaly Detection monitor (AWS services, or per linked account in the management account) and an alert subscription with an e-mail or SNS subscriber.',
      console: [
        'Open the Billing and Cost Management console and choose Cost Anomaly Detection.',
        'On the Cost monitors tab choose Create monitor: AWS services (or Linked account in the management account).',
        'Under Alert subscriptions, create a subscription with a threshold (for example $100 or 20% impact), frequency Immediate via SNS or daily summaries by e-mail, and the recipients.',
      ],
      cli: [
        'aws ce create-anomaly-monitor --anomaly-monitor \'{"MonitorName":"services","MonitorType":"DIMENSIONAL","MonitorDimension":"SERVICE"}\'',
        'aws ce create-anomaly-subscription --anomaly-subscription \'{"SubscriptionName":"finops-daily","MonitorArnList":["<monitor-arn>"],"Subscribers":[{"Type":"EMAIL","Address":"finops@example.com"}],"Frequency":"DAILY","ThresholdExpression":{"Dimensions":{"Key":"ANOMALY_TOTAL_IMPACT_ABSOLUTE","MatchOptions":["GREATER_THAN_OR_EQUAL"],"Values":["100"]}}}\'',
      ].join('\n'),
      cloudformation: [
        'ServiceMonitor:',
        '  Type: AWS::CE::AnomalyMonitor',
        '  Properties:',
        '    MonitorName: services',
        '    MonitorType: DIMENSIONAL',
        '    MonitorDimension: SERVICE',
        'DailySubscription:',
        '  Type: AWS::CE::AnomalySubscription',
        '  Properties:',
        '    SubscriptionName: finops-daily',
        '    Frequency: DAILY',
        '    MonitorArnList: [!Ref ServiceMonitor]',
        '    Subscribers: [{ Type: EMAIL, Address: finops@example.com }]',
        "    ThresholdExpression: '{\"Dimensions\":{\"Key\":\"ANOMALY_TOTAL_IMPACT_ABSOLUTE\",\"MatchOptions\":[\"GREATER_THAN_OR_EQUAL\"],\"Values\":[\"100\"]}}'",
      ].join('\n'),
      terraform: [
        'resource "aws_ce_anomaly_monitor" "services" {',
        '  name              = "services"',
        '  monitor_type      = "DIMENSIONAL"',
        '  monitor_dimension = "SERVICE"',
        '}',
        '',
        'resource "aws_ce_anomaly_subscription" "daily" {',
        '  name             = "finops-daily"',
        '  frequency        = "DAILY"',
        '  monitor_arn_list = [aws_ce_anomaly_monitor.services.arn]',
        '  subscriber {',
        '    type    = "EMAIL"',
        '    address = "finops@example.com"',
        '  }',
        '  threshold_expression {',
        '    dimension {',
        '      key           = "ANOMALY_TOTAL_IMPACT_ABSOLUTE"',
        '      match_options = ["GREATER_THAN_OR_EQUAL"]',
        '      values        = ["100"]',
        '    }',
        '  }',
        '}',
      ].join('\n'),
      links: ['https://docs.aws.amazon.com/cost-management/latest/userguide/getting-started-ad.html', 'https://docs.aws.amazon.com/cost-management/latest/userguide/manage-ad.html'],
    },
    messages: {
      subscribed: 'Account {{resource}} has anomaly monitor {{monitor}} with a subscribed alert.',
      coveredByManagement: 'Account {{resource}} is watched by anomaly monitor {{monitor}} of its management account {{management}}.',
      noSubscriptions: 'Account {{resource}} has {{count}} anomaly monitor(s), none with a subscribed alert.',
      noMonitors: 'Account {{resource}} has no Cost Anomaly Detection monitor.',
    },
    needs: ['ce:GetAnomalyMonitors', 'ce:GetAnomalySubscriptions', 'organizations:DescribeOrganization'],
  },
  evaluate(account, ctx) {
    const own = readMonitors(ctx, account);
    const ownMonitor = 'monitors' in own ? subscribedMonitor(own.monitors) : undefined;
    if (ownMonitor !== undefined) return ctx.pass('subscribed', { monitor: ownMonitor });

    const position = organizationPosition(ctx, account);
    let payerUncertain: string | undefined;
    if (position.kind === 'member') {
      if (!position.management) return ctx.unknown('uncertain' in own ? own.uncertain : MANAGEMENT_NOT_SCANNED, { path: '/AnomalyMonitors' });
      const payer = readMonitors(ctx, position.management);
      const payerMonitor = 'monitors' in payer ? subscribedMonitor(payer.monitors) : undefined;
      if (payerMonitor !== undefined) return ctx.pass('coveredByManagement', { monitor: payerMonitor, management: position.managementId });
      if ('uncertain' in payer) payerUncertain = payer.uncertain;
    }
    if ('uncertain' in own) return ctx.unknown(own.uncertain, { path: '/AnomalyMonitors' });
    if (position.kind === 'unknown') return ctx.unknown(position.reason, { path: '/Organization' });
    if (payerUncertain !== undefined) return ctx.unknown(payerUncertain);
    return own.monitors.length > 0 ? ctx.fail('noSubscriptions', { count: own.monitors.length }, { path: '/AnomalyMonitors' }) : ctx.fail('noMonitors', {}, { path: '/AnomalyMonitors' });
  },
});
