/**
 * The remediation plan: every requirement that is not yet compliant (or not applicable), security first, then
 * documentation, then operational tooling (the catalog's remediation bucket), then by the severity of what failed,
 * then status, then checklist order. Each item carries its owner and due date from ftr.yaml, its reasons, the
 * evidence still missing, and the remediation of each failing gating check (console steps and CLI, CloudFormation
 * and Terraform snippets).
 */
import { severityRank, type AssessedRequirement, type AssessedRule, type Assessment, type Severity } from '../../core/index.js';
import { count, esc, esc1, linkOrText, plural } from './escape.js';
import { severityBadge, statusBadge } from './labels.js';

const BUCKETS: ReadonlyArray<{ id: AssessedRequirement['remediationBucket']; title: string; blurb: string }> = [
  { id: 'security', title: 'Security', blurb: 'Controls a reviewer will check in your accounts and code.' },
  { id: 'documentation', title: 'Documentation', blurb: 'Attestations, procedures and evidence files.' },
  { id: 'operational-tooling', title: 'Operational tooling', blurb: 'Monitoring, backup and patching set-ups.' },
];

const STATUS_ORDER: Record<string, number> = { non_compliant: 0, partially_compliant: 1, unknown: 2 };
const REASONS_SHOWN = 4;

interface PlanItem {
  requirement: AssessedRequirement;
  index: number;
  severity: Severity | undefined;
  fixes: AssessedRule[];
}

/** The worst severity among the failing gating checks, else among those that could not be evaluated. */
function worstSeverity(requirement: AssessedRequirement, rules: ReadonlyMap<string, AssessedRule>): Severity | undefined {
  const of = (statuses: readonly string[]): Severity | undefined =>
    requirement.gating
      .filter((g) => statuses.includes(g.status))
      .map((g) => rules.get(g.ruleId)?.severity)
      .filter((s): s is Severity => s !== undefined)
      .sort((a, b) => severityRank(b) - severityRank(a))[0];
  return of(['fail']) ?? of(['unknown', 'error']);
}

export function planItems(a: Assessment): PlanItem[] {
  const rules = new Map(a.rules.map((r) => [r.id, r]));
  const bucketRank = new Map(BUCKETS.map((b, i) => [b.id, i]));
  return a.requirements
    .map((requirement, index) => ({
      requirement,
      index,
      severity: worstSeverity(requirement, rules),
      fixes: requirement.gating.filter((g) => g.status === 'fail').map((g) => rules.get(g.ruleId)).filter((r): r is AssessedRule => r !== undefined),
    }))
    .filter((item) => item.requirement.status in STATUS_ORDER)
    .sort(
      (x, y) =>
        (bucketRank.get(x.requirement.remediationBucket) ?? 9) - (bucketRank.get(y.requirement.remediationBucket) ?? 9) ||
        (y.severity !== undefined ? severityRank(y.severity) : 0) - (x.severity !== undefined ? severityRank(x.severity) : 0) ||
        (STATUS_ORDER[x.requirement.status] ?? 9) - (STATUS_ORDER[y.requirement.status] ?? 9) ||
        x.index - y.index,
    );
}

function snippet(label: string, code: string | undefined): string {
  return code === undefined || code.trim() === '' ? '' : `<p class="muted">${label}</p><pre><code>${esc(code)}</code></pre>`;
}

function fix(rule: AssessedRule): string {
  const m = rule.remediation;
  const failing = rule.counts['fail'] ?? 0;
  const owner = rule.plan && (rule.plan.owner !== undefined || rule.plan.due !== undefined)
    ? `<p>Rule owner: ${esc1(rule.plan.owner ?? 'unassigned')}${rule.plan.due !== undefined ? `, due ${esc1(rule.plan.due)}` : ''}${rule.plan.note !== undefined ? ` (${esc1(rule.plan.note)})` : ''}</p>`
    : '';
  return `<details class="fix"><summary>Fix: ${esc1(rule.title)} ${severityBadge(rule.severity)} <span class="muted">${plural(failing, 'failing resource')}</span></summary>
<p><code>${esc1(rule.id)}</code> ${esc(m.summary)}</p>${owner}
${m.console.length > 0 ? `<p class="muted">In the console</p><ol class="plain">${m.console.map((s) => `<li>${esc1(s)}</li>`).join('')}</ol>` : ''}
${snippet('AWS CLI', m.cli)}${snippet('CloudFormation', m.cloudformation)}${snippet('Terraform', m.terraform)}
${m.links.length > 0 ? `<p class="muted">Read more</p><ul class="plain">${m.links.map((l) => `<li>${linkOrText(l)}</li>`).join('')}</ul>` : ''}
</details>`;
}

function who(r: AssessedRequirement): string {
  const p = r.plan;
  if (!p || (p.owner === undefined && p.due === undefined)) return '<span class="who none">no owner or due date in ftr.yaml</span>';
  return `<span class="who">${p.owner !== undefined ? `Owner <b>${esc1(p.owner)}</b>` : 'No owner'}${p.due !== undefined ? ` · due <b>${esc1(p.due)}</b>` : ''}</span>`;
}

function item(it: PlanItem): string {
  const r = it.requirement;
  const reasons = r.reasons.slice(0, REASONS_SHOWN).map((x) => `<li>${esc1(x.message)}</li>`).join('');
  const more = r.reasons.length > REASONS_SHOWN ? `<li class="muted">and ${count(r.reasons.length - REASONS_SHOWN)} more (open the requirement)</li>` : '';
  const missing = r.expectedEvidence.filter((x) => !x.covered);
  return `<article class="plan-item card">
<header>${statusBadge(r.status)}<a href="#r-${it.index}"><span class="mono">${esc1(r.id)}</span> ${esc1(r.title)}</a>${it.severity !== undefined ? severityBadge(it.severity) : ''}${who(r)}</header>
${r.plan?.note !== undefined ? `<p>${esc1(r.plan.note)}</p>` : ''}
${reasons !== '' ? `<ul class="plain">${reasons}${more}</ul>` : ''}
${missing.length > 0 ? `<p class="muted">Evidence still needed: ${missing.map((x) => esc1(x.description)).join('; ')}</p>` : ''}
${it.fixes.map(fix).join('')}
</article>`;
}

export function renderPlan(a: Assessment): string {
  const items = planItems(a);
  const body =
    items.length === 0
      ? '<p>Nothing to do: every requirement is compliant or not applicable.</p>'
      : BUCKETS.map((b) => {
          const own = items.filter((i) => i.requirement.remediationBucket === b.id);
          return own.length === 0 ? '' : `<div class="plan-bucket"><h3>${b.title} <span class="muted">(${count(own.length)})</span></h3><p class="muted">${b.blurb}</p>${own.map(item).join('\n')}</div>`;
        }).join('\n');
  return `<section id="plan" aria-labelledby="plan-h"><h2 id="plan-h">Remediation plan</h2>
<p class="muted">${plural(items.length, 'requirement')} to work on: security first, then documentation, then operational tooling; within each, the most severe failing check first.</p>
${body}</section>`;
}

