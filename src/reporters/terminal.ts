/**
 * The human summary for a terminal: counts per status, then every requirement by section in checklist order with
 * the reason for anything that is not compliant or not applicable, then the findings, permissions, waivers and
 * warnings worth a look. Every string from an account, a template or ftr.yaml goes through `oneLine`, so a bucket
 * called "\u001b[2J" cannot clear the screen; colour codes are only ever our own.
 */
import { REQUIREMENT_STATUSES, STATUS_LABELS, type AssessedRequirement, type Assessment, type Finding, type RequirementStatus } from '../core/index.js';
import { deniedActions, isUnknown, placeLabel, resourceLabel, sortedFindings, waiversInOrder } from './_lib/findings.js';
import { sectionsInOrder } from './_lib/sections.js';
import { oneLine, truncate } from './_lib/text.js';

export interface TerminalOptions {
  color: boolean;
  /** Columns to fit (default 100). */
  width?: number;
  /** Every reason, every open finding, every waiver. */
  verbose?: boolean;
}

const DEFAULT_WIDTH = 100;
const MIN_WIDTH = 40;
const TOP_FINDINGS = 10;

const BADGE: Record<RequirementStatus, string> = {
  compliant: 'PASS',
  partially_compliant: 'PART',
  non_compliant: 'FAIL',
  not_applicable: 'N/A ',
  unknown: 'UNKN',
};

// SGR codes: green, yellow, red, dim, magenta.
const STATUS_COLOR: Record<RequirementStatus, string> = {
  compliant: '32',
  partially_compliant: '33',
  non_compliant: '31',
  not_applicable: '2',
  unknown: '35',
};

const SEVERITY_COLOR: Record<Finding['severity'], string> = { critical: '1;31', high: '31', medium: '33', low: '36', info: '2' };

class Painter {
  constructor(
    private readonly color: boolean,
    readonly width: number,
  ) {}
  paint(code: string, text: string): string {
    return this.color ? `\u001b[${code}m${text}\u001b[0m` : text;
  }
  bold(text: string): string {
    return this.paint('1', text);
  }
  dim(text: string): string {
    return this.paint('2', text);
  }
  get ellipsis(): string {
    return this.color ? '…' : '...';
  }
  get dot(): string {
    return this.color ? ' · ' : ' | ';
  }
  /** Untrusted text on one line, cut to fit `room` columns. */
  fit(text: string, room: number): string {
    return truncate(oneLine(text), Math.max(8, room), this.ellipsis);
  }
  /** Word-wrapped untrusted text, every line indented by `indent` columns. */
  wrap(text: string, indent: number): string[] {
    const room = Math.max(20, this.width - indent);
    const lines: string[] = [];
    let line = '';
    for (const word of oneLine(text).split(' ')) {
      for (let piece = word; piece !== ''; ) {
        const chunk = Array.from(piece).slice(0, room).join('');
        piece = piece.slice(chunk.length);
        if (line !== '' && Array.from(`${line} ${chunk}`).length > room) {
          lines.push(line);
          line = chunk;
        } else line = line === '' ? chunk : `${line} ${chunk}`;
      }
    }
    if (line !== '') lines.push(line);
    return lines.map((l) => `${' '.repeat(indent)}${l}`);
  }
}

function header(assessment: Assessment, p: Painter): string[] {
  const { checklist, tool, scope } = assessment;
  const product = assessment.product.name !== undefined ? `${p.fit(assessment.product.name, 40)}${p.dot}` : '';
  const lines = [
    p.bold(p.fit(`${product}${checklist.title} ${checklist.version}`, p.width)),
    p.dim(
      p.fit(
        [`${tool.name} ${tool.version}`, `generated ${assessment.generatedAt}`, `sources: ${scope.sources.join(', ') || 'none'}`, scope.accounts.length > 0 ? `accounts: ${scope.accounts.join(', ')}` : '']
          .filter(Boolean)
          .join(p.dot),
        p.width,
      ),
    ),
  ];
  if (checklist.expired) {
    lines.push(
      p.paint('1;33', p.fit(`WARNING: checklist version ${checklist.version} expired (accepted until ${checklist.acceptedUntil}); check the AWS checklist page for a newer one.`, p.width)),
    );
  }
  return lines;
}

/** "Summary: N compliant, …", wrapped at commas to the width; colour is added after the layout is decided. */
function summaryLines(assessment: Assessment, p: Painter): string[] {
  const parts = REQUIREMENT_STATUSES.map((s, i) => ({ status: s, text: `${assessment.summary[s]} ${STATUS_LABELS[s].toLowerCase()}${i < REQUIREMENT_STATUSES.length - 1 ? ',' : ''}` }));
  const total = `(${assessment.requirements.length} requirements)`;
  const lines: string[] = [];
  let line = p.bold('Summary:');
  let visible = 'Summary:'.length;
  for (const part of [...parts, { status: undefined, text: total }]) {
    if (visible + 1 + part.text.length > p.width) {
      lines.push(line);
      line = ' ';
      visible = 1;
    }
    const painted = part.status !== undefined && assessment.summary[part.status] > 0 ? p.paint(STATUS_COLOR[part.status], part.text) : part.text;
    line = `${line} ${painted}`;
    visible += 1 + part.text.length;
  }
  lines.push(line);
  return lines;
}

function requirementLines(requirement: AssessedRequirement, idWidth: number, p: Painter, verbose: boolean): string[] {
  const badge = p.paint(`1;${STATUS_COLOR[requirement.status]}`, `[${BADGE[requirement.status]}]`);
  const id = oneLine(requirement.id).padEnd(idWidth);
  const indent = 2 + 6 + 1 + idWidth + 1;
  const lines = [`  ${badge} ${id} ${p.fit(requirement.title, p.width - indent)}`];
  const showReasons = verbose || (requirement.status !== 'compliant' && requirement.status !== 'not_applicable');
  const reasons = verbose ? requirement.reasons : requirement.reasons.slice(0, 1);
  if (showReasons) {
    for (const reason of reasons) {
      if (verbose) lines.push(...p.wrap(`- ${reason.message}`, indent).map((l) => p.dim(l)));
      else lines.push(p.dim(`${' '.repeat(indent)}${p.fit(reason.message, p.width - indent)}`));
    }
  }
  return lines;
}

function findingLines(finding: Finding, p: Painter, verbose: boolean): string[] {
  const severity = p.paint(SEVERITY_COLOR[finding.severity], finding.severity.toUpperCase().padEnd(8));
  const place = placeLabel(finding);
  const where = `${oneLine(resourceLabel(finding))}${place !== '' ? ` (${oneLine(place)})` : ''}`;
  const status = finding.status === 'fail' ? '' : ` [${finding.status === 'error' ? 'rule error' : 'not evaluated'}]`;
  const lines = [`  ${severity} ${p.fit(`${finding.ruleId}  ${where}${status}`, p.width - 11)}`];
  if (verbose) lines.push(...p.wrap(finding.message, 11));
  else lines.push(`           ${p.fit(finding.message, p.width - 11)}`);
  return lines;
}

function findingsBlock(assessment: Assessment, p: Painter, verbose: boolean): string[] {
  const failing = sortedFindings(assessment.findings, (f) => f.status === 'fail');
  const unknown = sortedFindings(assessment.findings, isUnknown);
  const lines: string[] = [];
  if (failing.length === 0) lines.push(p.bold('No failing findings.'));
  else {
    const shown = verbose ? failing : failing.slice(0, TOP_FINDINGS);
    lines.push(p.bold(shown.length < failing.length ? `Top failing findings (${shown.length} of ${failing.length})` : `Failing findings (${failing.length})`));
    for (const f of shown) lines.push(...findingLines(f, p, verbose));
  }
  if (unknown.length > 0) {
    if (verbose) {
      lines.push('', p.bold(`Not evaluated (${unknown.length})`));
      for (const f of unknown) lines.push(...findingLines(f, p, verbose));
    } else lines.push(p.dim(`${unknown.length} finding(s) could not be evaluated; --verbose lists them.`));
  }
  return lines;
}

function permissionsBlock(assessment: Assessment, p: Painter): string[] {
  const denied = deniedActions(assessment);
  if (denied.length === 0) return [];
  const lines = [p.bold(`Missing permissions (${denied.length} IAM action${denied.length === 1 ? '' : 's'} denied)`)];
  for (const d of denied) {
    lines.push(`  ${p.fit(`${d.action}  denied in ${d.places} account/region${d.places === 1 ? '' : 's'}, ${d.calls} call${d.calls === 1 ? '' : 's'}`, p.width - 2)}`);
  }
  lines.push(p.dim('  `ftr policy` prints the read-only policy the scan needs.'));
  return lines;
}

function waiversBlock(assessment: Assessment, p: Painter, verbose: boolean): string[] {
  const waivers = waiversInOrder(assessment).filter((w) => verbose || w.applied > 0);
  if (waivers.length === 0) return [];
  const lines = [p.bold(`Waivers ${verbose ? '' : 'applied '}(${waivers.length})`)];
  for (const w of waivers) {
    const who = [w.owner !== undefined ? oneLine(w.owner) : '', w.expires !== undefined ? `until ${oneLine(w.expires)}` : ''].filter(Boolean).join(', ');
    const state = w.expired ? ' [EXPIRED]' : ` [${w.applied} finding${w.applied === 1 ? '' : 's'}]`;
    lines.push(`  ${p.fit(`${w.rule} on ${w.resource}${state}`, p.width - 2)}`);
    const detail = `${w.reason}${who !== '' ? ` (${who})` : ''} - ${w.origin}`;
    if (verbose) lines.push(...p.wrap(detail, 6));
    else lines.push(`      ${p.fit(detail, p.width - 6)}`);
  }
  return lines;
}

function warningsBlock(assessment: Assessment, p: Painter, verbose: boolean): string[] {
  if (assessment.warnings.length === 0) return [];
  const lines = [p.paint('1;33', `Warnings (${assessment.warnings.length})`)];
  for (const w of assessment.warnings) {
    const at = w.file !== undefined ? ` (${oneLine(w.file)}${w.line !== undefined ? `:${w.line}` : ''})` : '';
    const text = `${w.code}: ${w.message}${at}`;
    lines.push(...(verbose ? p.wrap(text, 2) : [`  ${p.fit(text, p.width - 2)}`]));
  }
  return lines;
}

export function renderTerminal(assessment: Assessment, options: TerminalOptions): string {
  const p = new Painter(options.color, Math.max(MIN_WIDTH, options.width ?? DEFAULT_WIDTH));
  const verbose = options.verbose ?? false;
  const idWidth = Math.min(10, Math.max(0, ...assessment.requirements.map((r) => oneLine(r.id).length)));
  const out: string[] = [...header(assessment, p), '', ...summaryLines(assessment, p)];
  for (const section of sectionsInOrder(assessment)) {
    out.push('', p.bold(p.fit(section.title, p.width)));
    for (const requirement of section.requirements) out.push(...requirementLines(requirement, idWidth, p, verbose));
  }
  for (const block of [findingsBlock(assessment, p, verbose), permissionsBlock(assessment, p), waiversBlock(assessment, p, verbose), warningsBlock(assessment, p, verbose)]) {
    if (block.length > 0) out.push('', ...block);
  }
  return `${out.join('\n')}\n`;
}
