/**
 * Every report format, for the CLI to pick from by name. Each reporter is pure: (assessment, options) → text or
 * bytes, no I/O and no clock. `render` takes the union of all formats' options, so a caller can pass what it has.
 */
import type { Assessment } from '../core/index.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson, renderJsonChunks } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderTerminal } from './terminal.js';
import { renderXlsx } from './xlsx.js';

export { renderCsv } from './csv.js';
export { renderHtml } from './html.js';
export { renderJson } from './json.js';
export { renderJunit } from './junit.js';
export { renderMarkdown } from './markdown.js';
export { renderSarif } from './sarif.js';
export { renderTerminal } from './terminal.js';
export { renderXlsx } from './xlsx.js';
export type { CsvOptions } from './csv.js';
export type { HtmlOptions } from './html.js';
export type { JunitOptions } from './junit.js';
export type { MarkdownOptions } from './markdown.js';
export type { SarifOptions } from './sarif.js';
export type { TerminalOptions } from './terminal.js';

/** What a caller may pass to any reporter; each format reads the options it knows. */
export interface RenderOptions {
  /** terminal: ANSI colours (default false). */
  color?: boolean;
  /** terminal: columns to fit. */
  width?: number;
  /** terminal: every reason, finding and waiver. */
  verbose?: boolean;
  /** md, junit: findings listed before "…and N more". */
  maxFindings?: number;
  /** csv: UTF-8 byte-order mark (default true). */
  bom?: boolean;
  /** sarif: see SarifOptions. */
  liveFindings?: SarifOptions['liveFindings'];
  sourceRoot?: string;
  informationUri?: string;
  category?: string;
  maxResults?: number;
}

export interface Reporter {
  render: (assessment: Assessment, options?: RenderOptions) => string | Uint8Array;
  /** The same text as `render`, in pieces, for formats whose output grows with the findings. */
  renderChunks?: (assessment: Assessment) => Iterable<string>;
  /** File name extension, with its dot. */
  extension: string;
  contentType: string;
  /** True when `render` returns bytes (write them as they are, never to a terminal). */
  binary: boolean;
  description: string;
}

/** Drops undefined values, so each reporter's own defaults apply. */
function defined<T extends object>(options: T): T {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as T;
}

export const REPORT_FORMATS = ['terminal', 'json', 'md', 'html', 'csv', 'xlsx', 'junit', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reporters: Record<ReportFormat, Reporter> = {
  terminal: {
    render: (a, o = {}) => renderTerminal(a, defined({ color: o.color ?? false, width: o.width, verbose: o.verbose })),
    extension: '.txt',
    contentType: 'text/plain; charset=utf-8',
    binary: false,
    description: 'Human summary for a terminal: counts, requirements by section, top findings, permissions, waivers',
  },
  json: {
    render: (a) => renderJson(a),
    renderChunks: (a) => renderJsonChunks(a),
    extension: '.json',
    contentType: 'application/json',
    binary: false,
    description: 'The assessment itself (schemas/assessment.schema.json)',
  },
  md: {
    render: (a, o = {}) => renderMarkdown(a, defined({ maxFindings: o.maxFindings })),
    extension: '.md',
    contentType: 'text/markdown; charset=utf-8',
    binary: false,
    description: 'Markdown for CI job summaries and pull-request comments',
  },
  html: {
    render: (a) => renderHtml(a),
    extension: '.html',
    contentType: 'text/html; charset=utf-8',
    binary: false,
    description: 'One self-contained HTML page for reviewers and teams: summary, requirements, plan, findings (no network access)',
  },
  csv: {
    render: (a, o = {}) => renderCsv(a, defined({ bom: o.bom })),
    extension: '.csv',
    contentType: 'text/csv; charset=utf-8',
    binary: false,
    description: 'The self-assessment spreadsheet as CSV (checklist row order, sub-questions as rows)',
  },
  xlsx: {
    render: (a) => renderXlsx(a),
    extension: '.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    binary: true,
    description: 'The self-assessment workbook, with a Findings sheet and an About sheet',
  },
  junit: {
    render: (a, o = {}) => renderJunit(a, defined({ maxFindings: o.maxFindings })),
    extension: '.junit.xml',
    contentType: 'application/xml',
    binary: false,
    description: 'JUnit XML: a test suite per section, a test case per requirement',
  },
  sarif: {
    render: (a, o = {}) =>
      renderSarif(a, defined({ liveFindings: o.liveFindings, sourceRoot: o.sourceRoot, informationUri: o.informationUri, category: o.category, maxResults: o.maxResults })),
    extension: '.sarif',
    contentType: 'application/sarif+json',
    binary: false,
    description: 'SARIF 2.1.0 for GitHub code scanning (findings in code; live findings optional)',
  },
};
