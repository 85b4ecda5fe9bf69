// Test-only: a Region's security services: GuardDuty, Security Hub (enabled in moto; its standards are proxy state,
// as moto lacks GetEnabledStandards), an AWS Config recorder, Amazon Inspector scans, and any other fault-proxy
// state of the Region (`standIns`).
import { ConfigServiceClient, PutConfigurationRecorderCommand, PutDeliveryChannelCommand, StartConfigurationRecorderCommand } from '@aws-sdk/client-config-service';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { EnableCommand, Inspector2Client } from '@aws-sdk/client-inspector2';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { RegionSpec } from '../spec.js';
import type { SeedTarget } from '../target.js';

export async function seedSecurityServices(target: SeedTarget, region: string, spec: RegionSpec): Promise<void> {
  if (spec.guardDuty) await target.client(GuardDutyClient, region).send(new CreateDetectorCommand({ Enable: true }));
  if (spec.securityHub) {
    await target.client(SecurityHubClient, region).send(new EnableSecurityHubCommand({ EnableDefaultStandards: false }));
    target.scenario.region(region).securityHubStandards = spec.securityHub.map((StandardsArn, i) => ({
      StandardsArn,
      StandardsSubscriptionArn: `arn:aws:securityhub:${region}:${target.accountId}:subscription/${StandardsArn.split(':standards/')[1] ?? `standard-${i}`}`,
      StandardsInput: {},
      StandardsStatus: 'READY',
    }));
  }
  if (spec.configRecorder) {
    const config = target.client(ConfigServiceClient, region);
    const name = 'default';
    await config.send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: { name, roleARN: `arn:aws:iam::${target.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, recordingGroup: { allSupported: true } },
      }),
    );
    await config.send(new PutDeliveryChannelCommand({ DeliveryChannel: { name, s3BucketName: spec.configRecorder.bucket } }));
    await config.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: name }));
  }
  if (spec.inspector?.length) await target.client(Inspector2Client, region).send(new EnableCommand({ accountIds: [target.accountId], resourceTypes: [...spec.inspector] }));
  if (spec.standIns) Object.assign(target.scenario.region(region), spec.standIns);
}
