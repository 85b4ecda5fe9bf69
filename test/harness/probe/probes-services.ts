// Test-only: coverage probes for monitoring, edge, compute, security and cost services.
import { AccessAnalyzerClient, ListAnalyzersCommand, ListFindingsV2Command } from '@aws-sdk/client-accessanalyzer';
import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { APIGatewayClient, GetDomainNamesCommand, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand, GetDomainNamesCommand as GetV2DomainNamesCommand } from '@aws-sdk/client-apigatewayv2';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { BudgetsClient, DescribeBudgetsCommand, DescribeNotificationsForBudgetCommand, DescribeSubscribersForNotificationCommand } from '@aws-sdk/client-budgets';
import { CloudFormationClient, DescribeStacksCommand, ListStackResourcesCommand, ListStacksCommand } from '@aws-sdk/client-cloudformation';
import { CloudFrontClient, GetDistributionConfigCommand, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient, DescribeConfigurationRecordersCommand, DescribeConfigurationRecorderStatusCommand, DescribeConformancePacksCommand } from '@aws-sdk/client-config-service';
import {
  CostExplorerClient,
  GetAnomalyMonitorsCommand,
  GetAnomalySubscriptionsCommand,
  GetReservationCoverageCommand,
  GetSavingsPlansCoverageCommand,
  ListCostAllocationTagsCommand,
} from '@aws-sdk/client-cost-explorer';
import { DescribeRepositoriesCommand, ECRClient, GetRegistryScanningConfigurationCommand } from '@aws-sdk/client-ecr';
import { DescribeTaskDefinitionCommand, ECSClient, ListTaskDefinitionsCommand } from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { FisClient, GetExperimentCommand, ListExperimentsCommand } from '@aws-sdk/client-fis';
import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { BatchGetAccountStatusCommand, Inspector2Client, ListCoverageCommand } from '@aws-sdk/client-inspector2';
import { DescribeKeyCommand, GetKeyRotationStatusCommand, KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetMacieSessionCommand, Macie2Client } from '@aws-sdk/client-macie2';
import { ListAppsCommand, ListResiliencyPoliciesCommand, ResiliencehubClient } from '@aws-sdk/client-resiliencehub';
import { ListHealthChecksCommand, ListHostedZonesCommand, Route53Client } from '@aws-sdk/client-route-53';
import { ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { DescribeParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DescribeSeverityLevelsCommand, SupportClient } from '@aws-sdk/client-support';
import { GetLensReviewCommand, ListMilestonesCommand, ListWorkloadsCommand, WellArchitectedClient } from '@aws-sdk/client-wellarchitected';
import type { ProbeContext } from './context.js';
import { probe, type Probe } from './probe.js';

const elb = (ctx: ProbeContext) => ctx.client(ElasticLoadBalancingV2Client);
const ce = (ctx: ProbeContext) => ctx.client(CostExplorerClient);
const lastMonth = { Start: '2026-10-01', End: '2026-11-01' };
const budgetNotification = { NotificationType: 'ACTUAL', ComparisonOperator: 'GREATER_THAN', Threshold: 80 } as const;

export const serviceProbes: Probe[] = [
  probe('CloudWatch', 'DescribeAlarms', (ctx) => ctx.client(CloudWatchClient).send(new DescribeAlarmsCommand({}))),
  probe('Logs', 'DescribeLogGroups', (ctx) => ctx.client(CloudWatchLogsClient).send(new DescribeLogGroupsCommand({}))),
  probe('Route53', 'ListHealthChecks', (ctx) => ctx.client(Route53Client).send(new ListHealthChecksCommand({}))),
  probe('Route53', 'ListHostedZones', (ctx) => ctx.client(Route53Client).send(new ListHostedZonesCommand({}))),
  probe('KMS', 'ListKeys', (ctx) => ctx.client(KMSClient).send(new ListKeysCommand({}))),
  probe('KMS', 'DescribeKey', (ctx) => ctx.client(KMSClient).send(new DescribeKeyCommand({ KeyId: ctx.seeds.keyId }))),
  probe('KMS', 'GetKeyRotationStatus', (ctx) => ctx.client(KMSClient).send(new GetKeyRotationStatusCommand({ KeyId: ctx.seeds.keyId }))),
  probe('SecretsManager', 'ListSecrets', (ctx) => ctx.client(SecretsManagerClient).send(new ListSecretsCommand({}))),
  probe('SSM', 'DescribeParameters', (ctx) => ctx.client(SSMClient).send(new DescribeParametersCommand({}))),
  probe('ELBv2', 'DescribeLoadBalancers', (ctx) => elb(ctx).send(new DescribeLoadBalancersCommand({}))),
  probe('ELBv2', 'DescribeListeners', (ctx) => elb(ctx).send(new DescribeListenersCommand({ LoadBalancerArn: ctx.seeds.loadBalancerArn })), {
    check: (out) => (out.Listeners?.some((l) => l.Protocol === 'HTTP' && l.SslPolicy) ? 'HTTP listener reports an SslPolicy' : undefined),
  }),
  probe('ELBv2', 'DescribeRules', (ctx) => elb(ctx).send(new DescribeRulesCommand({ ListenerArn: ctx.seeds.listenerArn }))),
  probe('ELBv2', 'DescribeTargetGroups', (ctx) => elb(ctx).send(new DescribeTargetGroupsCommand({}))),
  probe('CloudFront', 'ListDistributions', (ctx) => ctx.client(CloudFrontClient).send(new ListDistributionsCommand({})), {
    check: (out) => {
      const item = out.DistributionList?.Items?.[0];
      if (!item) return 'no distributions listed';
      const problems: string[] = [];
      if (!item.DefaultCacheBehavior) problems.push('summary lacks DefaultCacheBehavior');
      if (!item.ViewerCertificate) problems.push('summary lacks ViewerCertificate');
      if (!/^arn:aws:cloudfront::\d{12}:distribution\//.test(item.ARN ?? '')) problems.push(`malformed ARN ${item.ARN}`);
      return problems.join('; ') || undefined;
    },
  }),
  probe('CloudFront', 'GetDistributionConfig', (ctx) => ctx.client(CloudFrontClient).send(new GetDistributionConfigCommand({ Id: ctx.seeds.distributionId }))),
  probe('ACM', 'ListCertificates', (ctx) => ctx.client(ACMClient).send(new ListCertificatesCommand({}))),
  probe('APIGateway', 'GetRestApis', (ctx) => ctx.client(APIGatewayClient).send(new GetRestApisCommand({}))),
  probe('APIGateway', 'GetStages', (ctx) => ctx.client(APIGatewayClient).send(new GetStagesCommand({ restApiId: ctx.seeds.restApiId }))),
  probe('APIGateway', 'GetDomainNames', (ctx) => ctx.client(APIGatewayClient).send(new GetDomainNamesCommand({}))),
  probe('ApiGatewayV2', 'GetApis', (ctx) => ctx.client(ApiGatewayV2Client).send(new GetApisCommand({}))),
  probe('ApiGatewayV2', 'GetDomainNames', (ctx) => ctx.client(ApiGatewayV2Client).send(new GetV2DomainNamesCommand({}))),
  probe('AutoScaling', 'DescribeAutoScalingGroups', (ctx) => ctx.client(AutoScalingClient).send(new DescribeAutoScalingGroupsCommand({}))),
  probe('Lambda', 'ListFunctions', (ctx) => ctx.client(LambdaClient).send(new ListFunctionsCommand({}))),
  probe('ECS', 'ListTaskDefinitions', (ctx) => ctx.client(ECSClient).send(new ListTaskDefinitionsCommand({}))),
  probe('ECS', 'DescribeTaskDefinition', (ctx) => ctx.client(ECSClient).send(new DescribeTaskDefinitionCommand({ taskDefinition: ctx.seeds.taskDefinitionArn }))),
  probe('ECR', 'DescribeRepositories', (ctx) => ctx.client(ECRClient).send(new DescribeRepositoriesCommand({}))),
  probe('ECR', 'GetRegistryScanningConfiguration', (ctx) => ctx.client(ECRClient).send(new GetRegistryScanningConfigurationCommand({}))),
  probe('GuardDuty', 'ListDetectors', (ctx) => ctx.client(GuardDutyClient).send(new ListDetectorsCommand({}))),
  probe('GuardDuty', 'GetDetector', (ctx) => ctx.client(GuardDutyClient).send(new GetDetectorCommand({ DetectorId: ctx.seeds.detectorId }))),
  probe('Inspector2', 'BatchGetAccountStatus', (ctx) => ctx.client(Inspector2Client).send(new BatchGetAccountStatusCommand({ accountIds: [ctx.accountId] })), {
    check: (out) => ((out.accounts?.length ?? 0) === 0 ? 'accounts: [] before Enable (AWS: DISABLED)' : undefined),
  }),
  probe('Inspector2', 'ListCoverage', (ctx) => ctx.client(Inspector2Client).send(new ListCoverageCommand({}))),
  probe('AccessAnalyzer', 'ListAnalyzers', (ctx) => ctx.client(AccessAnalyzerClient).send(new ListAnalyzersCommand({}))),
  probe('AccessAnalyzer', 'ListFindingsV2', (ctx) =>
    ctx.client(AccessAnalyzerClient).send(new ListFindingsV2Command({ analyzerArn: `arn:aws:access-analyzer:${ctx.region}:${ctx.accountId}:analyzer/probe` })), {
    expectedErrors: ['ResourceNotFoundException'],
  }),
  probe('Macie2', 'GetMacieSession', (ctx) => ctx.client(Macie2Client).send(new GetMacieSessionCommand({}))),
  probe('Config', 'DescribeConfigurationRecorders', (ctx) => ctx.client(ConfigServiceClient).send(new DescribeConfigurationRecordersCommand({}))),
  probe('Config', 'DescribeConfigurationRecorderStatus', (ctx) => ctx.client(ConfigServiceClient).send(new DescribeConfigurationRecorderStatusCommand({}))),
  probe('Config', 'DescribeConformancePacks', (ctx) => ctx.client(ConfigServiceClient).send(new DescribeConformancePacksCommand({}))),
  probe('SecurityHub', 'DescribeHub', (ctx) => ctx.client(SecurityHubClient).send(new DescribeHubCommand({}))),
  probe('SecurityHub', 'GetEnabledStandards', (ctx) => ctx.client(SecurityHubClient).send(new GetEnabledStandardsCommand({}))),
  probe('Support', 'DescribeSeverityLevels', (ctx) => ctx.client(SupportClient).send(new DescribeSeverityLevelsCommand({})), {
    expectedErrors: ['SubscriptionRequiredException'],
  }),
  probe('WellArchitected', 'ListWorkloads', (ctx) => ctx.client(WellArchitectedClient).send(new ListWorkloadsCommand({}))),
  probe('WellArchitected', 'ListMilestones', (ctx) => ctx.client(WellArchitectedClient).send(new ListMilestonesCommand({ WorkloadId: ctx.seeds.workloadId ?? 'wl-probe' })), {
    expectedErrors: ['ResourceNotFoundException'],
  }),
  probe('WellArchitected', 'GetLensReview', (ctx) =>
    ctx.client(WellArchitectedClient).send(new GetLensReviewCommand({ WorkloadId: ctx.seeds.workloadId ?? 'wl-probe', LensAlias: 'wellarchitected' })), {
    expectedErrors: ['ResourceNotFoundException'],
  }),
  probe('ResilienceHub', 'ListApps', (ctx) => ctx.client(ResiliencehubClient).send(new ListAppsCommand({}))),
  probe('ResilienceHub', 'ListResiliencyPolicies', (ctx) => ctx.client(ResiliencehubClient).send(new ListResiliencyPoliciesCommand({}))),
  probe('FIS', 'ListExperiments', (ctx) => ctx.client(FisClient).send(new ListExperimentsCommand({}))),
  probe('FIS', 'GetExperiment', (ctx) => ctx.client(FisClient).send(new GetExperimentCommand({ id: ctx.seeds.experimentId ?? 'EXPprobe' })), {
    expectedErrors: ['ResourceNotFoundException'],
  }),
  probe('Budgets', 'DescribeBudgets', (ctx) => ctx.client(BudgetsClient).send(new DescribeBudgetsCommand({ AccountId: ctx.accountId }))),
  probe('Budgets', 'DescribeNotificationsForBudget', (ctx) =>
    ctx.client(BudgetsClient).send(new DescribeNotificationsForBudgetCommand({ AccountId: ctx.accountId, BudgetName: ctx.seeds.budgetName }))),
  probe('Budgets', 'DescribeSubscribersForNotification', (ctx) =>
    ctx.client(BudgetsClient).send(
      new DescribeSubscribersForNotificationCommand({ AccountId: ctx.accountId, BudgetName: ctx.seeds.budgetName, Notification: budgetNotification }),
    )),
  probe('CostExplorer', 'GetAnomalyMonitors', (ctx) => ce(ctx).send(new GetAnomalyMonitorsCommand({}))),
  probe('CostExplorer', 'GetAnomalySubscriptions', (ctx) => ce(ctx).send(new GetAnomalySubscriptionsCommand({}))),
  probe('CostExplorer', 'GetSavingsPlansCoverage', (ctx) => ce(ctx).send(new GetSavingsPlansCoverageCommand({ TimePeriod: lastMonth }))),
  probe('CostExplorer', 'GetReservationCoverage', (ctx) => ce(ctx).send(new GetReservationCoverageCommand({ TimePeriod: lastMonth }))),
  probe('CostExplorer', 'ListCostAllocationTags', (ctx) => ce(ctx).send(new ListCostAllocationTagsCommand({}))),
  probe('CloudFormation', 'ListStacks', (ctx) => ctx.client(CloudFormationClient).send(new ListStacksCommand({}))),
  probe('CloudFormation', 'DescribeStacks', (ctx) => ctx.client(CloudFormationClient).send(new DescribeStacksCommand({ StackName: ctx.seeds.stackName }))),
  probe('CloudFormation', 'ListStackResources', (ctx) => ctx.client(CloudFormationClient).send(new ListStackResourcesCommand({ StackName: ctx.seeds.stackName }))),
];
