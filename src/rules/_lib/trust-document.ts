/**
 * A role's trust policy for the trust rules. In code, an `sts:ExternalId` condition whose value is given at deploy
 * time (a NoEcho parameter, a variable) still requires an external id: what matters is that the key is there, not
 * its value. Such values come back as the placeholder `<deploy-time>`; any other unknown part of the policy ends
 * the evaluation as `unknown` through `ctx.get`.
 */
import { pointerSegments, type Resource, type RuleContext } from '../../core/index.js';
import { isRecord } from './values.js';

const POINTER = '/AssumeRolePolicyDocument';
const EXTERNAL_ID_VALUE = /^\/AssumeRolePolicyDocument\/Statement\/\d+\/Condition\/[^/]+\/sts:externalid(\/\d+)?$/i;

export const DEPLOY_TIME_VALUE = '<deploy-time>';

export function trustDocument(ctx: RuleContext, role: Resource): unknown {
  const marks = role.unknown.filter((m) => m.path === POINTER || m.path.startsWith(`${POINTER}/`));
  if (marks.length === 0 || !marks.every((m) => EXTERNAL_ID_VALUE.test(m.path))) return ctx.get(role, POINTER);
  const document: unknown = structuredClone(role.properties['AssumeRolePolicyDocument']);
  for (const mark of marks) {
    const segments = pointerSegments(mark.path).slice(1);
    let current: unknown = document;
    for (const [i, segment] of segments.entries()) {
      if (!isRecord(current) && !Array.isArray(current)) break;
      const container = current as Record<string, unknown>;
      if (i === segments.length - 1) container[segment] = DEPLOY_TIME_VALUE;
      else current = container[segment] ??= {};
    }
  }
  return document;
}
