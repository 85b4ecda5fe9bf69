/**
 * Which way through the FTR (`ftr pathway`): the standard review, the SOC 2 Type II alternative, or the
 * Well-Architected review alternative (catalog/alternative-path.yaml; ../shared/reference/ftr-checklists.md §3).
 * Every eligibility condition is `holds`, `does_not_hold` or `unknown`, with why and where that came from. A route is
 * recommended only when every one of its conditions holds; an unanswered fact never counts as holding.
 */
import type { AlternativePathFile, ProductFacts, Resource, StatusSummary } from '../../core/index.js';
import { chooseWorkload, wellArchitectedView, type WorkloadFacts } from './well-architected.js';

export const PATHWAY_SCHEMA_VERSION = 1;

export type ConditionState = 'holds' | 'does_not_hold' | 'unknown';
export type RouteId = 'soc2' | 'wafr';

export interface ConditionResult {
  id: string;
  text: string;
  state: ConditionState;
  /** Where the answer came from. */
  source: 'ftr.yaml' | 'well-architected-api' | 'none';
  why: string;
}

export interface RouteResult {
  id: RouteId;
  title: string;
  eligible: boolean;
  conditions: ConditionResult[];
}

export interface PathwayAdvice {
  kind: 'ftr-ready/pathway';
  schemaVersion: typeof PATHWAY_SCHEMA_VERSION;
  asOf: string;
  recommendation: RouteId | 'standard';
  headline: string;
  routes: RouteResult[];
  alternativeChecklist: { version: string; title: string; acceptedUntil: string; expired: boolean; url: string } | null;
  standard: { summary?: StatusSummary; advice: string[] };
  inputs: { facts: boolean; snapshots: boolean; wellArchitectedSeen: boolean; workload?: { account: string; id: string; name: string } };
  notes: string[];
}

export interface PathwayInput {
  alternativePath: AlternativePathFile | undefined;
  /** ftr.yaml's product facts; undefined when there is no ftr.yaml. */
  facts: ProductFacts | undefined;
  /** Resources of the snapshots given; undefined when none were. */
  resources: readonly Resource[] | undefined;
  now: Date;
  /** The assessment of the same inputs, when there is one: it says how far the standard route is. */
  summary?: StatusSummary;
}

const PILLARS: Record<string, string> = { security: 'Security', reliability: 'Reliability', operationalExcellence: 'Operational Excellence' };

const day = (d: Date) => d.toISOString().slice(0, 10);

function yearBefore(now: Date): string {
  const then = new Date(now.getTime());
  then.setUTCFullYear(now.getUTCFullYear() - 1);
  if (then.getUTCMonth() !== now.getUTCMonth()) then.setUTCDate(0);
  return day(then);
}

function factAt(facts: ProductFacts | undefined, path: string | undefined): unknown {
  if (facts === undefined || path === undefined) return undefined;
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), facts);
}

type Verdict = Omit<ConditionResult, 'id' | 'text'>;
const fromFacts = (state: ConditionState, why: string): Verdict => ({ state, source: 'ftr.yaml', why });
const unanswered = (why: string): Verdict => ({ state: 'unknown', source: 'none', why });

interface Context {
  facts: ProductFacts | undefined;
  now: Date;
  since: string;
  workload: WorkloadFacts | undefined;
  apiSeen: boolean;
}

function soc2Condition(id: string, ctx: Context): Verdict | undefined {
  const soc2 = ctx.facts?.soc2;
  if (soc2 === undefined) return unanswered(ctx.facts === undefined ? 'no ftr.yaml: its product.soc2 facts answer this' : 'ftr.yaml records no product.soc2 facts (from the SOC 2 report)');
  switch (id) {
    case 'type-ii-report':
      return soc2.type === 'type2' ? fromFacts('holds', 'a SOC 2 Type II report') : fromFacts('does_not_hold', 'a Type I report covers a point in time; the alternative needs Type II');
    case 'report-active': {
      if (!soc2.reportActive) return fromFacts('does_not_hold', `the report is not active (period ended ${soc2.periodEnd})`);
      // A report is normally relied on for about a year after its period ends; past that, ask for a newer one.
      if (soc2.periodEnd < ctx.since) return { state: 'unknown', source: 'ftr.yaml', why: `declared active, but its period ended ${soc2.periodEnd}, more than 12 months ago: confirm a bridge letter or a newer report` };
      return fromFacts('holds', `declared active; period ended ${soc2.periodEnd}`);
    }
    case 'unqualified-opinion':
      return soc2.opinion === 'unqualified' ? fromFacts('holds', 'the auditor gave an unqualified opinion') : fromFacts('does_not_hold', `the opinion is ${soc2.opinion}`);
    case 'aws-in-scope':
      return soc2.awsInScope ? fromFacts('holds', 'AWS is in the audit scope') : fromFacts('does_not_hold', 'AWS is not in the audit scope');
    case 'product-in-scope':
      return soc2.productInScope ? fromFacts('holds', 'the product is in the audit scope') : fromFacts('does_not_hold', 'the product is not in the audit scope');
    case 'security-and-availability-criteria': {
      const missing = ['security', 'availability'].filter((c) => !soc2.criteria.includes(c as (typeof soc2.criteria)[number]));
      return missing.length === 0 ? fromFacts('holds', `criteria: ${soc2.criteria.join(', ')}`) : fromFacts('does_not_hold', `the audit does not cover ${missing.join(' and ')}`);
    }
    default:
      return undefined;
  }
}

function withinYear(ctx: Context): Verdict {
  const declared = ctx.facts?.wafr?.completed;
  const w = ctx.workload;
  const declaredRecent = declared !== undefined && declared >= ctx.since;
  if (w !== undefined && w.lastMilestone !== undefined) {
    const recorded = w.lastMilestone?.recordedAt.slice(0, 10);
    const label = w.lastMilestone === null ? `workload ${w.name} has no milestone recorded` : `milestone${w.lastMilestone.number !== undefined ? ` ${w.lastMilestone.number}` : ''} of workload ${w.name} was recorded on ${recorded}`;
    if (recorded !== undefined && recorded >= ctx.since) return { state: 'holds', source: 'well-architected-api', why: label };
    // The tool and ftr.yaml disagree: a review may have happened without a milestone, but nothing shows it.
    if (declaredRecent) return { state: 'unknown', source: 'ftr.yaml', why: `ftr.yaml says the review was completed on ${declared}, but ${label}: save a milestone for that review` };
    return { state: 'does_not_hold', source: 'well-architected-api', why: recorded !== undefined ? `${label}, more than 12 months ago` : label };
  }
  if (declared !== undefined) {
    const check = w?.milestoneUnknown !== undefined ? ` (the milestone could not be read: ${w.milestoneUnknown})` : ctx.apiSeen ? '' : '; scan the account to confirm it from the milestone';
    return declaredRecent ? fromFacts('holds', `ftr.yaml says the review was completed on ${declared}${check}`) : fromFacts('does_not_hold', `ftr.yaml says the review was completed on ${declared}, more than 12 months ago`);
  }
  if (w?.milestoneUnknown !== undefined) return unanswered(`the milestone of workload ${w.name} could not be read (${w.milestoneUnknown})`);
  return unanswered('no wafr.completed in ftr.yaml and no Well-Architected milestone in a scanned account');
}

function highRisks(pillar: string, ctx: Context): Verdict {
  const label = PILLARS[pillar] ?? pillar;
  const w = ctx.workload;
  const counted = w?.pillarHighRisks?.[pillar];
  const declared = ctx.facts?.wafr?.highRiskIssues?.[pillar as keyof NonNullable<NonNullable<ProductFacts['wafr']>['highRiskIssues']>];
  if (counted !== undefined && w !== undefined) {
    const also = declared !== undefined && declared !== counted ? ` (ftr.yaml says ${declared})` : '';
    return counted === 0
      ? { state: 'holds', source: 'well-architected-api', why: `workload ${w.name} has no high-risk issue in ${label}${also}` }
      : { state: 'does_not_hold', source: 'well-architected-api', why: `workload ${w.name} has ${counted} open high-risk issue(s) in ${label}${also}` };
  }
  if (declared !== undefined) {
    const check = ctx.apiSeen ? '' : '; scan the account to confirm it from the lens review';
    return declared === 0 ? fromFacts('holds', `ftr.yaml records no high-risk issue in ${label}${check}`) : fromFacts('does_not_hold', `ftr.yaml records ${declared} high-risk issue(s) in ${label}`);
  }
  if (w?.risksUnknown !== undefined) return unanswered(`the risk counts of workload ${w.name} could not be read (${w.risksUnknown})`);
  return unanswered(`no ${label} high-risk count: scan the account (wellarchitected:GetLensReview) or record wafr.highRiskIssues in ftr.yaml`);
}

function wafrCondition(id: string, fact: string | undefined, ctx: Context): Verdict | undefined {
  if (id === 'conducted-by-aws-or-wapp') {
    const by = ctx.facts?.wafr?.conductedBy;
    const api = 'the Well-Architected API cannot show who ran a review, so this rests on ftr.yaml';
    if (by === undefined) return unanswered(`no wafr.conductedBy in ftr.yaml; ${api}`);
    if (by === 'aws' || by === 'wapp-partner') return fromFacts('holds', `run by ${by === 'aws' ? 'an AWS employee' : 'a Well-Architected Partner Program partner'} (${api}; keep the review report)`);
    return fromFacts('does_not_hold', `run by ${by === 'self' ? 'the team itself' : 'someone who is neither AWS nor a WAPP partner'}; the alternative needs AWS or a WAPP partner`);
  }
  if (id === 'within-12-months') return withinYear(ctx);
  if (fact?.startsWith('wafr.highRiskIssues.')) return highRisks(fact.slice('wafr.highRiskIssues.'.length), ctx);
  return undefined;
}

/** A condition the code has no rule for (a newer catalog): a boolean fact answers it, anything else stays unknown. */
function genericCondition(fact: string | undefined, facts: ProductFacts | undefined): Verdict {
  const value = factAt(facts, fact);
  if (value === true) return fromFacts('holds', `${fact} is true`);
  if (value === false) return fromFacts('does_not_hold', `${fact} is false`);
  return unanswered(fact !== undefined ? `${fact} is not answered in ftr.yaml` : 'this needs the document itself');
}

function standardAdvice(summary: StatusSummary | undefined): string[] {
  if (summary === undefined) return ['Assess the accounts (`ftr run`, or `ftr pathway --snapshot …`) to see how far the standard review is.'];
  const open = summary.non_compliant + summary.unknown + summary.partially_compliant;
  if (open === 0) return ['Every requirement is compliant or not applicable: the standard review is within reach.'];
  const advice = [`${summary.non_compliant} requirement(s) non-compliant, ${summary.partially_compliant} partially compliant and ${summary.unknown} unknown.`];
  if (summary.non_compliant > 0) advice.push('Fix the gaps before submitting: a submission with open gaps comes back for remediation. `ftr plan` orders the work.');
  return advice;
}

export function evaluatePathway(input: PathwayInput): PathwayAdvice {
  const asOf = day(input.now);
  const view = wellArchitectedView(input.resources ?? []);
  const chosen = chooseWorkload(view, input.facts?.wafr?.workloadId);
  const ctx: Context = { facts: input.facts, now: input.now, since: yearBefore(input.now), workload: chosen.workload, apiSeen: view.seen };
  const notes: string[] = [];
  if (chosen.note !== undefined) notes.push(chosen.note);
  for (const u of view.unreadable) notes.push(`The Well-Architected Tool of account ${u.account} could not be read (${u.reason}).`);
  if (input.resources !== undefined && !view.seen && view.unreadable.length === 0) notes.push('No scanned account carries Well-Architected Tool data (a live scan of the account records it).');

  const alt = input.alternativePath?.alternativePath;
  const routes: RouteResult[] = (alt?.routes ?? []).map((route) => {
    const conditions = route.conditions.map((c): ConditionResult => {
      const verdict = (route.id === 'soc2' ? soc2Condition(c.id, ctx) : wafrCondition(c.id, c.fact, ctx)) ?? genericCondition(c.fact, input.facts);
      return { id: c.id, text: c.text, ...verdict };
    });
    return { id: route.id, title: route.title, eligible: conditions.every((c) => c.state === 'holds'), conditions };
  });
  const newest = alt ? [...alt.versions].sort((a, b) => b.released.localeCompare(a.released))[0] : undefined;
  const alternativeChecklist = newest && alt ? { version: newest.id, title: newest.title, acceptedUntil: newest.acceptedUntil, expired: newest.acceptedUntil < asOf, url: alt.checklistUrl } : null;
  if (alternativeChecklist?.expired) {
    notes.push(`The newest Partner Hosted Alternative checklist ftr-ready knows (${alternativeChecklist.version}) was accepted until ${alternativeChecklist.acceptedUntil}: check the AWS checklist page for a current version before taking an alternative route.`);
  }
  if (!alt) notes.push('The catalog has no alternative-path data; only the standard review can be advised.');

  const soc2 = routes.find((r) => r.id === 'soc2');
  const wafr = routes.find((r) => r.id === 'wafr');
  const recommendation: PathwayAdvice['recommendation'] = soc2?.eligible ? 'soc2' : wafr?.eligible ? 'wafr' : 'standard';
  const headline =
    recommendation === 'soc2'
      ? `Use the SOC 2 Type II alternative: every condition holds${wafr?.eligible ? ' (the Well-Architected route would qualify too)' : ''}.`
      : recommendation === 'wafr'
        ? 'Use the Well-Architected review alternative: every condition holds.'
        : 'Take the standard FTR: neither alternative route has every condition met.';
  return {
    kind: 'ftr-ready/pathway',
    schemaVersion: PATHWAY_SCHEMA_VERSION,
    asOf,
    recommendation,
    headline,
    routes,
    alternativeChecklist,
    standard: { ...(input.summary !== undefined ? { summary: input.summary } : {}), advice: standardAdvice(input.summary) },
    inputs: {
      facts: input.facts !== undefined,
      snapshots: input.resources !== undefined,
      wellArchitectedSeen: view.seen,
      ...(chosen.workload ? { workload: { account: chosen.workload.account, id: chosen.workload.id, name: chosen.workload.name } } : {}),
    },
    notes,
  };
}
