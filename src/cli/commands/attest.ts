import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { ATTESTATION_CLAIMS, defaultChecklistOf, FtrConfig, isoDay, loadConfig, parseRequirementKey, sha256File } from '../../core/index.js';
import { loadCatalogOrExit } from '../assess-inputs.js';
import { failWith, printProblems } from '../io/exit.js';
import { writeFileAtomic } from '../io/write-output.js';
import { now } from '../io/tool.js';

interface AttestOptions {
  config: string;
  evidence?: string[];
  url?: string[];
  ticket?: string[];
  value?: string[];
  covers?: string[];
  owner: string;
  claim: (typeof ATTESTATION_CLAIMS)[number];
  statement?: string;
  expires?: string;
}

/**
 * Records or updates one attestation in ftr.yaml, keeping the file's comments and order, with the sha256 of each
 * evidence file. The new file is validated before it replaces the old one.
 */
export function attestCommand(): Command {
  return new Command('attest')
    .summary('record an attestation with the hashes of its evidence files')
    .argument('<requirement>', 'requirement id, e.g. ARC-005 or customer-deployed:BAR-001')
    .option('-e, --evidence <file...>', 'evidence files (their sha256 is recorded)')
    .option('--url <url...>', 'evidence links')
    .option('--ticket <id...>', 'evidence tickets')
    .option('--value <text...>', 'values the worksheet asks for (an RPO, a test date)')
    .option('--covers <piece...>', 'which expected evidence pieces these cover (see `ftr catalog --format json`)')
    .requiredOption('--owner <who>', 'who stands behind the attestation')
    .addOption(new Option('--claim <claim>', 'what is attested').choices([...ATTESTATION_CLAIMS]).default('met'))
    .option('--statement <text>', 'how the requirement is met (required for a new attestation)')
    .option('--expires <date>', 'YYYY-MM-DD (default: the catalog freshness for the requirement)')
    .addOption(new Option('-c, --config <file>', 'the ftr.yaml to update').default('ftr.yaml'))
    .addHelpText('after', '\nExample:\n  ftr attest ARC-005 --evidence evidence/ir-plan.pdf --owner security@acme.example --statement "IR plan v3 covers root compromise"')
    .action((requirement: string, options: AttestOptions) => {
      const catalog = loadCatalogOrExit();
      if (!existsSync(options.config)) failWith(`${options.config} does not exist; create it with \`ftr init\``);
      const text = readFileSync(options.config, 'utf8');
      const document = parseDocument(text);
      if (document.errors.length > 0) {
        const loaded = loadConfig(options.config, catalog, now());
        failWith(loaded.errors);
      }
      const product = FtrConfig.shape.product.safeParse((document.toJS() as { product?: unknown } | null)?.product ?? {});
      const ref = parseRequirementKey(requirement, product.success ? defaultChecklistOf({ product: product.data }) : 'partner-hosted');
      const known = catalog.checklists.get(ref.checklist)?.requirements.find((r) => r.id === ref.id);
      if (!known) failWith(`unknown requirement ${requirement}; list them with \`ftr catalog\``);
      if (options.expires !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.expires)) failWith(`--expires: expected YYYY-MM-DD, got ${options.expires}`);
      const base = dirname(resolve(options.config));
      const files = (options.evidence ?? []).map((file) => {
        const full = resolve(file);
        if (!existsSync(full) || !statSync(full).isFile()) failWith(`evidence file ${file} does not exist`);
        return { file: relative(base, full).split('\\').join('/'), sha256: sha256File(full) };
      });
      const covers = options.covers && options.covers.length > 0 ? { covers: options.covers } : {};
      const evidence = [
        ...files.map((f) => ({ ...f, ...covers })),
        ...(options.url ?? []).map((url) => ({ url, ...covers })),
        ...(options.ticket ?? []).map((ticket) => ({ ticket, ...covers })),
        ...(options.value ?? []).map((value) => ({ value, ...covers })),
      ];

      let list = document.get('attestations');
      if (!isSeq(list)) {
        document.set('attestations', document.createNode([]));
        list = document.get('attestations');
      }
      if (!isSeq(list)) failWith(`${options.config}: attestations must be a list`);
      const key = `${ref.checklist}:${ref.id}`;
      const existing = list.items.find((item): item is YAMLMap => {
        if (!isMap(item)) return false;
        const id = String(item.get('requirement') ?? '');
        return id === ref.id || id === key;
      });
      const previous = existing?.toJSON() as Record<string, unknown> | undefined;
      const statement = options.statement ?? (previous?.['statement'] as string | undefined);
      if (!statement) failWith('--statement is required for a new attestation: say how the requirement is met');
      const keptEvidence = ((previous?.['evidence'] as Array<Record<string, unknown>> | undefined) ?? []).filter(
        (e) => !evidence.some((n) => ('file' in n && n.file === e['file']) || ('url' in n && n.url === e['url'])),
      );
      const entry = {
        requirement: existing ? (previous?.['requirement'] as string) : requirement,
        claim: options.claim,
        statement,
        evidence: [...keptEvidence, ...evidence],
        owner: options.owner,
        attested: isoDay(now()),
        ...(options.expires !== undefined ? { expires: options.expires } : {}),
        ...(previous?.['answers'] ? { answers: previous['answers'] } : {}),
      };
      const node = document.createNode(entry);
      if (existing) list.items[list.items.indexOf(existing)] = node;
      else list.items.push(node);
      list.flow = false;

      const candidate = `${resolve(options.config)}.${process.pid}.check.yaml`;
      writeFileSync(candidate, document.toString());
      try {
        const check = loadConfig(candidate, catalog, now());
        if (!check.value) failWith(check.errors.map((e) => ({ ...e, file: options.config })));
        printProblems(check.warnings.filter((w) => w.code !== 'attestation_expired').map((w) => ({ ...w, file: options.config })));
      } finally {
        rmSync(candidate, { force: true });
      }
      writeFileAtomic(options.config, document.toString());
      process.stderr.write(`${existing ? 'updated' : 'recorded'} the attestation of ${key} in ${options.config}${files.length ? ` with ${files.length} evidence file hash(es)` : ''}\n`);
    });
}
