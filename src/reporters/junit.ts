/**
 * JUnit XML for CI test tabs: one <testsuite> per checklist section, one <testcase> per requirement
 * (classname = section, name = "ID title").
 *
 * - non_compliant  → <failure> with the reasons and the top findings;
 * - unknown        → <error>: the run could not tell, which is not the same as a failure;
 * - not_applicable → <skipped>;
 * - partially_compliant passes, with <system-out> saying what is missing. CI users expect a test tab to fail on
 *   real failures only; `--fail-on partially_compliant` is the switch for a stricter gate.
 *
 * Follows the common JUnit XML shape (Jenkins / Ant / GitLab / Azure DevOps): <testsuites> with tests, failures,
 * errors, skipped and time; suites with the same counts, a timestamp and properties; time is 0 (nothing was timed).
 */
import type { AssessedRequirement, Assessment, Finding } from '../core/index.js';
import { findingsById, isOpen, placeLabel, requirementFindings, resourceLabel } from './_lib/findings.js';
import { sectionsInOrder } from './_lib/sections.js';
import { oneLine, truncate } from './_lib/text.js';
import { xmlAttr, xmlText } from './_lib/xml.js';

export interface JunitOptions {
  /** Findings listed in a failure body (default 10). */
  maxFindings?: number;
}

const DEFAULT_MAX_FINDINGS = 10;
const MESSAGE_CHARS = 200;

function findingLine(f: Finding): string {
  const place = placeLabel(f);
  return `- [${f.severity}] ${f.ruleId}: ${oneLine(resourceLabel(f))}${place !== '' ? ` (${oneLine(place)})` : ''}: ${oneLine(f.message)}${f.status !== 'fail' ? ` [${f.status}]` : ''}`;
}

function body(requirement: AssessedRequirement, findings: readonly Finding[], max: number): string {
  const lines = requirement.reasons.map((r) => `${r.code}: ${oneLine(r.message)}`);
  // Failures first: they are why the case failed; what could not be evaluated follows.
  const open = [...findings.filter((f) => f.status === 'fail'), ...findings.filter((f) => isOpen(f) && f.status !== 'fail')];
  if (open.length > 0) {
    lines.push('', `Findings (${open.length}):`, ...open.slice(0, max).map(findingLine));
    if (open.length > max) lines.push(`…and ${open.length - max} more`);
  }
  const missing = requirement.expectedEvidence.filter((e) => !e.covered);
  if (missing.length > 0) lines.push('', 'Evidence still needed:', ...missing.map((e) => `- ${e.id}: ${oneLine(e.description)}`));
  return lines.join('\n');
}

function testcase(requirement: AssessedRequirement, classname: string, findings: readonly Finding[], max: number): string {
  const name = `${oneLine(requirement.id)} ${oneLine(requirement.title)}`;
  const open = `<testcase name="${xmlAttr(name)}" classname="${xmlAttr(classname)}" time="0">`;
  const message = xmlAttr(truncate(oneLine(requirement.reasons[0]?.message ?? requirement.status), MESSAGE_CHARS));
  switch (requirement.status) {
    case 'non_compliant':
      return `    ${open}\n      <failure message="${message}" type="non_compliant">${xmlText(body(requirement, findings, max))}</failure>\n    </testcase>`;
    case 'unknown':
      return `    ${open}\n      <error message="${message}" type="unknown">${xmlText(body(requirement, findings, max))}</error>\n    </testcase>`;
    case 'not_applicable':
      return `    ${open}\n      <skipped message="${message}"/>\n    </testcase>`;
    case 'partially_compliant':
      return `    ${open}\n      <system-out>${xmlText(`Partially compliant.\n${body(requirement, findings, max)}`)}</system-out>\n    </testcase>`;
    case 'compliant':
      return `    ${open.replace(/>$/, '/>')}`;
  }
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function count(requirements: readonly AssessedRequirement[]): Counts {
  return {
    tests: requirements.length,
    failures: requirements.filter((r) => r.status === 'non_compliant').length,
    errors: requirements.filter((r) => r.status === 'unknown').length,
    skipped: requirements.filter((r) => r.status === 'not_applicable').length,
  };
}

function countAttrs(c: Counts): string {
  return `tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="0"`;
}

export function renderJunit(assessment: Assessment, options: JunitOptions = {}): string {
  const max = Math.max(0, options.maxFindings ?? DEFAULT_MAX_FINDINGS);
  const byId = findingsById(assessment);
  const { checklist, tool } = assessment;
  // Ant's schema wants a timestamp without a zone; generatedAt is UTC.
  const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.exec(assessment.generatedAt)?.[0];
  const properties = [
    ['checklist', checklist.id],
    ['checklist.version', checklist.version],
    ['checklist.expired', String(checklist.expired)],
    ['catalog.sha256', assessment.catalogHash],
    ['tool', `${tool.name} ${tool.version}`],
    ['generatedAt', assessment.generatedAt],
  ]
    .map(([name, value]) => `      <property name="${xmlAttr(name ?? '')}" value="${xmlAttr(oneLine(value ?? ''))}"/>`)
    .join('\n');
  const suites = sectionsInOrder(assessment).map((section, i) => {
    const classname = oneLine(section.title);
    const cases = section.requirements.map((r) => testcase(r, classname, requirementFindings(byId, r.findings), max));
    return [
      `  <testsuite name="${xmlAttr(classname)}" id="${i}" package="${xmlAttr(checklist.id)}" ${countAttrs(count(section.requirements))}${timestamp !== undefined ? ` timestamp="${timestamp}"` : ''}>`,
      '    <properties>',
      properties,
      '    </properties>',
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const name = `FTR ${oneLine(checklist.title)} ${oneLine(checklist.version)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(name)}" ${countAttrs(count(assessment.requirements))}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
