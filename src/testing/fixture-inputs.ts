import {
  CollectionRecord,
  Resource,
  SNAPSHOT_SCHEMA_VERSION,
  type Rule,
  type Snapshot,
  type Source,
} from '../core/index.js';
import type { FixtureCase } from './fixture-schema.js';

export const FIXTURE_ACCOUNT = '111111111111';
export const FIXTURE_REGION = 'us-east-1';

/** Turns a code input (template text) into a snapshot with the real parser; registered by the parsers. */
export type CodeInputParser = (text: string, options: { file: string; parameters?: Record<string, string> | undefined; customerTemplates?: string[] | undefined }) => Snapshot;

const codeParsers: Partial<Record<'cloudformation' | 'terraformPlan' | 'terraform', CodeInputParser>> = {};

export function registerFixtureParser(kind: keyof typeof codeParsers, parser: CodeInputParser): void {
  codeParsers[kind] = parser;
}

export function caseSource(fixture: FixtureCase): Source {
  if (fixture.live) return 'live';
  if (fixture.cloudformation !== undefined) return 'cloudformation';
  return 'terraform';
}

function liveSnapshot(fixture: FixtureCase, rule: Rule): Snapshot {
  const live = fixture.live!;
  const resources = live.resources.map((r, i) =>
    Resource.parse({
      account: FIXTURE_ACCOUNT,
      region: r.type === 'AWS::Account' || r.type.startsWith('AWS::IAM::') ? 'global' : FIXTURE_REGION,
      uid: `fixture:${r.type}:${i}`,
      source: 'live',
      ...r,
    }),
  );
  const accounts = live.accounts ?? [FIXTURE_ACCOUNT];
  const regions = live.regions ?? [FIXTURE_REGION];
  const collection = live.collection
    ? live.collection.map((c) => CollectionRecord.parse({ source: 'live', ...c }))
    : accounts.map((account) =>
        CollectionRecord.parse({
          source: 'live',
          service: 'fixture',
          action: 'fixture:List',
          account,
          region: 'global',
          outcome: 'ok',
          calls: { ok: 1 },
          lists: [...new Set([...rule.meta.resourceTypes, ...resources.map((r) => r.type)])],
        }),
      );
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    kind: 'ftr-ready/snapshot',
    tool: { name: 'fixture', version: '0' },
    collectedAt: fixture.now ?? '2026-06-01T00:00:00.000Z',
    scope: { sources: ['live'], accounts, regions, files: [] },
    accounts: accounts.map((id) => ({ id })),
    resources,
    collection,
  };
}

/** The snapshot a fixture case describes, always through the real parser for code inputs. */
export function caseSnapshot(fixture: FixtureCase, rule: Rule, file: string): Snapshot {
  if (fixture.live) return liveSnapshot(fixture, rule);
  const kind = fixture.cloudformation !== undefined ? 'cloudformation' : fixture.terraformPlan !== undefined ? 'terraformPlan' : 'terraform';
  const parser = codeParsers[kind];
  if (!parser) throw new Error(`no parser is registered for ${kind} fixtures`);
  const text = fixture.cloudformation ?? fixture.terraformPlan ?? fixture.terraform ?? '';
  const ext = kind === 'cloudformation' ? (text.trimStart().startsWith('{') ? 'json' : 'yaml') : kind === 'terraformPlan' ? 'tfplan.json' : 'tf';
  const input = `${file}.${ext}`;
  return parser(text, { file: input, parameters: fixture.parameters, customerTemplates: fixture.customerTemplate ? [input] : undefined });
}
