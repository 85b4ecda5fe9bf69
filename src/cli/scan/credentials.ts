import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface CredentialOptions {
  profile?: string | undefined;
  roleArn?: string | undefined;
  externalId?: string | undefined;
  region: string;
  endpoint?: string | undefined;
}

/**
 * The standard credential chain (environment, SSO and shared-config profiles, process, container, instance), or a
 * named `--profile`; with `--role-arn`, those credentials assume the scan role (with `--external-id`).
 */
export function scanCredentials(options: CredentialOptions): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain(options.profile ? { profile: options.profile } : {});
  if (!options.roleArn) return base;
  return fromTemporaryCredentials({
    masterCredentials: base,
    params: {
      RoleArn: options.roleArn,
      RoleSessionName: 'ftr-ready-scan',
      DurationSeconds: 3600,
      ...(options.externalId ? { ExternalId: options.externalId } : {}),
    },
    clientConfig: { region: options.region, ...(options.endpoint ? { endpoint: options.endpoint } : {}) },
  });
}
