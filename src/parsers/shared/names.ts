/**
 * The property that names a resource of each type, and whether `Ref` returns that name (so it is the resource's
 * `physicalId`). Where `Ref` returns something only known after deploy (an id, an ARN, a URL), the name still
 * labels the resource but `physicalId` stays unset.
 */
export const NAME_PROPERTIES: Readonly<Record<string, { path: readonly string[]; refIsName: boolean }>> = {
  'AWS::S3::Bucket': { path: ['BucketName'], refIsName: true },
  'AWS::IAM::Role': { path: ['RoleName'], refIsName: true },
  'AWS::IAM::User': { path: ['UserName'], refIsName: true },
  'AWS::IAM::Group': { path: ['GroupName'], refIsName: true },
  'AWS::IAM::InstanceProfile': { path: ['InstanceProfileName'], refIsName: true },
  'AWS::IAM::ManagedPolicy': { path: ['ManagedPolicyName'], refIsName: false },
  'AWS::IAM::Policy': { path: ['PolicyName'], refIsName: false },
  'AWS::EC2::SecurityGroup': { path: ['GroupName'], refIsName: false },
  'AWS::EC2::LaunchTemplate': { path: ['LaunchTemplateName'], refIsName: false },
  'AWS::DynamoDB::Table': { path: ['TableName'], refIsName: true },
  'AWS::SNS::Topic': { path: ['TopicName'], refIsName: false },
  'AWS::SQS::Queue': { path: ['QueueName'], refIsName: false },
  'AWS::Lambda::Function': { path: ['FunctionName'], refIsName: true },
  'AWS::RDS::DBInstance': { path: ['DBInstanceIdentifier'], refIsName: true },
  'AWS::RDS::DBCluster': { path: ['DBClusterIdentifier'], refIsName: true },
  'AWS::RDS::DBParameterGroup': { path: ['DBParameterGroupName'], refIsName: true },
  'AWS::RDS::DBClusterParameterGroup': { path: ['DBClusterParameterGroupName'], refIsName: true },
  'AWS::RDS::DBSubnetGroup': { path: ['DBSubnetGroupName'], refIsName: true },
  'AWS::Logs::LogGroup': { path: ['LogGroupName'], refIsName: true },
  'AWS::KMS::Alias': { path: ['AliasName'], refIsName: true },
  'AWS::SecretsManager::Secret': { path: ['Name'], refIsName: false },
  'AWS::SSM::Parameter': { path: ['Name'], refIsName: true },
  'AWS::CloudTrail::Trail': { path: ['TrailName'], refIsName: true },
  'AWS::CloudWatch::Alarm': { path: ['AlarmName'], refIsName: true },
  'AWS::ECR::Repository': { path: ['RepositoryName'], refIsName: true },
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { path: ['Name'], refIsName: false },
  'AWS::ElastiCache::ReplicationGroup': { path: ['ReplicationGroupId'], refIsName: true },
  'AWS::OpenSearchService::Domain': { path: ['DomainName'], refIsName: true },
  'AWS::Redshift::Cluster': { path: ['ClusterIdentifier'], refIsName: true },
  'AWS::Backup::BackupVault': { path: ['BackupVaultName'], refIsName: true },
  'AWS::ECS::Cluster': { path: ['ClusterName'], refIsName: true },
  'AWS::ECS::TaskDefinition': { path: ['Family'], refIsName: false },
  'AWS::AutoScaling::AutoScalingGroup': { path: ['AutoScalingGroupName'], refIsName: true },
  'AWS::Budgets::Budget': { path: ['Budget', 'BudgetName'], refIsName: true },
  'AWS::ApiGateway::RestApi': { path: ['Name'], refIsName: false },
  'AWS::ApiGateway::DomainName': { path: ['DomainName'], refIsName: true },
  'AWS::ApiGatewayV2::Api': { path: ['Name'], refIsName: false },
  'AWS::ApiGatewayV2::DomainName': { path: ['DomainName'], refIsName: true },
  'AWS::CloudFormation::Stack': { path: ['StackName'], refIsName: false },
  'AWS::StepFunctions::StateMachine': { path: ['StateMachineName'], refIsName: false },
};

/** The literal name of a resource from its resolved properties, if the template writes one. */
export function literalName(type: string, properties: Record<string, unknown>): { name?: string; physicalId?: string } {
  const spec = NAME_PROPERTIES[type];
  if (spec === undefined) return {};
  let value: unknown = properties;
  for (const key of spec.path) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string' || value === '') return {};
  return spec.refIsName ? { name: value, physicalId: value } : { name: value };
}
