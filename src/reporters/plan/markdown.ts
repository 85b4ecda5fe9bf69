/**
 * The plan as a Markdown tracker a team can paste into an issue or a wiki page: an overview table, then per item a
 * task list of what to do, the evidence to attest, the affected resources and the fixes (AWS CLI, CloudFormation,
 * Terraform) folded away. Untrusted strings are escaped (`mdText`) or put in code spans (`mdCode`).
 */
import { STATUS_LABELS, type RequirementStatus } from '../../core/index.js';
import { mdCode, mdText } from '../_lib/markdown-escape.js';
import { cleanText, oneLine } from '../_lib/text.js';
import { BUCKET_ORDER, BUCKET_TITLES, type AdvisoryItem, type Affected, type Ownership, type Plan, type PlanFix, type PlanItem } from './model.js';

const ICON: Record<RequirementStatus, string> = {
  compliant: '✅',
  partially_compliant: '🟡',
  non_compliant: '❌',
  not_applicable: '➖',
  unknown: '❔',
};

function flags(o: Ownership): string {
  return [o.flags.overdue ? '⏰ overdue' : '', o.flags.noOwner ? '👤 no owner' : ''].filter(Boolean).join(', ');
}

function affectedText(a: Affected): string {
  if (a.resources === 0) return '—';
  const accounts = a.accounts.length > 0 ? ` in ${a.accounts.length} account(s)` : '';
  return `${a.resources} resource(s)${accounts}`;
}

/** A fenced code block whose fence no backtick run inside can close. */
export function codeBlock(language: string, body: string): string[] {
  const text = cleanText(body).replace(/\s+$/, '');
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${language}`, text, fence];
}

/** An autolink for a plain https URL (the rules' documentation links); anything else stays a code span. */
function link(url: string): string {
  return /^https:\/\/[A-Za-z0-9.-]+(\/[A-Za-z0-9._~%!$&'*+,;=:@/?#-]*)?$/.test(url) ? `<${url}>` : mdCode(url);
}

function fixDetails(fix: PlanFix): string[] {
  const out: string[] = [];
  const snippets: Array<[string, string, string | undefined]> = [
    ['AWS CLI', 'bash', fix.cli],
    ['CloudFormation', 'yaml', fix.cloudformation],
    ['Terraform', 'hcl', fix.terraform],
  ];
  for (const [label, language, body] of snippets) {
    if (body === undefined) continue;
    out.push(`<details><summary>${label}: ${mdText(fix.ruleId)}</summary>`, '', ...codeBlock(language, body), '', '</details>', '');
  }
  if (fix.console.length > 0) {
    out.push(`<details><summary>Console: ${mdText(fix.ruleId)}</summary>`, '', ...fix.console.map((step, i) => `${i + 1}. ${mdText(step)}`), '', '</details>', '');
  }
  if (fix.links.length > 0) out.push(`Docs: ${fix.links.map(link).join(' · ')}`, '');
  return out;
}

function resources(a: Affected): string[] {
  if (a.top.length === 0) return [];
  const lines = a.top.map((r) => {
    const place = r.file !== undefined ? `${r.file}${r.line !== undefined ? `:${r.line}` : ''}` : [r.account, r.region].filter(Boolean).join('/');
    return `- ${mdCode(r.name ?? r.uid)}${r.name !== undefined ? ` (${mdCode(r.uid)})` : ''}${place !== '' ? ` · ${mdCode(place)}` : ''} · ${mdText(r.status)}: ${mdText(r.message)}`;
  });
  if (a.resources > a.top.length) lines.push(`- …and ${a.resources - a.top.length} more (see the assessment)`);
  return ['**Affected resources**', '', ...lines, ''];
}

function owner(o: Ownership): string {
  const who = o.owner !== undefined ? mdText(o.owner) : '**none**';
  const due = o.due !== undefined ? mdText(o.due) : '—';
  const note = o.note !== undefined ? ` · note: ${mdText(o.note)}` : '';
  const flagged = flags(o);
  return `Owner: ${who} · due: ${due}${note}${flagged !== '' ? ` · ${flagged}` : ''}`;
}

function item(i: PlanItem): string[] {
  const severity = i.severity !== null ? ` · severity ${i.severity}` : '';
  const out = [
    `### ${i.rank}. ${mdText(i.requirement.id)}: ${mdText(i.requirement.title)}`,
    '',
    [`${ICON[i.status]} ${STATUS_LABELS[i.status]}${severity}`, i.affected.resources > 0 ? affectedText(i.affected) : '', mdText(i.requirement.sectionTitle)].filter(Boolean).join(' · '),
    '',
    owner(i),
    '',
  ];
  if (i.reasons.length > 0) out.push(`**Why:** ${i.reasons.map((r) => mdText(r.message)).join('; ')}`, '');
  out.push('**What to do**', '', ...i.actions.map((a) => `- [ ] ${mdText(a)}`), '');
  if (i.evidence.length > 0) {
    out.push('**Evidence to attest**', '', ...i.evidence.map((p) => `- [ ] ${mdCode(p.id)} (${mdText(p.kind)}): ${mdText(p.description)}`), '');
  }
  if (i.attestCommands.length > 0) out.push(...codeBlock('bash', i.attestCommands.map(oneLine).join('\n')), '');
  out.push(...resources(i.affected));
  for (const fix of i.fixes) out.push(...fixDetails(fix));
  return out;
}

function advisory(a: AdvisoryItem): string[] {
  const why = a.kind === 'best-practice' ? `best practice${a.area !== undefined ? ` (${mdText(a.area)})` : ''}` : `informs ${a.informs.map((id) => mdText(id)).join(', ') || 'no requirement'}`;
  return [
    `### ${a.rank}. ${mdCode(a.fix.ruleId)}: ${mdText(a.fix.title)}`,
    '',
    `Severity ${a.fix.severity} · ${why} · ${affectedText(a.affected)}`,
    '',
    owner(a),
    '',
    `- [ ] ${mdText(a.fix.summary)}`,
    '',
    ...resources(a.affected),
    ...fixDetails(a.fix),
  ];
}

function overview(plan: Plan): string[] {
  const rows = plan.items.map(
    (i) =>
      `| ${i.rank} | ${mdText(i.requirement.id)} | ${mdText(i.requirement.title)} | ${BUCKET_TITLES[i.bucket]} | ${ICON[i.status]} ${STATUS_LABELS[i.status]} | ${i.severity ?? '—'} | ${affectedText(i.affected)} | ${i.owner !== undefined ? mdText(i.owner) : '—'} | ${i.due !== undefined ? mdText(i.due) : '—'} | ${flags(i)} |`,
  );
  return ['| # | Requirement | Title | Area | Status | Severity | Affected | Owner | Due | Flags |', '| ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- |', ...rows];
}

function callouts(plan: Plan): string[] {
  const overdue = plan.items.filter((i) => i.flags.overdue);
  const unowned = plan.items.filter((i) => i.flags.noOwner);
  if (overdue.length === 0 && unowned.length === 0) return [];
  const out = ['> [!WARNING]'];
  if (overdue.length > 0) out.push(`> **Overdue (${overdue.length}):** ${overdue.map((i) => `${mdText(i.requirement.id)} (due ${mdText(i.due ?? '')})`).join(', ')}`);
  if (overdue.length > 0 && unowned.length > 0) out.push('>');
  if (unowned.length > 0) {
    out.push(`> **No owner (${unowned.length}):** ${unowned.map((i) => mdText(i.requirement.id)).join(', ')}. Add \`plan:\` entries (requirement, owner, due) to ftr.yaml.`);
  }
  return [...out, ''];
}

export function renderPlanMarkdown(plan: Plan): string {
  const product = plan.product !== undefined ? `${mdText(plan.product)}: ` : '';
  const counts = BUCKET_ORDER.map((b) => `${plan.summary.byBucket[b]} ${BUCKET_TITLES[b].toLowerCase()}`).join(', ');
  const out = [
    `# FTR remediation plan: ${product}${mdText(plan.checklist.title)} ${mdText(plan.checklist.version)}`,
    '',
    `From the assessment generated ${mdText(plan.generatedAt)} by ${mdText(`${plan.tool.name} ${plan.tool.version}`)}; due dates are compared with ${mdText(plan.asOf)}.`,
    '',
    `**${plan.summary.items} item(s)** (${counts}) in the order to work on them: security first, then documentation, then operational tooling; within each, the most severe and widest first.`,
    '',
    ...callouts(plan),
  ];
  if (plan.items.length === 0) out.push('Nothing to do: every requirement is compliant or not applicable.', '');
  else out.push(...overview(plan), '');
  for (const bucket of BUCKET_ORDER) {
    const items = plan.items.filter((i) => i.bucket === bucket);
    if (items.length === 0) continue;
    out.push(`## ${BUCKET_TITLES[bucket]} (${items.length})`, '');
    for (const i of items) out.push(...item(i));
  }
  if (plan.advisory.length > 0) {
    out.push(`## Also worth fixing (${plan.advisory.length})`, '', 'Failing checks that decide no requirement on their own: they inform one, or are best practice.', '');
    for (const a of plan.advisory) out.push(...advisory(a));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
