import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { Snapshot, type Assessment } from '../../core/index.js';
import { loadSample, withChanges } from '../../../test/fixtures/assessments/index.js';
import { reporters } from '../index.js';
import { buildEvidencePack, MANIFEST_PATH, type PackManifest } from './index.js';
import { zipTime } from './zip.js';

const demoSnapshot = Snapshot.parse(JSON.parse(readFileSync(new URL('../../../demo/brightwave/snapshots/live.json', import.meta.url), 'utf8')));
const sample = loadSample();

function evidenceOf(assessment: Assessment, skip: readonly string[] = []): Map<string, Uint8Array | undefined> {
  const files = new Map<string, Uint8Array | undefined>();
  for (const r of assessment.requirements) for (const e of r.evidence) if (e.kind === 'file') files.set(e.ref, skip.includes(e.ref) ? undefined : strToU8(`contents of ${e.ref}`));
  return files;
}

function build(assessment: Assessment = sample, files = evidenceOf(assessment)) {
  return buildEvidencePack({ assessment, snapshots: [demoSnapshot], evidenceFiles: files });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Entry names in the order the zip stores them (fflate's unzipSync returns an object in that order). */
function entries(zip: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(zip);
}

/** What a safe relative path inside the pack looks like. */
function isSafePath(path: string): boolean {
  // eslint-disable-next-line no-control-regex -- controls are what is being ruled out
  if (/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\\:*?"<>|]/.test(path)) return false;
  if (path.startsWith('/')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.startsWith('.') && !/[. ]$/.test(segment));
}

describe('evidence pack: contents', () => {
  const pack = build();
  const files = entries(pack.bytes);
  const names = Object.keys(files);

  it('holds the README, the manifest, the assessment, the spreadsheets, the encryption table and the diagram', () => {
    expect(names.slice(0, 3)).toEqual(['README.md', MANIFEST_PATH, 'assessment.json']);
    for (const path of ['self-assessment.xlsx', 'self-assessment.csv', 'encryption/encryption-evidence.csv', 'encryption/encryption-evidence.md', 'diagrams/network-topology.svg']) {
      expect(names, path).toContain(path);
    }
    expect(JSON.parse(strFromU8(files['assessment.json']!))).toEqual(sample);
    expect(strFromU8(files['diagrams/network-topology.svg']!)).toMatch(/^<\?xml[^]*<svg [^]*<\/svg>\n$/);
  });

  it('includes the HTML report exactly when the registry has an html reporter', () => {
    const hasHtml = (reporters as Record<string, unknown>)['html'] !== undefined;
    expect(names.includes('report.html')).toBe(hasHtml);
    expect(pack.html).toBe(hasHtml);
  });

  it('has a folder per requirement, in checklist order, with status, findings, attestation and evidence copies', () => {
    const dirs = [...new Set(names.filter((n) => n.startsWith('requirements/')).map((n) => n.split('/').slice(0, 2).join('/')))];
    expect(dirs).toHaveLength(sample.requirements.length);
    expect(dirs[0]).toBe('requirements/01-1.1-enrolled-in-the-aws-software-path');
    for (const dir of dirs) for (const file of ['status.md', 'findings.csv', 'attestation.md']) expect(names, `${dir}/${file}`).toContain(`${dir}/${file}`);
    const host = dirs.find((d) => d.includes('-HOST-001-'))!;
    expect(strFromU8(files[`${host}/evidence/architecture.md`]!)).toBe('contents of evidence/architecture.md');
    expect(strFromU8(files[`${host}/attestation.md`]!)).toContain('`evidence/architecture.md`');
  });

  it('lists every finding of a requirement with resource id, Region and collection time', () => {
    const dir = names.find((n) => n.includes('-NETSEC-001-') && n.endsWith('/findings.csv'))!;
    expect([...files[dir]!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = strFromU8(files[dir]!).replace(/^\ufeff/, '');
    expect(csv.split('\r\n')[0]).toBe('"Finding ID","Rule","Decides the status","Severity","Status","Resource id","Type","Name","Account","Region","Source","File:line","Message","Waiver reason","Collected at"');
    const netsec = sample.findings.filter((f) => f.requirementIds.includes('partner-hosted:NETSEC-001'));
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + netsec.length);
    expect(csv).toContain(netsec[0]!.resource.uid);
  });

  it('writes a manifest whose sha256 and size match every other file, and lists nothing else', () => {
    const manifest = JSON.parse(strFromU8(files[MANIFEST_PATH]!)) as PackManifest;
    expect(manifest.files.map((f) => f.path).sort()).toEqual(names.filter((n) => n !== MANIFEST_PATH).sort());
    for (const entry of manifest.files) {
      const bytes = files[entry.path]!;
      expect(sha256(bytes), entry.path).toBe(entry.sha256);
      expect(bytes.length, entry.path).toBe(entry.size);
    }
    expect(manifest).toEqual(pack.manifest);
  });

  it('tells in the README how to verify the hashes', () => {
    const readme = strFromU8(files['README.md']!);
    expect(readme).toContain('sha256sum --check');
    expect(readme).toContain('## Requirements');
  });
});

describe('evidence pack: determinism', () => {
  const originalTz = process.env['TZ'];
  afterEach(() => {
    if (originalTz === undefined) delete process.env['TZ'];
    else process.env['TZ'] = originalTz;
  });

  it('gives the same bytes for the same inputs', () => {
    expect(Buffer.from(build().bytes).equals(Buffer.from(build(loadSample()).bytes))).toBe(true);
  });

  it('does not depend on the order evidence files were read in', () => {
    const reversed = new Map([...evidenceOf(sample)].reverse());
    expect(Buffer.from(build(sample, reversed).bytes).equals(Buffer.from(build().bytes))).toBe(true);
  });

  it('does not depend on the machine time zone', () => {
    process.env['TZ'] = 'UTC';
    const utc = build().bytes;
    process.env['TZ'] = 'America/New_York';
    const ny = build().bytes;
    process.env['TZ'] = 'Asia/Kolkata';
    const india = build().bytes;
    expect(Buffer.from(ny).equals(Buffer.from(utc))).toBe(true);
    expect(Buffer.from(india).equals(Buffer.from(utc))).toBe(true);
  });

  it('dates every entry with the assessment generatedAt (in zip local-time fields)', () => {
    const time = zipTime('2026-06-01T12:34:56.000Z');
    expect([time.getFullYear(), time.getMonth() + 1, time.getDate(), time.getHours(), time.getMinutes(), time.getSeconds()]).toEqual([2026, 6, 1, 12, 34, 56]);
    expect(zipTime('1970-01-01T00:00:00Z').getFullYear()).toBe(1980);
    expect(zipTime('not a date').getFullYear()).toBe(1980);
  });

  it('changes when the assessment changes', () => {
    const later = withChanges((a) => void (a.generatedAt = '2026-06-02T12:00:00.000Z'));
    expect(Buffer.from(build(later).bytes).equals(Buffer.from(build().bytes))).toBe(false);
  });
});

describe('evidence pack: missing files and hostile names', () => {
  it('lists an evidence file that could not be read as not included, instead of failing', () => {
    const pack = build(sample, evidenceOf(sample, ['evidence/wafr-report.md']));
    expect(pack.missing).toEqual([{ id: 'WAFR-001', ref: 'evidence/wafr-report.md' }]);
    const files = entries(pack.bytes);
    expect(strFromU8(files['README.md']!)).toMatch(/## Evidence files not included[^]*WAFR\\-001: `evidence\/wafr-report\.md`/);
    const attestation = Object.keys(files).find((n) => n.includes('-WAFR-001-') && n.endsWith('/attestation.md'))!;
    expect(strFromU8(files[attestation]!)).toContain('not included: the file could not be read');
    expect(Object.keys(files).some((n) => n.includes('-WAFR-001-') && n.includes('/evidence/'))).toBe(false);
  });

  it('keeps every path inside the pack, whatever the titles and evidence paths say', () => {
    const refs = ['../../../etc/shadow', 'C:\\Windows\\system32\\evil.exe', '/abs/path/report.pdf', '..', 'CON', 'inv\u202egpj.exe', 'name\nwith\r\nbreaks.md', '.hidden', 'x/...', 'ok.md', 'sub/ok.md', '\u001b[2Jansi.md'];
    const hostile = withChanges((a) => {
      const r = a.requirements[0]!;
      r.id = '../..';
      r.title = '../../etc/passwd \u0000 <script> \u202e';
      r.evidence = refs.map((ref) => ({ kind: 'file' as const, ref, covers: [], state: 'ok' as const }));
      a.requirements[1]!.title = '';
    });
    const pack = build(hostile, new Map(refs.map((ref) => [ref, strToU8(ref)])));
    const names = Object.keys(entries(pack.bytes));
    for (const name of names) expect(isSafePath(name), JSON.stringify(name)).toBe(true);
    const copies = names.filter((n) => n.startsWith('requirements/01-') && n.includes('/evidence/'));
    expect(copies).toHaveLength(refs.length);
    expect(new Set(copies.map((c) => c.toLowerCase())).size).toBe(copies.length);
    expect(names.some((n) => n.startsWith('requirements/02-') && n.endsWith('/status.md'))).toBe(true);
  });
});
