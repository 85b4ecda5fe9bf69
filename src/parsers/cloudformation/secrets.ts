import { entryLooksLikeCredential, nameLooksLikeCredential, textLooksLikeCredential } from '../../core/secrets/credentials.js';
import { isPlainObject, NO_VALUE, REDACTED, Symbolic, Unresolved } from '../shared/values.js';
import { dynamicReferenceReason } from './dynamic-references.js';

/**
 * Keeps secrets out of the model (ARCHITECTURE §3): environment variable values are replaced by `<redacted>` with the
 * names that look like credentials listed, user data becomes `{ Present, LooksLikeCredential }`. Runs on resolved
 * properties, before they become plain output; `raw` is the template text of the same properties.
 *
 * An environment variable is judged on what it will hold once deployed, as a live scan would judge it: a literal or
 * a value resolved from parameters by its name and form; a secret parameter's value (NoEcho or credential-named) or
 * a `{{resolve:secretsmanager|ssm-secure:…}}` reference always — the secret ends up in plain configuration; a value
 * the template cannot resolve, under a name that looks like a credential, is not known (an unknown mark on the flags).
 * Under any other name such a value is taken for what it almost always is, a resource name or ARN passed in.
 */
export type SecretScrubber = (resolved: Record<string, unknown>, raw: Record<string, unknown>, logicalId: string) => void;

type Verdict = boolean | Unresolved;

/** Whether an environment entry will hold a credential (see SecretScrubber); an Unresolved when it cannot be told. */
function environmentEntry(name: string, value: unknown): Verdict {
  if (typeof value === 'string') {
    const reference = dynamicReferenceReason(value);
    if (reference === undefined) return entryLooksLikeCredential(name, value);
    if (reference === 'dynamic_reference:secretsmanager' || reference === 'dynamic_reference:ssm-secure') return true;
    return nameLooksLikeCredential(name) ? new Unresolved(reference) : false;
  }
  if (typeof value === 'number') return entryLooksLikeCredential(name, String(value));
  if (value instanceof Unresolved) {
    if (value.reason.startsWith('secret_parameter:')) return true;
    return nameLooksLikeCredential(name) ? value : false;
  }
  return false;
}

/** The flag list, or the first reason some entry could not be judged. */
function flags(flagged: string[], unknown: Unresolved | undefined): string[] | Unresolved {
  return flagged.length === 0 && unknown !== undefined ? unknown : flagged;
}
// Scrubbers replace values on the (fresh) top-level properties object only: nested objects may be the template's
// own, shared by copy-on-write resolution, so they are copied, never changed.

const MAX_SCANNED_TEXT = 1_000_000;

/** Lambda: `Environment.Variables`. */
const lambdaEnvironment: SecretScrubber = (resolved) => {
  const environment = resolved['Environment'];
  if (!isPlainObject(environment)) return;
  const variables = environment['Variables'];
  if (!isPlainObject(variables)) return;
  const flagged: string[] = [];
  let unknown: Unresolved | undefined;
  const redacted: Record<string, unknown> = {};
  for (const name of Object.keys(variables)) {
    if (variables[name] === NO_VALUE) {
      redacted[name] = NO_VALUE;
      continue;
    }
    const verdict = environmentEntry(name, variables[name]);
    if (verdict === true) flagged.push(name);
    else if (verdict instanceof Unresolved) unknown ??= verdict;
    redacted[name] = REDACTED;
  }
  resolved['Environment'] = { ...environment, Variables: redacted };
  resolved['EnvironmentFlags'] = { LooksLikeCredential: flags(flagged, unknown) };
};

/** ECS: container `Environment[{ Name, Value }]` keeps names only; `Secrets` keep names only. */
const ecsContainers: SecretScrubber = (resolved) => {
  const containers = resolved['ContainerDefinitions'];
  if (!Array.isArray(containers)) return;
  const flagged: string[] = [];
  let unknown: Unresolved | undefined;
  resolved['ContainerDefinitions'] = containers.map((container) => {
    if (!isPlainObject(container)) return container;
    const copy = { ...container };
    const environment = container['Environment'];
    if (Array.isArray(environment)) {
      copy['Environment'] = environment.map((entry) => {
        if (!isPlainObject(entry)) return entry;
        if (typeof entry['Name'] === 'string') {
          const verdict = environmentEntry(entry['Name'], entry['Value']);
          if (verdict === true) flagged.push(entry['Name']);
          else if (verdict instanceof Unresolved) unknown ??= verdict;
        }
        return { Name: entry['Name'] };
      });
    }
    const secrets = container['Secrets'];
    if (Array.isArray(secrets)) copy['Secrets'] = secrets.map((entry) => (isPlainObject(entry) ? { Name: entry['Name'] } : entry));
    return copy;
  });
  resolved['CredentialLikeEnvironment'] = flags(flagged, unknown);
};

/**
 * Parameter Store: the value is never kept (a `String` parameter may well hold a secret, which is what the rules
 * look for), and `NameLooksSecret` is set as the live collector sets it. Without `Name`, CloudFormation names the
 * parameter after the logical id (`CFN-<LogicalId>-<suffix>`), so that is what is judged.
 */
const ssmParameter: SecretScrubber = (resolved, _raw, logicalId) => {
  if (Object.hasOwn(resolved, 'Value') && resolved['Value'] !== NO_VALUE) resolved['Value'] = REDACTED;
  const name = resolved['Name'];
  if (name === undefined || name === NO_VALUE) resolved['NameLooksSecret'] = nameLooksLikeCredential(logicalId);
  else if (typeof name === 'string') resolved['NameLooksSecret'] = nameLooksLikeCredential(name);
  // `!Sub '/${AWS::StackName}/db-password'`: known text but for deploy-time values, which is how the name reads.
  else if (name instanceof Symbolic && name.reason === undefined) resolved['NameLooksSecret'] = nameLooksLikeCredential(name.text);
  else resolved['NameLooksSecret'] = name instanceof Unresolved ? name : new Unresolved('unresolved:Name');
};

/**
 * User data is judged on its text as written, and, as environment values are, on what it will hold once deployed:
 * a secret parameter's value or a `{{resolve:secretsmanager|ssm-secure:…}}` reference put into it lands there in
 * plain text.
 */
function userDataFlags(resolvedValue: unknown, rawValue: unknown): unknown {
  if (resolvedValue === undefined || resolvedValue === NO_VALUE) return resolvedValue;
  if (resolvedValue instanceof Unresolved && resolvedValue.reason.startsWith('condition:')) return resolvedValue;
  if (holdsSecret(resolvedValue, 0)) return { Present: true, LooksLikeCredential: true };
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
  'AWS::SSM::Parameter': ssmParameter,
};

const SECRET_REFERENCE = /\{\{resolve:(secretsmanager|ssm-secure):/;

/** Whether a resolved value holds a secret parameter's value or a secret store reference (see userDataFlags). */
function holdsSecret(value: unknown, depth: number): boolean {
  if (depth > 100) return false;
  if (value instanceof Unresolved) return value.reason.startsWith('secret_parameter:');
  if (typeof value === 'string') return SECRET_REFERENCE.test(value);
  if (value instanceof Symbolic) return SECRET_REFERENCE.test(value.text);
  if (Array.isArray(value)) return value.some((item) => holdsSecret(item, depth + 1));
  if (isPlainObject(value)) return Object.values(value).some((item) => holdsSecret(item, depth + 1));
  return false;
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
