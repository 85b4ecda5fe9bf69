import { entryLooksLikeCredential, textLooksLikeCredential } from '../../core/secrets/credentials.js';
import { isPlainObject, NO_VALUE, REDACTED, Unresolved } from '../shared/values.js';

/**
 * Keeps secrets out of the model (ARCHITECTURE §3): environment variable values are replaced by `<redacted>` with the
 * names that look like credentials listed, user data becomes `{ Present, LooksLikeCredential }`. Runs on resolved
 * properties, before they become plain output; `raw` is the template text of the same properties, so only literals
 * written in the template count as hard-coded credentials (a `Ref` to a NoEcho parameter does not).
 */
export type SecretScrubber = (resolved: Record<string, unknown>, raw: Record<string, unknown>) => void;
// Scrubbers replace values on the (fresh) top-level properties object only: nested objects may be the template's
// own, shared by copy-on-write resolution, so they are copied, never changed.

const MAX_SCANNED_TEXT = 1_000_000;

/** Lambda: `Environment.Variables`. */
const lambdaEnvironment: SecretScrubber = (resolved, raw) => {
  const environment = resolved['Environment'];
  if (!isPlainObject(environment)) return;
  const variables = environment['Variables'];
  if (!isPlainObject(variables)) return;
  const rawVariables = isPlainObject(raw['Environment']) && isPlainObject(raw['Environment']['Variables']) ? raw['Environment']['Variables'] : {};
  const flagged: string[] = [];
  const redacted: Record<string, unknown> = {};
  for (const name of Object.keys(variables)) {
    const literal = literalText(rawVariables[name]);
    if (literal !== undefined && entryLooksLikeCredential(name, literal)) flagged.push(name);
    redacted[name] = variables[name] === NO_VALUE ? NO_VALUE : REDACTED;
  }
  resolved['Environment'] = { ...environment, Variables: redacted };
  resolved['EnvironmentFlags'] = { LooksLikeCredential: flagged };
};

/** ECS: container `Environment[{ Name, Value }]` keeps names only; `Secrets` keep names only. */
const ecsContainers: SecretScrubber = (resolved, raw) => {
  const containers = resolved['ContainerDefinitions'];
  if (!Array.isArray(containers)) return;
  const rawContainers = Array.isArray(raw['ContainerDefinitions']) ? raw['ContainerDefinitions'] : [];
  const flagged: string[] = [];
  resolved['ContainerDefinitions'] = containers.map((container, i) => {
    if (!isPlainObject(container)) return container;
    const copy = { ...container };
    const rawContainer = rawContainers[i];
    const rawEnvironment = isPlainObject(rawContainer) && Array.isArray(rawContainer['Environment']) ? rawContainer['Environment'] : [];
    const environment = container['Environment'];
    if (Array.isArray(environment)) {
      copy['Environment'] = environment.map((entry, j) => {
        if (!isPlainObject(entry)) return entry;
        const rawEntry = rawEnvironment[j];
        const literal = isPlainObject(rawEntry) ? literalText(rawEntry['Value']) : undefined;
        if (typeof entry['Name'] === 'string' && literal !== undefined && entryLooksLikeCredential(entry['Name'], literal)) flagged.push(entry['Name']);
        return { Name: entry['Name'] };
      });
    }
    const secrets = container['Secrets'];
    if (Array.isArray(secrets)) copy['Secrets'] = secrets.map((entry) => (isPlainObject(entry) ? { Name: entry['Name'] } : entry));
    return copy;
  });
  resolved['CredentialLikeEnvironment'] = flagged;
};

function userDataFlags(resolvedValue: unknown, rawValue: unknown): unknown {
  if (resolvedValue === undefined || resolvedValue === NO_VALUE) return resolvedValue;
  if (resolvedValue instanceof Unresolved && resolvedValue.reason.startsWith('condition:')) return resolvedValue;
  const text: string[] = [];
  collectStrings(rawValue, text, { size: 0 }, 0);
  return { Present: true, LooksLikeCredential: textLooksLikeCredential(text.join('\n')) };
}

/** Instances always carry the flags (as live instances do), so "no user data" is stated rather than absent. */
const instanceUserData: SecretScrubber = (resolved, raw) => {
  resolved['UserData'] = Object.hasOwn(resolved, 'UserData') ? userDataFlags(resolved['UserData'], raw['UserData']) : { Present: false, LooksLikeCredential: false };
};

const launchConfigurationUserData: SecretScrubber = (resolved, raw) => {
  if (Object.hasOwn(resolved, 'UserData')) resolved['UserData'] = userDataFlags(resolved['UserData'], raw['UserData']);
};

const launchTemplateUserData: SecretScrubber = (resolved, raw) => {
  const data = resolved['LaunchTemplateData'];
  const rawData = raw['LaunchTemplateData'];
  if (isPlainObject(data) && Object.hasOwn(data, 'UserData')) resolved['LaunchTemplateData'] = { ...data, UserData: userDataFlags(data['UserData'], isPlainObject(rawData) ? rawData['UserData'] : undefined) };
};

export const SECRET_SCRUBBERS: Readonly<Record<string, SecretScrubber>> = {
  'AWS::Lambda::Function': lambdaEnvironment,
  'AWS::ECS::TaskDefinition': ecsContainers,
  'AWS::EC2::Instance': instanceUserData,
  'AWS::AutoScaling::LaunchConfiguration': launchConfigurationUserData,
  'AWS::EC2::LaunchTemplate': launchTemplateUserData,
};

/** The text of a value written literally in the template (a plain string, or a Fn::Sub without variables). */
function literalText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number') return String(raw);
  if (isPlainObject(raw) && typeof raw['Fn::Sub'] === 'string') return raw['Fn::Sub'];
  return undefined;
}

function collectStrings(value: unknown, out: string[], budget: { size: number }, depth: number): void {
  if (budget.size > MAX_SCANNED_TEXT || depth > 100) return;
  if (typeof value === 'string') {
    out.push(value);
    budget.size += value.length;
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, out, budget, depth + 1);
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) collectStrings(item, out, budget, depth + 1);
  }
}
