import { describe, expect, it } from 'vitest';
import { loadCatalog, ProductFacts, Resource, type AlternativePathFile, type ResourceInput } from '../core/index.js';
import { UNSAFE_CHARS } from '../../test/fixtures/assessments/index.js';
import { evaluatePathway, renderPathway, renderPathwayMarkdown, renderPathwayTerminal, type ConditionState, type PathwayAdvice, type PathwayInput } from './pathway.js';

const catalog = loadCatalog().value!;
const alternativePath: AlternativePathFile = catalog.alternativePath!;
const NOW = new Date('2026-04-15T12:00:00Z');

const facts = (input: Record<string, unknown>) => ProductFacts.parse(input);
const soc2 = { type: 'type2', periodEnd: '2026-01-31', reportActive: true, opinion: 'unqualified', awsInScope: true, productInScope: true, criteria: ['security', 'availability'] };

function account(wellArchitected: unknown, extra: Partial<ResourceInput> = {}): Resource {
  return Resource.parse({ uid: 'account:111111111111', type: 'AWS::Account', source: 'live', account: '111111111111', region: 'global', properties: { WellArchitected: wellArchitected }, ...extra });
}

function workload(id: string, recordedAt: string | null, pillars: Record<string, number> | undefined) {
  return { Id: id, Name: `name-${id}`, LastMilestone: recordedAt === null ? null : { Number: 2, RecordedAt: recordedAt }, RiskCounts: { HIGH: 0 }, ...(pillars ? { PillarHighRisks: pillars } : {}) };
}

const CLEAN = { security: 0, reliability: 0, operationalExcellence: 0 };

function advise(input: Partial<PathwayInput>): PathwayAdvice {
  return evaluatePathway({ alternativePath, facts: undefined, resources: undefined, now: NOW, ...input });
}

function states(advice: PathwayAdvice, route: 'soc2' | 'wafr'): Record<string, ConditionState> {
  return Object.fromEntries(advice.routes.find((r) => r.id === route)!.conditions.map((c) => [c.id, c.state]));
}

function condition(advice: PathwayAdvice, route: 'soc2' | 'wafr', id: string) {
  return advice.routes.find((r) => r.id === route)!.conditions.find((c) => c.id === id)!;
}

describe('SOC 2 route', () => {
  it('is recommended when every condition holds', () => {
    const advice = advise({ facts: facts({ soc2 }) });
    expect(advice.recommendation).toBe('soc2');
    expect(Object.values(states(advice, 'soc2')).every((s) => s === 'holds')).toBe(true);
  });

  it('each condition can fail on its own fact', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['type-ii-report', { type: 'type1' }],
      ['report-active', { reportActive: false }],
      ['unqualified-opinion', { opinion: 'qualified' }],
      ['aws-in-scope', { awsInScope: false }],
      ['product-in-scope', { productInScope: false }],
      ['security-and-availability-criteria', { criteria: ['security', 'confidentiality'] }],
    ];
    for (const [id, change] of cases) {
      const advice = advise({ facts: facts({ soc2: { ...soc2, ...change } }) });
      expect(states(advice, 'soc2')[id], id).toBe('does_not_hold');
      expect(advice.recommendation, id).toBe('standard');
    }
    expect(condition(advise({ facts: facts({ soc2: { ...soc2, criteria: ['security'] } }) }), 'soc2', 'security-and-availability-criteria').why).toContain('availability');
  });

  it('an "active" report whose period ended more than a year ago is unknown, not holding', () => {
    const advice = advise({ facts: facts({ soc2: { ...soc2, periodEnd: '2025-03-31' } }) });
    expect(states(advice, 'soc2')['report-active']).toBe('unknown');
    expect(advice.recommendation).toBe('standard');
  });

  it('without SOC 2 facts every condition is unknown, never holding', () => {
    const advice = advise({ facts: facts({}) });
    expect(new Set(Object.values(states(advice, 'soc2')))).toEqual(new Set(['unknown']));
    expect(condition(advice, 'soc2', 'type-ii-report').source).toBe('none');
    expect(advise({}).routes[0]!.conditions[0]!.why).toContain('no ftr.yaml');
  });
});

describe('Well-Architected route', () => {
  const wafrFacts = { completed: '2026-01-10', conductedBy: 'wapp-partner' };

  it('is recommended when a recent milestone and zero high risks come from the API and a WAPP partner ran it', () => {
    const advice = advise({ facts: facts({ wafr: wafrFacts }), resources: [account({ Workloads: [workload('wl-1', '2026-01-10T10:00:00Z', CLEAN)] })] });
    expect(advice.recommendation).toBe('wafr');
    expect(condition(advice, 'wafr', 'within-12-months').source).toBe('well-architected-api');
    expect(condition(advice, 'wafr', 'no-high-risk-security').source).toBe('well-architected-api');
    expect(condition(advice, 'wafr', 'conducted-by-aws-or-wapp').why).toContain('cannot show who ran a review');
    expect(advice.inputs.workload).toEqual({ account: '111111111111', id: 'wl-1', name: 'name-wl-1' });
  });

  it('a review the team ran itself does not qualify', () => {
    const advice = advise({ facts: facts({ wafr: { ...wafrFacts, conductedBy: 'self' } }), resources: [account({ Workloads: [workload('wl-1', '2026-01-10T10:00:00Z', CLEAN)] })] });
    expect(states(advice, 'wafr')['conducted-by-aws-or-wapp']).toBe('does_not_hold');
    expect(advice.recommendation).toBe('standard');
  });

  it('open high risks in a gating pillar do not qualify; other pillars do not matter', () => {
    const advice = advise({
      facts: facts({ wafr: wafrFacts }),
      resources: [account({ Workloads: [workload('wl-1', '2026-01-10T10:00:00Z', { ...CLEAN, reliability: 2, costOptimization: 5 })] })],
    });
    expect(states(advice, 'wafr')).toMatchObject({ 'no-high-risk-security': 'holds', 'no-high-risk-reliability': 'does_not_hold', 'no-high-risk-operational-excellence': 'holds' });
    expect(condition(advice, 'wafr', 'no-high-risk-reliability').why).toContain('2 open high-risk issue(s) in Reliability');
  });

  it('a milestone older than 12 months does not hold; the boundary day still does', () => {
    const old = advise({ facts: facts({ wafr: { ...wafrFacts, completed: '2025-01-01' } }), resources: [account({ Workloads: [workload('wl-1', '2025-01-01T00:00:00Z', CLEAN)] })] });
    expect(states(old, 'wafr')['within-12-months']).toBe('does_not_hold');
    const boundary = advise({ facts: facts({ wafr: { ...wafrFacts, completed: '2025-04-15' } }), resources: [account({ Workloads: [workload('wl-1', '2025-04-15T00:00:00Z', CLEAN)] })] });
    expect(states(boundary, 'wafr')['within-12-months']).toBe('holds');
  });

  it('a recent review in ftr.yaml with only an old milestone in the tool is unknown', () => {
    const advice = advise({ facts: facts({ wafr: wafrFacts }), resources: [account({ Workloads: [workload('wl-1', '2024-12-01T00:00:00Z', CLEAN)] })] });
    expect(condition(advice, 'wafr', 'within-12-months')).toMatchObject({ state: 'unknown' });
  });

  it('without a scan, ftr.yaml facts answer, and say the scan would confirm them', () => {
    const advice = advise({ facts: facts({ wafr: { ...wafrFacts, highRiskIssues: CLEAN } }) });
    expect(advice.recommendation).toBe('wafr');
    expect(condition(advice, 'wafr', 'within-12-months')).toMatchObject({ state: 'holds', source: 'ftr.yaml' });
    expect(condition(advice, 'wafr', 'within-12-months').why).toContain('scan the account to confirm');
  });

  it('without any data the conditions are unknown', () => {
    const advice = advise({ facts: facts({}) });
    expect(new Set(Object.values(states(advice, 'wafr')))).toEqual(new Set(['unknown']));
  });

  it('a Well-Architected Tool the scan could not read leaves the API conditions unknown, with the reason', () => {
    const denied = account(undefined, { unknown: [{ path: '/WellArchitected', reason: 'collection_failed:wellarchitected:ListWorkloads' }] });
    const advice = advise({ facts: facts({ wafr: { conductedBy: 'aws', completed: '2026-01-10' } }), resources: [denied] });
    expect(states(advice, 'wafr')['no-high-risk-security']).toBe('unknown');
    expect(advice.notes.join('\n')).toContain('collection_failed:wellarchitected:ListWorkloads');
    expect(advice.recommendation).toBe('standard');
  });

  it('risk counts that could not be read stay unknown', () => {
    const resource = account({ Workloads: [workload('wl-1', '2026-01-10T10:00:00Z', undefined)] }, { unknown: [{ path: '/WellArchitected/Workloads/0/RiskCounts', reason: 'collection_failed:wellarchitected:GetLensReview' }] });
    const advice = advise({ facts: facts({ wafr: wafrFacts }), resources: [resource] });
    expect(condition(advice, 'wafr', 'no-high-risk-security')).toMatchObject({ state: 'unknown' });
    expect(condition(advice, 'wafr', 'no-high-risk-security').why).toContain('GetLensReview');
  });

  it('picks the workload ftr.yaml names, else the most recently reviewed', () => {
    const resources = [account({ Workloads: [workload('wl-old', '2025-01-01T00:00:00Z', CLEAN), workload('wl-new', '2026-02-01T00:00:00Z', { ...CLEAN, security: 1 })] })];
    const named = advise({ facts: facts({ wafr: { ...wafrFacts, workloadId: 'wl-old' } }), resources });
    expect(named.inputs.workload?.id).toBe('wl-old');
    const latest = advise({ facts: facts({ wafr: wafrFacts }), resources });
    expect(latest.inputs.workload?.id).toBe('wl-new');
    expect(latest.notes.join('\n')).toContain('most recently reviewed');
    const missing = advise({ facts: facts({ wafr: { ...wafrFacts, workloadId: 'wl-gone' } }), resources });
    expect(missing.notes.join('\n')).toContain('wl-gone');
  });
});

describe('recommendation and notes', () => {
  it('prefers SOC 2 when both routes qualify, and says so', () => {
    const advice = advise({ facts: facts({ soc2, wafr: { completed: '2026-01-10', conductedBy: 'aws', highRiskIssues: CLEAN } }) });
    expect(advice.recommendation).toBe('soc2');
    expect(advice.headline).toContain('Well-Architected route would qualify too');
  });

  it('warns when the newest alternative checklist the catalog knows is no longer accepted', () => {
    expect(advise({ now: new Date('2026-11-26T12:00:00Z') }).notes.join('\n')).toMatch(/accepted until 2026-05-31/);
    expect(advise({}).alternativeChecklist?.expired).toBe(false);
  });

  it('with an assessment summary, tells how far the standard review is', () => {
    const advice = advise({ summary: { compliant: 10, partially_compliant: 1, non_compliant: 3, not_applicable: 2, unknown: 4 } });
    expect(advice.standard.advice.join(' ')).toMatch(/3 requirement\(s\) non-compliant.*Fix the gaps/);
  });

  it('renders in the terminal, Markdown and JSON with untrusted text neutralised', () => {
    const hostile = facts({ wafr: { completed: '2026-01-10', conductedBy: 'aws', workloadId: 'x\u001b[2J<script>|' } });
    const input: PathwayInput = { alternativePath, facts: hostile, resources: [account({ Workloads: [] })], now: NOW };
    const advice = evaluatePathway(input);
    const terminal = renderPathwayTerminal(advice, { color: false });
    expect(terminal).not.toContain('\u001b');
    expect(UNSAFE_CHARS.test(terminal)).toBe(false);
    const md = renderPathwayMarkdown(advice);
    expect(md).not.toContain('<script>');
    expect(md).toContain('| ✅ holds |');
    expect(JSON.parse(renderPathway(input, 'json'))).toEqual(JSON.parse(JSON.stringify(advice)));
  });
});
