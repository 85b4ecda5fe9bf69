/** Tokens of HCL native syntax (the subset of HCL2 that `.tf` and `.tfvars` files use). */
export type TokenKind = 'ident' | 'number' | 'string' | 'heredoc' | 'punct' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The identifier, the punctuation, or the number's source text. */
  text: string;
  line: number;
  column: number;
  /** For strings and heredocs: literal text pieces and interpolations (each its own token list). */
  parts?: TemplatePart[];
  /** The template uses `%{…}` directives, so it is not a plain literal. */
  directive?: boolean;
}

export type TemplatePart = string | { tokens: Token[]; source: string };

export interface Comment {
  line: number;
  text: string;
}
