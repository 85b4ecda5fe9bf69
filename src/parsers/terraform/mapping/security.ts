import { nameLooksLikeCredential } from '../../../core/secrets/credentials.js';
import { Unresolved } from '../../shared/values.js';
import { at, block, blocks, bool, compact, each, json, num, opt } from './helpers.js';
import { oneToOne, type TfMapping } from './types.js';

const trail = oneToOne('AWS::CloudTrail::Trail', (values) =>
  compact({
    TrailName: at(values, 'name'),
    IsLogging: bool(at(values, 'enable_logging')) ?? true,
    IsMultiRegionTrail: bool(at(values, 'is_multi_region_trail')) ?? false,
    IncludeGlobalServiceEvents: bool(at(values, 'include_global_service_events')) ?? true,
    EnableLogFileValidation: bool(at(values, 'enable_log_file_validation')) ?? false,
    IsOrganizationTrail: bool(at(values, 'is_organization_trail')),
    S3BucketName: at(values, 's3_bucket_name'),
    KMSKeyId: opt(at(values, 'kms_key_id')),
    CloudWatchLogsLogGroupArn: opt(at(values, 'cloud_watch_logs_group_arn')),
    EventSelectors: each(blocks(values, 'event_selector'), (selector) =>
      compact({
        ReadWriteType: opt(at(selector, 'read_write_type')),
        IncludeManagementEvents: bool(at(selector, 'include_management_events')),
        DataResources: each(blocks(selector, 'data_resource'), (resource) => ({ Type: at(resource, 'type'), Values: at(resource, 'values') })),
      }),
    ),
  }) ?? {},
);

export const SECURITY_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_kms_key: oneToOne('AWS::KMS::Key', (values) =>
    compact({
      Description: opt(at(values, 'description')),
      KeyPolicy: opt(at(values, 'policy')) === undefined ? undefined : json(at(values, 'policy')),
      EnableKeyRotation: bool(at(values, 'enable_key_rotation')) ?? false,
      KeySpec: opt(at(values, 'customer_master_key_spec')) ?? 'SYMMETRIC_DEFAULT',
      KeyUsage: opt(at(values, 'key_usage')),
      MultiRegion: bool(at(values, 'multi_region')),
      PendingWindowInDays: num(opt(at(values, 'deletion_window_in_days'))),
    }) ?? {},
  ),
  aws_kms_alias: oneToOne('AWS::KMS::Alias', (values) => ({ AliasName: at(values, 'name'), TargetKeyId: at(values, 'target_key_id') })),
  aws_secretsmanager_secret: oneToOne('AWS::SecretsManager::Secret', (values) => compact({ Name: opt(at(values, 'name')), KmsKeyId: opt(at(values, 'kms_key_id')), Description: opt(at(values, 'description')) }) ?? {}),
  aws_secretsmanager_secret_rotation: oneToOne('AWS::SecretsManager::RotationSchedule', (values) =>
    compact({
      SecretId: at(values, 'secret_id'),
      RotationLambdaARN: opt(at(values, 'rotation_lambda_arn')),
      RotationRules: block(values, 'rotation_rules') === undefined ? undefined : compact({ AutomaticallyAfterDays: num(opt(at(values, 'rotation_rules', 0, 'automatically_after_days'))), ScheduleExpression: opt(at(values, 'rotation_rules', 0, 'schedule_expression')) }),
    }) ?? {},
  ),
  aws_ssm_parameter: oneToOne('AWS::SSM::Parameter', (values) => {
    const name = at(values, 'name');
    return compact({ Name: name, Type: at(values, 'type'), KeyId: opt(at(values, 'key_id')), Tier: opt(at(values, 'tier')), NameLooksSecret: typeof name === 'string' ? nameLooksLikeCredential(name) : name instanceof Unresolved ? name : undefined }) ?? {};
  }),
  aws_cloudtrail: trail,
};
