/**
 * Markdown for CI job summaries and pull-request comments (GitHub-flavoured): a summary table, a table per section,
 * the failing findings (capped), missing permissions and waivers. Every string that came from an account, a
 * template, ftr.yaml or the catalog is escaped (`mdText`) or put in a code span (`mdCode`).
 */
import { STATUS_LABELS, REQUIREMENT_STATUSES, type AssessedRequirement, type Assessment, type Finding, type RequirementStatus } from '../core/index.js';
import { deniedActions, isUnknown, placeLabel, resourceLabel, sortedFindings, waiversInOrder } from './_lib/findings.js';
import { mdCode, mdText } from './_lib/markdown-escape.js';
import { sectionsInOrder, topReason } from './_lib/sections.js';

export interface MarkdownOptions {
  /** Failing findings listed before "…and N more" (default 50: a PR comment holds at most 65,536 characters). */
  maxFindings?: number;
}

const DEFAULT_MAX_FINDINGS = 50;

const ICON: Record<RequirementStatus, string> = {
  compliant: '✅',
  partially_compliant: '🟡',
  non_compliant: '❌',
  not_applicable: '➖',
  unknown: '❔',
};

function status(s: RequirementStatus): string {
  return `${ICON[s]} ${STATUS_LABELS[s]}`;
}

function table(head: string[], rows: string[][], align?: string[]): string[] {
  return [`| ${head.join(' | ')} |`, `| ${(align ?? head.map(() => '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function provenance(assessment: Assessment): string[] {
  const { checklist, tool, scope } = assessment;
  const lines = [
    `Generated ${mdText(assessment.generatedAt)} by ${mdText(`${tool.name} ${tool.version}`)} · checklist ${mdText(checklist.version)} (${mdText(checklist.versionTitle)}) · catalog ${mdCode(assessment.catalogHash.slice(0, 12))}`,
    '',
    `Sources: ${scope.sources.join(', ') || 'none'}${scope.accounts.length > 0 ? ` · accounts: ${scope.accounts.map(mdCode).join(', ')}` : ''}${scope.files.length > 0 ? ` · ${scope.files.length} file(s)` : ''}`,
  ];
  if (checklist.expired) {
    lines.push('', `> [!WARNING]`, `> This checklist version was accepted until ${mdText(checklist.acceptedUntil)}; check the AWS checklist page for a newer version.`);
  }
  return lines;
}

function summary(assessment: Assessment): string[] {
  const rows = REQUIREMENT_STATUSES.map((s) => [status(s), String(assessment.summary[s])]);
  rows.push(['**Total**', `**${assessment.requirements.length}**`]);
  return table(['Status', 'Requirements'], rows, ['---', '---:']);
}

function requirementRow(r: AssessedRequirement): string[] {
  return [mdText(r.id), mdText(r.title), status(r.status), mdText(topReason(r) ?? '')];
}

function findingRow(f: Finding): string[] {
  const place = placeLabel(f);
  return [mdText(f.severity), mdCode(f.ruleId), mdCode(resourceLabel(f)), place !== '' ? mdCode(place) : '', mdText(f.message)];
}

function findingsSection(title: string, findings: readonly Finding[], max: number): string[] {
  if (findings.length === 0) return [];
  const shown = findings.slice(0, max);
  const lines = [`## ${title} (${findings.length})`, '', ...table(['Severity', 'Rule', 'Resource', 'Where', 'Message'], shown.map(findingRow))];
  if (findings.length > shown.length) lines.push('', `_…and ${findings.length - shown.length} more._`);
  return lines;
}

function permissions(assessment: Assessment): string[] {
  const denied = deniedActions(assessment);
  if (denied.length === 0) return [];
  return [
    `## Missing permissions (${denied.length})`,
    '',
    'The scan was denied these IAM actions, so what depends on them is unknown. `ftr policy` prints the read-only policy the scan needs.',
    '',
    ...table(
      ['IAM action', 'Denied in', 'Calls', 'Accounts'],
      denied.map((d) => [mdCode(d.action), `${d.places} account/region(s)`, String(d.calls), d.accounts.map(mdCode).join(', ')]),
      ['---', '---', '---:', '---'],
    ),
  ];
}

function waivers(assessment: Assessment): string[] {
  const list = waiversInOrder(assessment);
  if (list.length === 0) return [];
  return [
    `## Waivers (${list.length})`,
    '',
    ...table(
      ['Rule', 'Resource', 'Reason', 'Owner', 'Expires', 'Applied', 'Where'],
      list.map((w) => [
        mdCode(w.rule),
        mdCode(w.resource),
        mdText(w.reason),
        mdText(w.owner ?? ''),
        `${mdText(w.expires ?? '')}${w.expired ? ' (expired)' : ''}`,
        String(w.applied),
        mdCode(w.origin),
      ]),
    ),
  ];
}

function warnings(assessment: Assessment): string[] {
  if (assessment.warnings.length === 0) return [];
  return [
    `## Warnings (${assessment.warnings.length})`,
    '',
    ...assessment.warnings.map((w) => `- ${mdCode(w.code)}: ${mdText(w.message)}${w.file !== undefined ? ` (${mdCode(`${w.file}${w.line !== undefined ? `:${w.line}` : ''}`)})` : ''}`),
  ];
}

export function renderMarkdown(assessment: Assessment, options: MarkdownOptions = {}): string {
  const max = Math.max(0, options.maxFindings ?? DEFAULT_MAX_FINDINGS);
  const product = assessment.product.name !== undefined ? `${mdText(assessment.product.name)}: ` : '';
  const out: string[] = [`# FTR readiness: ${product}${mdText(assessment.checklist.title)} ${mdText(assessment.checklist.version)}`, '', ...provenance(assessment)];
  out.push('', '## Summary', '', ...summary(assessment), '', '## Requirements');
  for (const section of sectionsInOrder(assessment)) {
    out.push('', `### ${mdText(section.title)}`, '', ...table(['ID', 'Requirement', 'Status', 'Reason'], section.requirements.map(requirementRow)));
  }
  const sections = [
    findingsSection('Failing findings', sortedFindings(assessment.findings, (f) => f.status === 'fail'), max),
    findingsSection('Not evaluated', sortedFindings(assessment.findings, isUnknown), max),
    permissions(assessment),
    waivers(assessment),
    warnings(assessment),
  ];
  for (const block of sections) if (block.length > 0) out.push('', ...block);
  return `${out.join('\n')}\n`;
}
