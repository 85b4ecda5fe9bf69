/** A file a generator writes; `npm run gen` writes it, a test checks the committed copy is current. */
export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}
