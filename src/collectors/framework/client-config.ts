import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface ClientSettings {
  credentials: AwsCredentialIdentityProvider;
  /** An emulator or proxy endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL`). */
  endpoint?: string | undefined;
  maxAttempts: number;
  /** Socket-level timeouts; the per-call deadline is an abort signal on top. */
  requestTimeoutMs: number;
  connectionTimeoutMs: number;
}

/**
 * The configuration every SDK v3 client of a scan gets: the SDK's adaptive retry mode (client-side rate limiting when
 * throttled), socket timeouts, and — for an emulator endpoint — S3 path-style addressing and a fixed S3 Control
 * endpoint (SDK v3 would otherwise prefix the host with the account id; see docs/emulator-coverage.md).
 */
export function clientConfig(clientName: string, region: string, settings: ClientSettings): Record<string, unknown> {
  const config: Record<string, unknown> = {
    region,
    credentials: settings.credentials,
    maxAttempts: settings.maxAttempts,
    retryMode: 'adaptive',
    requestHandler: new NodeHttpHandler({ requestTimeout: settings.requestTimeoutMs, connectionTimeout: settings.connectionTimeoutMs }),
  };
  if (settings.endpoint) {
    config['endpoint'] = settings.endpoint;
    if (clientName === 'S3Client') config['forcePathStyle'] = true;
    if (clientName === 'S3ControlClient') {
      const url = new URL(settings.endpoint);
      config['endpointProvider'] = () => ({ url });
    }
  }
  return config;
}
