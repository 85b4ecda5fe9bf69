/** The header (what was assessed, against which checklist, by which tool, when) and the full provenance at the end. */
import type { Assessment, Source } from '../../core/index.js';
import { count, esc, esc1, linkOrText, plural } from './escape.js';

export const SOURCE_LABEL: Record<Source, string> = { live: 'Live accounts', cloudformation: 'CloudFormation', terraform: 'Terraform' };

/** "2026-06-01 12:00 UTC" from an ISO timestamp; anything else as it is. */
export function when(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function scopeLine(a: Assessment): string {
  const { scope } = a;
  const parts = [
    scope.accounts.length > 0 ? plural(scope.accounts.length, 'account') : '',
    scope.regions.length > 0 ? plural(scope.regions.length, 'region') : '',
    scope.files.length > 0 ? plural(scope.files.length, 'file') : '',
    plural(scope.snapshots.length, 'snapshot'),
  ];
  return parts.filter(Boolean).join(' · ');
}

function item(label: string, value: string, wide = false): string {
  return `<div${wide ? ' class="wide"' : ''}><dt>${label}</dt><dd>${value}</dd></div>`;
}

export interface TocEntry {
  id: string;
  label: string;
}

export function renderHeader(a: Assessment, toc: readonly TocEntry[]): string {
  const { checklist, tool } = a;
  const title = a.product.name !== undefined && a.product.name.trim() !== '' ? esc1(a.product.name) : esc1(checklist.title);
  const accepted = `${esc1(checklist.acceptedUntil)}${checklist.expired ? ' <span class="tag bad">expired</span>' : ''}`;
  const banner = checklist.expired
    ? `<p class="banner" role="note"><strong>This checklist version has expired.</strong> ${esc1(checklist.version)} was accepted for reviews until ${esc1(checklist.acceptedUntil)}; check the AWS checklist page (${linkOrText(checklist.url)}) for a newer version before you submit.</p>`
    : '';
  return `<header class="top"><div class="wrap">
<div class="eyebrow">AWS Foundational Technical Review · readiness report</div>
<h1>${title}</h1>
<p class="subtitle">${esc1(checklist.title)} · ${esc1(checklist.versionTitle)}</p>
<dl class="meta">
${item('Checklist version', `<code>${esc1(checklist.version)}</code> <span class="muted">(valid until ${esc1(checklist.validUntil)})</span>`)}
${item('Accepted until', accepted)}
${item('Generated', esc1(when(a.generatedAt)))}
${item('Tool', `${esc1(tool.name)} ${esc1(tool.version)}`)}
${item('Catalog', `<code title="${esc1(a.catalogHash)}">${esc1(a.catalogHash.slice(0, 12))}</code>`)}
${item('Scope', `${a.scope.sources.map((s) => SOURCE_LABEL[s]).join(', ') || 'no sources'}<br><span class="muted">${scopeLine(a)}</span>`, true)}
</dl>
${banner}
<nav class="toc" aria-label="Contents">${toc.map((t) => `<a href="#${t.id}">${t.label}</a>`).join('')}</nav>
</div></header>`;
}

export function renderAbout(a: Assessment): string {
  const { scope } = a;
  const snapshots = scope.snapshots.length === 0
    ? '<p class="muted">No snapshots.</p>'
    : `<div class="tablebox"><table><thead><tr><th>Snapshot</th><th>Collected</th><th>sha256</th></tr></thead><tbody>${scope.snapshots
        .map((s) => `<tr><td><code>${esc1(s.path)}</code></td><td>${esc1(when(s.collectedAt))}</td><td><code title="${esc1(s.sha256)}">${esc1(s.sha256.slice(0, 16))}…</code></td></tr>`)
        .join('')}</tbody></table></div>`;
  const accounts = a.accounts.length === 0
    ? ''
    : `<h4>Accounts</h4><div class="tablebox"><table><thead><tr><th>Account</th><th>Name</th><th class="num">Pass</th><th class="num">Fail</th><th class="num">Not evaluated</th><th class="num">Waived</th></tr></thead><tbody>${a.accounts
        .map(
          (acc) =>
            `<tr><td><code>${esc1(acc.id)}</code></td><td>${esc1(acc.name ?? '')}</td><td class="num">${count(acc.summary.pass)}</td><td class="num">${count(acc.summary.fail)}</td><td class="num">${count(acc.summary.unknown)}</td><td class="num">${count(acc.summary.waived)}</td></tr>`,
        )
        .join('')}</tbody></table></div>`;
  const list = (label: string, values: readonly string[]): string =>
    values.length === 0 ? '' : `<h4>${label} (${count(values.length)})</h4><p>${values.map((v) => `<code>${esc1(v)}</code>`).join(' ')}</p>`;
  return `<section id="about" aria-labelledby="about-h"><h2 id="about-h">About this report</h2>
<dl class="kv">
<dt>Checklist</dt><dd>${esc1(a.checklist.title)}, ${esc1(a.checklist.versionTitle)} (<code>${esc1(a.checklist.id)}@${esc1(a.checklist.version)}</code>) · ${linkOrText(a.checklist.url)}</dd>
<dt>Catalog hash</dt><dd><code>${esc1(a.catalogHash)}</code></dd>
<dt>Assessment</dt><dd>schema version ${count(a.schemaVersion)}, generated ${esc1(when(a.generatedAt))} by ${esc1(a.tool.name)} ${esc1(a.tool.version)}</dd>
<dt>Sources</dt><dd>${a.scope.sources.map((s) => SOURCE_LABEL[s]).join(', ') || 'none'}</dd>
</dl>
<h4>Snapshots</h4>${snapshots}
${accounts}
${list('Regions', scope.regions)}
${list('Files', scope.files)}
<p class="foot">Everything in this file was written by ${esc(a.tool.name)} from the assessment above; it loads nothing from the network. Text that came from scanned accounts, templates and ftr.yaml is shown as text, never run.</p>
</section>`;
}
