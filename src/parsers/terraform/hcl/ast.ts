/** The syntax tree of an HCL file: bodies of attributes and blocks, and expressions. */
export type Expr =
  | { kind: 'literal'; value: string | number | boolean | null; line: number }
  | { kind: 'template'; parts: Array<string | { expr: Expr; source: string }>; directive: boolean; line: number }
  | { kind: 'tuple'; items: Expr[]; line: number }
  | { kind: 'object'; items: Array<{ key: string | Expr; value: Expr; line: number }>; line: number }
  | { kind: 'traversal'; root: string; steps: Array<string | number | Expr | '*'>; line: number }
  | { kind: 'call'; name: string; args: Expr[]; line: number }
  | { kind: 'conditional'; condition: Expr; then: Expr; otherwise: Expr; line: number }
  /** Anything else (operators, for-expressions, splats): never literal. */
  | { kind: 'other'; line: number };

export interface Attribute {
  name: string;
  expr: Expr;
  line: number;
  column: number;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  line: number;
  column: number;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}
