/**
 * A diff as Markdown (for a pull-request comment or a CI job summary). Untrusted strings are escaped (`mdText`) or
 * put in code spans (`mdCode`).
 */
import { STATUS_LABELS } from '../../core/index.js';
import { mdCode, mdText } from '../_lib/markdown-escape.js';
import { summaryDelta, type AssessmentDiff, type ListChange } from './compare.js';
import { CHANGE_SECTIONS, changesOf, place, resourceName, statusWord } from './sections.js';

export interface DiffMarkdownOptions {
  /** Findings listed per section before "…and N more" (default 50). */
  maxFindings?: number;
}

const ARROW: Record<string, string> = { worse: '🔻', better: '🔺', changed: '↔️', added: '➕', removed: '➖' };

function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

function listLine(label: string, change: ListChange): string[] {
  const parts = [...change.added.map((x) => `+${mdCode(x)}`), ...change.removed.map((x) => `−${mdCode(x)}`)];
  return parts.length > 0 ? [`- ${label}: ${parts.join(', ')}`] : [];
}

export function renderDiffMarkdown(diff: AssessmentDiff, options: DiffMarkdownOptions = {}): string {
  const max = Math.max(0, options.maxFindings ?? 50);
  const { old, new: now } = diff;
  const out = [
    '# FTR readiness: what changed',
    '',
    `From ${mdText(old.generatedAt)} (${mdText(`${old.checklist.id} ${old.checklist.version}`)}) to ${mdText(now.generatedAt)} (${mdText(`${now.checklist.id} ${now.checklist.version}`)}).`,
    '',
    `**${diff.findings.regressed.length} regressed · ${diff.findings.new.length} new · ${diff.findings.fixed.length} fixed** · ${diff.findings.stillFailing} still failing · ${diff.requirements.filter((r) => r.direction === 'worse').length} requirement(s) worse, ${diff.requirements.filter((r) => r.direction === 'better').length} better`,
    '',
  ];
  if (diff.checklist.changed) {
    const what = [
      diff.checklist.idChanged || diff.checklist.versionChanged ? `checklist ${mdText(`${old.checklist.id} ${old.checklist.version}`)} → ${mdText(`${now.checklist.id} ${now.checklist.version}`)}` : '',
      diff.checklist.catalogChanged ? `catalog ${mdCode(old.catalogHash.slice(0, 12))} → ${mdCode(now.catalogHash.slice(0, 12))}` : '',
    ].filter(Boolean);
    out.push('> [!NOTE]', `> The yardstick changed: ${what.join('; ')}. Some differences come from the checklist or the catalog, not from the accounts.`, '');
  }
  out.push('| Status | Before | After | Change |', '| --- | ---: | ---: | ---: |');
  for (const row of summaryDelta(diff)) out.push(`| ${STATUS_LABELS[row.status]} | ${row.old} | ${row.new} | ${signed(row.delta)} |`);
  out.push('');
  if (diff.scope.changed) {
    out.push('## Scope', '', ...listLine('Accounts', diff.scope.accounts), ...listLine('Regions', diff.scope.regions), ...listLine('Sources', diff.scope.sources), ...listLine('Files', diff.scope.files), '');
  }
  if (diff.requirements.length > 0) {
    out.push(`## Requirements (${diff.requirements.length})`, '', '| | Requirement | Before | After | Why now |', '| --- | --- | --- | --- | --- |');
    for (const r of diff.requirements) {
      const label = (s: typeof r.from) => (s === null ? '—' : STATUS_LABELS[s]);
      out.push(`| ${ARROW[r.direction] ?? ''} | ${mdText(r.id)}: ${mdText(r.title)} | ${label(r.from)} | ${label(r.to)} | ${mdText(r.reasons[0] ?? '')} |`);
    }
    out.push('');
  }
  for (const section of CHANGE_SECTIONS) {
    const changes = changesOf(diff, section);
    if (changes.length === 0) continue;
    out.push(`## ${section.title} (${changes.length})`, '', `_${mdText(section.note)}_`, '', '| Severity | Rule | Resource | Where | Before → after | Message |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of changes.slice(0, max)) {
      const where = place(c);
      out.push(`| ${c.severity} | ${mdCode(c.ruleId)} | ${mdCode(resourceName(c))} | ${where !== '' ? mdCode(where) : ''} | ${statusWord(c.from)} → ${statusWord(c.to)} | ${mdText(c.message)} |`);
    }
    if (changes.length > max) out.push('', `_…and ${changes.length - max} more._`);
    out.push('');
  }
  if (diff.attestationsExpired.length > 0) {
    out.push(`## Attestations expired (${diff.attestationsExpired.length})`, '');
    for (const a of diff.attestationsExpired) out.push(`- ${mdText(a.id)}: ${mdText(a.title)}, expired ${mdText(a.expires ?? '')} (owner ${mdText(a.owner)}); renew it with \`ftr attest\``);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
