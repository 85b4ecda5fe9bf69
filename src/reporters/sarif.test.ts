import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sarifSchemaValidator } from '../../test/fixtures/sarif/schema-validator.js';
import { FORBIDDEN, UNSAFE_CHARS, loadSample, withChanges } from '../../test/fixtures/assessments/index.js';
import { GITHUB_MAX_RESULTS, NOT_EVALUATED_RULE_ID, SARIF_LEVEL, SECURITY_SEVERITY, renderSarif, type SarifOptions } from './sarif.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- a SARIF log is read as plain JSON here */
const sample = loadSample();
const render = (options: SarifOptions = {}, assessment = sample): any => JSON.parse(renderSarif(assessment, options));
const log = render();
const run = log.runs[0];
const rules: any[] = run.tool.driver.rules;
const results: any[] = run.results;

const isLive = (f: { resource: { file?: string } }) => f.resource.file === undefined;
const reported = (f: { status: string }) => ['fail', 'waived', 'unknown', 'error'].includes(f.status);

describe('sarif reporter', () => {
  it('is one SARIF 2.1.0 run from ftr-ready with the assessment rules', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'ftr-ready', version: sample.tool.version, semanticVersion: sample.tool.version });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(rules.map((r) => r.id).slice(0, sample.rules.length)).toEqual(sample.rules.map((r) => r.id));
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(run.automationDetails.id).toBe('ftr-ready/partner-hosted/');
  });

  it('describes each rule for GitHub: descriptions, help text and markdown, level and security-severity from severity, tags', () => {
    for (const rule of sample.rules) {
      const d = rules.find((r) => r.id === rule.id);
      expect(d.shortDescription.text).toBe(rule.title);
      expect(d.fullDescription.text.length).toBeGreaterThan(0);
      expect(d.help.text).toContain(rule.remediation.summary.slice(0, 20));
      expect(d.help.markdown).toContain('**Remediation.**');
      expect(d.defaultConfiguration.level).toBe(SARIF_LEVEL[rule.severity]);
      expect(d.properties['security-severity']).toBe(SECURITY_SEVERITY[rule.severity]);
      expect(Number(d.properties['security-severity'])).toBeGreaterThan(0);
      expect(d.properties.tags.length).toBeLessThanOrEqual(20);
      for (const req of rule.requirements) expect(d.properties.tags).toContain(req.id);
      if (rule.remediation.cli !== undefined) expect(d.help.markdown).toMatch(/\*\*AWS CLI\*\*\n\n```sh\n/);
      if (rule.remediation.terraform !== undefined) expect(d.help.markdown).toMatch(/```hcl\n/);
    }
    expect(Number(SECURITY_SEVERITY.critical)).toBeGreaterThan(9);
    expect(SARIF_LEVEL).toEqual({ critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' });
  });

  it('reports code findings that need attention, each with a relative location, a line and a fingerprint', () => {
    const expected = sample.findings.filter((f) => reported(f) && !isLive(f));
    expect(results).toHaveLength(expected.length);
    expect(run.properties.omitted.liveFindings).toBe(sample.findings.filter((f) => reported(f) && isLive(f)).length);
    for (const result of results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      const physical = result.locations[0].physicalLocation;
      expect(physical.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(physical.artifactLocation.uri).not.toMatch(/^\/|\\|^\.\//);
      expect(Number.isInteger(physical.region.startLine) && physical.region.startLine >= 1).toBe(true);
      expect(result.partialFingerprints['ftrFindingId/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    const ids = results.map((r) => r.properties.findingId);
    expect(new Set(results.map((r) => r.partialFingerprints['ftrFindingId/v1'])).size).toBe(new Set(ids).size);
    const odd = results.find((r) => r.properties.findingId && r.locations[0].logicalLocations[0].name === 'EvilBucket');
    expect(odd.locations[0].physicalLocation.artifactLocation.uri).toBe('templates/odd%20name%20%231.yaml');
  });

  it('puts unknown findings on the not-evaluated rule, as notes without a security severity', () => {
    const unknown = results.filter((r) => r.properties.ftrStatus === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const r of unknown) {
      expect(r.ruleId).toBe(NOT_EVALUATED_RULE_ID);
      expect(r.level).toBe('note');
      expect(r.message.text).toMatch(/^Not evaluated: \S+ on /);
      expect(r.message.text).not.toMatch(/: Not evaluated: /);
    }
    const rule = rules.find((r) => r.id === NOT_EVALUATED_RULE_ID);
    expect(rule.properties['security-severity']).toBeUndefined();
    expect(rule.properties.tags).not.toContain('security');
  });

  it('keeps waived findings as suppressed results, inSource when the waiver sits in the template', () => {
    const waived = results.filter((r) => r.properties.ftrStatus === 'waived');
    expect(waived).toHaveLength(1);
    expect(waived[0].suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'Static website <b>behind</b> CloudFront origin access control (owner Web team) [templates/app.yaml:28]' },
    ]);
    const live = render({ liveFindings: 'pseudo-artifact' }).runs[0].results.filter((r: any) => r.properties.ftrStatus === 'waived');
    expect(live.map((r: any) => r.suppressions[0].kind).sort()).toEqual(['external', 'inSource']);
  });

  it('can place live findings on stable pseudo paths with the ARN as a logical location', () => {
    const pseudo = render({ liveFindings: 'pseudo-artifact' }).runs[0];
    expect(pseudo.results).toHaveLength(sample.findings.filter(reported).length);
    expect(pseudo.properties.omitted.liveFindings).toBe(0);
    expect(pseudo.originalUriBaseIds.AWS).toBeDefined();
    const bucket = pseudo.results.find((r: any) => r.locations[0].logicalLocations[0].fullyQualifiedName.startsWith('arn:aws:s3:::=HYPERLINK'));
    expect(bucket.locations[0].physicalLocation.artifactLocation).toEqual({
      uri: `111111111111/us-east-1/AWS-S3-Bucket/${encodeURIComponent('=HYPERLINK("http://evil.example","click me")')}`,
      uriBaseId: 'AWS',
    });
    for (const r of pseudo.results.filter((x: any) => x.locations[0].physicalLocation.artifactLocation.uriBaseId === 'AWS')) {
      expect(r.locations[0].physicalLocation.artifactLocation.uri.split('/')).toHaveLength(4);
    }
  });

  it('makes paths relative to the source root, with forward slashes', () => {
    const paths = withChanges((a) => {
      const code = a.findings.filter((f) => f.resource.file !== undefined && reported(f));
      code[0]!.resource.file = '/home/ci/repo/templates/app.yaml';
      code[1]!.resource.file = 'infra\\nested\\main.tf';
      code[2]!.resource.file = './templates/x.yaml';
      code[3]!.resource.file = '/elsewhere/y.yaml';
    });
    const uris = render({ sourceRoot: '/home/ci/repo/' }, paths).runs[0].results.map((r: any) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris).toContainEqual({ uri: 'templates/app.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: 'infra/nested/main.tf', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: 'templates/x.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris).toContainEqual({ uri: 'file:///elsewhere/y.yaml' });
  });

  it('keeps at most maxResults results, worst first, and counts the rest', () => {
    const capped = render({ maxResults: 2 }).runs[0];
    expect(capped.results).toHaveLength(2);
    expect(capped.properties.omitted.overResultLimit).toBe(results.length - 2);
    expect(capped.results).toEqual(results.slice(0, 2));
    expect(render({ maxResults: 1e9 }).runs[0].results.length).toBeLessThanOrEqual(GITHUB_MAX_RESULTS);
  });

  it('is stable: the same assessment gives the same log and fingerprints', () => {
    expect(renderSarif(sample)).toBe(renderSarif(sample));
  });

  it('escapes embedded-link brackets and strips control characters in messages', () => {
    const text = renderSarif(sample, { liveFindings: 'pseudo-artifact' });
    expect(text).not.toContain(FORBIDDEN.escape);
    expect(JSON.parse(text).runs[0].results.map((r: any) => r.message.text).join('\n')).not.toMatch(UNSAFE_CHARS);
    expect(text).not.toContain(FORBIDDEN.rtlOverride);
    const messages = JSON.parse(text).runs[0].results.map((r: any) => r.message.text);
    expect(messages).toContain('Bucket @acme/security-team *bold* _it_ \\[link\\](http://evil.example) does not block public access.');
  });

  it('stays within GitHub upload limits (10 MB gzipped)', () => {
    const text = renderSarif(sample, { liveFindings: 'pseudo-artifact' });
    expect(gzipSync(new TextEncoder().encode(text)).length).toBeLessThan(10 * 1024 * 1024);
  });
});

describe('sarif reporter against the official SARIF 2.1.0 schema', () => {
  it('validates, with and without live findings', () => {
    const validate = sarifSchemaValidator();
    expect(validate(log)).toEqual([]);
    expect(validate(render({ liveFindings: 'pseudo-artifact' }))).toEqual([]);
  });
});
