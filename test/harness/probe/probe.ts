// Test-only: one coverage probe = one read operation called with the real SDK v3, plus what "correct" means for it.
import type { ProbeContext } from './context.js';

export interface Probe {
  service: string;
  operation: string;
  call(ctx: ProbeContext): Promise<unknown>;
  /** Modeled errors a real account also returns in the seeded state (e.g. NoSuchEntity for an unset policy). */
  expectedErrors: string[];
  /** Describes how the output differs from what AWS returns, or undefined when it matches. */
  check(output: unknown, ctx: ProbeContext): string | undefined;
}

export function probe<O>(
  service: string,
  operation: string,
  call: (ctx: ProbeContext) => Promise<O>,
  options: { expectedErrors?: string[]; check?: (output: O, ctx: ProbeContext) => string | undefined } = {},
): Probe {
  return {
    service,
    operation,
    call,
    expectedErrors: options.expectedErrors ?? [],
    check: (output, ctx) => options.check?.(output as O, ctx),
  };
}
