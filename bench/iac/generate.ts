/**
 * The IaC benchmark corpus: realistic CloudFormation templates, deterministic from a seed.
 *   npx tsx bench/iac/generate.ts <out-dir> [--count 1000] [--seed 1] [--big <file> [--big-mb 5]]
 * Each template holds 10 to 400 resources (log-uniform: many small stacks, a tail of large ones), the parameters,
 * mappings and conditions real stacks declare, and Fn::If / Sub / Join / GetAtt / FindInMap / Select throughout.
 * Resource types are the ones the rules read, in compliant and non-compliant variants. 70% YAML (short-form tags,
 * some long-form), 30% JSON, spread over team folders.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildTemplate } from './corpus/template.js';
import { Random } from './corpus/random.js';
import { toYaml } from './corpus/yaml.js';
import type { Json } from './corpus/intrinsics.js';

/** Bump when the generator's output changes, so a cached corpus is regenerated. */
export const GENERATOR_VERSION = 3;
export const MIN_RESOURCES = 10;
export const MAX_RESOURCES = 400;
const TEAMS = ['payments', 'identity', 'search', 'platform', 'data', 'growth', 'mobile-api', 'internal-tools'];

export interface CorpusStats {
  generatorVersion: number;
  seed: number;
  templates: number;
  resources: number;
  bytes: number;
  yaml: number;
  json: number;
  minResources: number;
  maxResources: number;
  resourcesByType: Record<string, number>;
}

function countTypes(template: Json, into: Record<string, number>): number {
  const resources = (template as { Resources: Record<string, { Type: string }> }).Resources;
  for (const r of Object.values(resources)) into[r.Type] = (into[r.Type] ?? 0) + 1;
  return Object.keys(resources).length;
}

/** Writes `count` templates under `dir` and returns what it wrote. */
export function generateCorpus(dir: string, count: number, seed: number): CorpusStats {
  const rng = new Random(seed);
  const stats: CorpusStats = { generatorVersion: GENERATOR_VERSION, seed, templates: count, resources: 0, bytes: 0, yaml: 0, json: 0, minResources: Infinity, maxResources: 0, resourcesByType: {} };
  for (let n = 0; n < count; n++) {
    const size = rng.logInt(MIN_RESOURCES, MAX_RESOURCES);
    const team = rng.pick(TEAMS);
    const name = `${team}-stack-${String(n).padStart(4, '0')}`;
    const template = buildTemplate(rng, size, name);
    const format = rng.weighted([['yaml', 6], ['yaml-long', 1], ['json', 3]] as const);
    const text = format === 'json' ? `${JSON.stringify(template, null, rng.chance(0.5) ? 2 : 1)}\n` : toYaml(template, format === 'yaml');
    const file = join(dir, team, `${name}.${format === 'json' ? 'json' : rng.chance(0.8) ? 'yaml' : 'yml'}`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    const resources = countTypes(template, stats.resourcesByType);
    stats.resources += resources;
    stats.minResources = Math.min(stats.minResources, resources);
    stats.maxResources = Math.max(stats.maxResources, resources);
    stats.bytes += Buffer.byteLength(text);
    if (format === 'json') stats.json++;
    else stats.yaml++;
  }
  return stats;
}

/**
 * One template of at least `megabytes` MB (JSON, as CDK synthesises them). Far past CloudFormation's 500-resource
 * quota, it stands for the worst input a scanner meets: a whole synthesised application in one file.
 */
export function generateBigTemplate(file: string, megabytes: number, seed: number): { resources: number; bytes: number } {
  const target = megabytes * 1024 * 1024;
  let size = 3000;
  for (;;) {
    const template = buildTemplate(new Random(seed), size, 'monolith');
    const text = `${JSON.stringify(template, null, 1)}\n`;
    const bytes = Buffer.byteLength(text);
    if (bytes >= target) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return { resources: size, bytes };
    }
    size = Math.ceil((size * target * 1.02) / bytes);
  }
}

function flag(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1]! : fallback;
}

if (process.argv[1]?.endsWith('generate.ts')) {
  const args = process.argv.slice(2);
  const dir = args[0] && !args[0].startsWith('--') ? args[0] : '.cache/bench/iac/corpus';
  const seed = Number(flag(args, '--seed', '1'));
  const stats = generateCorpus(dir, Number(flag(args, '--count', '1000')), seed);
  process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
  const big = flag(args, '--big', '');
  if (big) process.stdout.write(`${JSON.stringify(generateBigTemplate(big, Number(flag(args, '--big-mb', '5')), seed))}\n`);
}
