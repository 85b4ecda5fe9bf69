/** The assessment itself (ARCHITECTURE §7), as the schema in schemas/assessment.schema.json describes it. */
import type { Assessment } from '../core/index.js';

export type JsonOptions = Record<string, never>;

export function renderJson(assessment: Assessment, _options: JsonOptions = {}): string {
  return `${JSON.stringify(assessment, null, 2)}\n`;
}
