/** Pathway advice as Markdown. Strings from ftr.yaml and the scanned accounts are escaped with `mdText`. */
import { mdText } from '../_lib/markdown-escape.js';
import type { ConditionState, PathwayAdvice } from './evaluate.js';

export const STATE_ICON: Record<ConditionState, string> = { holds: '✅', does_not_hold: '❌', unknown: '❔' };
export const STATE_WORD: Record<ConditionState, string> = { holds: 'holds', does_not_hold: 'does not hold', unknown: 'unknown' };
const SOURCE_WORD = { 'ftr.yaml': 'ftr.yaml', 'well-architected-api': 'Well-Architected Tool', none: '—' } as const;

export function renderPathwayMarkdown(advice: PathwayAdvice): string {
  const out = ['# Which way through the FTR', '', `**${mdText(advice.headline)}**`, '', `As of ${mdText(advice.asOf)}.`, ''];
  for (const route of advice.routes) {
    const verdict = route.eligible ? '✅ eligible' : `not eligible: ${route.conditions.filter((c) => c.state !== 'holds').length} condition(s) not met or not known`;
    out.push(`## ${mdText(route.title)} (${verdict})`, '', '| | Condition | From | Why |', '| --- | --- | --- | --- |');
    for (const c of route.conditions) out.push(`| ${STATE_ICON[c.state]} ${STATE_WORD[c.state]} | ${mdText(c.text)} | ${SOURCE_WORD[c.source]} | ${mdText(c.why)} |`);
    out.push('');
  }
  out.push('## Standard FTR', '', ...advice.standard.advice.map((a) => `- ${mdText(a)}`), '');
  if (advice.alternativeChecklist) {
    const alt = advice.alternativeChecklist;
    out.push(`Alternative checklist: ${mdText(alt.title)} (${mdText(alt.version)}), accepted until ${mdText(alt.acceptedUntil)}${alt.expired ? ' (expired)' : ''}: <${alt.url}>`, '');
  }
  if (advice.notes.length > 0) out.push('## Notes', '', ...advice.notes.map((n) => `- ${mdText(n)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}
