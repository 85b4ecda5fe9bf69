/** Pathway advice for the terminal; untrusted strings go through `oneLine`, colours only when asked for. */
import { oneLine } from '../_lib/text.js';
import type { ConditionState, PathwayAdvice } from './evaluate.js';
import { STATE_WORD } from './markdown.js';

export interface PathwayTerminalOptions {
  color: boolean;
  width?: number;
}

const MARK: Record<ConditionState, [string, string, string]> = {
  holds: ['✓', '+', '32'],
  does_not_hold: ['✗', 'x', '31'],
  unknown: ['?', '?', '35'],
};

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ')) {
    if (line !== '' && indent.length + line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines;
}

export function renderPathwayTerminal(advice: PathwayAdvice, options: PathwayTerminalOptions): string {
  const width = Math.max(40, options.width ?? 100);
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out = [paint('1', oneLine(advice.headline)), ''];
  for (const route of advice.routes) {
    out.push(paint('1', `${oneLine(route.title)}: ${route.eligible ? paint('32', 'eligible') : 'not eligible'}`));
    for (const c of route.conditions) {
      const [glyph, plain, code] = MARK[c.state];
      const text = wrap(c.text, width, '    ');
      if (text[0] !== undefined) text[0] = `  ${paint(code, options.color ? glyph : plain)} ${text[0].slice(4)}`;
      out.push(...text, ...wrap(`${STATE_WORD[c.state]}: ${c.why}`, width, '      '));
    }
    out.push('');
  }
  out.push(paint('1', 'Standard FTR'), ...advice.standard.advice.flatMap((a) => wrap(a, width, '  ')));
  if (advice.notes.length > 0) out.push('', paint('1', 'Notes'), ...advice.notes.flatMap((n) => wrap(`- ${n}`, width, '  ')));
  return `${out.join('\n')}\n`;
}
