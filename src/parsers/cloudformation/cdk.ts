import { dirname, join, resolve } from 'node:path';
import type { SnapshotCollector } from '../shared/collector.js';
import { DEFAULT_MAX_FILE_BYTES, displayPath, readTextFile } from '../shared/files.js';
import { InputError } from '../shared/input-error.js';
import { parseJsonPositioned } from '../shared/json-positioned.js';
import { isPlainObject } from '../shared/values.js';
import type { CloudFormationReader } from './reader.js';

const MAX_ASSEMBLY_DEPTH = 5;

/** Whether a parsed manifest.json is a CDK cloud assembly manifest. */
export function isCloudAssemblyManifest(value: unknown): boolean {
  return isPlainObject(value) && typeof value['version'] === 'string' && isPlainObject(value['artifacts']);
}

/**
 * Reads a CDK cloud assembly (`cdk.out`): every `aws:cloudformation:stack` artifact's template, with the stack's
 * parameters, its account and Region when the stack is environment-bound, and the construct paths of its
 * resources; nested assemblies (CDK stages) are followed.
 */
export function readCloudAssembly(manifestPath: string, reader: CloudFormationReader, out: SnapshotCollector, maxFileBytes = DEFAULT_MAX_FILE_BYTES, depth = 0): string[] {
  const manifestFile = displayPath(manifestPath);
  const templates: string[] = [];
  let manifest: unknown;
  try {
    manifest = parseJsonPositioned(readTextFile(manifestPath, maxFileBytes)).value;
    if (!isCloudAssemblyManifest(manifest)) throw new InputError('not a CDK cloud assembly manifest: expected "version" and "artifacts"', 1);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    out.fileFailed('cloudformation', manifestFile, { message: error.message, line: error.line, column: error.column });
    return templates;
  }
  const dir = dirname(manifestPath);
  const artifacts = (manifest as { artifacts: Record<string, unknown> }).artifacts;
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isPlainObject(artifact)) continue;
    const properties = isPlainObject(artifact['properties']) ? artifact['properties'] : {};
    if (artifact['type'] === 'cdk:cloud-assembly' && typeof properties['directoryName'] === 'string' && depth < MAX_ASSEMBLY_DEPTH) {
      templates.push(...readCloudAssembly(join(resolve(dir, properties['directoryName']), 'manifest.json'), reader, out, maxFileBytes, depth + 1));
      continue;
    }
    if (artifact['type'] !== 'aws:cloudformation:stack' || typeof properties['templateFile'] !== 'string') continue;
    const templatePath = resolve(dir, properties['templateFile']);
    const file = displayPath(templatePath);
    templates.push(templatePath);
    let text: string;
    try {
      text = readTextFile(templatePath, maxFileBytes);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      out.fileFailed('cloudformation', file, { message: `the template of CDK stack ${id}: ${error.message}` });
      continue;
    }
    reader.readRoot(text, file, templatePath, { given: stackValues(artifact, properties), cdkPaths: constructPaths(artifact['metadata']) });
  }
  out.fileRead('cloudformation', manifestFile, [], 'CDK cloud assembly manifest');
  return templates;
}

/** The stack's parameters and, for an environment-bound stack, its account and Region. */
function stackValues(artifact: Record<string, unknown>, properties: Record<string, unknown>): Record<string, unknown> {
  const given: Record<string, unknown> = {};
  if (isPlainObject(properties['parameters'])) Object.assign(given, properties['parameters']);
  const env = typeof artifact['environment'] === 'string' ? /^aws:\/\/([^/]+)\/([^/]+)$/.exec(artifact['environment']) : null;
  if (env) {
    if (/^\d{12}$/.test(env[1]!)) given['AWS::AccountId'] = env[1];
    if (env[2] !== 'unknown-region') given['AWS::Region'] = env[2];
  }
  return given;
}

/** Construct paths by logical id, from `aws:cdk:logicalId` metadata entries. */
function constructPaths(metadata: unknown): Map<string, string> {
  const paths = new Map<string, string>();
  if (!isPlainObject(metadata)) return paths;
  for (const [path, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (isPlainObject(entry) && entry['type'] === 'aws:cdk:logicalId' && typeof entry['data'] === 'string') paths.set(entry['data'], path.replace(/^\//, ''));
    }
  }
  return paths;
}
