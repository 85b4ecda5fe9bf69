import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { Command, Option } from 'commander';
import { failWith } from '../io/exit.js';
import { writeFileAtomic } from '../io/write-output.js';
import { starterConfig, type StarterFacts } from '../starter-config.js';

interface InitOptions {
  out: string;
  force?: boolean;
  yes?: boolean;
  name?: string;
  hosting?: StarterFacts['hosting'];
  domains?: string;
  accessesCustomerAccounts?: boolean;
  storesSensitiveData?: boolean;
}

async function ask(facts: StarterFacts): Promise<StarterFacts> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const text = async (q: string, fallback: string) => (await rl.question(`${q} [${fallback}] `)).trim() || fallback;
    const yesNo = async (q: string, fallback: boolean | undefined) => {
      const shown = fallback === undefined ? 'y/n/skip' : fallback ? 'Y/n' : 'y/N';
      const answer = (await rl.question(`${q} (${shown}) `)).trim().toLowerCase();
      return answer.startsWith('y') ? true : answer.startsWith('n') ? false : fallback;
    };
    const name = await text('Product name?', facts.name);
    const hosting = (await text('Hosting model: partner-hosted, customer-deployed or both?', facts.hosting)) as StarterFacts['hosting'];
    if (!['partner-hosted', 'customer-deployed', 'both'].includes(hosting)) failWith(`hosting must be partner-hosted, customer-deployed or both, not "${hosting}"`);
    const accessesCustomerAccounts = await yesNo('Does the product access customer AWS accounts (CAA-000)?', facts.accessesCustomerAccounts);
    const storesSensitiveData = await yesNo('Does it store sensitive data such as PII (SDAT-000)?', facts.storesSensitiveData);
    const domains = await text('Company email domains, comma-separated', facts.emailDomains.join(',') || 'example.com');
    return { name, hosting, accessesCustomerAccounts, storesSensitiveData, emailDomains: domains.split(',').map((d) => d.trim()).filter(Boolean) };
  } finally {
    rl.close();
  }
}

export function initCommand(): Command {
  return new Command('init')
    .summary('write a commented starter ftr.yaml')
    .description('Write a commented ftr.yaml. In a terminal it asks the product facts; otherwise (or with --yes) it takes them from flags.')
    .addOption(new Option('-o, --out <file>', 'where to write it').default('ftr.yaml'))
    .option('--force', 'overwrite an existing file')
    .option('-y, --yes', 'do not ask; use the flags and defaults')
    .option('--name <name>', 'product name')
    .addOption(new Option('--hosting <model>', 'hosting model').choices(['partner-hosted', 'customer-deployed', 'both']))
    .option('--domains <list>', 'company email domains, comma-separated (ACOM-002)')
    .option('--accesses-customer-accounts', 'the product accesses customer AWS accounts (CAA-000 yes)')
    .option('--no-accesses-customer-accounts', 'the product never accesses customer AWS accounts (CAA-* not applicable)')
    .option('--stores-sensitive-data', 'the product stores sensitive data (SDAT-000 yes)')
    .option('--no-stores-sensitive-data', 'the product stores no sensitive data')
    .action(async (options: InitOptions) => {
      if (existsSync(options.out) && !options.force) failWith(`${options.out} already exists; pass --force to overwrite it`);
      let facts: StarterFacts = {
        name: options.name ?? 'My product',
        hosting: options.hosting ?? 'partner-hosted',
        accessesCustomerAccounts: options.accessesCustomerAccounts,
        storesSensitiveData: options.storesSensitiveData,
        emailDomains: (options.domains ?? '').split(',').map((d) => d.trim()).filter(Boolean),
      };
      if (process.stdin.isTTY && !options.yes) facts = await ask(facts);
      writeFileAtomic(options.out, starterConfig(facts));
      process.stderr.write(`wrote ${options.out}. Next: \`ftr attest <requirement> --evidence <file> --owner <you>\`, then \`ftr run\` or \`ftr assess\`.\n`);
    });
}
