import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG_DIR, loadCatalog } from './load.js';
import { selectChecklist } from './select-version.js';

const CURRENT_44 =
  'HOST-001 SUP-001 WAFR-001 WAFR-002 ARC-001 ARC-004 ARC-005 ACOM-001 ACOM-002 IAM-001 IAM-002 IAM-003 IAM-004 IAM-005 IAM-006 IAM-007 IAM-008 IAM-009 IAM-010 IAM-011 IAM-012 SECOPS-001 NETSEC-001 NETSEC-002 BAR-001 BAR-002 RES-001 RES-002 RES-004 RES-005 RES-006 RES-007 S3-001 CAA-001 CAA-002 CAA-003 CAA-004 CAA-005 CAA-006 CAA-007 SDAT-001 SDAT-002 SDAT-003 RCVP-001'.split(' ');

const catalog = () => {
  const result = loadCatalog();
  expect(result.errors).toEqual([]);
  return result.value!;
};

describe('the bundled catalog', () => {
  it('loads without errors and knows three checklists worth of data', () => {
    const c = catalog();
    expect([...c.checklists.keys()].sort()).toEqual(['customer-deployed', 'partner-hosted']);
    expect(c.alternativePath?.alternativePath.routes.map((r) => r.id)).toEqual(['soc2', 'wafr']);
    expect(c.hash).toMatch(/^[a-f0-9]{64}$/);
  });

  it('Partner Hosted Feb 2026 has the 44 ids plus the prerequisite 1.1, in the checklist order', () => {
    const selected = selectChecklist(catalog(), 'partner-hosted@2026_02', new Date('2026-06-01'));
    if ('error' in selected) throw new Error(selected.error);
    const ids = selected.requirements.map((r) => r.id);
    expect(ids).toHaveLength(45);
    expect(ids[0]).toBe('1.1');
    expect([...ids].sort()).toEqual(['1.1', ...CURRENT_44].sort());
  });

  it('marks HOST-001, SUP-001, WAFR-001 and WAFR-002 unconfirmed in 2026, present in every earlier version', () => {
    const ph = catalog().checklists.get('partner-hosted')!;
    for (const id of ['HOST-001', 'SUP-001', 'WAFR-001', 'WAFR-002']) {
      const r = ph.requirements.find((x) => x.id === id)!;
      expect(r.unconfirmedIn).toContain('2026_02');
      expect(r.versions).toEqual(expect.arrayContaining(ph.versions.map((v) => v.id)));
    }
  });

  it('keeps ARC-003 only in older versions', () => {
    const ph = catalog().checklists.get('partner-hosted')!;
    const arc003 = ph.requirements.find((r) => r.id === 'ARC-003')!;
    expect(arc003.versions).not.toContain('2026_02');
    expect(arc003.versions).toContain('2024_q1_v1');
  });

  it('every requirement a reviewer checks by hand names the evidence it expects', () => {
    for (const checklist of catalog().checklists.values()) {
      for (const r of checklist.requirements) {
        if (r.evidencedBy !== 'automated') expect(r.evidence.length, r.id).toBeGreaterThan(0);
      }
    }
  });

  it('the CAA and SDAT requirements hang on their gate questions', () => {
    const ph = catalog().checklists.get('partner-hosted')!;
    expect(ph.gates.map((g) => [g.id, g.fact])).toEqual([
      ['CAA-000', 'accessesCustomerAccounts'],
      ['SDAT-000', 'storesSensitiveData'],
    ]);
    for (const r of ph.requirements.filter((x) => x.id.startsWith('CAA-'))) expect(r.gate).toBe('CAA-000');
  });

  it('Customer-Deployed ids overlap Partner Hosted ones, so references carry their checklist', () => {
    const c = catalog();
    const cd = c.checklists.get('customer-deployed')!.requirements.map((r) => r.id);
    expect(cd).toEqual(expect.arrayContaining(['BAR-001', 'SUP-001', 'DSEC-011']));
    const selected = selectChecklist(c, 'customer-deployed@2022_q1_v1', new Date('2026-06-01'));
    if ('error' in selected) throw new Error(selected.error);
    expect(selected.requirements.find((r) => r.id === 'BAR-001')?.section).toBe('backup-and-recovery');
  });

  it('the attested alternatives are where the checklist allows them', () => {
    const ph = catalog().checklists.get('partner-hosted')!;
    expect(ph.requirements.find((r) => r.id === 'SUP-001')?.alternative?.id).toBe('action-plan');
    expect(ph.requirements.find((r) => r.id === 'IAM-002')?.alternative?.id).toBe('compensating-controls');
  });
});

describe('version selection', () => {
  it('defaults to the newest version accepted today', () => {
    const s = selectChecklist(catalog(), 'partner-hosted', new Date('2026-06-01T00:00:00Z'));
    if ('error' in s) throw new Error(s.error);
    expect(s.version.id).toBe('2026_02');
    expect(s.expired).toBe(false);
  });

  it('while two versions are accepted, the newest wins', () => {
    const s = selectChecklist(catalog(), 'partner-hosted', new Date('2026-03-15T00:00:00Z'));
    if ('error' in s) throw new Error(s.error);
    expect(s.version.id).toBe('2026_02');
  });

  it('falls back to the newest version with an expiry warning when none is valid', () => {
    const s = selectChecklist(catalog(), 'partner-hosted', new Date('2027-06-01T00:00:00Z'));
    if ('error' in s) throw new Error(s.error);
    expect(s.version.id).toBe('2026_02');
    expect(s.expired).toBe(true);
    expect(s.warnings.map((w) => w.code)).toContain('checklist_expired');
  });

  it('an explicit older version is honoured', () => {
    const s = selectChecklist(catalog(), 'partner-hosted@2024_q1_v1', new Date('2026-06-01'));
    if ('error' in s) throw new Error(s.error);
    expect(s.requirements.some((r) => r.id === 'ARC-003')).toBe(true);
  });

  it('unknown names and versions are errors that list what exists', () => {
    expect(selectChecklist(catalog(), 'partner-hostd', new Date())).toMatchObject({ error: expect.stringContaining('partner-hosted') });
    expect(selectChecklist(catalog(), 'partner-hosted@1999', new Date())).toMatchObject({ error: expect.stringContaining('2026_02') });
  });
});

describe('a broken catalog is reported with file and line, and never half loaded', () => {
  const brokenCopy = (mutate: (text: string) => string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ftr-catalog-'));
    cpSync(BUNDLED_CATALOG_DIR, dir, { recursive: true });
    const file = join(dir, 'partner-hosted.yaml');
    writeFileSync(file, mutate(readFileSync(file, 'utf8')));
    return dir;
  };

  it('a requirement in an unknown section', () => {
    const dir = brokenCopy((t) => t.replace(/section: root-account/, 'section: rooot-account'));
    const result = loadCatalog(dir);
    expect(result.value).toBeUndefined();
    expect(result.errors[0]).toMatchObject({ file: 'partner-hosted.yaml', code: 'unknown_section', line: expect.any(Number) });
  });

  it('a duplicated requirement id', () => {
    const dir = brokenCopy((t) => t.replace(/id: ARC-004\b/, 'id: ARC-001'));
    const result = loadCatalog(dir);
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => e.code)).toContain('duplicate_requirement');
  });

  it('a schema violation names the line', () => {
    const dir = brokenCopy((t) => t.replace(/remediationBucket: security/, 'remediationBucket: secrity'));
    const result = loadCatalog(dir);
    expect(result.value).toBeUndefined();
    expect(result.errors[0]?.line).toBeGreaterThan(1);
    expect(result.errors[0]?.path).toMatch(/^requirements\.\d+\.remediationBucket$/);
  });

  it('invalid YAML', () => {
    const dir = brokenCopy((t) => `${t}\n  - : : [\n`);
    const result = loadCatalog(dir);
    expect(result.value).toBeUndefined();
    expect(result.errors[0]).toMatchObject({ code: 'yaml_syntax', file: 'partner-hosted.yaml' });
  });
});
