import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/load.js';
import { loadConfig } from './load.js';

const catalog = loadCatalog().value!;
const now = new Date('2026-06-01T00:00:00Z');

function project(yaml: string, files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ftr-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const path = join(dir, 'ftr.yaml');
  writeFileSync(path, yaml);
  return { dir, path };
}
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const PLAN = 'Our incident response plan.\n';

describe('ftr.yaml', () => {
  it('loads a valid file with attestations, waivers and plan entries', () => {
    const { path } = project(
      [
        'version: 1',
        'product: { name: Acme, emailDomains: [acme.example], accessesCustomerAccounts: false }',
        'attestations:',
        '  - requirement: ARC-005',
        '    claim: met',
        '    statement: We keep an incident response plan.',
        '    owner: sec@acme.example',
        '    attested: 2026-05-01',
        '    evidence:',
        `      - { file: evidence/ir.md, sha256: ${sha(PLAN)} }`,
        'waivers:',
        '  - { rule: s3-bucket-not-public, resource: "arn:aws:s3:::acme-www", reason: Public website assets only }',
        'plan:',
        '  - { requirement: IAM-001, owner: alice, due: 2026-07-01 }',
      ].join('\n'),
      { 'evidence/ir.md': PLAN },
    );
    const result = loadConfig(path, catalog, now);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.value?.attestations[0]).toMatchObject({ ref: { checklist: 'partner-hosted', id: 'ARC-005' }, line: 4, evidence: [{ state: 'ok' }] });
    expect(result.value?.waivers[0]).toMatchObject({ line: 12, origin: expect.stringMatching(/ftr\.yaml:12$/) });
  });

  it('reports invalid YAML with its line, and loads nothing', () => {
    const { path } = project('version: 1\nattestations:\n  - requirement: ARC-005\n    claim: [met\n');
    const result = loadConfig(path, catalog, now);
    expect(result.value).toBeUndefined();
    expect(result.errors[0]).toMatchObject({ code: 'yaml_syntax', file: path, line: expect.any(Number) });
  });

  it('reports a schema violation with file, line and what was expected', () => {
    const { path } = project('version: 1\nattestations:\n  - requirement: ARC-005\n    claim: done\n    statement: x\n    owner: me\n    attested: 2026-05-01\n');
    const result = loadConfig(path, catalog, now);
    expect(result.value).toBeUndefined();
    expect(result.errors[0]).toMatchObject({ file: path, line: 4, path: 'attestations.0.claim' });
    expect(result.errors[0]?.message).toMatch(/met/);
  });

  it('rejects unknown keys (a typo is not silently ignored)', () => {
    const { path } = project('version: 1\nwaivers:\n  - { rule: x, resource: y, reason: long enough reason, expiry: 2027-01-01 }\n');
    const result = loadConfig(path, catalog, now);
    expect(result.errors[0]).toMatchObject({ line: 3, message: expect.stringContaining('expiry') });
  });

  it('an unknown requirement id is an error with its line', () => {
    const { path } = project('version: 1\nattestations:\n  - requirement: IAM-099\n    claim: met\n    statement: x\n    owner: me\n    attested: 2026-05-01\n');
    const result = loadConfig(path, catalog, now);
    expect(result.value).toBeUndefined();
    expect(result.errors[0]).toMatchObject({ code: 'unknown_requirement', line: 3 });
  });

  it('a not-applicable claim the catalog does not allow is an error', () => {
    const { path } = project('version: 1\nattestations:\n  - requirement: IAM-001\n    claim: not_applicable\n    statement: x\n    owner: me\n    attested: 2026-05-01\n');
    expect(loadConfig(path, catalog, now).errors[0]).toMatchObject({ code: 'not_applicable_not_allowed', line: 4 });
  });

  it('missing and changed evidence files, and expired attestations, are warnings with their lines', () => {
    const { path } = project(
      [
        'version: 1',
        'attestations:',
        '  - requirement: ARC-005',
        '    claim: met',
        '    statement: plan',
        '    owner: me',
        '    attested: 2025-01-01',
        '    expires: 2026-01-01',
        '    evidence:',
        '      - file: evidence/gone.pdf',
        `      - { file: evidence/ir.md, sha256: ${sha('old text')} }`,
      ].join('\n'),
      { 'evidence/ir.md': PLAN },
    );
    const result = loadConfig(path, catalog, now);
    expect(result.errors).toEqual([]);
    const byCode = Object.fromEntries(result.warnings.map((w) => [w.code, w.line]));
    expect(byCode).toMatchObject({ evidence_missing: 10, evidence_changed: 11, attestation_expired: 8 });
    expect(result.value?.attestations[0]?.evidence.map((e) => e.state)).toEqual(['missing', 'changed']);
  });

  it('a waiver reason shorter than 10 characters is an error', () => {
    const { path } = project('version: 1\nwaivers:\n  - { rule: x, resource: y, reason: short }\n');
    expect(loadConfig(path, catalog, now).errors[0]).toMatchObject({ line: 3, path: 'waivers.0.reason' });
  });

  it('qualified ids pick the checklist; the same id exists in both', () => {
    const { path } = project('version: 1\nattestations:\n  - requirement: customer-deployed:BAR-001\n    claim: met\n    statement: guide section 5\n    owner: me\n    attested: 2026-05-01\n');
    expect(loadConfig(path, catalog, now).value?.attestations[0]?.ref).toEqual({ checklist: 'customer-deployed', id: 'BAR-001' });
  });

  it('a missing file says how to create one', () => {
    const result = loadConfig('/nonexistent/ftr.yaml', catalog, now);
    expect(result.errors[0]?.message).toMatch(/ftr init/);
  });
});
