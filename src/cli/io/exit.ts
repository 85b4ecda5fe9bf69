import { formatProblem, UserInputError, type Problem } from '../../core/index.js';

/** Exit codes (ARCHITECTURE §8). */
export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_INPUT = 2;

/** Ends a command with an exit code after its output was written (a gate reached, say). */
export class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = 'ExitSignal';
  }
}

/** Throws a user error (exit 2) listing every problem; nothing has been written when this is thrown. */
export function failWith(problems: Problem[] | string): never {
  throw new UserInputError(problems);
}

export function printProblems(problems: readonly Problem[], stream: NodeJS.WriteStream = process.stderr): void {
  for (const problem of problems) stream.write(`${formatProblem(problem)}\n`);
}
