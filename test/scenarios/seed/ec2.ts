// Test-only: EBS encryption by default, EBS volumes and EC2 instances of a Region (in a subnet of one of its own VPCs,
// or the default VPC's first subnet).
import { CreateVolumeCommand, EC2Client, EnableEbsEncryptionByDefaultCommand, ModifyInstanceAttributeCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import type { InstanceSpec, RegionSpec, VolumeSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';
import type { SeededNetwork } from './network.js';
import { vpcNamed } from './vpcs.js';

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

/** The subnet an instance is placed in: its VPC's public or private subnet of its zone, else the default VPC's first. */
function subnetOf(network: SeededNetwork, instance: InstanceSpec): string | undefined {
  if (instance.vpc === undefined) return network.subnetIds[0];
  const vpc = vpcNamed(network.vpcs, instance.vpc, `instance ${instance.name}`);
  const subnets = instance.subnet === 'public' ? vpc.publicSubnets : vpc.privateSubnets;
  const subnet = subnets[instance.zone ?? 0];
  if (subnet === undefined) throw new Error(`instance ${instance.name}: VPC ${instance.vpc} has no ${instance.subnet ?? 'private'} subnet ${instance.zone ?? 0}`);
  return subnet;
}

async function runInstance(ec2: EC2Client, network: SeededNetwork, instance: InstanceSpec): Promise<string> {
  const defaultGroup = instance.vpc === undefined ? 'default' : undefined;
  const groups = (instance.securityGroups ?? (defaultGroup ? [defaultGroup] : [])).map((name) => {
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
      NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetOf(network, instance), Groups: groups, AssociatePublicIpAddress: instance.publicIp ?? false }],
      ...(instance.userData !== undefined ? { UserData: Buffer.from(instance.userData).toString('base64') } : {}),
      BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 8, VolumeType: 'gp3', Encrypted: instance.rootEncrypted, DeleteOnTermination: true } }],
      ...(instance.role ? { IamInstanceProfile: { Name: instance.role } } : {}),
      ...(instance.requireImdsV2 ? { MetadataOptions: { HttpTokens: 'required' as const, HttpEndpoint: 'enabled' as const } } : {}),
      TagSpecifications: [
        { ResourceType: 'instance', Tags: tagList(instance.tags, instance.name) },
        { ResourceType: 'volume', Tags: tagList(instance.tags, `${instance.name}-root`) },
      ],
    }),
  );
  const InstanceId = run.Instances?.[0]?.InstanceId ?? '';
  // moto keeps a network interface's groups off the instance (AWS shows them as its SecurityGroups): set them there too.
  if (groups.length > 0) await ec2.send(new ModifyInstanceAttributeCommand({ InstanceId, Groups: groups }));
  return InstanceId;
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
