import type { ResourceDraft } from '../draft.js';
import type { TemplateScope } from '../scope.js';
import { expandApi, expandHttpApi, implicitApiDrafts } from './api.js';
import { expandFunction, implicitApis } from './function.js';
import { expandApplication, expandLayerVersion, expandSimpleTable, expandStateMachine } from './other.js';

type Expander = (draft: ResourceDraft, scope: TemplateScope) => ResourceDraft[];

/** SAM resource types and what each becomes; other `AWS::Serverless::*` types are kept as written. */
export const SAM_EXPANDERS: Readonly<Record<string, Expander>> = {
  'AWS::Serverless::Function': expandFunction,
  'AWS::Serverless::Api': expandApi,
  'AWS::Serverless::HttpApi': expandHttpApi,
  'AWS::Serverless::SimpleTable': expandSimpleTable,
  'AWS::Serverless::StateMachine': expandStateMachine,
  'AWS::Serverless::LayerVersion': expandLayerVersion,
  'AWS::Serverless::Application': expandApplication,
};

/** Expands every SAM draft into what it creates, adding the implicit APIs function events ask for. */
export function expandServerless(drafts: readonly ResourceDraft[], scope: TemplateScope, declared: ReadonlySet<string>): ResourceDraft[] {
  const out: ResourceDraft[] = [];
  for (const draft of drafts) {
    const expand = SAM_EXPANDERS[draft.type];
    out.push(...(expand ? expand(draft, scope) : [draft]));
  }
  const { rest, http } = implicitApis(drafts);
  if (rest && !declared.has('ServerlessRestApi')) out.push(...implicitApiDrafts('rest', rest, scope));
  if (http && !declared.has('ServerlessHttpApi')) out.push(...implicitApiDrafts('http', http, scope));
  return out;
}
