/**
 * The plan as CSV for a spreadsheet tracker: one row per item, advisory checks after them. RFC 4180 with every field
 * quoted, UTF-8 with a byte-order mark and CRLF (what Excel needs), and no cell can start a formula.
 */
import { STATUS_LABELS } from '../../core/index.js';
import { spreadsheetCell } from '../_lib/self-assessment.js';
import { cleanText, oneLine } from '../_lib/text.js';
import { BUCKET_TITLES, type Affected, type Ownership, type Plan, type PlanFix } from './model.js';

export interface PlanCsvOptions {
  /** Prefix a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export const PLAN_COLUMNS = [
  'Rank',
  'Area',
  'Requirement',
  'Title',
  'Status',
  'Severity',
  'Resources affected',
  'Accounts affected',
  'Owner',
  'Due',
  'Flags',
  'Why',
  'What to do',
  'Evidence to attest',
  'Affected resources (worst first)',
  'AWS CLI',
  'CloudFormation',
  'Terraform',
  'Done',
] as const;

function field(value: string): string {
  return `"${spreadsheetCell(value).replace(/"/g, '""')}"`;
}

function flags(o: Ownership): string {
  return [o.flags.overdue ? 'overdue' : '', o.flags.noOwner ? 'no owner' : ''].filter(Boolean).join(', ');
}

function resources(a: Affected): string {
  const lines = a.top.map((r) => `${oneLine(r.name ?? r.uid)} (${oneLine([r.account, r.region].filter(Boolean).join('/') || r.file || r.uid)})`);
  if (a.resources > a.top.length) lines.push(`…and ${a.resources - a.top.length} more`);
  return lines.join('\n');
}

function snippets(fixes: readonly PlanFix[], pick: (f: PlanFix) => string | undefined): string {
  return fixes
    .map((f) => {
      const body = pick(f);
      return body === undefined ? '' : `# ${f.ruleId}\n${cleanText(body).trim()}`;
    })
    .filter(Boolean)
    .join('\n\n');
}

export function renderPlanCsv(plan: Plan, options: PlanCsvOptions = {}): string {
  const rows: string[][] = [];
  for (const i of plan.items) {
    rows.push([
      String(i.rank),
      BUCKET_TITLES[i.bucket],
      oneLine(i.requirement.id),
      oneLine(i.requirement.title),
      STATUS_LABELS[i.status],
      i.severity ?? '',
      String(i.affected.resources),
      String(i.affected.accounts.length),
      oneLine(i.owner ?? ''),
      oneLine(i.due ?? ''),
      flags(i),
      i.reasons.map((r) => oneLine(r.message)).join('\n'),
      i.actions.map((a) => `• ${oneLine(a)}`).join('\n'),
      [...i.evidence.map((p) => `${oneLine(p.id)}: ${oneLine(p.description)}`), ...i.attestCommands.map(oneLine)].join('\n'),
      resources(i.affected),
      snippets(i.fixes, (f) => f.cli),
      snippets(i.fixes, (f) => f.cloudformation),
      snippets(i.fixes, (f) => f.terraform),
      '',
    ]);
  }
  for (const a of plan.advisory) {
    rows.push([
      `A${a.rank}`,
      a.kind === 'best-practice' ? `Best practice${a.area !== undefined ? ` (${oneLine(a.area)})` : ''}` : 'Informing',
      a.informs.map(oneLine).join(', '),
      `${oneLine(a.fix.ruleId)}: ${oneLine(a.fix.title)}`,
      'Failing check',
      a.fix.severity,
      String(a.affected.resources),
      String(a.affected.accounts.length),
      oneLine(a.owner ?? ''),
      oneLine(a.due ?? ''),
      flags(a),
      '',
      `• ${oneLine(a.fix.summary)}`,
      '',
      resources(a.affected),
      snippets([a.fix], (f) => f.cli),
      snippets([a.fix], (f) => f.cloudformation),
      snippets([a.fix], (f) => f.terraform),
      '',
    ]);
  }
  const lines = [PLAN_COLUMNS.map(field).join(','), ...rows.map((r) => r.map(field).join(','))];
  return `${options.bom === false ? '' : '\ufeff'}${lines.join('\r\n')}\r\n`;
}
