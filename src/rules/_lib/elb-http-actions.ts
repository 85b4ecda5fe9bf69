/**
 * What a load balancer action list (a listener's `DefaultActions`, a listener rule's `Actions`) does with an HTTP
 * request: `safe` when it redirects to HTTPS or answers with a fixed response (which carries no data), `plain` at the
 * first action that serves the request in clear text (forward, authenticate, a redirect that keeps HTTP). Only each
 * action's `Type` and `RedirectConfig.Protocol` decide, so a template value left unresolved elsewhere (a target
 * group from another stack, a redirect host from a parameter) does not hide the answer.
 */
import { readPointer, type Resource, type RuleContext } from '../../core/index.js';
import { markAbove } from './code-values.js';
import { isRecord } from './values.js';

export type HttpHandling = { state: 'safe' } | { state: 'plain'; action: string } | { state: 'unknown'; reason: string; path: string };

export function httpHandling(ctx: RuleContext, resource: Resource, pointer: string): HttpHandling {
  const listMark = markAbove(ctx, resource, pointer);
  if (listMark) return { state: 'unknown', ...listMark };
  const actions = readPointer(resource.properties, pointer);
  const kind = resource.source === 'live' ? 'missing_data' : 'unresolved';
  if (!Array.isArray(actions)) return { state: 'unknown', reason: `${kind}:${pointer.slice(1)}`, path: pointer };
  for (let i = 0; i < actions.length; i++) {
    const typeMark = markAbove(ctx, resource, `${pointer}/${i}/Type`);
    if (typeMark) return { state: 'unknown', ...typeMark };
    const action: unknown = actions[i];
    if (!isRecord(action)) continue;
    const type = String(action['Type'] ?? '');
    if (type === 'fixed-response') continue;
    if (type !== 'redirect') return { state: 'plain', action: `a ${type || 'forward'} action` };
    const protocolPath = `${pointer}/${i}/RedirectConfig/Protocol`;
    const protocolMark = markAbove(ctx, resource, protocolPath);
    if (protocolMark) return { state: 'unknown', ...protocolMark };
    const protocol = readPointer(resource.properties, protocolPath);
    // A redirect without a protocol keeps the request's own, #{protocol}: HTTP here.
    if (String(protocol ?? '').toUpperCase() !== 'HTTPS') return { state: 'plain', action: 'a redirect that keeps HTTP' };
  }
  return { state: 'safe' };
}
