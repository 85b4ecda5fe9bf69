/**
 * What changed between two runs (`ftr diff old.json new.json`), in the terminal, Markdown or JSON. See
 * diff/compare.ts for what counts as fixed, regressed and new.
 */
import { renderDiffJson, type AssessmentDiff } from './diff/compare.js';
import { renderDiffMarkdown } from './diff/markdown.js';
import { renderDiffTerminal } from './diff/terminal.js';

export * from './diff/compare.js';
export { renderDiffMarkdown, type DiffMarkdownOptions } from './diff/markdown.js';
export { renderDiffTerminal, type DiffTerminalOptions } from './diff/terminal.js';

export const DIFF_FORMATS = ['terminal', 'md', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export function renderDiff(diff: AssessmentDiff, format: DiffFormat, options: { color?: boolean; width?: number; maxFindings?: number } = {}): string {
  if (format === 'json') return renderDiffJson(diff);
  if (format === 'md') return renderDiffMarkdown(diff, options.maxFindings !== undefined ? { maxFindings: options.maxFindings } : {});
  return renderDiffTerminal(diff, { color: options.color ?? false, ...(options.width !== undefined ? { width: options.width } : {}), ...(options.maxFindings !== undefined ? { maxFindings: options.maxFindings } : {}) });
}
