import { describe, expect, it } from 'vitest';
import { Snapshot, type Resource } from '../../../core/index.js';
import { parseTerraformHcl, parseTerraformPlan } from '../parse-terraform.js';

interface PlanResource {
  address: string;
  values: Record<string, unknown>;
  unknown?: Record<string, unknown>;
  references?: Record<string, string[]>;
}

/** A plan in the `terraform show -json` format with one create per resource. */
function plan(...resources: PlanResource[]): Resource[] {
  const text = JSON.stringify({
    format_version: '1.2',
    resource_changes: resources.map((r) => {
      const [type, name] = r.address.split('.') as [string, string];
      return { address: r.address, mode: 'managed', type, name, change: { actions: ['create'], before: null, after: r.values, after_unknown: r.unknown ?? {}, after_sensitive: {} } };
    }),
    configuration: {
      root_module: {
        resources: resources.map((r) => ({
          address: r.address,
          mode: 'managed',
          expressions: Object.fromEntries(Object.entries(r.references ?? {}).map(([key, refs]) => [key, { references: refs }])),
        })),
      },
    },
  });
  return Snapshot.parse(parseTerraformPlan(text, { file: 'plan.json' })).resources;
}

function hcl(text: string): Resource[] {
  return Snapshot.parse(parseTerraformHcl(text, { file: 'main.tf' })).resources;
}

const find = (resources: Resource[], uidEnd: string) => resources.find((r) => r.uid.endsWith(uidEnd))!;

describe('S3 family', () => {
  it('merges every split configuration resource into its bucket, matched by reference', () => {
    const resources = plan(
      { address: 'aws_s3_bucket.b', values: { bucket: 'acme-b' }, unknown: { id: true, versioning: true, server_side_encryption_configuration: true, logging: true, acl: true, policy: true } },
      { address: 'aws_s3_bucket_public_access_block.b', values: { block_public_acls: true, block_public_policy: true, ignore_public_acls: false, restrict_public_buckets: true }, unknown: { bucket: true }, references: { bucket: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } },
      { address: 'aws_s3_bucket_logging.b', values: { target_bucket: 'acme-logs', target_prefix: 'b/' }, unknown: { bucket: true }, references: { bucket: ['aws_s3_bucket.b.id'] } },
      { address: 'aws_s3_bucket_acl.b', values: { acl: 'log-delivery-write' }, unknown: { bucket: true }, references: { bucket: ['aws_s3_bucket.b.id'] } },
      { address: 'aws_s3_bucket_ownership_controls.b', values: { rule: [{ object_ownership: 'BucketOwnerEnforced' }] }, unknown: { bucket: true }, references: { bucket: ['aws_s3_bucket.b.id'] } },
      { address: 'aws_s3_bucket_policy.b', values: { policy: JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }] }) }, unknown: { bucket: true }, references: { bucket: ['aws_s3_bucket.b.id'] } },
    );
    expect(resources.map((r) => r.type)).toEqual(['AWS::S3::Bucket', 'AWS::S3::BucketPolicy']);
    expect(resources[0]!.properties).toEqual({
      BucketName: 'acme-b',
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: false, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: 'acme-logs', LogFilePrefix: 'b/' },
      AccessControl: 'LogDeliveryWrite',
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(resources[1]!.properties).toEqual({ Bucket: { $ref: 'tf:plan.json#aws_s3_bucket.b' }, PolicyDocument: { Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }] } });
  });

  it('reads inline (provider v3) bucket settings', () => {
    const [bucket] = hcl('resource "aws_s3_bucket" "b" {\n  bucket = "old"\n  acl = "public-read"\n  versioning { enabled = true }\n  logging { target_bucket = "logs" }\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default { sse_algorithm = "AES256" }\n    }\n  }\n}\n');
    expect(bucket!.properties).toEqual({
      BucketName: 'old',
      AccessControl: 'PublicRead',
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: 'logs' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
  });

  it('marks every bucket unknown for a setting whose target bucket cannot be known', () => {
    const resources = hcl('resource "aws_s3_bucket" "a" {}\nresource "aws_s3_bucket_versioning" "v" {\n  bucket = var.name\n  versioning_configuration { status = "Enabled" }\n}\n');
    expect(resources[0]!.unknown).toEqual([{ path: '/VersioningConfiguration', reason: 'unresolved:aws_s3_bucket_versioning.v' }]);
  });

  it('matches a split setting to its bucket by literal name', () => {
    const [bucket] = hcl('resource "aws_s3_bucket" "a" { bucket = "named" }\nresource "aws_s3_bucket_server_side_encryption_configuration" "e" {\n  bucket = "named"\n  rule {\n    apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" }\n  }\n}\n');
    expect(bucket!.properties['BucketEncryption']).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' } }] });
  });
});

describe('network family', () => {
  it('expands inline rules per source and maps rule resources', () => {
    const resources = hcl(`resource "aws_security_group" "g" {
  name = "g"
  ingress {
    from_port = 22
    to_port = 22
    protocol = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
    self = true
  }
}
resource "aws_security_group_rule" "r" {
  type = "egress"
  security_group_id = aws_security_group.g.id
  from_port = 0
  to_port = 0
  protocol = "all"
  cidr_blocks = ["10.0.0.0/8", "192.168.0.0/16"]
}
resource "aws_vpc_security_group_ingress_rule" "v" {
  security_group_id = aws_security_group.g.id
  ip_protocol = "-1"
  cidr_ipv4 = "0.0.0.0/0"
}
resource "aws_default_security_group" "d" {}
`);
    const group = find(resources, '#aws_security_group.g');
    expect(group.properties['SecurityGroupIngress']).toEqual([
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIpv6: '::/0' },
      { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, SourceSecurityGroupId: { $ref: 'tf:main.tf#aws_security_group.g' } },
    ]);
    const egress = resources.filter((r) => r.type === 'AWS::EC2::SecurityGroupEgress');
    expect(egress.map((r) => [r.uid, r.properties['CidrIp'], r.location.address])).toEqual([
      ['tf:main.tf#aws_security_group_rule.r', '10.0.0.0/8', 'aws_security_group_rule.r'],
      ['tf:main.tf#aws_security_group_rule.r~source1', '192.168.0.0/16', 'aws_security_group_rule.r'],
    ]);
    expect(egress[0]!.properties).toMatchObject({ GroupId: { $ref: 'tf:main.tf#aws_security_group.g' }, IpProtocol: '-1' });
    expect(find(resources, '#aws_vpc_security_group_ingress_rule.v').properties).toEqual({ GroupId: { $ref: 'tf:main.tf#aws_security_group.g' }, IpProtocol: '-1', CidrIp: '0.0.0.0/0' });
    expect(find(resources, '#aws_default_security_group.d').properties).toEqual({ IsDefault: true });
  });

  it('maps VPCs, subnets, route tables, gateways and flow logs', () => {
    const resources = hcl(`resource "aws_vpc" "v" { cidr_block = "10.0.0.0/16" }
resource "aws_subnet" "s" {
  vpc_id = aws_vpc.v.id
  cidr_block = "10.0.1.0/24"
  map_public_ip_on_launch = true
}
resource "aws_route_table" "t" {
  vpc_id = aws_vpc.v.id
  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.i.id
  }
}
resource "aws_internet_gateway" "i" { vpc_id = aws_vpc.v.id }
resource "aws_nat_gateway" "n" { subnet_id = aws_subnet.s.id }
resource "aws_flow_log" "f" {
  vpc_id = aws_vpc.v.id
  traffic_type = "ALL"
}
`);
    expect(resources.map((r) => r.type)).toEqual(['AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::EC2::RouteTable', 'AWS::EC2::InternetGateway', 'AWS::EC2::VPCGatewayAttachment', 'AWS::EC2::NatGateway', 'AWS::EC2::FlowLog']);
    expect(find(resources, '#aws_subnet.s').properties).toEqual({ VpcId: { $ref: 'tf:main.tf#aws_vpc.v' }, CidrBlock: '10.0.1.0/24', MapPublicIpOnLaunch: true });
    expect(find(resources, '#aws_route_table.t').properties['Routes']).toEqual([{ DestinationCidrBlock: '0.0.0.0/0', GatewayId: { $ref: 'tf:main.tf#aws_internet_gateway.i' } }]);
    expect(find(resources, '#aws_flow_log.f').properties).toEqual({ ResourceId: { $ref: 'tf:main.tf#aws_vpc.v' }, ResourceType: 'VPC', TrafficType: 'ALL' });
  });
});

describe('compute family', () => {
  it('maps instances (IMDS, volumes, user data as flags), launch templates, volumes, groups, DLM', () => {
    const resources = hcl(`resource "aws_instance" "i" {
  ami = "ami-1"
  instance_type = "t3.micro"
  metadata_options { http_tokens = "required" }
  root_block_device { encrypted = true }
  user_data = <<EOF
#!/bin/bash
export DB_PASSWORD=hunter2hunter2
EOF
}
resource "aws_launch_template" "t" {
  name = "lt"
  metadata_options { http_tokens = "optional" }
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs { encrypted = false }
  }
}
resource "aws_ebs_volume" "v" { availability_zone = "eu-west-1a" }
resource "aws_ebs_encryption_by_default" "e" { enabled = true }
resource "aws_autoscaling_group" "g" {
  min_size = 1
  max_size = 3
  vpc_zone_identifier = ["subnet-a", "subnet-b"]
}
resource "aws_dlm_lifecycle_policy" "d" {
  policy_details {
    resource_types = ["VOLUME"]
    target_tags = { backup = "yes" }
  }
}
`);
    expect(find(resources, '#aws_instance.i').properties).toEqual({
      InstanceType: 't3.micro',
      ImageId: 'ami-1',
      MetadataOptions: { HttpTokens: 'required' },
      BlockDeviceMappings: [{ DeviceName: 'root', Ebs: { Encrypted: true } }],
      UserData: { Present: true, LooksLikeCredential: true },
    });
    expect(find(resources, '#aws_launch_template.t').properties).toEqual({
      LaunchTemplateName: 'lt',
      LaunchTemplateData: { MetadataOptions: { HttpTokens: 'optional' }, BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { Encrypted: false } }] },
    });
    expect(find(resources, '#aws_ebs_volume.v').properties).toEqual({ Encrypted: false, AvailabilityZone: 'eu-west-1a' });
    expect(find(resources, '#aws_ebs_encryption_by_default.e')).toMatchObject({ type: 'AWS::EC2::EBSEncryptionByDefault', properties: { Enabled: true } });
    expect(find(resources, '#aws_autoscaling_group.g').properties).toEqual({ MinSize: 1, MaxSize: 3, VPCZoneIdentifier: ['subnet-a', 'subnet-b'] });
    expect(find(resources, '#aws_dlm_lifecycle_policy.d').properties).toEqual({ State: 'ENABLED', PolicyDetails: { ResourceTypes: ['VOLUME'], TargetTags: [{ Key: 'backup', Value: 'yes' }] } });
    expect(JSON.stringify(resources)).not.toContain('hunter2');
  });

  it('cannot judge a plan’s hashed instance user data', () => {
    const [instance] = plan({ address: 'aws_instance.i', values: { user_data: 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3' } });
    expect(instance!.unknown).toEqual([{ path: '/UserData/LooksLikeCredential', reason: 'unresolved:user_data_hashed' }]);
  });

  it('maps Lambda functions and ECS task definitions without their secret values', () => {
    const resources = plan(
      { address: 'aws_lambda_function.f', values: { function_name: 'f', role: 'arn:aws:iam::1:role/r', environment: [{ variables: { TOKEN: 'xoxb-1234567890-abcdefghij', LEVEL: 'info' } }] } },
      {
        address: 'aws_ecs_task_definition.t',
        values: { family: 'app', container_definitions: JSON.stringify([{ name: 'web', image: 'nginx', environment: [{ name: 'DB_PASSWORD', value: 'hunter2hunter2' }], secrets: [{ name: 'KEY', valueFrom: 'arn:aws:ssm:x' }] }]) },
      },
    );
    expect(find(resources, '#aws_lambda_function.f').properties).toEqual({
      FunctionName: 'f',
      Role: 'arn:aws:iam::1:role/r',
      Environment: { Variables: { TOKEN: '<redacted>', LEVEL: '<redacted>' } },
      EnvironmentFlags: { LooksLikeCredential: ['TOKEN'] },
    });
    expect(find(resources, '#aws_ecs_task_definition.t').properties).toEqual({
      Family: 'app',
      ContainerDefinitions: [{ Name: 'web', Image: 'nginx', Environment: [{ Name: 'DB_PASSWORD' }], Secrets: [{ Name: 'KEY' }] }],
      CredentialLikeEnvironment: ['DB_PASSWORD'],
    });
    expect(JSON.stringify(resources)).not.toMatch(/hunter2|xoxb/);
  });
});

describe('data stores family', () => {
  it('maps databases, parameter groups, tables, file systems, caches, search domains and warehouses', () => {
    const resources = hcl(`resource "aws_db_instance" "d" {
  identifier = "db"
  engine = "postgres"
  backup_retention_period = 7
  parameter_group_name = aws_db_parameter_group.p.name
}
resource "aws_db_parameter_group" "p" {
  name = "pg"
  family = "postgres16"
  parameter {
    name = "rds.force_ssl"
    value = "1"
  }
}
resource "aws_rds_cluster" "c" {
  cluster_identifier = "c"
  storage_encrypted = true
}
resource "aws_db_subnet_group" "s" {
  name = "sg"
  subnet_ids = ["a", "b"]
}
resource "aws_dynamodb_table" "t" {
  name = "t"
  server_side_encryption { enabled = true }
  point_in_time_recovery { enabled = true }
}
resource "aws_efs_file_system" "e" { encrypted = true }
resource "aws_efs_backup_policy" "e" {
  file_system_id = aws_efs_file_system.e.id
  backup_policy { status = "ENABLED" }
}
resource "aws_elasticache_replication_group" "r" {
  replication_group_id = "r"
  transit_encryption_enabled = true
}
resource "aws_opensearch_domain" "o" {
  domain_name = "o"
  encrypt_at_rest { enabled = true }
  domain_endpoint_options {
    enforce_https = true
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
resource "aws_redshift_cluster" "w" {
  cluster_identifier = "w"
  encrypted = true
  publicly_accessible = false
}
`);
    expect(find(resources, '#aws_db_instance.d').properties).toEqual({ DBInstanceIdentifier: 'db', Engine: 'postgres', StorageEncrypted: false, PubliclyAccessible: false, BackupRetentionPeriod: 7, DBParameterGroupName: { $ref: 'tf:main.tf#aws_db_parameter_group.p', attribute: 'name' } });
    expect(find(resources, '#aws_db_parameter_group.p').properties).toEqual({ DBParameterGroupName: 'pg', Family: 'postgres16', Parameters: { 'rds.force_ssl': '1' } });
    expect(find(resources, '#aws_rds_cluster.c').properties).toEqual({ DBClusterIdentifier: 'c', StorageEncrypted: true });
    expect(find(resources, '#aws_db_subnet_group.s').properties).toEqual({ DBSubnetGroupName: 'sg', SubnetIds: ['a', 'b'] });
    expect(find(resources, '#aws_dynamodb_table.t').properties).toEqual({ TableName: 't', SSESpecification: { SSEEnabled: true, SSEType: 'KMS' }, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } });
    expect(find(resources, '#aws_efs_file_system.e').properties).toEqual({ Encrypted: true, BackupPolicy: { Status: 'ENABLED' } });
    expect(find(resources, '#aws_elasticache_replication_group.r').properties).toEqual({ ReplicationGroupId: 'r', AtRestEncryptionEnabled: false, TransitEncryptionEnabled: true, AutomaticFailoverEnabled: false, MultiAZEnabled: false });
    expect(find(resources, '#aws_opensearch_domain.o').properties).toEqual({
      DomainName: 'o',
      EncryptionAtRestOptions: { Enabled: true },
      NodeToNodeEncryptionOptions: { Enabled: false },
      DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' },
    });
    expect(find(resources, '#aws_redshift_cluster.w').properties).toEqual({ ClusterIdentifier: 'w', Encrypted: true, PubliclyAccessible: false });
  });
});

describe('messaging and edge families', () => {
  it('maps topics, queues, load balancers, listeners, distributions and API domains', () => {
    const resources = hcl(`resource "aws_sns_topic" "t" { kms_master_key_id = "alias/aws/sns" }
resource "aws_sqs_queue" "q" { sqs_managed_sse_enabled = true }
resource "aws_lb" "l" { internal = false }
resource "aws_alb_listener" "h" {
  load_balancer_arn = aws_lb.l.arn
  port = 80
  protocol = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      protocol = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
resource "aws_cloudfront_distribution" "c" {
  enabled = true
  default_cache_behavior {
    target_origin_id = "o"
    viewer_protocol_policy = "redirect-to-https"
  }
  viewer_certificate { minimum_protocol_version = "TLSv1.2_2021" }
  origin {
    domain_name = "example.com"
    origin_id = "o"
    custom_origin_config { origin_protocol_policy = "https-only" }
  }
}
resource "aws_api_gateway_domain_name" "a" {
  domain_name = "api.example.com"
  security_policy = "TLS_1_2"
}
resource "aws_apigatewayv2_domain_name" "b" {
  domain_name = "b.example.com"
  domain_name_configuration { security_policy = "TLS_1_2" }
}
`);
    expect(find(resources, '#aws_sns_topic.t').properties).toEqual({ KmsMasterKeyId: 'alias/aws/sns' });
    expect(find(resources, '#aws_sqs_queue.q').properties).toEqual({ SqsManagedSseEnabled: true });
    expect(find(resources, '#aws_lb.l').properties).toEqual({ Scheme: 'internet-facing', Type: 'application' });
    expect(find(resources, '#aws_alb_listener.h').properties).toEqual({
      LoadBalancerArn: { $ref: 'tf:main.tf#aws_lb.l', attribute: 'arn' },
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } }],
    });
    expect(find(resources, '#aws_cloudfront_distribution.c').properties).toEqual({
      DistributionConfig: {
        Enabled: true,
        DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'redirect-to-https' },
        ViewerCertificate: { MinimumProtocolVersion: 'TLSv1.2_2021' },
        Origins: [{ Id: 'o', DomainName: 'example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
      },
    });
    expect(find(resources, '#aws_api_gateway_domain_name.a').properties).toEqual({ DomainName: 'api.example.com', SecurityPolicy: 'TLS_1_2' });
    expect(find(resources, '#aws_apigatewayv2_domain_name.b').properties).toEqual({ DomainName: 'b.example.com', DomainNameConfigurations: [{ SecurityPolicy: 'TLS_1_2' }] });
  });
});

describe('IAM family', () => {
  it('maps roles with attachments and inline policies, users with keys and login profiles, the password policy', () => {
    const resources = hcl(`resource "aws_iam_role" "r" {
  name = "app"
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}
resource "aws_iam_role_policy_attachment" "a" {
  role = aws_iam_role.r.name
  policy_arn = aws_iam_policy.p.arn
}
resource "aws_iam_role_policy_attachment" "b" {
  role = "app"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_iam_role_policy" "i" {
  name = "inline"
  role = aws_iam_role.r.id
  policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}
resource "aws_iam_policy" "p" {
  name = "p"
  policy = "{\\"Statement\\": []}"
}
resource "aws_iam_user" "u" { name = "alice" }
resource "aws_iam_user_login_profile" "l" { user = aws_iam_user.u.name }
resource "aws_iam_access_key" "k" { user = aws_iam_user.u.name }
resource "aws_iam_account_password_policy" "pp" {
  minimum_password_length = 14
  require_symbols = true
  max_password_age = 90
}
`);
    expect(find(resources, '#aws_iam_role.r').properties).toEqual({
      RoleName: 'app',
      AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      ManagedPolicyArns: [{ $ref: 'tf:main.tf#aws_iam_policy.p', attribute: 'arn' }, 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
    });
    expect(find(resources, '#aws_iam_role_policy.i')).toMatchObject({ type: 'AWS::IAM::Policy', properties: { PolicyName: 'inline', Roles: [{ $ref: 'tf:main.tf#aws_iam_role.r' }] } });
    expect(find(resources, '#aws_iam_policy.p')).toMatchObject({ type: 'AWS::IAM::ManagedPolicy', properties: { ManagedPolicyName: 'p', PolicyDocument: { Statement: [] } } });
    expect(find(resources, '#aws_iam_user.u').properties).toEqual({ UserName: 'alice', LoginProfile: {} });
    expect(find(resources, '#aws_iam_access_key.k').properties).toEqual({ UserName: { $ref: 'tf:main.tf#aws_iam_user.u', attribute: 'name' }, Status: 'Active' });
    expect(find(resources, '#aws_iam_account_password_policy.pp')).toMatchObject({
      type: 'AWS::IAM::AccountPasswordPolicy',
      properties: { MinimumPasswordLength: 14, RequireSymbols: true, RequireNumbers: false, ExpirePasswords: true, MaxPasswordAge: 90, AllowUsersToChangePassword: true, HardExpiry: false },
    });
    expect(resources.some((r) => r.uid.includes('attachment') || r.uid.includes('login_profile'))).toBe(false);
  });
});

describe('security and operations families', () => {
  it('maps keys, secrets, parameters, trails, backups, alarms, log groups and budgets', () => {
    const resources = hcl(`resource "aws_kms_key" "k" { enable_key_rotation = true }
resource "aws_secretsmanager_secret" "s" { name = "db" }
resource "aws_ssm_parameter" "p" {
  name = "/app/db_password"
  type = "String"
  value = "hunter2hunter2"
}
resource "aws_cloudtrail" "t" {
  name = "trail"
  s3_bucket_name = "logs"
  is_multi_region_trail = true
}
resource "aws_backup_vault" "v" { name = "vault" }
resource "aws_backup_vault_lock_configuration" "l" {
  backup_vault_name = "vault"
  min_retention_days = 7
}
resource "aws_backup_plan" "p" {
  name = "daily"
  rule {
    rule_name = "daily"
    target_vault_name = aws_backup_vault.v.name
    schedule = "cron(0 5 * * ? *)"
    lifecycle { delete_after = 35 }
  }
}
resource "aws_backup_selection" "s" {
  name = "all"
  plan_id = aws_backup_plan.p.id
  iam_role_arn = "arn:aws:iam::1:role/backup"
  resources = ["*"]
}
resource "aws_cloudwatch_metric_alarm" "a" {
  alarm_name = "cpu"
  metric_name = "CPUUtilization"
  namespace = "AWS/EC2"
  dimensions = { InstanceId = "i-1" }
}
resource "aws_cloudwatch_log_group" "g" {
  name = "/app"
  retention_in_days = 0
}
resource "aws_budgets_budget" "b" {
  budget_type = "COST"
  limit_amount = "100"
  limit_unit = "USD"
  time_unit = "MONTHLY"
  notification {
    comparison_operator = "GREATER_THAN"
    threshold = 80
    threshold_type = "PERCENTAGE"
    notification_type = "FORECASTED"
    subscriber_email_addresses = ["ops@example.com"]
  }
}
`);
    expect(find(resources, '#aws_kms_key.k').properties).toEqual({ EnableKeyRotation: true, KeySpec: 'SYMMETRIC_DEFAULT' });
    expect(find(resources, '#aws_secretsmanager_secret.s').properties).toEqual({ Name: 'db' });
    expect(find(resources, '#aws_ssm_parameter.p').properties).toEqual({ Name: '/app/db_password', Type: 'String', NameLooksSecret: true });
    expect(find(resources, '#aws_cloudtrail.t').properties).toEqual({ TrailName: 'trail', IsLogging: true, IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, EnableLogFileValidation: false, S3BucketName: 'logs' });
    expect(find(resources, '#aws_backup_vault.v').properties).toEqual({ BackupVaultName: 'vault', LockConfiguration: { MinRetentionDays: 7 } });
    expect(find(resources, '#aws_backup_plan.p').properties).toEqual({
      BackupPlan: { BackupPlanName: 'daily', BackupPlanRule: [{ RuleName: 'daily', TargetBackupVault: { $ref: 'tf:main.tf#aws_backup_vault.v', attribute: 'name' }, ScheduleExpression: 'cron(0 5 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } }] },
    });
    expect(find(resources, '#aws_backup_selection.s').properties).toEqual({ BackupPlanId: { $ref: 'tf:main.tf#aws_backup_plan.p' }, BackupSelection: { SelectionName: 'all', IamRoleArn: 'arn:aws:iam::1:role/backup', Resources: ['*'] } });
    expect(find(resources, '#aws_cloudwatch_metric_alarm.a').properties).toEqual({ AlarmName: 'cpu', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }] });
    expect(find(resources, '#aws_cloudwatch_log_group.g').properties).toEqual({ LogGroupName: '/app' });
    expect(find(resources, '#aws_budgets_budget.b').properties).toEqual({
      Budget: { BudgetType: 'COST', TimeUnit: 'MONTHLY', BudgetLimit: { Amount: 100, Unit: 'USD' } },
      NotificationsWithSubscribers: [{ Notification: { ComparisonOperator: 'GREATER_THAN', NotificationType: 'FORECASTED', Threshold: 80, ThresholdType: 'PERCENTAGE' }, Subscribers: [{ SubscriptionType: 'EMAIL', Address: 'ops@example.com' }] }],
    });
    expect(JSON.stringify(resources)).not.toContain('hunter2');
  });
});
