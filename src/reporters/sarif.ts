/**
 * SARIF 2.1.0 for GitHub code scanning (and any other SARIF consumer): one run, the rules from the assessment, one
 * result per finding that needs attention.
 *
 * Decisions:
 * - Results: unwaived failures; waived failures too, carrying `suppressions` (kind `inSource` when the waiver sits in
 *   the resource's own template, else `external`) so they show as suppressed rather than disappear.
 * - Unknown and error outcomes become `note` results of a separate rule, `not-evaluated`, with no security-severity:
 *   GitHub badges an alert with its rule's security-severity, so reusing the real rule would show "could not check"
 *   as "Critical". They stay visible because silence would read as a pass.
 * - Live findings have no file in the repository, and GitHub needs a physical location on every result. By default
 *   they are left out (`liveFindings: 'omit'`; the count is in run.properties): SARIF is the format of `ftr check` on
 *   code. `liveFindings: 'pseudo-artifact'` places them on a stable pseudo path
 *   `aws/<account>/<region>/<type>/<name>` (uriBaseId `AWS`), with the ARN as a logical location, for teams that want
 *   account findings in the same Security tab.
 * - GitHub limits: at most 25,000 results per run (worst kept first; the rest counted in run.properties), at most 20
 *   tags per rule, a relative forward-slash path and a startLine ≥ 1 on every location, partialFingerprints from the
 *   finding id (stable for rule + resource + property across runs) so alerts are de-duplicated.
 * - security-severity: critical 9.5 (GitHub's band is "over 9.0"), high 7.0, medium 5.0, low 3.0, info 1.0.
 */
import { createHash } from 'node:crypto';
import type { Assessment, Finding } from '../core/index.js';
import { compareFindings, isUnknown, resourceLabel } from './_lib/findings.js';
import { NOT_EVALUATED_DESCRIPTOR, NOT_EVALUATED_RULE_ID, SARIF_LEVEL, ruleDescriptor } from './_lib/sarif-rules.js';
import { cleanText, oneLine } from './_lib/text.js';

export { NOT_EVALUATED_RULE_ID, SARIF_LEVEL, SECURITY_SEVERITY } from './_lib/sarif-rules.js';

export interface SarifOptions {
  /** What to do with findings on live resources, which have no file (default `omit`). */
  liveFindings?: 'omit' | 'pseudo-artifact';
  /** Absolute path of the repository root: absolute file paths under it are made relative to it. */
  sourceRoot?: string;
  /** Where the tool is documented (tool.driver.informationUri). */
  informationUri?: string;
  /** runAutomationDetails.id, which GitHub uses as the analysis category (default `ftr-ready/<checklist>/`). */
  category?: string;
  /** Results kept in the run (default and GitHub's maximum: 25,000). */
  maxResults?: number;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const GITHUB_MAX_RESULTS = 25_000;
const DEFAULT_INFORMATION_URI = 'https://www.npmjs.com/package/ftr-ready';
const FINGERPRINT_KEY = 'ftrFindingId/v1';

/** Message text: SARIF reads `[text](n)` as an embedded link, so literal brackets are escaped. */
function messageText(value: string): string {
  return cleanText(value).trim().replace(/[[\]]/g, (c) => `\\${c}`);
}

function fingerprint(findingId: string): string {
  return createHash('sha256').update(findingId).digest('hex').slice(0, 32);
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** The artifact location of a file: relative to %SRCROOT% with forward slashes, or a file: URI outside it. */
function artifactLocation(file: string, sourceRoot: string | undefined): { uri: string; uriBaseId?: string } {
  let path = cleanText(file).replace(/\\/g, '/');
  const root = sourceRoot?.replace(/\\/g, '/').replace(/\/+$/, '');
  if (root !== undefined && root !== '' && path.startsWith(`${root}/`)) path = path.slice(root.length + 1);
  const absolute = path.startsWith('/') || /^[A-Za-z]:\//.test(path);
  if (absolute) return { uri: `file://${path.startsWith('/') ? '' : '/'}${encodePath(path)}` };
  path = path.replace(/^(\.\/)+/, '');
  return { uri: encodePath(path), uriBaseId: '%SRCROOT%' };
}

function pseudoLocation(finding: Finding): { uri: string; uriBaseId: string } {
  const r = finding.resource;
  const parts = [r.account ?? 'unknown-account', r.region ?? 'global', r.type.replace(/::/g, '-'), resourceLabel(finding)];
  return { uri: parts.map((p) => encodeURIComponent(oneLine(p))).join('/'), uriBaseId: 'AWS' };
}

function location(finding: Finding, options: SarifOptions): Record<string, unknown> | undefined {
  const r = finding.resource;
  const logical = {
    name: oneLine(r.logicalId ?? r.address ?? resourceLabel(finding)),
    fullyQualifiedName: oneLine(r.uid),
    kind: 'resource',
  };
  if (r.file !== undefined) {
    return {
      physicalLocation: { artifactLocation: artifactLocation(r.file, options.sourceRoot), region: { startLine: Math.max(1, r.line ?? 1) } },
      logicalLocations: [logical],
    };
  }
  if (options.liveFindings !== 'pseudo-artifact') return undefined;
  return { physicalLocation: { artifactLocation: pseudoLocation(finding), region: { startLine: 1 } }, logicalLocations: [logical] };
}

function suppression(finding: Finding): Record<string, unknown> | undefined {
  const waiver = finding.waiver;
  if (!waiver) return undefined;
  const inSource = finding.resource.file !== undefined && waiver.origin.replace(/:\d+$/, '') === finding.resource.file;
  const who = [waiver.owner !== undefined ? `owner ${oneLine(waiver.owner)}` : '', waiver.expires !== undefined ? `until ${oneLine(waiver.expires)}` : ''].filter(Boolean).join(', ');
  return {
    kind: inSource ? 'inSource' : 'external',
    status: 'accepted',
    justification: `${oneLine(waiver.reason)}${who !== '' ? ` (${who})` : ''} [${oneLine(waiver.origin)}]`,
  };
}

export function renderSarif(assessment: Assessment, options: SarifOptions = {}): string {
  const informationUri = options.informationUri ?? DEFAULT_INFORMATION_URI;
  const max = Math.max(0, Math.min(options.maxResults ?? GITHUB_MAX_RESULTS, GITHUB_MAX_RESULTS));
  const rules = assessment.rules.map((r) => ruleDescriptor(r, informationUri));
  const ruleIndex = new Map(assessment.rules.map((r, i) => [r.id, i]));
  const candidates = assessment.findings.filter((f) => f.status === 'fail' || f.status === 'waived' || isUnknown(f)).sort(compareFindings);

  let omittedLive = 0;
  const results: Array<Record<string, unknown>> = [];
  for (const finding of candidates) {
    const loc = location(finding, options);
    if (!loc) {
      omittedLive++;
      continue;
    }
    const unknown = isUnknown(finding);
    if (unknown && !ruleIndex.has(NOT_EVALUATED_RULE_ID)) {
      ruleIndex.set(NOT_EVALUATED_RULE_ID, rules.length);
      rules.push(NOT_EVALUATED_DESCRIPTOR);
    }
    const ruleId = unknown ? NOT_EVALUATED_RULE_ID : finding.ruleId;
    const index = ruleIndex.get(ruleId);
    const waived = suppression(finding);
    results.push({
      ruleId,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      level: unknown ? 'note' : SARIF_LEVEL[finding.severity],
      message: {
        text: messageText(unknown ? `Not evaluated: ${finding.ruleId} on ${oneLine(resourceLabel(finding))}: ${finding.message.replace(/^Not evaluated: /, '')}` : finding.message),
      },
      locations: [loc],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding.id) },
      ...(waived ? { suppressions: [waived] } : {}),
      properties: {
        findingId: finding.id,
        ftrStatus: finding.status,
        ...(unknown ? { ftrRule: finding.ruleId, reason: finding.reason ?? '' } : {}),
        requirements: finding.requirementIds,
        resourceType: finding.resource.type,
        ...(finding.propertyPath !== undefined ? { propertyPath: oneLine(finding.propertyPath) } : {}),
      },
    });
  }
  const kept = results.slice(0, max);
  const version = assessment.tool.version;

  const run = {
    tool: {
      driver: {
        name: assessment.tool.name,
        version,
        ...(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version) ? { semanticVersion: version } : {}),
        informationUri,
        rules,
      },
    },
    automationDetails: { id: options.category ?? `${assessment.tool.name}/${assessment.checklist.id}/` },
    originalUriBaseIds: {
      '%SRCROOT%': { description: { text: 'The root of the repository that was checked.' } },
      ...(options.liveFindings === 'pseudo-artifact' ? { AWS: { description: { text: 'Not a file: live AWS resources, as account/region/type/name.' } } } : {}),
    },
    invocations: [
      {
        executionSuccessful: true,
        ...(/^\d{4}-\d{2}-\d{2}T/.test(assessment.generatedAt) ? { endTimeUtc: assessment.generatedAt } : {}),
        toolExecutionNotifications: assessment.warnings.map((w) => ({ level: 'warning', message: { text: messageText(`${w.code}: ${w.message}`) } })),
      },
    ],
    results: kept,
    columnKind: 'utf16CodeUnits',
    properties: {
      checklist: { id: assessment.checklist.id, version: assessment.checklist.version, expired: assessment.checklist.expired },
      catalogSha256: assessment.catalogHash,
      summary: assessment.summary,
      omitted: { liveFindings: omittedLive, overResultLimit: results.length - kept.length },
    },
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
