/**
 * CloudFormation's short-form YAML tags (`!Ref`, `!GetAtt`, …) and the long-form key each stands for. Any other
 * local tag becomes `Fn::<Tag>`, which the resolver reports as an unknown intrinsic.
 */
const SHORT_FORMS = [
  'Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'FindInMap', 'GetAZs', 'ImportValue', 'If', 'Equals',
  'And', 'Or', 'Not', 'Base64', 'Cidr', 'Transform', 'Length', 'ToJsonString', 'Contains', 'EachMemberEquals',
  'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
] as const;

export const CFN_SHORT_TAGS: readonly string[] = SHORT_FORMS.map((name) => `!${name}`);

/** The long-form value for `!Tag value` (`!GetAtt A.B` → `{ "Fn::GetAtt": ["A", "B"] }`). */
export function longForm(tag: string, value: unknown): Record<string, unknown> {
  const name = tag.slice(1);
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
}
