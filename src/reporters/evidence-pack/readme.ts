import { REQUIREMENT_STATUSES, STATUS_LABELS, type Assessment } from '../../core/index.js';
import { mdCode, mdText } from '../_lib/markdown-escape.js';

export interface ReadmeFacts {
  assessment: Assessment;
  html: boolean;
  folders: Array<{ dir: string; id: string; title: string; status: Assessment['requirements'][number]['status']; evidenceFiles: number }>;
  /** Evidence files named in ftr.yaml that could not be included: requirement id and reference. */
  missing: Array<{ id: string; ref: string }>;
  encryptionRows: number;
  diagramNodes: number;
}

/** The pack's README: what is inside, where it came from, and how to check that nothing was changed. */
export function packReadme(facts: ReadmeFacts): string {
  const { assessment } = facts;
  const product = assessment.product.name !== undefined ? `: ${mdText(assessment.product.name)}` : '';
  const out = [
    `# FTR evidence pack${product}`,
    '',
    `${mdText(assessment.checklist.title)} ${mdText(assessment.checklist.version)} (${mdText(assessment.checklist.versionTitle)}).`,
    `Generated ${mdText(assessment.generatedAt)} by ${mdText(`${assessment.tool.name} ${assessment.tool.version}`)}; catalog sha256 ${mdCode(assessment.catalogHash)}.`,
    '',
    '| Status | Requirements |',
    '| --- | ---: |',
    ...REQUIREMENT_STATUSES.map((s) => `| ${STATUS_LABELS[s]} | ${assessment.summary[s]} |`),
    '',
    '## Inputs',
    '',
    ...(assessment.scope.snapshots.length > 0
      ? assessment.scope.snapshots.map((s) => `- snapshot ${mdCode(s.path)}, collected ${mdText(s.collectedAt)}, sha256 ${mdCode(s.sha256)}`)
      : ['- no snapshot']),
    `- accounts: ${assessment.scope.accounts.map(mdCode).join(', ') || 'none'}; Regions: ${assessment.scope.regions.map(mdCode).join(', ') || 'none'}; sources: ${assessment.scope.sources.join(', ') || 'none'}`,
    '',
    '## What is inside',
    '',
    '| Path | What |',
    '| --- | --- |',
    '| `assessment.json` | The assessment: every requirement, finding, rule, waiver and collection record (schema `schemas/assessment.schema.json` of ftr-ready) |',
    facts.html ? '| `report.html` | The assessment as a self-contained HTML report |' : '| (no `report.html`) | This version of ftr-ready has no HTML reporter; `assessment.json` and the spreadsheet carry the same content |',
    '| `self-assessment.xlsx`, `self-assessment.csv` | The self-assessment spreadsheet, in the checklist’s row order |',
    `| \`encryption/encryption-evidence.csv\`, \`.md\` | ${facts.encryptionRows} rows: KMS keys and rotation, encryption at rest, TLS policies in transit |`,
    `| \`diagrams/network-topology.svg\` | Network topology generated from the snapshots (${facts.diagramNodes} resources placed) |`,
    '| `requirements/NN-ID-title/` | Per requirement: `status.md`, `findings.csv` (resource ids, Regions, collection time), `attestation.md`, `evidence/` (copies of the attested files) |',
    '| `manifest.json` | sha256 and size of every other file in the pack |',
    '',
    '## Requirements',
    '',
    '| Folder | Requirement | Status | Evidence files |',
    '| --- | --- | --- | ---: |',
    ...facts.folders.map((f) => `| ${mdCode(`${f.dir}/`)} | ${mdText(f.id)}: ${mdText(f.title)} | ${STATUS_LABELS[f.status]} | ${f.evidenceFiles} |`),
    '',
  ];
  if (facts.missing.length > 0) {
    out.push(
      '## Evidence files not included',
      '',
      'These files are named in ftr.yaml but could not be read when the pack was built:',
      '',
      ...facts.missing.map((m) => `- ${mdText(m.id)}: ${mdCode(m.ref)}`),
      '',
    );
  }
  out.push(
    '## Verifying the pack',
    '',
    '`manifest.json` lists every other file with its sha256 and size. After unzipping, from the pack folder:',
    '',
    '```sh',
    "jq -r '.files[] | \"\\(.sha256)  \\(.path)\"' manifest.json | sha256sum --check   # Linux",
    "jq -r '.files[] | \"\\(.sha256)  \\(.path)\"' manifest.json | shasum -a 256 --check   # macOS",
    '```',
    '',
    'Every line should end in `OK`. The same inputs give the same pack, byte for byte: file times are the assessment’s `generatedAt`.',
  );
  return `${out.join('\n')}\n`;
}
