import { dirname, resolve } from 'node:path';
import type { Resource } from '../../core/index.js';
import type { SnapshotCollector } from '../shared/collector.js';
import { DEFAULT_MAX_FILE_BYTES, displayPath, isRemote, readTextFile } from '../shared/files.js';
import { InputError, type FileProblem } from '../shared/input-error.js';
import type { PositionedDocument } from '../shared/positions.js';
import { isPlainObject, Unresolved } from '../shared/values.js';
import { buildTemplate, type TemplateHost, type TemplateInstance } from './build-template.js';
import type { ResourceDraft } from './draft.js';
import type { TemplateScope } from './scope.js';
import { isCloudFormationTemplate, parseTemplateText } from './template-text.js';

const MAX_NESTED_DEPTH = 8;

export interface CloudFormationOptions {
  /** Values for template parameters and pseudo-parameters (`AWS::Region`), from --parameters. */
  parameters?: Record<string, string> | undefined;
  maxFileBytes?: number | undefined;
  shippedToCustomers?: ((file: string) => boolean) | undefined;
}

/**
 * Reads CloudFormation templates into a collector: each template file gets one record, nested stacks with a local
 * template are followed (their resources' uids carry the nesting), and a file that fails is recorded without
 * stopping the others.
 */
export class CloudFormationReader implements TemplateHost {
  /** Absolute paths of templates read as nested stacks (not to be read again on their own). */
  readonly nestedFiles = new Set<string>();

  constructor(
    private readonly out: SnapshotCollector,
    private readonly options: CloudFormationOptions = {},
  ) {}

  /** Reads a template that is an input of its own (not nested); `given` adds values (a CDK stack's parameters). */
  readRoot(text: string | PositionedDocument, file: string, absPath: string | undefined, extra: { given?: Record<string, unknown>; cdkPaths?: ReadonlyMap<string, string> } = {}): void {
    this.process(text, {
      file,
      absPath,
      uidPrefix: `cfn:${file}#`,
      given: { ...(this.options.parameters ?? {}), ...(extra.given ?? {}) },
      ancestry: absPath === undefined ? [] : [absPath],
      cdkPaths: extra.cdkPaths,
    });
  }

  private process(text: string | PositionedDocument, instance: TemplateInstance): void {
    let problems: FileProblem[];
    try {
      const doc = typeof text === 'string' ? parseTemplateText(text) : text;
      if (!isCloudFormationTemplate(doc.value)) {
        throw new InputError('not a CloudFormation template: expected AWSTemplateFormatVersion or a Resources map of AWS:: resource types', 1);
      }
      problems = buildTemplate(doc, instance, this);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.out.fileRead('cloudformation', instance.file, [{ message: error.message, line: error.line, column: error.column }]);
      return;
    }
    this.out.fileRead('cloudformation', instance.file, problems);
  }

  emit(resource: Resource): void {
    this.out.add(resource);
  }

  emitTemplate(resource: Resource): void {
    if (!this.out.has(resource.uid)) this.out.add(resource);
  }

  shippedToCustomers(file: string): boolean {
    return this.options.shippedToCustomers?.(file) ?? false;
  }

  nestedStack(parent: TemplateInstance, stack: ResourceDraft, scope: TemplateScope): void {
    const metadata = isPlainObject(stack.metadata) ? stack.metadata : {};
    const assetPath = metadata['aws:asset:path'];
    const url = stack.properties['TemplateURL'];
    const base = parent.absPath !== undefined ? dirname(parent.absPath) : process.cwd();
    let target: string;
    if (typeof assetPath === 'string' && !isRemote(assetPath) && assetPath.endsWith('.json')) target = resolve(base, assetPath);
    else if (typeof url === 'string' && !isRemote(url)) target = resolve(base, url);
    else if (typeof url === 'string') {
      this.out.fileFailed('cloudformation', url, { message: `the nested stack ${stack.id} in ${parent.file} uses a remote template; download it and scan its path to see its resources` }, 'unsupported');
      return;
    } else {
      this.out.fileFailed('cloudformation', `${parent.file}#${stack.id}`, { message: `the template of the nested stack ${stack.id} is computed (TemplateURL is not a literal), so its resources are not seen`, line: stack.line }, 'unsupported');
      return;
    }
    if (parent.ancestry.includes(target)) {
      scope.problems.push({ message: `the nested stack ${stack.id} uses ${displayPath(target)}, which contains this template again (a cycle); it is not followed`, line: stack.line });
      return;
    }
    if (parent.ancestry.length >= MAX_NESTED_DEPTH) {
      scope.problems.push({ message: `the nested stack ${stack.id} is more than ${MAX_NESTED_DEPTH} levels deep; it is not followed`, line: stack.line });
      return;
    }
    const file = displayPath(target);
    let text: string;
    try {
      text = readTextFile(target, this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      this.out.fileFailed('cloudformation', file, { message: `the template of the nested stack ${stack.id} (in ${parent.file}): ${error.message}` });
      return;
    }
    const parameters = stack.properties['Parameters'];
    this.nestedFiles.add(target);
    this.process(text, {
      file,
      absPath: target,
      uidPrefix: `${parent.uidPrefix}${stack.id}/`,
      given: isPlainObject(parameters) ? parameters : {},
      givenFallback: parameters instanceof Unresolved ? parameters : undefined,
      ancestry: [...parent.ancestry, target],
    });
  }
}
