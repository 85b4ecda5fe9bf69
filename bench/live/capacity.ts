// How many calls per second the emulator (moto, through the fault proxy) answers at a given number of calls in
// flight — the ceiling any scanner pointed at it runs into, whatever its own speed.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';

export interface Capacity {
  operation: string;
  concurrency: number;
  calls: number;
  seconds: number;
  callsPerSecond: number;
}

/** STS GetCallerIdentity: no state to look up, so it measures moto's per-request floor (routing, signing, XML). */
export async function measureCapacity(endpoint: string, credentials: AwsCredentialIdentity, concurrency: number, seconds = 8): Promise<Capacity> {
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let calls = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          await sts.send(new GetCallerIdentityCommand({}));
          calls++;
        }
      }),
    );
  } finally {
    sts.destroy();
  }
  const elapsed = (performance.now() - started) / 1000;
  return { operation: 'sts:GetCallerIdentity', concurrency, calls, seconds: elapsed, callsPerSecond: calls / elapsed };
}
