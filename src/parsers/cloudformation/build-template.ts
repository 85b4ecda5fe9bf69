import type { Resource } from '../../core/index.js';
import { InputError, type FileProblem } from '../shared/input-error.js';
import type { PositionedDocument } from '../shared/positions.js';
import { isPlainObject, Unresolved } from '../shared/values.js';
import type { ResourceDraft } from './draft.js';
import { finalizeDraft } from './finalize.js';
import { readParameters } from './parameters.js';
import { propertyLinesOf } from '../shared/property-lines.js';
import { globalsFor, mergeGlobals } from './sam/globals.js';
import { samImplicitIds } from './sam/implicit-ids.js';
import { expandServerless } from './sam/index.js';
import { TemplateScope } from './scope.js';
import { readSuppressions } from './suppressions.js';
import { templateResource } from './template-resource.js';

export const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
const KNOWN_TRANSFORMS = new Set([SAM_TRANSFORM, 'AWS::LanguageExtensions']);

/** One use of a template: the root of an input, or a nested stack inside another. */
export interface TemplateInstance {
  file: string;
  absPath: string | undefined;
  uidPrefix: string;
  given: Record<string, unknown>;
  /** When a parent stack's `Parameters` as a whole is unknown, every parameter it would pass is. */
  givenFallback?: Unresolved | undefined;
  /** Absolute paths of the templates on the way to this one (nested stacks), to stop cycles. */
  ancestry: readonly string[];
  /** CDK construct paths by logical id, from the cloud assembly manifest. */
  cdkPaths?: ReadonlyMap<string, string> | undefined;
}

/** What building a template needs from around it. */
export interface TemplateHost {
  emit(resource: Resource): void;
  /** The template pseudo-resource, once per file. */
  emitTemplate(resource: Resource): void;
  /** A nested stack (`AWS::CloudFormation::Stack`) was found; the host follows a local template. */
  nestedStack(parent: TemplateInstance, stack: ResourceDraft, scope: TemplateScope): void;
  shippedToCustomers(file: string): boolean;
}

/**
 * Builds the model resources of one template instance in a single pass over its resources. Problems that do not
 * stop the template (an unknown intrinsic, a bad waiver) are returned; a template that cannot be read at all
 * throws InputError.
 */
export function buildTemplate(doc: PositionedDocument, instance: TemplateInstance, host: TemplateHost): FileProblem[] {
  const root = doc.value;
  if (!isPlainObject(root)) throw new InputError('a CloudFormation template is a map with a Resources section', 1);
  const resources = root['Resources'];
  if (!isPlainObject(resources)) {
    throw new InputError('the template has no Resources map (expected `Resources:` with at least one resource)', doc.positions.of(root, 'Resources')?.line ?? 1);
  }
  const transforms = (Array.isArray(root['Transform']) ? root['Transform'] : [root['Transform']]).filter((t): t is string => typeof t === 'string');
  const serverless = transforms.includes(SAM_TRANSFORM);
  const parameters = readParameters(root['Parameters']);
  const logicalIds = new Set(Object.keys(resources));
  if (serverless) for (const id of samImplicitIds(resources)) logicalIds.add(id);
  const scope = new TemplateScope({
    file: instance.file,
    positions: doc.positions,
    uidPrefix: instance.uidPrefix,
    parameters,
    given: instance.given,
    givenFallback: instance.givenFallback,
    mappings: root['Mappings'],
    conditions: isPlainObject(root['Conditions']) ? root['Conditions'] : {},
    logicalIds,
    serverless,
  });
  const problems: FileProblem[] = [];
  const macros = transforms.filter((t) => !KNOWN_TRANSFORMS.has(t));
  const globals = serverless ? root['Globals'] : undefined;

  let drafts: ResourceDraft[] = [];
  for (const id of Object.keys(resources)) {
    if (id.startsWith('Fn::ForEach::')) {
      problems.push({ message: `${id}: Fn::ForEach loops are not expanded, so the resources they create are not seen`, line: doc.positions.of(resources, id)?.line });
      continue;
    }
    const draft = draftResource(id, resources, scope, instance, globals, problems);
    if (draft !== undefined) drafts.push(draft);
  }
  if (serverless) drafts = expandServerless(drafts, scope, new Set(Object.keys(resources)));

  for (const draft of drafts) {
    for (const macro of macros) draft.assumptions.push({ path: '', note: `the template uses the transform ${macro}; what it adds or changes is not seen` });
    if (draft.type === 'AWS::CloudFormation::Stack') host.nestedStack(instance, draft, scope);
    host.emit(finalizeDraft(draft, scope.uidOf(draft.id), instance.file));
  }
  host.emitTemplate(templateResource(instance.file, parameters, transforms, drafts.length, host.shippedToCustomers(instance.file)));
  return [...problems, ...scope.problems];
}

function draftResource(
  id: string,
  resources: Record<string, unknown>,
  scope: TemplateScope,
  instance: TemplateInstance,
  globals: unknown,
  problems: FileProblem[],
): ResourceDraft | undefined {
  const raw = resources[id];
  const position = scope.positions.of(resources, id);
  if (!isPlainObject(raw) || typeof raw['Type'] !== 'string' || raw['Type'] === '') {
    problems.push({ message: `the resource ${id} needs a Type such as AWS::S3::Bucket`, line: position?.line, column: position?.column });
    return undefined;
  }
  const type = modelType(raw['Type']);
  if (type === undefined) {
    problems.push({ message: `the resource ${id} has the Type ${JSON.stringify(raw['Type'])}, which is not a resource type name such as AWS::S3::Bucket`, line: position?.line, column: position?.column });
    return undefined;
  }
  const draft: ResourceDraft = {
    id,
    type,
    properties: {},
    raw: {},
    sourceLogicalId: id,
    line: position?.line,
    column: position?.column,
    unknown: [],
    assumptions: [],
    suppressions: [],
  };

  const condition = raw['Condition'];
  if (condition !== undefined) {
    if (typeof condition !== 'string') {
      problems.push({ message: `the Condition of ${id} must be the name of a condition`, line: scope.positions.of(raw, 'Condition')?.line });
      draft.unknown.push({ path: '', reason: 'unresolved:Condition' });
    } else {
      const { value, notes } = scope.collect(() => scope.conditionValue(condition));
      if (value === false) return undefined;
      if (value instanceof Unresolved) draft.unknown.push({ path: '', reason: `condition:${condition}` });
      else draft.assumptions.push(...TemplateScope.assumptions('', notes.map((note) => scope.intern(`created because ${note}`))));
    }
  }

  let written = raw['Properties'];
  const global = globalsFor(globals, type);
  if (global !== undefined) written = mergeGlobals(global, isPlainObject(written) ? written : {});
  if (written !== undefined && written !== null) {
    if (isPlainObject(written) && !isIntrinsic(written)) {
      draft.raw = written;
      draft.lines = propertyLinesOf(written);
      for (const key of Object.keys(written)) {
        const { value, notes } = scope.collect(() => scope.property.eval(written[key], 0));
        draft.properties[key] = value;
        draft.assumptions.push(...TemplateScope.assumptions(`/${key}`, notes));
      }
    } else {
      const { value, notes } = scope.collect(() => scope.property.eval(written, 0));
      draft.assumptions.push(...TemplateScope.assumptions('', notes));
      if (isPlainObject(value)) draft.properties = { ...value };
      else if (value instanceof Unresolved) draft.unknown.push({ path: '', reason: value.reason });
      else problems.push({ message: `the Properties of ${id} must be a map`, line: scope.positions.of(raw, 'Properties')?.line });
    }
  }

  const metadata = raw['Metadata'];
  if (isPlainObject(metadata)) {
    const read = readSuppressions(metadata, instance.file, scope.positions, position?.line);
    draft.suppressions = read.suppressions;
    problems.push(...read.problems);
    draft.metadata = metadata;
  }
  const cdkPath = isPlainObject(metadata) && typeof metadata['aws:cdk:path'] === 'string' ? metadata['aws:cdk:path'] : instance.cdkPaths?.get(id);
  if (cdkPath !== undefined) draft.label = cdkPath;
  return draft;
}

const TYPE_NAME = /^[A-Za-z0-9]+(::[A-Za-z0-9]+){1,3}$/;

/**
 * The type in the model's vocabulary. Custom resource names may hold `_`, `@` and `-`, which the model's type names do
 * not; CloudFormation treats every `Custom::` type as AWS::CloudFormation::CustomResource, and so does the model then.
 */
function modelType(type: string): string | undefined {
  if (TYPE_NAME.test(type)) return type;
  if (/^Custom::[A-Za-z0-9_@-]{1,60}$/.test(type)) return 'AWS::CloudFormation::CustomResource';
  return undefined;
}

function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::'));
}
