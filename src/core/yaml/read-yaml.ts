import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../problems/problem.js';

export interface YamlPosition {
  line: number;
  column: number;
}

export interface ParsedYaml {
  data: unknown;
  /** Where a path of the document starts; for a missing key, where its nearest present parent starts. */
  locate(path: readonly PropertyKey[]): YamlPosition | undefined;
  document: Document;
  errors: Problem[];
}

/** Parses YAML (or JSON, a subset) keeping positions, so every problem can name its line. */
export function readYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, strict: true });
  const errors: Problem[] = document.errors.map((error) => {
    const pos = error.linePos?.[0];
    return {
      severity: 'error',
      code: 'yaml_syntax',
      message: `invalid YAML: ${(error.message.split('\n')[0] ?? error.code).replace(/ at line \d+, column \d+:?$/, '')}`,
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    };
  });
  const locate = (path: readonly PropertyKey[]): YamlPosition | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  };
  const data = errors.length > 0 ? undefined : (document.toJS({ maxAliasCount: 100 }) as unknown);
  return { data, locate, document, errors };
}

/** Turns zod issues into problems that name the file and line. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], file: string, parsed: Pick<ParsedYaml, 'locate'>): Problem[] {
  return issues.map((issue) => {
    const pos = parsed.locate(issue.path);
    const path = issue.path.map(String).join('.');
    return {
      severity: 'error',
      code: `schema_${issue.code}`,
      message: describeIssue(issue),
      file,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      ...(path ? { path } : {}),
    };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}
