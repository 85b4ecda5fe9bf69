/**
 * AWS Fault Injection Service (regional): `AWS::Account::Region.Fis` = `{ Experiments: [{ Id, State, StartTime,
 * EndTime, Actions, TargetsAz }] }`. ListExperiments gives the experiments FIS still keeps; GetExperiment, once per
 * experiment, gives what the summary lacks: the action ids and the targets.
 *
 * `TargetsAz` is true when the experiment is scoped to one Availability Zone: a target filtered on a single
 * Availability Zone (`Placement.AvailabilityZone`, `AvailabilityZone` …), or an `availabilityZoneIdentifier(s)`
 * parameter on a target or an action (the "AZ Availability: Power Interruption" scenario uses both).
 * https://docs.aws.amazon.com/fis/latest/userguide/targets.html#target-filters
 */
import { FisClient, GetExperimentCommand, ListExperimentsCommand, type Experiment } from '@aws-sdk/client-fis';
import type { UnknownMark } from '../core/index.js';
import { defineCollector } from './framework/collector.js';
import { isoTime } from './framework/time.js';

const AZ_FILTER = /availabilityzone(id)?$/i;
const AZ_PARAMETER = /^availabilityzoneidentifiers?$/i;

export default defineCollector({
  service: 'fis',
  scope: 'regional',
  operations: {
    ListExperiments: 'fis:ListExperiments',
    GetExperiment: 'fis:GetExperiment',
  },
  produces: ['AWS::Account::Region'],
  async collect(ctx) {
    const client = ctx.client(FisClient);
    const listed = await ctx.pages('ListExperiments', (nextToken, o) => client.send(new ListExperimentsCommand({ nextToken, maxResults: 100 }), o), (p) => p.nextToken, (p) => p.experiments);
    if (!listed.ok) return ctx.regionFacts({}, [{ path: '/Fis', reason: listed.reason }]);
    const unknown: UnknownMark[] = [];
    const experiments = await Promise.all(
      listed.value.map(async (summary, i) => {
        const id = summary.id ?? '';
        const got = await ctx.call('GetExperiment', (o) => client.send(new GetExperimentCommand({ id }), o), { resource: `arn:aws:fis:${ctx.region}:${ctx.account}:experiment/${id}` });
        const experiment: Experiment = got.ok ? (got.value.experiment ?? summary) : summary;
        if (!got.ok) unknown.push({ path: `/Fis/Experiments/${i}/Actions`, reason: got.reason }, { path: `/Fis/Experiments/${i}/TargetsAz`, reason: got.reason });
        return {
          Id: id,
          State: experiment.state?.status ?? summary.state?.status ?? null,
          StartTime: isoTime(experiment.startTime ?? summary.creationTime),
          EndTime: isoTime(experiment.endTime),
          ...(got.ok ? { Actions: Object.values(experiment.actions ?? {}).map((a) => a.actionId ?? '').filter(Boolean), TargetsAz: targetsAz(experiment) } : {}),
        };
      }),
    );
    ctx.regionFacts({ Fis: { Experiments: experiments } }, unknown);
  },
});

function targetsAz(experiment: Experiment): boolean {
  const targets = Object.values(experiment.targets ?? {});
  const byFilter = targets.some((t) => (t.filters ?? []).some((f) => AZ_FILTER.test(f.path ?? '') && (f.values ?? []).length === 1));
  const byParameter = [...targets, ...Object.values(experiment.actions ?? {})].some((x) => Object.keys(x.parameters ?? {}).some((k) => AZ_PARAMETER.test(k)));
  return byFilter || byParameter;
}
