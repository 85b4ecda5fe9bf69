/**
 * Requirements by section in checklist order. Each row is a button (aria-expanded) over a panel with the why: every
 * reason, the gating and informing checks with their basis, the attestation, the evidence, the sub-question answers,
 * the plan, and a mount point where the client script renders the requirement's findings on first open.
 */
import { REQUIREMENT_STATUSES, type AssessedRequirement, type Assessment, type Finding, type RequirementStatus } from '../../core/index.js';
import { findingsById } from '../_lib/findings.js';
import { sectionsInOrder, topReason } from '../_lib/sections.js';
import { count, esc, esc1, linkOrText, plural } from './escape.js';
import { OUTCOME_LABEL, outcomeBadge, statusBadge } from './labels.js';
import { statusBar } from './summary.js';

type Attestation = NonNullable<AssessedRequirement['attestation']>;
type Evidence = AssessedRequirement['evidence'][number];

const CLAIM: Record<Attestation['claim'], string> = {
  met: 'Met',
  alternative: 'Met by the attested alternative',
  not_met: 'Not met',
  not_applicable: 'Not applicable',
};

const EVIDENCED_BY: Record<AssessedRequirement['evidencedBy'], string> = {
  automated: 'automated checks',
  manual: 'attestation and evidence',
  both: 'automated checks and attestation',
};

const EVIDENCE_STATE: Record<Evidence['state'], string> = {
  ok: '<span class="tag good">ok</span>',
  missing: '<span class="tag bad">missing</span>',
  changed: '<span class="tag bad">changed since attested</span>',
  unhashed: '<span class="tag">no sha256 recorded</span>',
};

function reasonsList(reasons: AssessedRequirement['reasons']): string {
  return `<ul class="plain">${reasons.map((r) => `<li><code>${esc1(r.code)}</code> ${esc1(r.message)}</li>`).join('')}</ul>`;
}

function checks(r: AssessedRequirement): string {
  const rows = [...r.gating.map((g) => ({ role: 'Gating', link: g })), ...r.informing.map((g) => ({ role: 'Informing', link: g }))];
  if (rows.length === 0) return `<h4>Checks</h4><p class="muted">No automated check maps to this requirement; it rests on the attestation and its evidence.</p>`;
  const body = rows
    .map(
      ({ role, link }) =>
        `<tr><td class="nowrap">${role}</td><td>${esc1(link.title)}<br><code>${esc1(link.ruleId)}</code></td><td>${outcomeBadge(link.status)}</td><td>${esc(link.basis)}${
          link.reasons.length > 0 && link.status !== 'pass' ? `<div class="muted">${link.reasons.map((x) => esc1(x.message)).join('; ')}</div>` : ''
        }</td></tr>`,
    )
    .join('');
  return `<h4>Checks</h4><p class="muted">Gating checks decide the status; informing checks are shown beside it and never change it.</p>
<div class="tablebox"><table><thead><tr><th>Role</th><th>Check</th><th>Result</th><th>What it enforces</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function attestation(r: AssessedRequirement): string {
  const a = r.attestation;
  if (!a) {
    if (r.evidencedBy === 'automated') return '';
    return `<h4>Attestation</h4><p class="muted">None recorded. Record one in ftr.yaml, or with <code>ftr attest ${esc1(r.id)}</code>.</p>`;
  }
  const expires = a.expires !== undefined ? `${esc1(a.expires)}${a.expired ? ' <span class="tag bad">expired</span>' : ''}` : '<span class="muted">no expiry</span>';
  return `<h4>Attestation</h4><dl class="kv">
<dt>Claim</dt><dd>${CLAIM[a.claim]}</dd>
<dt>Statement</dt><dd class="pre">${esc(a.statement)}</dd>
<dt>Owner</dt><dd>${esc1(a.owner)}</dd>
<dt>Attested</dt><dd>${esc1(a.attested)}</dd>
<dt>Expires</dt><dd>${expires}</dd>
<dt>Recorded in</dt><dd><code>${esc1(a.file)}${a.line !== undefined ? `:${a.line}` : ''}</code></dd>
</dl>`;
}

function evidenceItem(e: Evidence): string {
  const ref =
    e.kind === 'file'
      ? `file <code>${esc1(e.ref)}</code>${e.sha256 !== undefined ? ` <span class="muted">sha256 <code title="${esc1(e.sha256)}">${esc1(e.sha256.slice(0, 12))}</code></span>` : ''}`
      : e.kind === 'url'
        ? `link ${linkOrText(e.ref)}`
        : e.kind === 'ticket'
          ? `ticket <code>${esc1(e.ref)}</code>`
          : `value <q>${esc1(e.ref)}</q>`;
  const covers = e.covers.length > 0 ? ` <span class="muted">covers ${e.covers.map(esc1).join(', ')}</span>` : '';
  const note = e.note !== undefined ? `<div class="muted">${esc1(e.note)}</div>` : '';
  return `<li>${ref} ${EVIDENCE_STATE[e.state]}${covers}${note}</li>`;
}

function evidence(r: AssessedRequirement): string {
  if (r.evidence.length === 0 && r.expectedEvidence.length === 0) return '';
  const given = r.evidence.length > 0 ? `<ul class="plain">${r.evidence.map(evidenceItem).join('')}</ul>` : '<p class="muted">No evidence recorded.</p>';
  const expected =
    r.expectedEvidence.length > 0
      ? `<p class="muted">What the checklist asks for:</p><ul class="plain">${r.expectedEvidence
          .map((x) => `<li>${x.covered ? '<span class="tag good">✓ covered</span>' : '<span class="tag bad">✗ not covered</span>'} ${esc1(x.description)}</li>`)
          .join('')}</ul>`
      : '';
  return `<h4>Evidence</h4>${given}${expected}`;
}

function subQuestions(r: AssessedRequirement): string {
  if (r.subQuestions.length === 0) return '';
  const items = r.subQuestions
    .map(
      (q) =>
        `<li><span class="mono muted">${esc1(q.id)}</span> ${esc1(q.text)}<div class="pre">${q.answer !== undefined ? esc(q.answer) : '<span class="muted">No answer recorded.</span>'}</div></li>`,
    )
    .join('');
  return `<h4>Questions</h4><ol class="plain">${items}</ol>`;
}

function plan(r: AssessedRequirement): string {
  if (!r.plan) return '';
  const parts = [r.plan.owner !== undefined ? `owner ${esc1(r.plan.owner)}` : '', r.plan.due !== undefined ? `due ${esc1(r.plan.due)}` : ''].filter(Boolean).join(', ');
  return `<h4>Plan</h4><p>${parts || 'In the plan'}${r.plan.note !== undefined ? `: ${esc1(r.plan.note)}` : ''}</p>`;
}

function findings(r: AssessedRequirement, index: number, own: readonly Finding[]): string {
  if (own.length === 0) return `<h4>Findings</h4><p class="muted">No findings.</p>`;
  const tally = new Map<Finding['status'], number>();
  for (const f of own) tally.set(f.status, (tally.get(f.status) ?? 0) + 1);
  const order: Array<Finding['status']> = ['fail', 'error', 'unknown', 'waived', 'not_applicable', 'pass'];
  const breakdown = order.filter((s) => tally.has(s)).map((s) => `${count(tally.get(s) ?? 0)} ${OUTCOME_LABEL[s].toLowerCase()}`).join(', ');
  return `<h4>Findings <span class="muted">(${plural(own.length, 'finding')}: ${breakdown})</span></h4>
<div data-findings="${index}" data-title="Findings of ${esc1(r.id)}"><p class="noscript">The findings list needs JavaScript; the JSON and CSV reports list every finding.</p></div>`;
}

function panel(r: AssessedRequirement, index: number, own: readonly Finding[]): string {
  const unconfirmed = r.unconfirmed ? `<p class="banner">This requirement could not be confirmed in the published copy of this checklist version; check the checklist page.</p>` : '';
  const reasons = r.reasons.length > 0 ? `<h4>Why this status</h4>${reasonsList(r.reasons)}` : '';
  return `<div class="panel" id="p-${index}" role="region" aria-label="${esc1(r.id)} details">
<p>${esc(r.summary)}</p>
<p class="muted">Evidenced by ${EVIDENCED_BY[r.evidencedBy]}.</p>
${unconfirmed}${reasons}${checks(r)}${attestation(r)}${evidence(r)}${subQuestions(r)}${plan(r)}${findings(r, index, own)}
</div>`;
}

function row(r: AssessedRequirement, index: number, own: readonly Finding[]): string {
  const reason = r.status === 'compliant' && r.reasons.length === 0 ? '' : (topReason(r) ?? '');
  return `<li class="req" id="r-${index}" data-status="${r.status}">
<button type="button" class="req-toggle" data-toggle aria-expanded="false" aria-controls="p-${index}"><span class="chev" aria-hidden="true">▸</span>${statusBadge(r.status)}<span class="rid mono">${esc1(r.id)}</span><span class="rtitle">${esc1(r.title)}</span>${reason !== '' ? `<span class="rreason">${esc1(reason)}</span>` : ''}</button>
${panel(r, index, own)}
</li>`;
}

function sectionSummary(requirements: readonly AssessedRequirement[]): Record<RequirementStatus, number> {
  const tally = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
  for (const r of requirements) tally[r.status] += 1;
  return tally;
}

export function renderRequirements(a: Assessment): string {
  const byId = findingsById(a);
  const position = new Map(a.requirements.map((r, i) => [r, i]));
  const sections = sectionsInOrder(a)
    .map((section) => {
      const rows = section.requirements
        .map((r) => row(r, position.get(r) ?? 0, r.findings.map((id) => byId.get(id)).filter((f): f is Finding => f !== undefined)))
        .join('\n');
      return `<div class="section"><div class="section-head"><h3>${esc1(section.title)}</h3><span class="muted">${plural(section.requirements.length, 'requirement')}</span>${statusBar(sectionSummary(section.requirements), 'mini')}</div>
<ul class="reqs">${rows}</ul></div>`;
    })
    .join('\n');
  return `<section id="requirements" aria-labelledby="requirements-h"><h2 id="requirements-h">Requirements</h2>
<p class="muted">In checklist order. Open a requirement for its reasons, checks, attestation, evidence and findings. <button type="button" class="act" data-expand-all="open">Expand all</button> <button type="button" class="act" data-expand-all="close">Collapse all</button></p>
${sections}
</section>`;
}
