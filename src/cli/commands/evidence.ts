import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Command } from 'commander';
import { assess, type AssessInput, type Assessment } from '../../core/index.js';
import { buildEvidencePack } from '../../reporters/evidence-pack/index.js';
import { loadSnapshotsOrExit, prepareAssessment } from '../assess-inputs.js';
import { writeFileAtomic } from '../io/write-output.js';
import { attestationsOption, checklistOption } from '../options.js';

/** Evidence files are read here, not in the pack builder: a file that cannot be read is reported, not fatal. */
function readEvidenceFiles(assessment: Assessment, baseDir: string): Map<string, Uint8Array | undefined> {
  const files = new Map<string, Uint8Array | undefined>();
  for (const requirement of assessment.requirements) {
    for (const e of requirement.evidence) {
      if (e.kind !== 'file' || files.has(e.ref)) continue;
      const path = isAbsolute(e.ref) ? e.ref : resolve(baseDir, e.ref);
      try {
        files.set(e.ref, statSync(path).isFile() ? new Uint8Array(readFileSync(path)) : undefined);
      } catch {
        files.set(e.ref, undefined);
      }
    }
  }
  return files;
}

/** Builds the pack from an assessment and the inputs it was made from, and writes it whole (or not at all). */
export function writeEvidencePack(input: AssessInput, assessment: Assessment, out: string): void {
  const pack = buildEvidencePack({
    assessment,
    snapshots: input.snapshots.map((s) => s.snapshot),
    evidenceFiles: readEvidenceFiles(assessment, input.config?.dir ?? process.cwd()),
  });
  writeFileAtomic(out, pack.bytes);
  for (const m of pack.missing) process.stderr.write(`warning: evidence file ${m.ref} (${m.id}) could not be read; the pack lists it as not included\n`);
  process.stderr.write(`wrote ${out}: ${pack.manifest.files.length + 1} files${pack.html ? '' : ' (no HTML report in this build)'}\n`);
}

export function evidenceCommand(): Command {
  return new Command('evidence')
    .summary('write the evidence pack (zip) for the reviewer')
    .description(
      'Assess (same inputs as `ftr assess`) and write one zip: the assessment JSON, the HTML report, the self-assessment spreadsheet, a folder per requirement with its findings, attestation and evidence files, an encryption evidence table, a network topology diagram, and manifest.json with the sha256 of every file.',
    )
    .requiredOption('-s, --snapshot <file...>', 'snapshot file(s) to assess together')
    .addOption(attestationsOption())
    .addOption(checklistOption())
    .requiredOption('-o, --out <pack.zip>', 'the zip to write')
    .addHelpText('after', '\nExample:\n  ftr evidence -s prod.json -a ftr.yaml --out ftr-evidence.zip')
    .action((options: { snapshot: string[]; attestations?: string; checklist?: string; out: string }) => {
      const input = prepareAssessment(options, loadSnapshotsOrExit(options.snapshot));
      writeEvidencePack(input, assess(input), options.out);
    });
}
