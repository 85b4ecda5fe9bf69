import type { Suppression } from '../../../core/index.js';
import type { FileProblem } from '../../shared/input-error.js';
import { validateWaiver } from '../../shared/waivers.js';
import type { Comment } from './tokens.js';

const MARKER = 'ftr-ready:waive';
const FIELD = /([A-Za-z_]+)=("(?:[^"\\]|\\.)*"|\S+)/g;
const KEYS = new Set(['reason', 'owner', 'expires']);

/**
 * Waivers written as comments on the lines right above a block:
 * `# ftr-ready:waive <rule> reason="..." [owner=..] [expires=YYYY-MM-DD]`. A malformed one is a problem with its line.
 */
export function waiversAbove(line: number, comments: ReadonlyMap<number, Comment>, file: string): { suppressions: Suppression[]; problems: FileProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: FileProblem[] = [];
  for (let l = line - 1; comments.has(l); l--) {
    const text = comments.get(l)!.text.replace(/^(#|\/\/)\s*/, '');
    if (!text.startsWith(MARKER)) continue;
    const rest = text.slice(MARKER.length).trim();
    const rule = rest.split(/\s+/)[0] ?? '';
    const fields: Record<string, string> = {};
    const unknown: string[] = [];
    for (const match of rest.slice(rule.length).matchAll(FIELD)) {
      const key = match[1]!;
      const raw = match[2]!;
      if (!KEYS.has(key)) unknown.push(key);
      fields[key] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    }
    if (unknown.length > 0) {
      problems.push({ message: `a waiver comment has unexpected field${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected reason="…", owner=…, expires=YYYY-MM-DD`, line: l });
      continue;
    }
    const { suppression, problem } = validateWaiver({ rule: rule === '' ? undefined : rule, ...fields }, file, l);
    if (problem !== undefined) problems.push({ message: problem, line: l });
    if (suppression !== undefined) suppressions.push(suppression);
  }
  return { suppressions, problems };
}
