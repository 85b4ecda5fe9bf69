import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN, HOSTILE_BUCKETS, UNSAFE_CHARS, loadSample, withChanges } from '../../test/fixtures/assessments/index.js';
import { HTML_PAYLOADS, buildHostileHtmlAssessment } from '../../test/fixtures/assessments/hostile-html.js';
import { buildLargeAssessment } from '../../test/fixtures/assessments/large.js';
import type { Assessment } from '../core/index.js';
import { compareFindings, resourceLabel } from './_lib/findings.js';
import { oneLine } from './_lib/text.js';
import { decodeFindings, type EmbeddedData } from './html/data.js';
import { httpUrl, scriptJson } from './html/escape.js';
import { planItems } from './html/plan.js';
import { renderHtml } from './html.js';

const sample = loadSample();
const hostile = buildHostileHtmlAssessment();
const hostileHtml = renderHtml(hostile);

const DATA_OPEN = '<script type="application/json" id="ftr-data">';

function embedded(html: string): { raw: string; data: EmbeddedData } {
  const start = html.indexOf(DATA_OPEN) + DATA_OPEN.length;
  const raw = html.slice(start, html.indexOf('</script>', start));
  return { raw, data: JSON.parse(raw) as EmbeddedData };
}

/** The markup outside our own <style> and <script> elements, where every tag must be one we write. */
function markup(html: string): string {
  return html.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
}

const ALLOWED_TAGS = new Set(
  'html head meta title link style script body a header main section nav div p h1 h2 h3 h4 dl dt dd span b strong em code pre ul ol li table thead tbody tr th td svg rect button details summary q br article'.split(' '),
);

function tags(html: string): Array<{ name: string; attributes: string[]; href?: string }> {
  const found: Array<{ name: string; attributes: string[]; href?: string }> = [];
  for (const m of markup(html).matchAll(/<(\/?)([A-Za-z!][\w-]*)([^>]*)>/g)) {
    if (m[1] === '/' || m[2] === '!doctype') continue;
    const attributes = [...(m[3] ?? '').matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => (a[1] ?? '').toLowerCase());
    const href = /\shref="([^"]*)"/.exec(m[3] ?? '')?.[1];
    found.push({ name: (m[2] ?? '').toLowerCase(), attributes, ...(href !== undefined ? { href } : {}) });
  }
  return found;
}

describe('renderHtml: one self-contained, locked-down page', () => {
  const html = renderHtml(sample);

  it('is a complete document with exactly our script, our stylesheet and the data block', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html.match(/<script\b/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html.match(/<style>/g)).toHaveLength(1);
  });

  it('carries a Content-Security-Policy whose hashes are those of the inline script and stylesheet', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("require-trusted-types-for 'script'");
    expect(csp).not.toContain('unsafe-inline');
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(csp).toContain(`script-src ${sha(script)}`);
    expect(csp).toContain(`style-src ${sha(style)}`);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('refers to nothing outside itself: no src attributes, no external stylesheets, links only to http(s) pages', () => {
    for (const tag of tags(html)) {
      expect(tag.attributes, tag.name).not.toContain('src');
      if (tag.name === 'link') expect(tag.href).toBe('data:,');
      if (tag.name === 'a') expect(tag.href ?? '').toMatch(/^(https?:\/\/|#)/);
    }
  });

  it('is the same for the same input, and leaves the assessment alone', () => {
    const before = JSON.stringify(sample);
    expect(renderHtml(sample)).toBe(html);
    expect(JSON.stringify(sample)).toBe(before);
  });

  it('shows the summary counts, every requirement once in checklist order, and the provenance', () => {
    for (const [status, n] of Object.entries(sample.summary)) expect(html).toContain(`<b data-summary="${status}">${n}</b>`);
    const rows = [...html.matchAll(/<li class="req" id="r-(\d+)"/g)].map((m) => Number(m[1]));
    expect(rows).toHaveLength(sample.requirements.length);
    const order = rows.map((i) => sample.requirements[i]?.section);
    expect(order.filter((s, i) => s !== order[i - 1])).toEqual([...new Set(order)]);
    for (const text of [sample.checklist.versionTitle, sample.catalogHash, sample.checklist.acceptedUntil, '2026-06-01 12:00 UTC', 'ftr-ready 0.1.0']) expect(html).toContain(text);
  });

  it('warns when the checklist version has expired, and only then', () => {
    expect(html).not.toContain('This checklist version has expired');
    const expired = renderHtml(withChanges((a) => (a.checklist.expired = true)));
    expect(expired).toContain('This checklist version has expired');
  });

  it('renders an assessment with no findings, waivers or warnings', () => {
    const empty = renderHtml(withChanges((a) => {
      a.findings = [];
      a.waivers = [];
      a.warnings = [];
      a.collection = [];
      for (const r of a.requirements) r.findings = [];
    }));
    expect(empty).toContain('No findings.');
    expect(empty).toContain('No waivers');
    expect(empty).not.toContain('id="warnings"');
    expect(embedded(empty).data.n).toBe(0);
  });
});

describe('renderHtml: hostile strings stay text', () => {
  it('never lets a payload through unescaped: no raw < or > anywhere, no raw quote outside the JSON block', () => {
    const outsideData = markup(hostileHtml);
    for (const payload of [...Object.values(HTML_PAYLOADS), ...Object.values(HOSTILE_BUCKETS)]) {
      if (/[<>]/.test(payload)) expect(hostileHtml.includes(payload), payload).toBe(false);
      if (/[<>"'&]/.test(payload)) expect(outsideData.includes(payload), payload).toBe(false);
    }
    expect(hostileHtml).toContain('&lt;img src=x onerror=window.__pwned=1&gt;');
    expect(hostileHtml).toContain('&#39; onfocus=&#39;window.__pwned=7&#39;');
  });

  it('produces only the tags it writes, with no event-handler attribute, whatever the names say', () => {
    for (const tag of tags(hostileHtml)) {
      expect(ALLOWED_TAGS.has(tag.name), `<${tag.name}>`).toBe(true);
      for (const attribute of tag.attributes) expect(attribute, `<${tag.name} ${attribute}>`).not.toMatch(/^on|^autofocus$|^style$|^src$/);
    }
  });

  it('makes only http(s) URLs clickable: javascript: and data: evidence stays text', () => {
    const hrefs = tags(hostileHtml).flatMap((t) => (t.href !== undefined ? [t.href] : []));
    expect(hrefs.some((h) => h.startsWith('https://partnercentral.awspartner.com/home?a=1&amp;b=%222%22'))).toBe(true);
    for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|#|data:,$)/);
    expect(hostileHtml).toContain('<span class="url">javascript:window.__pwned=3</span>');
    for (const bad of ['javascript:alert(1)', ' JaVaScRiPt:x', 'data:text/html,x', 'vbscript:x', '//evil.example', 'evidence/a.md', 'http:/x', 'https://']) expect(httpUrl(bad), bad).toBeUndefined();
    for (const good of ['https://example.com/a?b=1', 'http://example.com']) expect(httpUrl(good)).toBeDefined();
  });

  it('strips terminal escapes, control characters and bidi overrides', () => {
    const html = renderHtml(sample);
    for (const c of Object.values(FORBIDDEN)) expect(html).not.toContain(c);
    expect(html).not.toMatch(UNSAFE_CHARS);
    expect(hostileHtml).not.toMatch(UNSAFE_CHARS);
  });

  it('keeps the data block inert: no <, >, & or line separators, and it parses back to the same strings', () => {
    const { raw, data } = embedded(hostileHtml);
    expect(raw).not.toMatch(/[<>&\u2028\u2029]/);
    const { findings } = decodeFindings(data);
    const labels = findings.map((f) => f.text.label);
    for (const payload of Object.values(HTML_PAYLOADS)) expect(labels).toContain(oneLine(payload));
    expect(JSON.parse(scriptJson({ s: '</script><!--\u2028&' }))).toEqual({ s: '</script><!--\u2028&' });
  });
});

describe('renderHtml: the embedded findings', () => {
  function expectRoundTrip(assessment: Assessment): void {
    const { data } = embedded(renderHtml(assessment));
    const { findings, req } = decodeFindings(data);
    const sorted = [...assessment.findings].sort(compareFindings);
    expect(findings).toHaveLength(sorted.length);
    sorted.forEach((f, i) => {
      const d = findings[i];
      expect(d?.text).toMatchObject({
        rule: f.ruleId,
        status: f.status,
        sev: f.severity,
        type: f.resource.type,
        label: oneLine(resourceLabel(f)),
        uid: oneLine(f.resource.uid),
        src: f.resource.source,
        acct: oneLine(f.resource.account ?? ''),
        region: oneLine(f.resource.region ?? ''),
        file: oneLine(f.resource.file ?? ''),
        msg: oneLine(f.message),
        reason: oneLine(f.reason ?? ''),
        path: oneLine(f.propertyPath ?? ''),
      });
      expect(d?.num.line).toBe(f.resource.line ?? 0);
      const waiver = d !== undefined && d.num.waiver >= 0 ? data.w[d.num.waiver] : undefined;
      expect(waiver?.[0]).toBe(f.waiver ? oneLine(f.waiver.reason) : undefined);
    });
    assessment.requirements.forEach((r, i) => {
      expect(new Set((req[i] ?? []).map((p) => sorted[p]?.id)), r.id).toEqual(new Set(r.findings));
    });
  }

  it('decode back to every finding, worst first, and each requirement to its own findings', () => {
    expectRoundTrip(sample);
    expectRoundTrip(hostile);
  });

  it('keeps a 100,000-finding report well under 10 MB', { timeout: 180_000 }, () => {
    const large = buildLargeAssessment(100_000);
    const html = renderHtml(large);
    const bytes = Buffer.byteLength(html, 'utf8');
    const json = Buffer.byteLength(JSON.stringify(large), 'utf8');
    console.log(`HTML report for 100,000 findings: ${(bytes / 1e6).toFixed(2)} MB (assessment JSON: ${(json / 1e6).toFixed(1)} MB)`);
    expect(bytes).toBeLessThan(10 * 1024 * 1024);
    const { data } = embedded(html);
    expect(data.n).toBe(100_000);
    const { findings, req } = decodeFindings(data);
    expect(findings).toHaveLength(100_000);
    const s3 = large.requirements.findIndex((r) => r.id === 'S3-001');
    expect(req[s3]).toHaveLength(large.requirements[s3]?.findings.length ?? -1);
  });
});

describe('the remediation plan', () => {
  it('lists what is not done: security, then documentation, then operational tooling; then severity, then status', () => {
    const items = planItems(sample);
    expect(items.map((i) => i.requirement.id).sort()).toEqual(
      sample.requirements.filter((r) => ['non_compliant', 'partially_compliant', 'unknown'].includes(r.status)).map((r) => r.id).sort(),
    );
    const buckets = items.map((i) => i.requirement.remediationBucket);
    expect(buckets).toEqual([...buckets].sort((a, b) => ['security', 'documentation', 'operational-tooling'].indexOf(a) - ['security', 'documentation', 'operational-tooling'].indexOf(b)));
    const rank = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };
    for (let i = 1; i < items.length; i += 1) {
      const [a, b] = [items[i - 1], items[i]];
      if (a?.requirement.remediationBucket === b?.requirement.remediationBucket) expect(a?.severity ? rank[a.severity] : 0).toBeGreaterThanOrEqual(b?.severity ? rank[b.severity] : 0);
    }
    expect(items[0]?.requirement.remediationBucket).toBe('security');
  });

  it('shows owners and due dates from ftr.yaml, and the remediation of each failing check', () => {
    const html = renderHtml(sample);
    const plan = html.slice(html.indexOf('id="plan"'), html.indexOf('id="findings"'));
    expect(plan).toContain('Owner <b>Bob | Ops</b> · due <b>2026-07-01</b>');
    expect(plan).toContain('Enforce MFA with an SCP');
    expect(plan).toMatch(/<details class="fix"><summary>Fix: /);
    expect(plan).toContain('<pre><code>');
  });
});
