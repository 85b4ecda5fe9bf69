/**
 * A whole property value written as a dynamic reference (`{{resolve:ssm:/path}}`, `{{resolve:secretsmanager:…}}`)
 * is only known at deploy time: unknown, with the store it comes from as the reason (`dynamic_reference:ssm`),
 * so a rule can still tell a secret fetched from Secrets Manager from a hard-coded one.
 */
export function dynamicReferenceReason(value: string): string | undefined {
  if (value.charCodeAt(0) !== 123 || !value.startsWith('{{resolve:') || !value.endsWith('}}')) return undefined;
  const service = value.slice(10, value.indexOf(':', 10) > 0 ? value.indexOf(':', 10) : value.length - 2);
  return `dynamic_reference:${service}`;
}
