/** SARIF reporting descriptors (rules) for GitHub code scanning: descriptions, help, level, security-severity, tags. */
import type { AssessedRule, Severity } from '../../core/index.js';
import { cleanText, oneLine } from './text.js';

const GITHUB_MAX_TAGS = 20;
export const NOT_EVALUATED_RULE_ID = 'not-evaluated';

export type Level = 'error' | 'warning' | 'note';

export const SARIF_LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '7.0', medium: '5.0', low: '3.0', info: '1.0' };

/** A fenced code block whose fence is longer than any backtick run inside. */
function fenced(code: string, language: string): string {
  const body = cleanText(code).replace(/\s+$/, '');
  const fence = '`'.repeat(Math.max(3, ...(body.match(/`+/g) ?? []).map((r) => r.length + 1)));
  return `${fence}${language}\n${body}\n${fence}`;
}

function pascal(id: string): string {
  return id.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function requirementsLine(rule: AssessedRule): string {
  return rule.requirements.map((r) => `${r.id} (${r.gates ? 'required' : 'informs'}: ${oneLine(r.basis)})`).join('; ');
}

function help(rule: AssessedRule): { text: string; markdown: string } {
  const { remediation } = rule;
  const text: string[] = [cleanText(remediation.summary)];
  const md: string[] = [`**Remediation.** ${cleanText(remediation.summary)}`];
  if (remediation.console.length > 0) {
    text.push('', 'Console:', ...remediation.console.map((s, i) => `${i + 1}. ${oneLine(s)}`));
    md.push('', '**Console**', '', ...remediation.console.map((s, i) => `${i + 1}. ${oneLine(s)}`));
  }
  const snippets: Array<[string, string | undefined, string]> = [
    ['AWS CLI', remediation.cli, 'sh'],
    ['CloudFormation', remediation.cloudformation, 'yaml'],
    ['Terraform', remediation.terraform, 'hcl'],
  ];
  for (const [title, code, language] of snippets) {
    if (code === undefined) continue;
    text.push('', `${title}:`, cleanText(code));
    md.push('', `**${title}**`, '', fenced(code, language));
  }
  if (rule.requirements.length > 0) {
    text.push('', `FTR requirements: ${requirementsLine(rule)}`);
    md.push('', `**FTR requirements:** ${requirementsLine(rule)}`);
  }
  if (remediation.links.length > 0) {
    text.push('', 'More:', ...remediation.links.map((l) => `- ${oneLine(l)}`));
    md.push('', '**More**', '', ...remediation.links.map((l) => `- <${oneLine(l).replace(/[<>\s]/g, encodeURIComponent)}>`));
  }
  return { text: text.join('\n'), markdown: md.join('\n') };
}

function tags(rule: AssessedRule): string[] {
  const list = ['security', 'ftr', ...(rule.bestPractice !== undefined ? [rule.bestPractice] : []), ...rule.requirements.map((r) => r.id)];
  return [...new Set(list)].slice(0, GITHUB_MAX_TAGS);
}

export function ruleDescriptor(rule: AssessedRule, informationUri: string): Record<string, unknown> {
  const link = rule.remediation.links[0];
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: oneLine(rule.title) },
    fullDescription: { text: oneLine(rule.requirements.length > 0 ? `${rule.title}. FTR: ${requirementsLine(rule)}.` : rule.title) },
    helpUri: link ?? informationUri,
    help: help(rule),
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { tags: tags(rule), precision: 'high', 'security-severity': SECURITY_SEVERITY[rule.severity], severity: rule.severity },
  };
}

export const NOT_EVALUATED_DESCRIPTOR = {
  id: NOT_EVALUATED_RULE_ID,
  name: 'NotEvaluated',
  shortDescription: { text: 'ftr-ready could not evaluate a rule on this resource' },
  fullDescription: {
    text: 'The value a rule needs could not be known (an unresolved template parameter or intrinsic, a denied or failed API call), or the rule failed. The resource is neither compliant nor non-compliant until it can be checked.',
  },
  help: {
    text: 'Resolve what the message names (pass template parameters, grant the read-only permission, fix the input file) and run the check again.',
    markdown: 'Resolve what the message names (pass template parameters, grant the read-only permission, fix the input file) and run the check again.',
  },
  defaultConfiguration: { level: 'note' },
  properties: { tags: ['ftr', 'not-evaluated'] },
};

