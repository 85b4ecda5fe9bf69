// Test-only: EBS encryption by default, EBS volumes and EC2 instances of a Region (in the default VPC's first subnet).
import { CreateVolumeCommand, EC2Client, EnableEbsEncryptionByDefaultCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import type { InstanceSpec, RegionSpec, VolumeSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';
import type { SeededNetwork } from './network.js';

/** moto runs with MOTO_EC2_LOAD_DEFAULT_AMIS=false and accepts any AMI id. */
const IMAGE_ID = 'ami-0a1b2c3d4e5f67890';

export interface SeededCompute {
  /** Instance ids by name. */
  instances: Record<string, string>;
  /** Volume ids by name. */
  volumes: Record<string, string>;
}

async function createVolume(ec2: EC2Client, region: string, volume: VolumeSpec): Promise<string> {
  const created = await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${region}a`,
      Size: volume.sizeGiB ?? 20,
      VolumeType: 'gp3',
      Encrypted: volume.encrypted,
      TagSpecifications: [{ ResourceType: 'volume', Tags: tagList(volume.tags, volume.name) }],
    }),
  );
  return created.VolumeId ?? '';
}

async function runInstance(ec2: EC2Client, network: SeededNetwork, instance: InstanceSpec): Promise<string> {
  const groups = (instance.securityGroups ?? ['default']).map((name) => {
    const id = network.securityGroups[name];
    if (!id) throw new Error(`instance ${instance.name}: no security group named ${name}`);
    return id;
  });
  const run = await ec2.send(
    new RunInstancesCommand({
      ImageId: IMAGE_ID,
      InstanceType: (instance.instanceType ?? 't3.micro') as never,
      MinCount: 1,
      MaxCount: 1,
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: network.subnetIds[0], Groups: groups, AssociatePublicIpAddress: instance.publicIp ?? false }],
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: instance.rootEncrypted, DeleteOnTermination: true } }],
      ...(instance.role ? { IamInstanceProfile: { Name: instance.role } } : {}),
      ...(instance.requireImdsV2 ? { MetadataOptions: { HttpTokens: 'required' as const, HttpEndpoint: 'enabled' as const } } : {}),
      TagSpecifications: [
        { ResourceType: 'instance', Tags: tagList(instance.tags, instance.name) },
        { ResourceType: 'volume', Tags: tagList(instance.tags, `${instance.name}-root`) },
      ],
    }),
  );
  return run.Instances?.[0]?.InstanceId ?? '';
}

export async function seedCompute(target: SeedTarget, region: string, spec: RegionSpec, network: SeededNetwork, concurrency = 8): Promise<SeededCompute> {
  const ec2 = target.client(EC2Client, region);
  if (spec.ebsEncryptionByDefault) await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
  const instances: Record<string, string> = {};
  const volumes: Record<string, string> = {};
  await eachLimited(spec.instances ?? [], concurrency, async (instance) => {
    instances[instance.name] = await runInstance(ec2, network, instance);
  });
  await eachLimited(spec.volumes ?? [], concurrency, async (volume) => {
    volumes[volume.name] = await createVolume(ec2, region, volume);
  });
  return { instances, volumes };
}
