// Cross-references between the catalog and the rules: every reference points at something, and the coverage the
// README claims is what the rules really declare.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog, selectChecklist } from '../../src/core/index.js';
import { rules } from '../../src/rules/index.js';

const catalog = loadCatalog().value!;
const current = (() => {
  const s = selectChecklist(catalog, 'partner-hosted@2026_02', new Date('2026-06-01'));
  if ('error' in s) throw new Error(s.error);
  return s;
})();

describe('rules ↔ catalog', () => {
  it('every requirement a rule names exists in its checklist', () => {
    const missing: string[] = [];
    for (const rule of rules) {
      for (const ref of rule.meta.requirements) {
        const checklist = catalog.checklists.get(ref.checklist);
        if (!checklist?.requirements.some((r) => r.id === ref.id)) missing.push(`${rule.meta.id} → ${ref.checklist}:${ref.id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every rule maps to a requirement or names its best-practice topic', () => {
    expect(rules.filter((r) => r.meta.requirements.length === 0 && r.meta.bestPractice === undefined).map((r) => r.meta.id)).toEqual([]);
  });

  it('every current Partner Hosted requirement has a rule or an evidence spec', () => {
    const withRule = new Set(rules.flatMap((r) => r.meta.requirements.filter((q) => q.checklist === 'partner-hosted').map((q) => q.id)));
    const orphans = current.requirements.filter((r) => !withRule.has(r.id) && r.evidence.length === 0).map((r) => r.id);
    expect(orphans).toEqual([]);
  });

  // The README's coverage numbers (next to Prowler's 13 and Service Screener's 26): a requirement counts as covered
  // when a rule gates or informs it, as gated only when a rule gates it, each gate with its basis.
  it('covers at least 30 current Partner Hosted requirements and gates at least 20, every gate with its basis', () => {
    const ids = new Set(current.requirements.map((r) => r.id).filter((id) => id !== '1.1'));
    const refs = rules.flatMap((r) => r.meta.requirements.filter((q) => q.checklist === 'partner-hosted' && ids.has(q.id)));
    const covered = new Set(refs.map((q) => q.id));
    const gated = new Set(refs.filter((q) => q.gates).map((q) => q.id));
    expect(ids.size).toBe(44);
    expect(covered.size).toBeGreaterThanOrEqual(30);
    expect(gated.size).toBeGreaterThanOrEqual(20);
    expect(refs.filter((q) => q.gates && q.basis.trim().length < 20)).toEqual([]);
    // The README states the exact numbers.
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`${rules.length} rules. Of the 44 requirements of the current Partner Hosted checklist (February 2026), **${covered.size} have a rule** and **${gated.size} are gated**`);
  });

  it('every automated requirement is gated by at least one rule', () => {
    const gated = new Set(rules.flatMap((r) => r.meta.requirements.filter((q) => q.gates && q.checklist === 'partner-hosted').map((q) => q.id)));
    const ungated = current.requirements.filter((r) => r.evidencedBy === 'automated' && !gated.has(r.id)).map((r) => r.id);
    expect(ungated).toEqual([]);
  });

  it('a gating rule says what part of the requirement it enforces', () => {
    for (const rule of rules) for (const ref of rule.meta.requirements) expect(ref.basis.length, rule.meta.id).toBeGreaterThanOrEqual(10);
  });
});
