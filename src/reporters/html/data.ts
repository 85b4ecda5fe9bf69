/**
 * The findings, compacted for embedding (the page renders them lazily in the browser). A tool that writes one HTML
 * row per finding produces a report no browser opens at 100,000 findings; here each finding field is a column, the
 * strings that repeat (rule ids, types, accounts, regions, messages with the resource name taken out) are stored
 * once, and columns that repeat the previous value are run-length encoded. The client script (client.ts) reverses
 * each step; `decodeFindings` below is the same algorithm in TypeScript, for the tests.
 *
 * All text is cleaned (`oneLine`) before it is stored, so it holds no control characters; that frees U+0001 to stand
 * for "the resource's name" inside messages and uids.
 */
import type { Assessment, Finding } from '../../core/index.js';
import { compareFindings, resourceLabel } from '../_lib/findings.js';
import { oneLine } from '../_lib/text.js';

export const DATA_VERSION = 1;
export const NAME_MARK = '\u0001';

/** Text columns hold strings (looked up in `s` when stored as a number; -1 is "none"); number columns hold integers. */
export const TEXT_COLUMNS = ['rule', 'status', 'sev', 'type', 'label', 'uid', 'src', 'acct', 'region', 'file', 'msg', 'reason', 'path', 'notes'] as const;
export const NUMBER_COLUMNS = ['line', 'waiver'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

/** A column: plain values, or `{ r: [value, run, value, run, …] }` when that is shorter. */
export type Column = Array<number | string> | { r: Array<number | string> };

export interface EmbeddedData {
  v: typeof DATA_VERSION;
  /** Findings shown per page, and per "show more". */
  page: number;
  /** Number of findings. */
  n: number;
  /** Strings used more than once, most used first. */
  s: string[];
  /** Findings, worst first, one column per field; a column whose every value is empty is left out. */
  c: Partial<Record<TextColumn | NumberColumn, Column>>;
  /** Waivers applied to findings: [reason, owner, expires, origin]. */
  w: Array<[string, string, string, string]>;
  /** Per requirement (assessment order): its findings' positions, ascending, as differences from the previous one. */
  req: number[][];
  /** Account id → name, for filters. */
  acct: Array<[string, string]>;
}

interface Row {
  text: Record<TextColumn, string>;
  num: Record<NumberColumn, number>;
}

type Clean = (value: string) => string;

/** `oneLine`, remembered per call: rule ids, types, accounts and regions repeat across thousands of findings. */
function memoOneLine(): Clean {
  const seen = new Map<string, string>();
  return (value) => {
    let clean = seen.get(value);
    if (clean === undefined) {
      clean = oneLine(value);
      seen.set(value, clean);
    }
    return clean;
  };
}

function rowOf(finding: Finding, waiverIndex: (f: Finding) => number, oneLine: Clean): Row {
  const r = finding.resource;
  const label = oneLine(resourceLabel(finding));
  const mark = (value: string): string => (label.length > 0 ? value.split(label).join(NAME_MARK) : value);
  return {
    text: {
      rule: oneLine(finding.ruleId),
      status: finding.status,
      sev: finding.severity,
      type: oneLine(r.type),
      label,
      uid: mark(oneLine(r.uid)),
      src: r.source,
      acct: oneLine(r.account ?? ''),
      region: oneLine(r.region ?? ''),
      file: oneLine(r.file ?? ''),
      msg: mark(oneLine(finding.message)),
      reason: oneLine(finding.reason ?? ''),
      path: oneLine(finding.propertyPath ?? ''),
      notes: finding.assumptions.map(oneLine).join('\n'),
    },
    num: { line: r.line ?? 0, waiver: waiverIndex(finding) },
  };
}

/** Run-length encoding when it is shorter than the plain list. */
function column(values: Array<number | string>): Column {
  const runs: Array<number | string> = [];
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i]) j += 1;
    runs.push(values[i] as number | string, j - i);
    i = j;
  }
  return JSON.stringify(runs).length + 6 < JSON.stringify(values).length ? { r: runs } : values;
}

function stringTable(rows: readonly Row[]): { table: string[]; index: Map<string, number> } {
  const uses = new Map<string, number>();
  for (const row of rows) for (const name of TEXT_COLUMNS) {
    const value = row.text[name];
    if (value !== '') uses.set(value, (uses.get(value) ?? 0) + 1);
  }
  // Most used first (small numbers for common strings); ties keep first appearance (Map order), so output is stable.
  const table = [...uses.entries()].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1]).map(([value]) => value);
  return { table, index: new Map(table.map((value, i) => [value, i])) };
}

function waiverTable(findings: readonly Finding[], oneLine: Clean): { list: EmbeddedData['w']; indexOf: (f: Finding) => number } {
  const list: EmbeddedData['w'] = [];
  const keys = new Map<string, number>();
  const indexOf = (f: Finding): number => {
    if (!f.waiver) return -1;
    const entry: [string, string, string, string] = [oneLine(f.waiver.reason), oneLine(f.waiver.owner ?? ''), oneLine(f.waiver.expires ?? ''), oneLine(f.waiver.origin)];
    const key = JSON.stringify(entry);
    let i = keys.get(key);
    if (i === undefined) {
      i = list.length;
      list.push(entry);
      keys.set(key, i);
    }
    return i;
  };
  for (const f of findings) indexOf(f);
  return { list, indexOf };
}

/** The data block the client renders from. */
export function encodeFindings(assessment: Assessment, page: number): EmbeddedData {
  const findings = [...assessment.findings].sort(compareFindings);
  const position = new Map(findings.map((f, i) => [f.id, i]));
  const clean = memoOneLine();
  const waivers = waiverTable(findings, clean);
  const rows = findings.map((f) => rowOf(f, waivers.indexOf, clean));
  const { table, index } = stringTable(rows);
  const c: EmbeddedData['c'] = {};
  for (const name of TEXT_COLUMNS) {
    if (rows.every((row) => row.text[name] === '')) continue;
    c[name] = column(rows.map((row) => (row.text[name] === '' ? -1 : (index.get(row.text[name]) ?? row.text[name]))));
  }
  for (const name of NUMBER_COLUMNS) {
    const empty = name === 'line' ? 0 : -1;
    if (rows.every((row) => row.num[name] === empty)) continue;
    c[name] = column(rows.map((row) => row.num[name]));
  }
  const req = assessment.requirements.map((requirement) => {
    const positions = [...new Set(requirement.findings.map((id) => position.get(id)).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
    return positions.map((p, i) => p - (i === 0 ? 0 : (positions[i - 1] as number)));
  });
  const acct = assessment.accounts.filter((a) => a.name !== undefined).map((a): [string, string] => [clean(a.id), clean(a.name ?? '')]);
  return { v: DATA_VERSION, page, n: findings.length, s: table, c, w: waivers.list, req, acct };
}

/** One decoded finding, as the client sees it. */
export interface DecodedFinding {
  text: Record<TextColumn, string>;
  num: Record<NumberColumn, number>;
}

function expand(col: Column | undefined, n: number, empty: number): Array<number | string> {
  if (col === undefined) return new Array<number>(n).fill(empty);
  if (Array.isArray(col)) return col;
  const out: Array<number | string> = [];
  for (let i = 0; i < col.r.length; i += 2) for (let k = 0; k < (col.r[i + 1] as number); k += 1) out.push(col.r[i] as number | string);
  return out;
}

/** The inverse of `encodeFindings` (the tests check the round trip; client.ts does the same in the browser). */
export function decodeFindings(data: EmbeddedData): { findings: DecodedFinding[]; req: number[][] } {
  const text = Object.fromEntries(TEXT_COLUMNS.map((name) => [name, expand(data.c[name], data.n, -1)])) as Record<TextColumn, Array<number | string>>;
  const num = Object.fromEntries(NUMBER_COLUMNS.map((name) => [name, expand(data.c[name], data.n, name === 'line' ? 0 : -1)])) as Record<NumberColumn, number[]>;
  const str = (v: number | string | undefined): string => (typeof v === 'string' ? v : v === undefined || v < 0 ? '' : (data.s[v] ?? ''));
  const findings: DecodedFinding[] = [];
  for (let i = 0; i < data.n; i += 1) {
    const t = Object.fromEntries(TEXT_COLUMNS.map((name) => [name, str(text[name][i])])) as Record<TextColumn, string>;
    t.msg = t.msg.split(NAME_MARK).join(t.label);
    t.uid = t.uid.split(NAME_MARK).join(t.label);
    findings.push({ text: t, num: Object.fromEntries(NUMBER_COLUMNS.map((name) => [name, num[name][i] ?? 0])) as Record<NumberColumn, number> });
  }
  const req = data.req.map((deltas) => {
    let at = 0;
    return deltas.map((d) => (at += d));
  });
  return { findings, req };
}
