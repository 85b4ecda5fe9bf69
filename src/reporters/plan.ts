/**
 * The remediation plan (`ftr plan`): what to fix, in which order, by whom and by when. Pure: an assessment in, text
 * out. See plan/build.ts for the ordering.
 */
import type { Assessment } from '../core/index.js';
import { buildPlan, type PlanOptions } from './plan/build.js';
import { renderPlanCsv, type PlanCsvOptions } from './plan/csv.js';
import { renderPlanJson } from './plan/json.js';
import { renderPlanMarkdown } from './plan/markdown.js';

export { buildPlan, type PlanOptions } from './plan/build.js';
export { renderPlanCsv, PLAN_COLUMNS } from './plan/csv.js';
export { renderPlanJson } from './plan/json.js';
export { renderPlanMarkdown } from './plan/markdown.js';
export { shellQuote } from './plan/actions.js';
export type { AlternativeHint } from './plan/actions.js';
export * from './plan/model.js';

export const PLAN_FORMATS = ['md', 'csv', 'json'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

export function renderPlan(assessment: Assessment, format: PlanFormat, options: PlanOptions & PlanCsvOptions = {}): string {
  const plan = buildPlan(assessment, options);
  if (format === 'csv') return renderPlanCsv(plan, options);
  if (format === 'json') return renderPlanJson(plan);
  return renderPlanMarkdown(plan);
}
