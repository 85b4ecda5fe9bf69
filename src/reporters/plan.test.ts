import { describe, expect, it } from 'vitest';
import { severityRank, type Assessment } from '../core/index.js';
import { FORBIDDEN, UNSAFE_CHARS, loadSample, withChanges } from '../../test/fixtures/assessments/index.js';
import { BUCKET_ORDER, buildPlan, renderPlan, renderPlanCsv, renderPlanJson, renderPlanMarkdown, shellQuote, type Plan } from './plan.js';

const sample = loadSample();

/** Parses our CSV (every field quoted, CRLF rows, "" for a quote) back into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.startsWith('\ufeff') ? 1 : 0;
  while (i < text.length) {
    expect(text[i]).toBe('"');
    let value = '';
    for (i++; ; i++) {
      if (text[i] === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (text[i] === '"') break;
      else value += text[i];
    }
    row.push(value);
    i++;
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

describe('buildPlan: which items, in which order', () => {
  const plan = buildPlan(sample);

  it('has one item per requirement that is neither compliant nor not applicable', () => {
    const open = sample.requirements.filter((r) => r.status !== 'compliant' && r.status !== 'not_applicable').map((r) => r.id);
    expect(plan.items.map((i) => i.requirement.id).sort()).toEqual([...open].sort());
    expect(plan.items.map((i) => i.rank)).toEqual(plan.items.map((_, n) => n + 1));
  });

  it('orders security, then documentation, then operational tooling; within each, worst severity first, then widest', () => {
    const buckets = plan.items.map((i) => BUCKET_ORDER.indexOf(i.bucket));
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
    for (let n = 1; n < plan.items.length; n++) {
      const [a, b] = [plan.items[n - 1]!, plan.items[n]!];
      if (a.bucket !== b.bucket) continue;
      const rank = (s: Plan['items'][number]['severity']) => (s === null ? 0 : severityRank(s));
      expect(rank(a.severity), `${a.requirement.id} before ${b.requirement.id}`).toBeGreaterThanOrEqual(rank(b.severity));
      if (rank(a.severity) === rank(b.severity)) expect(a.affected.resources).toBeGreaterThanOrEqual(b.affected.resources);
    }
    // ARC-004 (critical) leads; S3-001 (high, 9 buckets) comes before NETSEC-001 (high, 4 resources).
    const ids = plan.items.map((i) => i.requirement.id);
    expect(ids[0]).toBe('ARC-004');
    expect(ids.indexOf('S3-001')).toBeLessThan(ids.indexOf('NETSEC-001'));
  });

  it('breaks ties on severity by resources, then by accounts affected', () => {
    const twoAccounts = withChanges((a) => {
      // Same severity and resource count for IAM-001 and NETSEC-001 would tie; give IAM-001's findings a second account.
      const iam = a.findings.filter((f) => f.ruleId === 'sample-iam-user-mfa');
      iam[1]!.resource.account = '222222222222';
    });
    const items = buildPlan(twoAccounts).items;
    const iam = items.find((i) => i.requirement.id === 'IAM-001')!;
    expect(iam.affected.accounts).toEqual(['111111111111', '222222222222']);
  });

  it('takes the worst severity of the failing gating rules, and null when none failed', () => {
    const byId = new Map(plan.items.map((i) => [i.requirement.id, i]));
    expect(byId.get('ARC-004')?.severity).toBe('critical');
    expect(byId.get('NETSEC-001')?.severity).toBe('high');
    expect(byId.get('IAM-004')?.severity).toBeNull();
  });

  it('lists fixes from the failing rules with their CLI, CloudFormation and Terraform', () => {
    const netsec = plan.items.find((i) => i.requirement.id === 'NETSEC-001')!;
    expect(netsec.fixes.map((f) => f.ruleId).sort()).toEqual(['ec2-sg-no-public-admin-ports', 'sample-sg-no-open-admin-ports']);
    const real = netsec.fixes.find((f) => f.ruleId === 'ec2-sg-no-public-admin-ports')!;
    expect(real.cli).toContain('aws ec2 revoke-security-group-ingress');
    expect(real.cloudformation).toContain('AWS::EC2::SecurityGroup');
    expect(real.terraform).toContain('resource "');
  });

  it('says what to do for rules that could not be evaluated', () => {
    const iam2 = plan.items.find((i) => i.requirement.id === 'IAM-002')!;
    expect(iam2.actions.join('\n')).toMatch(/Scan every account and Region in scope for AWS::IAM::AccessKey/);
  });

  it('asks for the missing evidence pieces with example ftr attest commands', () => {
    const iam4 = plan.items.find((i) => i.requirement.id === 'IAM-004')!;
    expect(iam4.evidence.length).toBeGreaterThan(0);
    expect(iam4.attestCommands[0]).toMatch(/^ftr attest IAM-004 --owner '<owner@your-company>' --statement '<how IAM-004 is met>' --evidence evidence\/.+ --covers /);
    const expired = plan.items.find((i) => i.requirement.id === 'WAFR-001')!;
    expect(expired.actions.join('\n')).toMatch(/renew the attestation: it expired on 2025-05-01/);
  });

  it('re-records the hash of a changed evidence file', () => {
    const arc1 = plan.items.find((i) => i.requirement.id === 'ARC-001')!;
    const changed = sample.requirements.find((r) => r.id === 'ARC-001')!.evidence.find((e) => e.state === 'changed')!;
    expect(arc1.attestCommands).toContain(`ftr attest ARC-001 --owner '<owner@your-company>' --evidence ${shellQuote(changed.ref)}`);
  });

  it('offers the attested alternative when the catalog has one', () => {
    const withAlt = buildPlan(sample, { alternatives: { 'ARC-004': { title: 'Break-glass keys', description: 'documented and monitored' } } });
    expect(withAlt.items.find((i) => i.requirement.id === 'ARC-004')!.actions.at(-1)).toBe('Or attest the checklist\'s alternative, "Break-glass keys": documented and monitored');
  });
});

describe('buildPlan: owners and due dates', () => {
  it('takes owner and due from the requirement plan, else from a rule plan', () => {
    const plan = buildPlan(sample);
    const iam1 = plan.items.find((i) => i.requirement.id === 'IAM-001')!;
    expect([iam1.owner, iam1.due, iam1.ownerFrom, iam1.note]).toEqual(['Bob | Ops', '2026-07-01', 'requirement', 'Enforce MFA with an SCP']);
    const s3 = plan.items.find((i) => i.requirement.id === 'S3-001')!;
    expect([s3.owner, s3.due, s3.ownerFrom]).toEqual(['Platform', '2026-08-01', 'rule']);
  });

  it('calls out items without an owner', () => {
    const plan = buildPlan(sample);
    const unowned = plan.items.filter((i) => i.flags.noOwner).map((i) => i.requirement.id);
    expect(unowned).toContain('IAM-004');
    expect(unowned).not.toContain('IAM-001');
    expect(plan.summary.noOwner).toBe(unowned.length);
  });

  it('calls out items due before the day of the assessment, not on it', () => {
    const onTheDay = buildPlan(withChanges((a) => void (a.generatedAt = '2026-07-01T09:00:00.000Z')));
    expect(onTheDay.items.find((i) => i.requirement.id === 'IAM-001')!.flags.overdue).toBe(false);
    const dayAfter = buildPlan(withChanges((a) => void (a.generatedAt = '2026-07-02T09:00:00.000Z')));
    const overdue = dayAfter.items.filter((i) => i.flags.overdue).map((i) => i.requirement.id);
    expect(overdue).toEqual(expect.arrayContaining(['IAM-001', 'ARC-004']));
    expect(overdue).not.toContain('S3-001');
    expect(dayAfter.summary.overdue).toBe(overdue.length);
  });
});

describe('buildPlan: advisory checks', () => {
  it('lists failing checks that decide no requirement, below the items', () => {
    const plan = buildPlan(sample);
    expect(plan.advisory.map((a) => a.fix.ruleId)).toEqual(['sample-log-group-retention']);
    expect(plan.advisory[0]).toMatchObject({ kind: 'best-practice', area: 'logging' });
  });
});

describe('plan renderers', () => {
  const plan = buildPlan(sample);

  it('Markdown: a tracker with an overview, sections in bucket order, task lists and callouts', () => {
    const md = renderPlanMarkdown(plan);
    expect(md).toMatch(/^# FTR remediation plan: /);
    expect(md).toContain('| # | Requirement | Title | Area | Status | Severity | Affected | Owner | Due | Flags |');
    expect(md.indexOf('## Security')).toBeLessThan(md.indexOf('## Documentation'));
    expect(md.indexOf('## Documentation')).toBeLessThan(md.indexOf('## Operational tooling'));
    expect(md).toMatch(/^- \[ \] /m);
    expect(md).toContain('> **No owner (');
    expect(md).toMatch(/<details><summary>AWS CLI: ec2\\-sg\\-no\\-public\\-admin\\-ports<\/summary>/);
    expect(md).toContain('## Also worth fixing (1)');
  });

  it('Markdown: untrusted text cannot inject HTML, links, mentions or control characters', () => {
    const md = renderPlanMarkdown(plan);
    // Code spans are inert; everything outside them must be escaped.
    const prose = md.replace(/(`+)[\s\S]*?\1/g, '');
    expect(prose).not.toContain('<script>');
    expect(prose).not.toMatch(/(?<!\\)\[link\]\(http/);
    expect(prose).not.toMatch(/@acme(?!\u200b)/);
    for (const c of Object.values(FORBIDDEN)) expect(md).not.toContain(c);
    expect(UNSAFE_CHARS.test(md)).toBe(false);
  });

  it('Markdown: a code fence is longer than any backtick run inside it', () => {
    const nasty = withChanges((a) => {
      const rule = a.rules.find((r) => r.id === 'root-no-access-keys')!;
      rule.remediation.cli = 'echo ```\n````';
    });
    const md = renderPlanMarkdown(buildPlan(nasty));
    expect(md).toContain('`````bash\necho ```\n````\n`````');
  });

  it('CSV: one row per item then per advisory check, quoted, no cell a formula', () => {
    const csv = renderPlanCsv(plan);
    expect(csv.startsWith('\ufeff"Rank"')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(1 + plan.items.length + plan.advisory.length);
    for (const row of rows) {
      expect(row).toHaveLength(rows[0]!.length);
      for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows.slice(1).map((r) => r[2])).toEqual([...plan.items.map((i) => i.requirement.id), '']);
    expect(UNSAFE_CHARS.test(csv.replace(/\r\n/g, '\n'))).toBe(false);
  });

  it('JSON: the plan itself, round-tripped', () => {
    const parsed = JSON.parse(renderPlanJson(plan)) as Plan;
    expect(parsed).toEqual(plan);
    expect(parsed.kind).toBe('ftr-ready/remediation-plan');
  });

  it('is pure and deterministic', () => {
    for (const format of ['md', 'csv', 'json'] as const) expect(renderPlan(sample, format)).toBe(renderPlan(loadSample(), format));
  });

  it('an assessment with nothing open gives an empty plan that says so', () => {
    const clean: Assessment = withChanges((a) => {
      for (const r of a.requirements) r.status = 'compliant';
      for (const r of a.rules) r.status = 'pass';
    });
    const empty = buildPlan(clean);
    expect(empty.items).toHaveLength(0);
    expect(renderPlanMarkdown(empty)).toContain('Nothing to do');
  });
});

describe('shellQuote', () => {
  it('quotes anything a shell would interpret', () => {
    expect(shellQuote('IAM-001')).toBe('IAM-001');
    expect(shellQuote("it's $(rm -rf /)")).toBe("'it'\\''s $(rm -rf /)'");
  });
});
