import type { Plan } from './model.js';

/** The plan as JSON (kind `ftr-ready/remediation-plan`): strings as they are, for tools; JSON.stringify escapes them. */
export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}
