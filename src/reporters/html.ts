/**
 * The HTML report (`--format html`): one self-contained file for reviewers and teams. Header with provenance, a
 * summary with pictures, requirements by section (expand for reasons, checks, attestation, evidence, answers,
 * findings), the remediation plan, every finding, collection problems, waivers, warnings and the full provenance.
 *
 * Built to stay usable at 100,000 findings: the page itself holds only the requirements; findings travel once, as
 * compact JSON (html/data.ts), and the inline script renders them a page at a time when a reader opens a
 * requirement. Built to be safe to open: untrusted text is escaped for its context (html/escape.ts), the client
 * script only ever sets textContent, and a Content-Security-Policy lets nothing load and nothing run except the
 * script and stylesheet written here (html/csp.ts). Pure and deterministic: same assessment, same bytes.
 */
import type { Assessment } from '../core/index.js';
import { CLIENT_SCRIPT } from './html/client.js';
import { contentSecurityPolicy } from './html/csp.js';
import { encodeFindings } from './html/data.js';
import { count, esc1, scriptJson } from './html/escape.js';
import { renderAbout, renderHeader, type TocEntry } from './html/header.js';
import { renderPlan } from './html/plan.js';
import { renderCollection, renderWaivers, renderWarnings } from './html/problems.js';
import { renderRequirements } from './html/requirements.js';
import { STYLES } from './html/styles.js';
import { renderSummary } from './html/summary.js';

export interface HtmlOptions {
  /** Findings rendered at a time, and per "show more" (default 50). */
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 50;
const CSP = contentSecurityPolicy(CLIENT_SCRIPT, STYLES);

function allFindings(a: Assessment): string {
  const body =
    a.findings.length === 0
      ? '<p class="muted">No findings.</p>'
      : `<p class="muted">Every outcome of every check, worst first, with filters. Each requirement above lists its own.</p>
<button type="button" class="act" data-toggle aria-expanded="false" aria-controls="all-findings">Browse all ${count(a.findings.length)} findings</button>
<div class="panel flat" id="all-findings"><div data-findings="all" data-title="All findings"><p class="noscript">The findings list needs JavaScript; the JSON and CSV reports list every finding.</p></div></div>`;
  return `<section id="findings" aria-labelledby="findings-h"><h2 id="findings-h">All findings <span class="muted">(${count(a.findings.length)})</span></h2>${body}</section>`;
}

export function renderHtml(assessment: Assessment, options: HtmlOptions = {}): string {
  const asked = options.pageSize !== undefined && Number.isFinite(options.pageSize) ? Math.floor(options.pageSize) : DEFAULT_PAGE_SIZE;
  const page = Math.min(1000, Math.max(1, asked));
  const warnings = renderWarnings(assessment);
  const toc: TocEntry[] = [
    { id: 'summary', label: 'Summary' },
    { id: 'requirements', label: 'Requirements' },
    { id: 'plan', label: 'Remediation plan' },
    { id: 'findings', label: 'Findings' },
    { id: 'collection', label: 'Collection problems' },
    { id: 'waivers', label: 'Waivers' },
    ...(warnings !== '' ? [{ id: 'warnings', label: 'Warnings' }] : []),
    { id: 'about', label: 'About' },
  ];
  const product = assessment.product.name !== undefined && assessment.product.name.trim() !== '' ? `${esc1(assessment.product.name)} · ` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="${esc1(`${assessment.tool.name} ${assessment.tool.version}`)}">
<title>${product}FTR readiness · ${esc1(assessment.checklist.version)}</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
<script>${CLIENT_SCRIPT}</script>
</head>
<body>
<a class="skip" href="#requirements">Skip to the requirements</a>
${renderHeader(assessment, toc)}
<main class="wrap">
${renderSummary(assessment)}
${renderRequirements(assessment)}
${renderPlan(assessment)}
${allFindings(assessment)}
${renderCollection(assessment)}
${renderWaivers(assessment)}
${warnings}
${renderAbout(assessment)}
</main>
<script type="application/json" id="ftr-data">${scriptJson(encodeFindings(assessment, page))}</script>
</body>
</html>
`;
}
