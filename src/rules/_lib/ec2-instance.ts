/** EC2 instance facts several rules need: its id and the Auto Scaling group that launched it (state: ./ec2-state.ts). */
import type { Resource } from '../../core/index.js';

/** The tag EC2 Auto Scaling puts on every instance it launches. */
export const ASG_TAG = 'aws:autoscaling:groupName';

export function instanceId(instance: Resource): string | undefined {
  if (instance.physicalId?.startsWith('i-')) return instance.physicalId;
  const fromArn = /:instance\/(i-[0-9a-z]+)$/.exec(instance.location.arn ?? instance.uid);
  return fromArn?.[1];
}

export function autoScalingGroupOf(instance: Resource): string | undefined {
  return instance.tags[ASG_TAG];
}
