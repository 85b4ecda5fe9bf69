// Test-only: seeded scenario accounts for moto + the fault proxy. See ./README.md.
export * from './spec.js';
export { eachLimited, seedTarget, tagList, type ClientClass, type ClientKind, type SeedTarget, type SeedTargetOptions } from './target.js';
export * from './seed/index.js';
export { scanScenario, scenarioCredentials, type ScenarioScanOptions } from './scan.js';
export { ASSESS_NOW, CHECKLIST, SCENARIO_CONFIG, writeScenarioConfig } from './attestations.js';
export { assessSnapshot, findingsOf, gatingRulesWith, reasonCodes, requirement, statuses, type AssessedRequirement } from './assess.js';
export * from './expectations.js';
export { SCENARIO_REGIONS, WELL_CONFIGURED, WELL_CONFIGURED_ACCOUNT, wellConfiguredEstate } from './definitions/well-configured.js';
export { FAULTS, FAULTY, FAULTY_ACCOUNT, faultyEstate, type Fault } from './definitions/faulty.js';
export { READER_POLICY, READER_USER, RESTRICTED_ACCOUNT, RESTRICTED_READER } from './definitions/restricted-reader.js';
export { BRIGHTWAVE, BRIGHTWAVE_ACCOUNT, BRIGHTWAVE_REGIONS, BRIGHTWAVE_TIMELINE } from './definitions/brightwave.js';
