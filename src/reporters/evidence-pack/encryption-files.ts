import { mdCode, mdText } from '../_lib/markdown-escape.js';
import { csvTable } from './csv.js';
import type { EncryptionRow, Protection } from './encryption.js';

const COLUMNS = ['Category', 'Service', 'Resource', 'Account', 'Region', 'Protected', 'Setting', 'Key / certificate', 'Note', 'Source', 'Resource id'] as const;

export function encryptionCsv(rows: readonly EncryptionRow[]): string {
  return csvTable(
    COLUMNS,
    rows.map((r) => [r.category, r.service, r.resource, r.account, r.region, r.protected, r.setting, r.key, r.note, r.source, r.uid]),
  );
}

const ICON: Record<Protection, string> = { yes: '✅ yes', no: '❌ no', 'not known': '❔ not known', 'n/a': '➖ n/a' };

export function encryptionMarkdown(rows: readonly EncryptionRow[], collectedAt: string): string {
  const out = [
    '# Encryption evidence',
    '',
    `What the snapshots (collected ${mdText(collectedAt)}) say about KMS keys, encryption at rest and encryption in transit. "Not known" means the scan could not read the setting; the verdicts are in the assessment (SDAT-002, SDAT-003).`,
    '',
  ];
  for (const category of ['KMS key', 'at rest', 'in transit'] as const) {
    const list = rows.filter((r) => r.category === category);
    const title = category === 'KMS key' ? 'KMS keys (rotation)' : category === 'at rest' ? 'Encryption at rest' : 'Encryption in transit (TLS)';
    const counts = (['yes', 'no', 'not known', 'n/a'] as const).map((p) => `${list.filter((r) => r.protected === p).length} ${p}`).join(', ');
    out.push(`## ${title} (${list.length}: ${counts})`, '');
    if (list.length === 0) {
      out.push('None in the snapshots.', '');
      continue;
    }
    out.push('| Service | Resource | Account / Region | Protected | Setting | Key / certificate | Note |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const r of list) {
      out.push(`| ${mdText(r.service)} | ${mdCode(r.resource)} | ${mdText([r.account, r.region].filter(Boolean).join(' / '))} | ${ICON[r.protected]} | ${mdText(r.setting)} | ${r.key !== '' ? mdCode(r.key) : ''} | ${mdText(r.note)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
