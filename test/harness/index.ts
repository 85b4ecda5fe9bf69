// Test-only: the integration-test harness for live AWS scanning (moto server + fault proxy). See
// docs/dev/testing-with-moto.md.
export { accountHeader, assumeRoleCredentials, clientConfig, DEFAULT_ACCOUNT_ID, DEFAULT_REGION, s3Config, s3ControlConfig, TEST_CREDENTIALS } from './aws-clients.js';
export type { ClientOptions } from './aws-clients.js';
export { startFaultProxy } from './fault-proxy.js';
export type { AccountScenario, CallRecord, FaultProxy, FaultProxyOptions, FaultSpec, ListSpec, Match, PaginateOptions, RegionScenario, RuleHandle, SupportTier } from './fault-proxy.js';
export { startAwsHarness } from './harness.js';
export type { AwsHarness } from './harness.js';
export { ensureMotoInstalled, MOTO_VERSION } from './moto-install.js';
export { startMoto } from './moto-server.js';
export type { MotoOptions, MotoServer } from './moto-server.js';
