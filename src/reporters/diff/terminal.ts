/**
 * A diff for the terminal: the counts, then each change on one line. Untrusted strings go through `oneLine` and are
 * cut to the width; the only escape codes are our own colours, and only when asked for.
 */
import { STATUS_LABELS } from '../../core/index.js';
import { oneLine, truncate } from '../_lib/text.js';
import { summaryDelta, type AssessmentDiff, type ListChange } from './compare.js';
import { CHANGE_SECTIONS, changesOf, place, resourceName, statusWord } from './sections.js';

export interface DiffTerminalOptions {
  color: boolean;
  /** Columns to fit (default 100). */
  width?: number;
  /** Findings listed per section (default 20). */
  maxFindings?: number;
}

// SGR: red for what got worse, green for what got better, yellow for what needs a look.
const TONE: Record<string, string> = { regressed: '31', new: '31', fixed: '32', waived: '33', nowUnknown: '35', worse: '31', better: '32', changed: '2', added: '36', removed: '2' };

export function renderDiffTerminal(diff: AssessmentDiff, options: DiffTerminalOptions): string {
  const width = Math.max(40, options.width ?? 100);
  const max = Math.max(0, options.maxFindings ?? 20);
  const paint = (code: string | undefined, text: string) => (options.color && code !== undefined ? `\u001b[${code}m${text}\u001b[0m` : text);
  const bold = (text: string) => paint('1', text);
  const fit = (text: string, room: number) => truncate(oneLine(text), Math.max(8, room), options.color ? '…' : '...');
  const { old, new: now } = diff;
  const out = [
    bold('What changed'),
    `  ${fit(`${old.generatedAt} (${old.checklist.id} ${old.checklist.version})`, width - 6)}`,
    `→ ${fit(`${now.generatedAt} (${now.checklist.id} ${now.checklist.version})`, width - 6)}`,
    '',
    `${paint(TONE['regressed'], `${diff.findings.regressed.length} regressed`)}, ${paint(TONE['new'], `${diff.findings.new.length} new`)}, ${paint(TONE['fixed'], `${diff.findings.fixed.length} fixed`)}, ${diff.findings.stillFailing} still failing`,
    summaryDelta(diff)
      .map((r) => `${STATUS_LABELS[r.status]} ${r.old}→${r.new}`)
      .join(' | '),
  ];
  if (diff.checklist.changed) {
    const parts = [
      diff.checklist.idChanged || diff.checklist.versionChanged ? `checklist ${oneLine(`${old.checklist.id} ${old.checklist.version}`)} → ${oneLine(`${now.checklist.id} ${now.checklist.version}`)}` : '',
      diff.checklist.catalogChanged ? `catalog ${oneLine(old.catalogHash).slice(0, 12)} → ${oneLine(now.catalogHash).slice(0, 12)}` : '',
    ].filter(Boolean);
    out.push(paint('33', `Note: the yardstick changed (${parts.join('; ')}); some differences are not in the accounts.`));
  }
  if (diff.scope.changed) {
    const line = (label: string, c: ListChange) => {
      const parts = [...c.added.map((x) => `+${oneLine(x)}`), ...c.removed.map((x) => `-${oneLine(x)}`)];
      return parts.length > 0 ? `  ${label}: ${parts.join(' ')}` : '';
    };
    out.push('', bold('Scope'), ...[line('accounts', diff.scope.accounts), line('regions', diff.scope.regions), line('sources', diff.scope.sources), line('files', diff.scope.files)].filter(Boolean).map((l) => fit(l, width)));
  }
  if (diff.requirements.length > 0) {
    out.push('', bold(`Requirements (${diff.requirements.length})`));
    for (const r of diff.requirements) {
      const from = r.from === null ? '(none)' : STATUS_LABELS[r.from];
      const to = r.to === null ? '(none)' : STATUS_LABELS[r.to];
      const head = `  ${paint(TONE[r.direction], r.direction.padEnd(7))} ${oneLine(r.id).padEnd(10)} ${from} → ${to}`;
      out.push(`${head}  ${fit(r.title, width - head.length - 2)}`);
    }
  }
  for (const section of CHANGE_SECTIONS) {
    const changes = changesOf(diff, section);
    if (changes.length === 0) continue;
    out.push('', `${paint(TONE[section.key], bold(`${section.title} (${changes.length})`))}  ${section.note}`);
    for (const c of changes.slice(0, max)) {
      out.push(`  ${c.severity.padEnd(8)} ${fit(c.ruleId, 40)}  ${fit(`${resourceName(c)} ${place(c)}`, width - 54)}  ${statusWord(c.from)}→${statusWord(c.to)}`);
      out.push(`           ${fit(c.message, width - 11)}`);
    }
    if (changes.length > max) out.push(`  ...and ${changes.length - max} more (--format md or json lists them all)`);
  }
  if (diff.attestationsExpired.length > 0) {
    out.push('', bold(`Attestations expired (${diff.attestationsExpired.length})`));
    for (const a of diff.attestationsExpired) out.push(`  ${fit(`${a.id} ${a.title}: expired ${a.expires ?? ''} (owner ${a.owner})`, width - 2)}`);
  }
  return `${out.join('\n')}\n`;
}
