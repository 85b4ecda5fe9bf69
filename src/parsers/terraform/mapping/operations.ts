import { at, block, blocks, compact, each, keyValueList, num, opt } from './helpers.js';
import { oneToOne, type TfAttachment, type TfMapping } from './types.js';

const backupPlan = oneToOne('AWS::Backup::BackupPlan', (values) => ({
  BackupPlan: compact({
    BackupPlanName: at(values, 'name'),
    BackupPlanRule: each(blocks(values, 'rule'), (rule) =>
      compact({
        RuleName: at(rule, 'rule_name'),
        TargetBackupVault: at(rule, 'target_vault_name'),
        ScheduleExpression: opt(at(rule, 'schedule')),
        Lifecycle: block(rule, 'lifecycle') === undefined ? undefined : compact({ DeleteAfterDays: num(opt(at(rule, 'lifecycle', 0, 'delete_after'))), MoveToColdStorageAfterDays: num(opt(at(rule, 'lifecycle', 0, 'cold_storage_after'))) }),
        CopyActions: each(blocks(rule, 'copy_action'), (copy) => compact({ DestinationBackupVaultArn: at(copy, 'destination_vault_arn') })),
      }),
    ),
  }),
}));

const backupSelection = oneToOne('AWS::Backup::BackupSelection', (values) => ({
  BackupPlanId: at(values, 'plan_id'),
  BackupSelection: compact({
    SelectionName: at(values, 'name'),
    IamRoleArn: at(values, 'iam_role_arn'),
    Resources: opt(at(values, 'resources')),
    ListOfTags: each(blocks(values, 'selection_tag'), (tag) => ({ ConditionType: at(tag, 'type'), ConditionKey: at(tag, 'key'), ConditionValue: at(tag, 'value') })),
  }),
}));

const alarm = oneToOne('AWS::CloudWatch::Alarm', (values) =>
  compact({
    AlarmName: at(values, 'alarm_name'),
    MetricName: opt(at(values, 'metric_name')),
    Namespace: opt(at(values, 'namespace')),
    Dimensions: keyValueList(at(values, 'dimensions'), 'Name', 'Value'),
    AlarmActions: opt(at(values, 'alarm_actions')),
    ComparisonOperator: opt(at(values, 'comparison_operator')),
    Threshold: num(opt(at(values, 'threshold'))),
    EvaluationPeriods: num(opt(at(values, 'evaluation_periods'))),
    Period: num(opt(at(values, 'period'))),
    Statistic: opt(at(values, 'statistic')),
  }) ?? {},
);

function subscribers(notification: unknown): unknown {
  const emails = at(notification, 'subscriber_email_addresses');
  const topics = at(notification, 'subscriber_sns_topic_arns');
  const list = [
    ...(Array.isArray(emails) ? emails.map((Address) => ({ SubscriptionType: 'EMAIL', Address })) : []),
    ...(Array.isArray(topics) ? topics.map((Address) => ({ SubscriptionType: 'SNS', Address })) : []),
  ];
  return list;
}

const budget = oneToOne('AWS::Budgets::Budget', (values) => ({
  Budget: compact({
    BudgetName: opt(at(values, 'name')),
    BudgetType: at(values, 'budget_type'),
    TimeUnit: at(values, 'time_unit'),
    BudgetLimit: opt(at(values, 'limit_amount')) === undefined ? undefined : { Amount: num(at(values, 'limit_amount')), Unit: at(values, 'limit_unit') },
  }),
  NotificationsWithSubscribers: each(blocks(values, 'notification'), (notification) => ({
    Notification: compact({ ComparisonOperator: at(notification, 'comparison_operator'), NotificationType: at(notification, 'notification_type'), Threshold: num(at(notification, 'threshold')), ThresholdType: opt(at(notification, 'threshold_type')) }),
    Subscribers: subscribers(notification),
  })),
}));

export const OPERATIONS_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_backup_vault: oneToOne('AWS::Backup::BackupVault', (values) => compact({ BackupVaultName: at(values, 'name'), EncryptionKeyArn: opt(at(values, 'kms_key_arn')) }) ?? {}),
  aws_backup_plan: backupPlan,
  aws_backup_selection: backupSelection,
  aws_cloudwatch_metric_alarm: alarm,
  aws_cloudwatch_log_group: oneToOne('AWS::Logs::LogGroup', (values) => {
    const retention = num(opt(at(values, 'retention_in_days')));
    return compact({ LogGroupName: opt(at(values, 'name')), RetentionInDays: retention === 0 ? undefined : retention, KmsKeyId: opt(at(values, 'kms_key_id')) }) ?? {};
  }),
  aws_budgets_budget: budget,
  aws_route53_health_check: oneToOne('AWS::Route53::HealthCheck', (values) => ({
    HealthCheckConfig: compact({ Type: at(values, 'type'), FullyQualifiedDomainName: opt(at(values, 'fqdn')), Port: num(opt(at(values, 'port'))), ResourcePath: opt(at(values, 'resource_path')), FailureThreshold: num(opt(at(values, 'failure_threshold'))), RequestInterval: num(opt(at(values, 'request_interval'))) }),
  })),
};

export const OPERATIONS_ATTACHMENTS: Readonly<Record<string, TfAttachment>> = {
  aws_backup_vault_lock_configuration: {
    targets: ['aws_backup_vault'],
    via: 'backup_vault_name',
    targetKey: 'name',
    merge: 'set',
    contribute: (values) => ({ LockConfiguration: compact({ MinRetentionDays: num(opt(at(values, 'min_retention_days'))), MaxRetentionDays: num(opt(at(values, 'max_retention_days'))), ChangeableForDays: num(opt(at(values, 'changeable_for_days'))) }) }),
  },
};
