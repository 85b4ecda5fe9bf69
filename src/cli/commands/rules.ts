import { Command, Option } from 'commander';
import { rules } from '../../rules/index.js';
import { table } from '../io/table.js';

/** The rule list: `{ id, title, severity, sources, requirements: [{ checklist, id, gates, basis }] }`. */
export function ruleListing() {
  return rules.map((rule) => ({
    id: rule.meta.id,
    title: rule.meta.title,
    severity: rule.meta.severity,
    sources: [...rule.meta.sources],
    ...(rule.meta.bestPractice !== undefined ? { bestPractice: rule.meta.bestPractice } : {}),
    requirements: rule.meta.requirements.map((r) => ({ checklist: r.checklist, id: r.id, gates: r.gates, basis: r.basis })),
    needs: [...rule.meta.needs],
  }));
}

export function rulesCommand(): Command {
  return new Command('rules')
    .summary('list the rules and the requirements each gates or informs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((options: { format: 'text' | 'json' }) => {
      const listing = ruleListing();
      if (options.format === 'json') {
        process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      const rows = listing.map((r) => [
        r.id,
        r.severity,
        r.sources.join(','),
        `${r.requirements.map((q) => `${q.id}${q.gates ? '' : '(informs)'}`).join(' ') || `best practice: ${r.bestPractice ?? ''}`} — ${r.title}`,
      ]);
      process.stdout.write(`${table([['RULE', 'SEVERITY', 'SOURCES', 'REQUIREMENTS — TITLE'], ...rows], process.stdout.columns ?? 140)}\n`);
      const gated = new Set(listing.flatMap((r) => r.requirements.filter((q) => q.gates && q.checklist === 'partner-hosted').map((q) => q.id)));
      const covered = new Set(listing.flatMap((r) => r.requirements.filter((q) => q.checklist === 'partner-hosted').map((q) => q.id)));
      process.stdout.write(`\n${listing.length} rules; Partner Hosted requirements with a rule: ${covered.size}, gated by rules: ${gated.size}.\n`);
    });
}
