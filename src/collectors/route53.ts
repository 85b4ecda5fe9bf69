/**
 * Route 53 health checks (global). Hosted zones are not read: no rule judges them yet.
 */
import { ListHealthChecksCommand, Route53Client } from '@aws-sdk/client-route-53';
import { buildArn, defined } from './framework/aws-values.js';
import { defineCollector } from './framework/collector.js';

export default defineCollector({
  service: 'route53',
  scope: 'global',
  operations: {
    ListHealthChecks: 'route53:ListHealthChecks',
  },
  listings: { ListHealthChecks: ['AWS::Route53::HealthCheck'] },
  produces: ['AWS::Route53::HealthCheck'],
  async collect(ctx) {
    const route53 = ctx.client(Route53Client);
    const checks = await ctx.pages(
      'ListHealthChecks',
      (Marker, o) => route53.send(new ListHealthChecksCommand({ Marker, MaxItems: 1000 }), o),
      (p) => (p.IsTruncated ? p.NextMarker : undefined),
      (p) => p.HealthChecks,
    );
    if (!checks.ok) return;
    for (const c of checks.value) {
      if (!c.Id) continue;
      const config = c.HealthCheckConfig;
      ctx.emit({
        uid: buildArn(ctx.apiRegion, 'route53', '', '', `healthcheck/${c.Id}`),
        type: 'AWS::Route53::HealthCheck',
        name: config?.FullyQualifiedDomainName ?? config?.IPAddress ?? c.Id,
        physicalId: c.Id,
        properties: {
          HealthCheckConfig: config
            ? defined({
                Type: config.Type,
                FullyQualifiedDomainName: config.FullyQualifiedDomainName,
                IPAddress: config.IPAddress,
                Port: config.Port,
                ResourcePath: config.ResourcePath,
                SearchString: config.SearchString,
                RequestInterval: config.RequestInterval,
                FailureThreshold: config.FailureThreshold,
                MeasureLatency: config.MeasureLatency,
                Inverted: config.Inverted,
                Disabled: config.Disabled,
                EnableSNI: config.EnableSNI,
                HealthThreshold: config.HealthThreshold,
                ChildHealthChecks: config.ChildHealthChecks,
                Regions: config.Regions,
                AlarmIdentifier: config.AlarmIdentifier ? defined({ Name: config.AlarmIdentifier.Name, Region: config.AlarmIdentifier.Region }) : undefined,
                InsufficientDataHealthStatus: config.InsufficientDataHealthStatus,
              })
            : null,
        },
      });
    }
  },
});
