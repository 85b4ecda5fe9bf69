import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Assessment } from '../core/index.js';
import { HOSTILE_BUCKETS } from '../../test/fixtures/assessments/index.js';

// The committed fixture every reporter test reads (rebuild: npx tsx test/fixtures/assessments/build-sample.ts).
const raw = JSON.parse(readFileSync(new URL('../../test/fixtures/assessments/sample.json', import.meta.url), 'utf8')) as unknown;

describe('sample assessment fixture', () => {
  const sample = Assessment.parse(raw);

  it('matches the Assessment schema exactly (nothing added by parsing)', () => {
    expect(sample).toEqual(raw);
  });

  it('covers every status, every finding status the reports treat differently, and code and live sources', () => {
    for (const count of Object.values(sample.summary)) expect(count).toBeGreaterThan(0);
    const statuses = new Set(sample.findings.map((f) => f.status));
    for (const s of ['pass', 'fail', 'unknown', 'waived']) expect(statuses).toContain(s);
    expect(new Set(sample.findings.map((f) => f.resource.source))).toEqual(new Set(['live', 'cloudformation', 'terraform']));
    expect(sample.requirements.some((r) => r.subQuestions.length > 0)).toBe(true);
    expect(sample.collection.some((c) => c.outcome === 'access_denied')).toBe(true);
    expect(sample.waivers.some((w) => w.expired)).toBe(true);
    expect(new Set(sample.rules.map((r) => r.id)).size).toBe(sample.rules.length);
  });

  it('carries the hostile names the reporters must neutralise', () => {
    const names = new Set(sample.findings.map((f) => f.resource.name));
    for (const name of Object.values(HOSTILE_BUCKETS)) expect(names).toContain(name);
  });
});
