import { gateRank, severityRank, type Assessment, type GateStatus, type Severity } from '../core/index.js';

export interface GateOptions {
  failOn?: GateStatus | undefined;
  failOnSeverity?: Severity | undefined;
}

/**
 * The CI gates of ARCHITECTURE §8: `--fail-on` trips when a requirement is at or past that status in the order
 * partially_compliant < unknown < non_compliant; `--fail-on-severity` when an unwaived failing finding is at least
 * that severe. Returns why, empty when no gate was reached.
 */
export function gatesReached(assessment: Assessment, options: GateOptions): string[] {
  const reasons: string[] = [];
  if (options.failOn !== undefined) {
    const threshold = gateRank(options.failOn);
    const hit = assessment.requirements.filter((r) => gateRank(r.status) >= threshold);
    if (hit.length > 0) reasons.push(`--fail-on ${options.failOn}: ${hit.length} requirement(s) at or past it (${hit.slice(0, 8).map((r) => r.id).join(', ')}${hit.length > 8 ? ', …' : ''})`);
  }
  if (options.failOnSeverity !== undefined) {
    const threshold = severityRank(options.failOnSeverity);
    const hit = assessment.findings.filter((f) => f.status === 'fail' && severityRank(f.severity) >= threshold);
    if (hit.length > 0) reasons.push(`--fail-on-severity ${options.failOnSeverity}: ${hit.length} unwaived failing finding(s)`);
  }
  return reasons;
}
