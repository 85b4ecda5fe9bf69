import { Command, Option } from 'commander';
import { isoDay, selectChecklist, versionsNewestFirst } from '../../core/index.js';
import { loadCatalogOrExit } from '../assess-inputs.js';
import { failWith, printProblems } from '../io/exit.js';
import { table } from '../io/table.js';
import { now } from '../io/tool.js';
import { checklistOption } from '../options.js';

export function catalogCommand(): Command {
  return new Command('catalog')
    .summary('list the FTR requirements of a checklist version')
    .description('List the requirements of an FTR checklist version (default: the newest Partner Hosted version valid today), or every version with --versions.')
    .addOption(checklistOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--versions', 'list the versions of each checklist with their validity dates')
    .action((options: { checklist?: string; format: 'text' | 'json'; versions?: boolean }) => {
      const catalog = loadCatalogOrExit();
      const today = now();
      if (options.versions) {
        const lists = [...catalog.checklists.values()].map((c) => ({
          checklist: c.checklist.id,
          title: c.checklist.title,
          versions: versionsNewestFirst(c).map((v) => ({ ...v, acceptedToday: v.validFrom <= isoDay(today) && isoDay(today) <= v.acceptedUntil })),
        }));
        if (options.format === 'json') process.stdout.write(`${JSON.stringify(lists, null, 2)}\n`);
        else
          for (const c of lists) {
            process.stdout.write(`${c.title} (${c.checklist})\n`);
            process.stdout.write(`${table(c.versions.map((v) => ['  ' + v.id, v.title, `valid ${v.validFrom}..${v.validUntil}`, `accepted until ${v.acceptedUntil}${v.acceptedToday ? ' (accepted today)' : ''}`, v.completeness]))}\n\n`);
          }
        return;
      }
      const selected = selectChecklist(catalog, options.checklist ?? 'partner-hosted', today);
      if ('error' in selected) failWith(`--checklist: ${selected.error}`);
      printProblems(selected.warnings);
      const { checklist, version, requirements } = selected;
      if (options.format === 'json') {
        const sections = new Map(checklist.sections.map((s) => [s.id, s.title]));
        process.stdout.write(
          `${JSON.stringify({ checklist: checklist.checklist, version, gates: checklist.gates.filter((g) => g.versions.includes(version.id)), requirements: requirements.map((r) => ({ ...r, sectionTitle: sections.get(r.section), unconfirmed: r.unconfirmedIn.includes(version.id) })) }, null, 2)}\n`,
        );
        return;
      }
      process.stdout.write(`${checklist.checklist.title} — ${version.title} (${version.id}), accepted until ${version.acceptedUntil}${selected.expired ? ' [EXPIRED]' : ''}\n`);
      process.stdout.write(`${requirements.length} requirements. Evidence: automated = an AWS API shows it; manual = attestation; both = both.\n\n`);
      let section = '';
      const rows: string[][] = [];
      for (const r of requirements) {
        if (r.section !== section) {
          section = r.section;
          rows.push([''], [checklist.sections.find((s) => s.id === section)?.title ?? section]);
        }
        rows.push(['  ' + r.id, r.evidencedBy, `${r.title}${r.unconfirmedIn.includes(version.id) ? ' (presence in this version unconfirmed)' : ''}`]);
      }
      process.stdout.write(`${table(rows.slice(1), process.stdout.columns ?? 120)}\n`);
    });
}
