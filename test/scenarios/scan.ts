// Test-only: scans a seeded scenario account through the fault proxy with every collector, as `ftr scan` would.
import type { AwsCredentialIdentity } from '@smithy/types';
import { scanAccount } from '../../src/collectors/framework/scan.js';
import { collectors } from '../../src/collectors/index.js';
import type { Snapshot } from '../../src/core/index.js';
import { assumeRoleCredentials, type AwsHarness } from '../harness/index.js';
import type { ScenarioSpec } from './spec.js';

/** Keys of the scenario's account: STS AssumeRole through the proxy, so moto and the proxy both place them there. */
export function scenarioCredentials(h: Pick<AwsHarness, 'endpoint'>, scenario: ScenarioSpec): Promise<AwsCredentialIdentity> {
  return assumeRoleCredentials(h.endpoint, scenario.accountId, { region: scenario.regions[0], roleName: 'ftr-scanner' });
}

export interface ScenarioScanOptions {
  /** Default: AssumeRole credentials of the scenario's account. */
  credentials?: AwsCredentialIdentity;
}

export async function scanScenario(h: Pick<AwsHarness, 'endpoint'>, scenario: ScenarioSpec, options: ScenarioScanOptions = {}): Promise<Snapshot> {
  const credentials = options.credentials ?? (await scenarioCredentials(h, scenario));
  return scanAccount({
    credentials: async () => credentials,
    collectors,
    regions: scenario.regions,
    endpoint: h.endpoint,
    maxAttempts: 2,
    callTimeoutMs: 15_000,
    tool: { name: 'ftr-ready', version: 'scenario-test' },
    accountName: scenario.name,
  });
}
