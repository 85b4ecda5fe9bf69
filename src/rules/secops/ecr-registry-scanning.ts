/**
 * Container images pushed to ECR are scanned for vulnerabilities.
 *
 * N/A     the Region has no ECR repositories (its inventory was fully listed and is empty).
 * PASS    registry scanning is ENHANCED (Inspector, continuous), or BASIC with at least one scan-on-push rule, or
 *         BASIC without rules while every repository still has the legacy repository-level scan on push.
 * FAIL    BASIC with no rules and some repository without scan on push: new images are not scanned.
 * UNKNOWN GetRegistryScanningConfiguration was denied or the configuration was not collected.
 *
 * Informs SECOPS-001: image scanning is one input to the scanning cadence the checklist asks to document.
 * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html
 *
 * Live only: the registry scanning configuration belongs to the account and Region; a template's repositories
 * (`ScanOnPush`) do not decide alone, because a registry-level configuration takes precedence over them.
 */
import { defineRule, type Resource } from '../../core/index.js';
import { workloadsIn } from '../_lib/regional-workloads.js';
import { asInt } from '../_lib/settings.js';
import { isRecord } from '../_lib/values.js';

function scansOnPush(repository: Resource): boolean {
  const config = repository.properties['ImageScanningConfiguration'];
  return isRecord(config) && (config['ScanOnPush'] === true || config['ScanOnPush'] === 'true');
}

export default defineRule({
  meta: {
    id: 'ecr-registry-scanning',
    title: 'ECR scans container images for vulnerabilities',
    severity: 'low',
    requirements: [
      {
        checklist: 'partner-hosted',
        id: 'SECOPS-001',
        gates: false,
        basis: 'informs dependency and OS scanning: container images are where both ship; the cadence itself is documented evidence',
      },
    ],
    resourceTypes: ['AWS::Account::Region'],
    sources: ['live'],
    rationale: 'Images bundle an operating system and every library of the application; scanning on push (and, with enhanced scanning, continuously as new CVEs appear) is how vulnerable images are found before and after they ship.',
    remediation: {
      summary: 'Turn on enhanced scanning (Amazon Inspector, continuous) for the registry, or at least a basic scan-on-push rule for every repository.',
      console: [
        'Open the Amazon ECR console in the Region, Private registry, Settings, Scanning.',
        'Choose Enhanced scanning with "Continuous scanning" for all repositories (filter *), or Basic scanning with "Scan on push" for all repositories; Save.',
      ],
      cli: "aws ecr put-registry-scanning-configuration --scan-type ENHANCED \\\n  --rules '[{\"scanFrequency\":\"CONTINUOUS_SCAN\",\"repositoryFilters\":[{\"filter\":\"*\",\"filterType\":\"WILDCARD\"}]}]'",
      cloudformation: 'RegistryScanning:\n  Type: AWS::ECR::RegistryScanningConfiguration\n  Properties:\n    ScanType: ENHANCED\n    Rules:\n      - ScanFrequency: CONTINUOUS_SCAN\n        RepositoryFilters:\n          - Filter: "*"\n            FilterType: WILDCARD',
      terraform: 'resource "aws_ecr_registry_scanning_configuration" "this" {\n  scan_type = "ENHANCED"\n  rule {\n    scan_frequency = "CONTINUOUS_SCAN"\n    repository_filter {\n      filter      = "*"\n      filter_type = "WILDCARD"\n    }\n  }\n}',
      links: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html'],
    },
    messages: {
      enhanced: 'ECR in {{resource}} scans images continuously with Amazon Inspector (enhanced scanning).',
      basicRules: 'ECR in {{resource}} scans images on push (basic scanning, {{rules}} rule(s)).',
      repositoryScanOnPush: 'Every ECR repository in {{resource}} scans images on push.',
      noRepositories: 'No ECR repositories in {{resource}}.',
      notScanning: 'ECR in {{resource}} does not scan new images ({{unscanned}} repository(ies) without scan on push).',
    },
    needs: ['ecr:GetRegistryScanningConfiguration', 'ecr:DescribeRepositories'],
  },
  evaluate(region: Resource, ctx) {
    const repos = workloadsIn(ctx, region, 'AWS::ECR::Repository');
    if ('count' in repos && repos.count === 0) return ctx.notApplicable('noRepositories');
    const config = ctx.get(region, '/EcrScanning');
    if (!isRecord(config)) return ctx.unknown('missing_data:EcrScanning', { path: '/EcrScanning' });
    if (config['ScanType'] === 'ENHANCED') return ctx.pass('enhanced');
    const rules = asInt(config['Rules']) ?? 0;
    if (rules > 0) return ctx.pass('basicRules', { rules });
    if ('unknown' in repos) return ctx.unknown(repos.unknown, { path: '/EcrScanning' });
    const repositories = ctx.resources('AWS::ECR::Repository', { account: region.account, region: region.region, source: region.source });
    const unreadable = repositories.map((r) => ctx.unknownAt(r, '/ImageScanningConfiguration')).find((m) => m !== undefined);
    const unscanned = repositories.filter((r) => !ctx.unknownAt(r, '/ImageScanningConfiguration') && !scansOnPush(r)).length;
    if (unscanned === 0 && unreadable) return ctx.unknown(unreadable.reason, { path: '/EcrScanning' });
    return unscanned === 0 ? ctx.pass('repositoryScanOnPush') : ctx.fail('notScanning', { unscanned }, { path: '/EcrScanning' });
  },
});
