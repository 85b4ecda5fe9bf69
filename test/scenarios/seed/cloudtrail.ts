// Test-only: CloudTrail trails delivering to a bucket of the S3 spec (S3 is seeded before the Regions).
import { CloudTrailClient, CreateTrailCommand, StartLoggingCommand } from '@aws-sdk/client-cloudtrail';
import type { RegionSpec } from '../spec.js';
import type { SeedTarget } from '../target.js';

export async function seedTrails(target: SeedTarget, region: string, spec: RegionSpec): Promise<void> {
  if (!spec.trails?.length) return;
  const cloudtrail = target.client(CloudTrailClient, region);
  for (const trail of spec.trails) {
    await cloudtrail.send(
      new CreateTrailCommand({
        Name: trail.name,
        S3BucketName: trail.bucket,
        IsMultiRegionTrail: trail.multiRegion,
        IncludeGlobalServiceEvents: trail.multiRegion,
        EnableLogFileValidation: trail.logFileValidation ?? false,
      }),
    );
    if (trail.logging ?? true) await cloudtrail.send(new StartLoggingCommand({ Name: trail.name }));
  }
}
