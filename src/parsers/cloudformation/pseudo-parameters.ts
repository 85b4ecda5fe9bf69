import { Symbolic, Unresolved } from '../shared/values.js';

export const PSEUDO_PARAMETERS = new Set([
  'AWS::AccountId', 'AWS::Region', 'AWS::StackName', 'AWS::StackId', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::NotificationARNs',
]);

/** Pseudo-parameters with a value that holds in the commercial partition; used with an assumption. */
const ASSUMED: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::URLSuffix': 'amazonaws.com' };

/**
 * `Ref AWS::…`: the value given with --parameters, else `aws` / `amazonaws.com` for the partition and URL suffix
 * (assumed), else a deploy-time value: symbolic inside strings, unknown as a property of its own.
 */
export function pseudoParameterValue(name: string, given: unknown, assume: (note: string) => void): unknown {
  if (given !== undefined) return given;
  const assumed = ASSUMED[name];
  if (assumed !== undefined) {
    assume(`assumes ${name} is "${assumed}" (the commercial partition)`);
    return assumed;
  }
  if (name === 'AWS::NotificationARNs') return new Unresolved(`parameter:${name}`);
  return new Symbolic(`\${${name}}`, `parameter:${name}`);
}
