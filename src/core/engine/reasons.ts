/** A machine-readable reason (`code`) with a sentence for people. */
export interface Reason {
  code: string;
  message: string;
  ruleId?: string;
}

const DESCRIBE: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^collection_failed:(.+)$/, (m) => `the scan could not read ${m[1]} (denied, throttled, unsupported or failed)`],
  [/^not_collected:(.+)$/, (m) => `no scan listed ${m[1]} for the whole scope`],
  [/^input_error:(.+)$/, (m) => `the input file ${m[1]} could not be read`],
  [/^unresolved:(.+)$/, (m) => `a template value could not be resolved (${m[1]})`],
  [/^parameter:(.+)$/, (m) => `the value depends on the template parameter ${m[1]}, which has no value or default`],
  [/^rule_error:(.+)$/, (m) => `the rule ${m[1]} failed while evaluating`],
  [/^rule_failed:(.+)$/, (m) => `the rule ${m[1]} failed`],
  [/^missing_data:(.+)$/, (m) => `the data needed is missing (${m[1]})`],
  [/^out_of_scope$/, () => 'no input in scope can show this (account facts are not in templates, and the reverse)'],
  [/^needs_attestation$/, () => 'this needs an attestation in ftr.yaml with its evidence'],
  [/^attestation_expired$/, () => 'the attestation has expired'],
  [/^evidence_missing$/, () => 'required evidence is missing'],
  [/^evidence_changed$/, () => 'an evidence file changed since it was attested'],
  [/^evidence_partial$/, () => 'the evidence covers only part of what the requirement asks'],
  [/^met_by_alternative$/, () => "met by the checklist's attested alternative"],
  [/^attested_not_met$/, () => 'the attestation says the requirement is not met'],
  [/^attested_not_applicable$/, () => 'attested as not applicable'],
  [/^gate:(.+)$/, (m) => `not applicable: the answer to ${m[1]} is "no"`],
  [/^fact:(.+)$/, (m) => `not applicable: product fact ${m[1]}`],
  [/^no_resources$/, () => 'no resources of the kinds this requirement covers exist in the scope'],
];

export function describeReason(code: string): string {
  for (const [pattern, describe] of DESCRIBE) {
    const match = pattern.exec(code);
    if (match) return describe(match);
  }
  return code;
}

export function reason(code: string, message?: string, ruleId?: string): Reason {
  return { code, message: message ?? describeReason(code), ...(ruleId !== undefined ? { ruleId } : {}) };
}

/** Keeps the first reason of each code. */
export function uniqueReasons(reasons: Iterable<Reason>): Reason[] {
  const seen = new Map<string, Reason>();
  for (const r of reasons) if (!seen.has(r.code)) seen.set(r.code, r);
  return [...seen.values()];
}
