/** A problem in one input file: it stops that file (or marks it) and names where, never the whole run. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A problem found while reading a file that did not stop it (an invalid waiver, an unknown intrinsic). */
export interface FileProblem {
  message: string;
  line?: number | undefined;
  column?: number | undefined;
}

/** Most parsers recurse; a value nested deeper than this is refused rather than risking the stack. */
export const MAX_NESTING = 512;
