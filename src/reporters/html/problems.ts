/** What limits the result: collection problems (denied actions are missing permissions), waivers and warnings. */
import type { Assessment } from '../../core/index.js';
import { deniedActions, waiversInOrder } from '../_lib/findings.js';
import { count, esc1, plural } from './escape.js';
import { SOURCE_LABEL } from './header.js';

type Record_ = Assessment['collection'][number];

const OUTCOME: Record<Record_['outcome'], string> = { ok: 'ok', access_denied: 'Access denied', throttled: 'Throttled', unsupported: 'Unsupported', error: 'Error' };

function where(r: Record_): string {
  if (r.file !== undefined) return `<code>${esc1(r.file)}${r.line !== undefined ? `:${r.line}` : ''}</code>`;
  return [r.account !== undefined ? `<code>${esc1(r.account)}</code>` : '', r.region !== undefined ? esc1(r.region) : ''].filter(Boolean).join(' / ') || SOURCE_LABEL[r.source];
}

function calls(r: Record_): string {
  return Object.entries(r.calls)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${count(n)} ${OUTCOME[k as Record_['outcome']] ?? esc1(k)}`.toLowerCase())
    .join(', ');
}

const AFFECTED_SHOWN = 3;

/** Resources a partly denied action could not read (say 1 of 200 GetBucketPolicy calls); empty when all were denied. */
function affected(a: Assessment, action: string): string {
  const records = a.collection.filter((r) => r.action === action && r.outcome === 'access_denied');
  const uids = [...new Set(records.flatMap((r) => r.affected))];
  if (uids.length === 0) return `<span class="muted">${records.every((r) => (r.calls['ok'] ?? 0) === 0) ? 'every call denied' : 'not recorded'}</span>`;
  const shown = uids.slice(0, AFFECTED_SHOWN).map((u) => `<code>${esc1(u)}</code>`).join(' ');
  return uids.length > AFFECTED_SHOWN ? `${shown} <span class="muted">and ${count(uids.length - AFFECTED_SHOWN)} more</span>` : shown;
}

export function renderCollection(a: Assessment): string {
  const denied = deniedActions(a);
  const other = a.collection.filter((r) => r.outcome !== 'ok' && r.outcome !== 'access_denied');
  const deniedTable =
    denied.length === 0
      ? '<p>No action was denied.</p>'
      : `<p>The scan was denied these IAM actions, so what depends on them is <em>not evaluated</em>. <code>ftr policy</code> prints the read-only policy the scan needs.</p>
<div class="tablebox"><table><thead><tr><th>IAM action</th><th class="num">Denied in</th><th class="num">Calls</th><th>Accounts</th><th>Resources affected</th></tr></thead><tbody>${denied
          .map(
            (d) =>
              `<tr><td><code>${esc1(d.action)}</code></td><td class="num">${plural(d.places, 'place')}</td><td class="num">${count(d.calls)}</td><td>${d.accounts.map((x) => `<code>${esc1(x)}</code>`).join(' ')}</td><td>${affected(a, d.action)}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;
  const otherTable =
    other.length === 0
      ? ''
      : `<h4>Other collection problems</h4><div class="tablebox"><table><thead><tr><th>Outcome</th><th>Action</th><th>Where</th><th>Calls</th><th>Message</th></tr></thead><tbody>${other
          .map(
            (r) =>
              `<tr><td>${OUTCOME[r.outcome]}</td><td><code>${esc1(r.action)}</code></td><td>${where(r)}</td><td>${calls(r)}${r.affected.length > 0 ? `<br><span class="muted">${plural(r.affected.length, 'resource')} affected</span>` : ''}</td><td>${esc1(r.message ?? '')}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;
  return `<section id="collection" aria-labelledby="collection-h"><h2 id="collection-h">Collection problems <span class="muted">(${count(denied.length + other.length)})</span></h2>
<h4>Missing permissions</h4>${deniedTable}${otherTable}</section>`;
}

export function renderWaivers(a: Assessment): string {
  const list = waiversInOrder(a);
  const body =
    list.length === 0
      ? '<p class="muted">No waivers in ftr.yaml or template metadata.</p>'
      : `<div class="tablebox"><table><thead><tr><th>Rule</th><th>Resource</th><th>Reason</th><th>Owner</th><th>Expires</th><th class="num">Applied</th><th>Declared in</th></tr></thead><tbody>${list
          .map(
            (w) =>
              `<tr><td><code>${esc1(w.rule)}</code></td><td><code>${esc1(w.resource)}</code></td><td>${esc1(w.reason)}</td><td>${esc1(w.owner ?? '')}</td><td class="nowrap">${esc1(w.expires ?? '')}${
                w.expired ? ' <span class="tag bad">expired</span>' : ''
              }</td><td class="num">${count(w.applied)}</td><td><code>${esc1(w.origin)}</code></td></tr>`,
          )
          .join('')}</tbody></table></div>`;
  return `<section id="waivers" aria-labelledby="waivers-h"><h2 id="waivers-h">Waivers <span class="muted">(${count(list.length)})</span></h2>
<p class="muted">Waived findings do not gate a requirement; they stay listed with their reason.</p>${body}</section>`;
}

export function renderWarnings(a: Assessment): string {
  if (a.warnings.length === 0) return '';
  const items = a.warnings
    .map((w) => `<li><code>${esc1(w.code)}</code> ${esc1(w.message)}${w.file !== undefined ? ` <span class="muted">(${esc1(w.file)}${w.line !== undefined ? `:${w.line}` : ''})</span>` : ''}</li>`)
    .join('');
  return `<section id="warnings" aria-labelledby="warnings-h"><h2 id="warnings-h">Warnings <span class="muted">(${count(a.warnings.length)})</span></h2><ul class="plain">${items}</ul></section>`;
}
