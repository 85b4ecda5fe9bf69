import { Unresolved } from '../../shared/values.js';
import { isPlainObject } from '../../shared/values.js';
import { at, block, blocks, bool, compact, each, json, keyValueList, num, opt, type Values } from './helpers.js';
import { environmentFlags, redactEnvironment, userDataFlags } from './secrets.js';
import { oneToOne, type TfMapping } from './types.js';

function metadataOptions(values: Values): unknown {
  const options = block(values, 'metadata_options');
  if (options instanceof Unresolved) return options.reason.startsWith('computed:') ? undefined : options;
  return compact({ HttpTokens: opt(at(options, 'http_tokens')), HttpEndpoint: opt(at(options, 'http_endpoint')), HttpPutResponseHopLimit: num(opt(at(options, 'http_put_response_hop_limit'))) });
}

function ebs(device: unknown): unknown {
  return compact({
    Encrypted: bool(at(device, 'encrypted')),
    KmsKeyId: opt(at(device, 'kms_key_id')),
    VolumeSize: num(opt(at(device, 'volume_size'))),
    VolumeType: opt(at(device, 'volume_type')),
    DeleteOnTermination: bool(at(device, 'delete_on_termination')),
  });
}

function instanceDevices(values: Values): unknown {
  const root = blocks(values, 'root_block_device');
  const extra = blocks(values, 'ebs_block_device');
  if (root instanceof Unresolved && !root.reason.startsWith('computed:')) return root;
  if (extra instanceof Unresolved && !extra.reason.startsWith('computed:')) return extra;
  const devices = [
    ...(root instanceof Unresolved ? [] : root.map((device) => ({ DeviceName: opt(at(device, 'device_name')) ?? 'root', Ebs: ebs(device) }))),
    ...(extra instanceof Unresolved ? [] : extra.map((device) => ({ DeviceName: at(device, 'device_name'), Ebs: ebs(device) }))),
  ];
  return devices.length > 0 ? devices : undefined;
}

function launchTemplateRef(values: Values): unknown {
  const ref = block(values, 'launch_template');
  return ref === undefined ? undefined : compact({ LaunchTemplateId: opt(at(ref, 'id')), LaunchTemplateName: opt(at(ref, 'name')), Version: opt(at(ref, 'version')) });
}

const instance = oneToOne('AWS::EC2::Instance', (values) => {
  const publicIp = bool(at(values, 'associate_public_ip_address'));
  return compact({
    InstanceType: opt(at(values, 'instance_type')),
    ImageId: opt(at(values, 'ami')),
    SubnetId: opt(at(values, 'subnet_id')),
    SecurityGroupIds: opt(at(values, 'vpc_security_group_ids')),
    SecurityGroups: opt(at(values, 'security_groups')),
    IamInstanceProfile: opt(at(values, 'iam_instance_profile')),
    MetadataOptions: metadataOptions(values),
    BlockDeviceMappings: instanceDevices(values),
    LaunchTemplate: launchTemplateRef(values),
    Monitoring: bool(at(values, 'monitoring')),
    NetworkInterfaces: publicIp === undefined || publicIp === null ? undefined : [{ DeviceIndex: '0', AssociatePublicIpAddress: publicIp }],
    UserData: userDataFlags(opt(at(values, 'user_data')), opt(at(values, 'user_data_base64'))) ?? { Present: false, LooksLikeCredential: false },
  }) ?? {};
});

const launchTemplate = oneToOne('AWS::EC2::LaunchTemplate', (values) => {
  const devices = blocks(values, 'block_device_mappings');
  const interfaces = blocks(values, 'network_interfaces');
  const profile = block(values, 'iam_instance_profile');
  return compact({
    LaunchTemplateName: opt(at(values, 'name')),
    LaunchTemplateData: compact({
      ImageId: opt(at(values, 'image_id')),
      InstanceType: opt(at(values, 'instance_type')),
      SecurityGroupIds: opt(at(values, 'vpc_security_group_ids')),
      IamInstanceProfile: profile === undefined ? undefined : compact({ Arn: opt(at(profile, 'arn')), Name: opt(at(profile, 'name')) }),
      MetadataOptions: metadataOptions(values),
      BlockDeviceMappings: each(devices, (device) => ({ DeviceName: at(device, 'device_name'), Ebs: ebs(block(device, 'ebs')) })),
      NetworkInterfaces: each(interfaces, (nic) => compact({ DeviceIndex: num(at(nic, 'device_index')), AssociatePublicIpAddress: bool(opt(at(nic, 'associate_public_ip_address'))), Groups: opt(at(nic, 'security_groups')) })),
      UserData: userDataFlags(undefined, opt(at(values, 'user_data'))),
    }),
  }) ?? {};
});

const autoScalingGroup = oneToOne('AWS::AutoScaling::AutoScalingGroup', (values) =>
  compact({
    AutoScalingGroupName: opt(at(values, 'name')),
    MinSize: num(at(values, 'min_size')),
    MaxSize: num(at(values, 'max_size')),
    DesiredCapacity: num(opt(at(values, 'desired_capacity'))),
    VPCZoneIdentifier: opt(at(values, 'vpc_zone_identifier')),
    AvailabilityZones: opt(at(values, 'availability_zones')),
    LaunchTemplate: launchTemplateRef(values),
    HealthCheckType: opt(at(values, 'health_check_type')),
    TargetGroupARNs: opt(at(values, 'target_group_arns')),
  }) ?? {},
);

const lambdaFunction = oneToOne('AWS::Lambda::Function', (values) => {
  const environment = block(values, 'environment');
  const { variables, flagged } = redactEnvironment(at(environment, 'variables'));
  return compact({
    FunctionName: at(values, 'function_name'),
    Role: at(values, 'role'),
    Runtime: opt(at(values, 'runtime')),
    Handler: opt(at(values, 'handler')),
    Environment: environment instanceof Unresolved ? environment : variables === undefined ? undefined : { Variables: variables },
    EnvironmentFlags: variables === undefined ? undefined : { LooksLikeCredential: flagged },
    KmsKeyArn: opt(at(values, 'kms_key_arn')),
    VpcConfig: block(values, 'vpc_config') === undefined ? undefined : compact({ SubnetIds: opt(at(values, 'vpc_config', 0, 'subnet_ids')), SecurityGroupIds: opt(at(values, 'vpc_config', 0, 'security_group_ids')) }),
    TracingConfig: block(values, 'tracing_config') === undefined ? undefined : { Mode: at(values, 'tracing_config', 0, 'mode') },
    DeadLetterConfig: block(values, 'dead_letter_config') === undefined ? undefined : { TargetArn: at(values, 'dead_letter_config', 0, 'target_arn') },
    ReservedConcurrentExecutions: num(opt(at(values, 'reserved_concurrent_executions'))),
    Architectures: opt(at(values, 'architectures')),
  }) ?? {};
});

/** ECS container definitions (a JSON string in Terraform) in CloudFormation's casing, environment values dropped. */
function containers(definitions: unknown, entries: Array<[string, unknown]>): unknown {
  const parsed = json(definitions);
  if (!Array.isArray(parsed)) return parsed;
  return parsed.map((container) => {
    if (!isPlainObject(container)) return container;
    const environment = Array.isArray(container['environment']) ? container['environment'] : [];
    for (const entry of environment) {
      if (isPlainObject(entry) && typeof entry['name'] === 'string') entries.push([entry['name'], entry['value']]);
    }
    return compact({
      Name: container['name'],
      Image: container['image'],
      Essential: container['essential'],
      Privileged: container['privileged'],
      ReadonlyRootFilesystem: container['readonlyRootFilesystem'],
      User: container['user'],
      Environment: environment.length > 0 ? environment.map((entry) => ({ Name: isPlainObject(entry) ? entry['name'] : undefined })) : undefined,
      Secrets: Array.isArray(container['secrets']) ? container['secrets'].map((entry) => ({ Name: isPlainObject(entry) ? entry['name'] : undefined })) : undefined,
      LogConfiguration: isPlainObject(container['logConfiguration']) ? { LogDriver: container['logConfiguration']['logDriver'] } : undefined,
    });
  });
}

const taskDefinition = oneToOne('AWS::ECS::TaskDefinition', (values) => {
  const entries: Array<[string, unknown]> = [];
  const definitions = containers(at(values, 'container_definitions'), entries);
  return compact({
    Family: at(values, 'family'),
    TaskRoleArn: opt(at(values, 'task_role_arn')),
    ExecutionRoleArn: opt(at(values, 'execution_role_arn')),
    NetworkMode: opt(at(values, 'network_mode')),
    RequiresCompatibilities: opt(at(values, 'requires_compatibilities')),
    ContainerDefinitions: definitions,
    CredentialLikeEnvironment: environmentFlags(entries),
  }) ?? {};
});

const dlmPolicy = oneToOne('AWS::DLM::LifecyclePolicy', (values) => {
  const details = block(values, 'policy_details');
  return compact({
    Description: opt(at(values, 'description')),
    State: opt(at(values, 'state')) ?? 'ENABLED',
    ExecutionRoleArn: opt(at(values, 'execution_role_arn')),
    PolicyDetails: details instanceof Unresolved ? details : compact({ ResourceTypes: opt(at(details, 'resource_types')), TargetTags: keyValueList(at(details, 'target_tags')), PolicyType: opt(at(details, 'policy_type')) }),
  }) ?? {};
});

export const COMPUTE_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  aws_instance: instance,
  aws_launch_template: launchTemplate,
  aws_ebs_volume: oneToOne('AWS::EC2::Volume', (values) => compact({ Encrypted: bool(at(values, 'encrypted')) ?? false, KmsKeyId: opt(at(values, 'kms_key_id')), AvailabilityZone: at(values, 'availability_zone'), Size: num(opt(at(values, 'size'))), VolumeType: opt(at(values, 'type')) }) ?? {}),
  aws_ebs_encryption_by_default: oneToOne('AWS::EC2::EBSEncryptionByDefault', (values) => ({ Enabled: bool(at(values, 'enabled')) ?? true })),
  aws_autoscaling_group: autoScalingGroup,
  aws_dlm_lifecycle_policy: dlmPolicy,
  aws_lambda_function: lambdaFunction,
  aws_ecs_task_definition: taskDefinition,
  aws_ecr_repository: oneToOne('AWS::ECR::Repository', (values) => compact({ RepositoryName: at(values, 'name'), ImageTagMutability: opt(at(values, 'image_tag_mutability')), ImageScanningConfiguration: block(values, 'image_scanning_configuration') === undefined ? undefined : { ScanOnPush: bool(at(values, 'image_scanning_configuration', 0, 'scan_on_push')) }, EncryptionConfiguration: block(values, 'encryption_configuration') === undefined ? undefined : compact({ EncryptionType: at(values, 'encryption_configuration', 0, 'encryption_type'), KmsKey: opt(at(values, 'encryption_configuration', 0, 'kms_key')) }) }) ?? {}),
};
