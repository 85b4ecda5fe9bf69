/** The summary: requirements per status as a stacked bar with a legend, and the findings behind them by severity. */
import { SEVERITIES, STATUS_LABELS, type Assessment, type RequirementStatus } from '../../core/index.js';
import { deniedActions } from '../_lib/findings.js';
import { count, esc1 } from './escape.js';
import { SEVERITY_LABEL, STATUS_GLYPH, SUMMARY_ORDER, statusBadge } from './labels.js';
import { planItems } from './plan.js';

const START_WITH = 4;

/** Segments that fill `width` exactly: each edge is rounded from the running total, so no gaps or overlaps. */
function segments(values: readonly number[], width: number): Array<{ x: number; w: number }> {
  const total = values.reduce((s, v) => s + v, 0);
  let run = 0;
  return values.map((v) => {
    const x = total === 0 ? 0 : Math.round((run / total) * width);
    run += v;
    const end = total === 0 ? 0 : Math.round((run / total) * width);
    return { x, w: end - x };
  });
}

/** A stacked bar of requirement statuses (`cls` sizes it: the big summary bar or a section's mini bar). */
export function statusBar(summary: Record<RequirementStatus, number>, cls: string): string {
  const values = SUMMARY_ORDER.map((s) => summary[s]);
  const label = SUMMARY_ORDER.filter((s) => summary[s] > 0).map((s) => `${summary[s]} ${STATUS_LABELS[s].toLowerCase()}`).join(', ');
  const rects = segments(values, 1000)
    .map((seg, i) => {
      const status = SUMMARY_ORDER[i] as RequirementStatus;
      return seg.w > 0 ? `<rect class="c-${status}" x="${seg.x}" y="0" width="${seg.w}" height="10"><title>${STATUS_LABELS[status]}: ${summary[status]}</title></rect>` : '';
    })
    .join('');
  return `<svg class="${cls}" viewBox="0 0 1000 10" preserveAspectRatio="none" role="img" aria-label="${label || 'no requirements'}">${rects}</svg>`;
}

function percent(n: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((n / total) * 100)}%`;
}

function requirementsCard(a: Assessment): string {
  const total = a.requirements.length;
  const applicable = total - a.summary.not_applicable;
  const legend = SUMMARY_ORDER.map(
    (s) =>
      `<li><span class="sw c-${s}" aria-hidden="true"></span><span><span aria-hidden="true">${STATUS_GLYPH[s]}</span> ${STATUS_LABELS[s]}</span> <b data-summary="${s}">${count(a.summary[s])}</b><span class="muted pct">${percent(a.summary[s], total)}</span></li>`,
  ).join('');
  return `<div class="card">
<h3>Requirements</h3>
<p><span class="big">${count(a.summary.compliant)}</span> <span class="muted">of ${count(applicable)} applicable requirements compliant (${count(total)} in the checklist)</span></p>
${statusBar(a.summary, 'bar')}
<ul class="legend" aria-label="Requirements by status">${legend}</ul>
${startWith(a)}
</div>`;
}

/** The first items of the remediation plan: where a reader should look first. */
function startWith(a: Assessment): string {
  const items = planItems(a);
  if (items.length === 0) return '';
  const list = items
    .slice(0, START_WITH)
    .map((it) => `<li>${statusBadge(it.requirement.status)} <a href="#r-${it.index}"><span class="mono">${esc1(it.requirement.id)}</span> ${esc1(it.requirement.title)}</a></li>`)
    .join('');
  const more = items.length > START_WITH ? `<li class="muted"><a href="#plan">All ${count(items.length)} in the remediation plan</a></li>` : '';
  return `<h4>Start with</h4><ul class="start">${list}${more}</ul>`;
}

function findingsCard(a: Assessment): string {
  const tally = { fail: 0, unknown: 0, waived: 0, pass: 0 };
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<(typeof SEVERITIES)[number], number>;
  for (const f of a.findings) {
    if (f.status === 'fail') {
      tally.fail += 1;
      bySeverity[f.severity] += 1;
    } else if (f.status === 'unknown' || f.status === 'error') tally.unknown += 1;
    else if (f.status === 'waived') tally.waived += 1;
    else if (f.status === 'pass') tally.pass += 1;
  }
  const max = Math.max(1, ...Object.values(bySeverity));
  const bars = SEVERITIES.map((s) => {
    const w = Math.round((bySeverity[s] / max) * 100);
    return `<li><span>${SEVERITY_LABEL[s]}</span><svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="0" width="100" height="10" rx="2"></rect>${w > 0 ? `<rect class="fill c-${s}" x="0" y="0" width="${w}" height="10" rx="2"></rect>` : ''}</svg><span class="n">${count(bySeverity[s])}</span></li>`;
  }).join('');
  const denied = deniedActions(a).length;
  return `<div class="card">
<h3>Findings</h3>
<ul class="stats">
<li><b data-count="fail">${count(tally.fail)}</b>failing</li>
<li><b data-count="unknown">${count(tally.unknown)}</b>not evaluated</li>
<li><b data-count="waived">${count(tally.waived)}</b>waived</li>
<li><b data-count="pass">${count(tally.pass)}</b>passing</li>
</ul>
<h4>Failing findings by severity</h4>
<ul class="sevbars">${bars}</ul>
${denied > 0 ? `<p class="muted"><a href="#collection">${count(denied)} IAM action${denied === 1 ? ' was' : 's were'} denied</a>: what depends on ${denied === 1 ? 'it' : 'them'} is not evaluated.</p>` : ''}
</div>`;
}

export function renderSummary(a: Assessment): string {
  return `<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h" class="vh">Summary</h2><div class="summary">${requirementsCard(a)}${findingsCard(a)}</div></section>`;
}
