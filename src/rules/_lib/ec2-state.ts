/** The state of a live EC2 instance (`running`, `stopped`, `terminated` …), written as a name or as `{ Name }`. */
import { isRecord } from './values.js';

export function instanceState(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return isRecord(value) && typeof value['Name'] === 'string' ? value['Name'] : undefined;
}

/** Terminated (or terminating) instances run nothing and keep no configuration worth judging. */
export function isGone(state: string | undefined): boolean {
  return state === 'terminated' || state === 'shutting-down';
}
