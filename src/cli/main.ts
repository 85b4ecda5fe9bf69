import { Command, CommanderError } from 'commander';
import { UserInputError } from '../core/index.js';
import { assessCommand } from './commands/assess.js';
import { attestCommand } from './commands/attest.js';
import { catalogCommand } from './commands/catalog.js';
import { demoCommand } from './commands/demo.js';
import { diffCommand } from './commands/diff.js';
import { evidenceCommand } from './commands/evidence.js';
import { checkCommand, iacCommand } from './commands/iac.js';
import { initCommand } from './commands/init.js';
import { pathwayCommand } from './commands/pathway.js';
import { planCommand } from './commands/plan.js';
import { policyCommand } from './commands/policy.js';
import { runCommand } from './commands/run.js';
import { scanCommand } from './commands/scan.js';
import { rulesCommand } from './commands/rules.js';
import { ExitSignal, EXIT_INPUT, printProblems } from './io/exit.js';
import { TOOL } from './io/tool.js';

/** The composition root: every command, and the mapping of known errors to exit codes (ARCHITECTURE §8). */
export function buildProgram(): Command {
  const program = new Command('ftr')
    .description('ftr-ready: get through the AWS Foundational Technical Review.\nScan accounts and IaC against every FTR requirement, attest what no scanner sees, and produce a reviewer-ready evidence pack.')
    .version(TOOL.version, '-v, --version')
    .showSuggestionAfterError()
    .exitOverride();
  const commands = [
    demoCommand(),
    scanCommand(),
    runCommand(),
    assessCommand(),
    iacCommand(),
    checkCommand(),
    planCommand(),
    evidenceCommand(),
    diffCommand(),
    pathwayCommand(),
    catalogCommand(),
    rulesCommand(),
    initCommand(),
    attestCommand(),
    policyCommand(),
  ];
  for (const command of commands) program.addCommand(command.exitOverride());
  program.addHelpText('after', '\nStart with `ftr demo`. Exit codes: 0 ok, 1 a --fail-on gate was reached, 2 bad input (nothing written).');
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof ExitSignal) return error.code;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_INPUT;
    if (error instanceof UserInputError) {
      printProblems(error.problems);
      return EXIT_INPUT;
    }
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'EACCES' || err.code === 'ENOENT' || err.code === 'EISDIR' || err.code === 'ENOTDIR') {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT_INPUT;
    }
    process.stderr.write(`ftr-ready hit an internal error: ${err.message}\nPlease report it with the command you ran${process.env['FTR_DEBUG'] ? '' : ' (set FTR_DEBUG=1 for the stack trace)'}.\n`);
    if (process.env['FTR_DEBUG']) process.stderr.write(`${err.stack ?? ''}\n`);
    return 70;
  }
}

// The pinned AWS SDK warns on Node 20 about versions that will need Node 22; it concerns SDK upgrades, not users.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
// `ftr rules | head` closes the pipe early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv);
