/**
 * The EBS volumes a template instance creates at launch (`BlockDeviceMappings[].Ebs`) and whether each is encrypted.
 * A live instance's volumes are `AWS::EC2::Volume` resources of their own; in a template they exist only here.
 * - a mapping's `Encrypted: false` asks for an unencrypted volume; `true` for an encrypted one;
 * - an omitted `Encrypted` takes the snapshot's state (the AMI's, for the root volume) or the Region's EBS
 *   encryption by default, neither of which a template shows;
 * - the root volume is named only by Terraform (`root_block_device`, written with device name `root`); in
 *   CloudFormation the root device name comes from the AMI, so whether a mapping covers it cannot be told.
 * https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
 */
import { readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { markAbove } from './code-values.js';
import { asBool } from './settings.js';
import { isRecord } from './values.js';

export type VolumeState = { device: string; path: string } & ({ encrypted: boolean } | { unknown: string });

export interface InstanceVolumes {
  volumes: VolumeState[];
  /** Why the root volume's encryption is not known, when no mapping covers it. */
  root?: { reason: string; path: string };
}

export function instanceVolumes(ctx: RuleContext, instance: Resource): InstanceVolumes {
  const list = '/BlockDeviceMappings';
  const listMark = markAbove(ctx, instance, list);
  if (listMark) return { volumes: [], root: listMark };
  const mappings = readPointer(instance.properties, list);
  const volumes: VolumeState[] = [];
  let rootCovered = false;
  (Array.isArray(mappings) ? mappings : []).forEach((mapping: unknown, i) => {
    if (!isRecord(mapping) || (!isRecord(mapping['Ebs']) && markAbove(ctx, instance, `${list}/${i}/Ebs`) === undefined)) return;
    const device = typeof mapping['DeviceName'] === 'string' ? mapping['DeviceName'] : `#${i + 1}`;
    const path = `${list}/${i}/Ebs/Encrypted`;
    const mark = markAbove(ctx, instance, path);
    const value = asBool(readPointer(instance.properties, path));
    if (device === 'root') rootCovered = true;
    if (mark) volumes.push({ device, path, unknown: mark.reason });
    else if (value === undefined) volumes.push({ device, path, unknown: 'unresolved:default:Encrypted' });
    else volumes.push({ device, path, encrypted: value });
  });
  if (rootCovered) return { volumes };
  const imageRoot = instance.source === 'terraform' ? 'unresolved:default:root_block_device.encrypted' : 'unresolved:root-volume-encryption';
  return { volumes, root: { reason: imageRoot, path: list } };
}
