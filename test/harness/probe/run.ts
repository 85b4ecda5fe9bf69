// Test-only: runs every coverage probe against an endpoint and classifies the result.
import type { ProbeContext, RawResponse } from './context.js';
import type { Probe } from './probe.js';
import { dataProbes } from './probes-data.js';
import { identityProbes } from './probes-identity.js';
import { serviceProbes } from './probes-services.js';

export const allProbes: Probe[] = [...identityProbes, ...dataProbes, ...serviceProbes];

/** works: parsed and matches AWS; unsupported: not implemented (HTML or unparsable error); wrong: differs from AWS. */
export type Verdict = 'works' | 'unsupported' | 'wrong';

export interface ProbeResult {
  service: string;
  operation: string;
  verdict: Verdict;
  detail: string;
}

export async function runProbe(p: Probe, ctx: ProbeContext): Promise<ProbeResult> {
  const base = { service: p.service, operation: p.operation };
  ctx.lastResponse = undefined;
  try {
    const output = await p.call(ctx);
    const problem = p.check(output, ctx);
    return problem ? { ...base, verdict: 'wrong', detail: problem } : { ...base, verdict: 'works', detail: '' };
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number }; $fault?: string };
    const raw = ctx.lastResponse as RawResponse | undefined;
    const status = raw?.status ?? e.$metadata?.httpStatusCode;
    const html = raw?.contentType.includes('html') ?? false;
    const unparsable = e.name === 'SyntaxError' || /XML parse error|Deserialization error|Unexpected token|not valid JSON|char \d+/i.test(e.message);
    if (status !== undefined && status >= 200 && status < 300) {
      return { ...base, verdict: 'wrong', detail: `SDK cannot parse the ${status} answer: ${e.name}: ${oneLine(e.message)}` };
    }
    if (html || unparsable) return { ...base, verdict: 'unsupported', detail: `HTTP ${status ?? '?'} ${html ? 'HTML' : 'unparsable'} (${e.name})` };
    if (p.expectedErrors.includes(e.name)) return { ...base, verdict: 'works', detail: `${e.name} (as AWS in this state)` };
    return { ...base, verdict: 'wrong', detail: `unexpected ${e.name} (HTTP ${status ?? '?'}): ${oneLine(e.message)}` };
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 140 ? `${flat.slice(0, 137)}...` : flat;
}
