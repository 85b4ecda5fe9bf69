import { generateCollectorIndex } from './collector-index.js';
import { generateJsonSchemas } from './json-schemas.js';
import { generateRuleDocs } from './rule-docs.js';
import { generateRuleIndex } from './rule-index.js';
import type { GeneratedFile } from './types.js';

/** Generators run in order: later ones may import what earlier ones wrote (the rule index). */
export const generators: Array<{ name: string; run: () => GeneratedFile[] | Promise<GeneratedFile[]> }> = [
  { name: 'rule index', run: generateRuleIndex },
  { name: 'collector index', run: generateCollectorIndex },
  { name: 'JSON schemas', run: generateJsonSchemas },
  { name: 'rule and requirement docs', run: generateRuleDocs },
];
