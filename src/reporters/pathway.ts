/**
 * Pathway advice (`ftr pathway`): standard FTR, the SOC 2 Type II alternative or the Well-Architected review
 * alternative, with every eligibility condition and whether it holds. See pathway/evaluate.ts.
 */
import { evaluatePathway, type PathwayAdvice, type PathwayInput } from './pathway/evaluate.js';
import { renderPathwayMarkdown } from './pathway/markdown.js';
import { renderPathwayTerminal } from './pathway/terminal.js';

export * from './pathway/evaluate.js';
export { renderPathwayMarkdown } from './pathway/markdown.js';
export { renderPathwayTerminal, type PathwayTerminalOptions } from './pathway/terminal.js';

export const PATHWAY_FORMATS = ['terminal', 'md', 'json'] as const;
export type PathwayFormat = (typeof PATHWAY_FORMATS)[number];

export function renderPathwayJson(advice: PathwayAdvice): string {
  return `${JSON.stringify(advice, null, 2)}\n`;
}

export function renderPathway(input: PathwayInput, format: PathwayFormat, options: { color?: boolean; width?: number } = {}): string {
  const advice = evaluatePathway(input);
  if (format === 'json') return renderPathwayJson(advice);
  if (format === 'md') return renderPathwayMarkdown(advice);
  return renderPathwayTerminal(advice, { color: options.color ?? false, ...(options.width !== undefined ? { width: options.width } : {}) });
}
