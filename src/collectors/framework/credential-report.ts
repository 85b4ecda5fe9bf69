/**
 * The IAM credential report (GetCredentialReport): a CSV with one row per IAM user and a `<root_account>` row.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
 * Times are ISO 8601; `N/A`, `no_information` and `not_supported` mean there is no time to show.
 */
export type ReportRow = Record<string, string>;

export const ROOT_ROW = '<root_account>';

/** The rows of the report, keyed by the `user` column. Rows whose field count does not match the header are skipped. */
export function parseCredentialReport(content: Uint8Array | string | undefined): Map<string, ReportRow> {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content ?? new Uint8Array());
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = splitCsvLine(lines[0] ?? '');
  const rows = new Map<string, ReportRow>();
  for (const line of lines.slice(1)) {
    const fields = splitCsvLine(line);
    if (fields.length !== header.length) continue;
    const row: ReportRow = {};
    header.forEach((column, i) => (row[column] = fields[i] ?? ''));
    if (row['user']) rows.set(row['user'], row);
  }
  return rows;
}

/** A `true`/`false` column; undefined for anything else (`not_supported`, a missing column). */
export function reportBool(row: ReportRow, column: string): boolean | undefined {
  const value = row[column];
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** A time column as ISO 8601 UTC, or `null` when the report has no time there (`N/A`, `no_information`). */
export function reportTime(row: ReportRow, column: string): string | null {
  const value = row[column] ?? '';
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}
