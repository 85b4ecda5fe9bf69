/**
 * A problem found while reading a user's file: shaped like a zod issue, plus where it is. Loaders return problems
 * instead of throwing, so the command line can print them all at once (changesets' habit).
 */
export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Where in the document (`attestations.2.evidence.0.file`). */
  path?: string;
}

export interface LoadResult<T> {
  /** Undefined whenever there is an error: nothing is ever half loaded. */
  value: T | undefined;
  errors: Problem[];
  warnings: Problem[];
}

export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const at = problem.path ? ` (at ${problem.path})` : '';
  return `${where ? `${where}: ` : ''}${problem.severity}: ${problem.message}${at}`;
}

export function splitProblems(problems: Problem[]): { errors: Problem[]; warnings: Problem[] } {
  return {
    errors: problems.filter((p) => p.severity === 'error'),
    warnings: problems.filter((p) => p.severity === 'warning'),
  };
}

/** A user error the command line turns into exit code 2 with its problems printed, never a stack trace. */
export class UserInputError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | string) {
    const list: Problem[] = typeof problems === 'string' ? [{ severity: 'error', code: 'input', message: problems }] : problems;
    super(list.map(formatProblem).join('\n'));
    this.name = 'UserInputError';
    this.problems = list;
  }
}
