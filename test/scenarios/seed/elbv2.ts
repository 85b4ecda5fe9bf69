// Test-only: Application Load Balancers across the default VPC's subnets (or a VPC of their own), each with a target
// group (instances registered) and listeners: HTTPS on a security policy with an ACM certificate, HTTP redirecting,
// forwarding or answering a fixed response.
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { ListenerSpec, LoadBalancerSpec, RegionSpec } from '../spec.js';
import { eachLimited, tagList, type SeedTarget } from '../target.js';
import type { SeededCompute } from './ec2.js';
import type { SeededNetwork } from './network.js';
import { vpcNamed } from './vpcs.js';

const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

function action(listener: ListenerSpec, targetGroupArn: string): Action {
  switch (listener.action) {
    case 'redirect-to-https':
      return { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } };
    case 'fixed-response':
      return { Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain' } };
    case 'forward':
      return { Type: 'forward', TargetGroupArn: targetGroupArn };
  }
}

/** Two subnets of the default VPC; in a VPC of its own, its public subnets (internet-facing) or private ones. */
function subnetsOf(network: SeededNetwork, lb: LoadBalancerSpec): string[] {
  if (lb.vpc === undefined) return network.subnetIds.slice(0, 2);
  const vpc = vpcNamed(network.vpcs, lb.vpc, `load balancer ${lb.name}`);
  const subnets = lb.scheme === 'internet-facing' ? vpc.publicSubnets : vpc.privateSubnets;
  if (subnets.length === 0) throw new Error(`load balancer ${lb.name}: VPC ${lb.vpc} has no ${lb.scheme === 'internet-facing' ? 'public' : 'private'} subnets`);
  return subnets;
}

async function seedLoadBalancer(target: SeedTarget, region: string, lb: LoadBalancerSpec, network: SeededNetwork, compute: SeededCompute): Promise<void> {
  const elb = target.client(ElasticLoadBalancingV2Client, region);
  const created = await elb.send(
    new CreateLoadBalancerCommand({
      Name: lb.name,
      Type: 'application',
      Scheme: lb.scheme,
      Subnets: subnetsOf(network, lb),
      SecurityGroups: (lb.securityGroups ?? []).map((name) => network.securityGroups[name] ?? name),
      Tags: tagList(lb.tags),
    }),
  );
  const LoadBalancerArn = created.LoadBalancers?.[0]?.LoadBalancerArn ?? '';
  const VpcId = lb.vpc === undefined ? network.vpcId : vpcNamed(network.vpcs, lb.vpc, `load balancer ${lb.name}`).vpcId;
  const group = await elb.send(new CreateTargetGroupCommand({ Name: `${lb.name}-tg`, Protocol: 'HTTP', Port: 8080, VpcId, TargetType: 'instance' }));
  const TargetGroupArn = group.TargetGroups?.[0]?.TargetGroupArn ?? '';
  const targets = (lb.targets ?? []).map((name) => compute.instances[name]).filter((id): id is string => id !== undefined);
  if (targets.length > 0) await elb.send(new RegisterTargetsCommand({ TargetGroupArn, Targets: targets.map((Id) => ({ Id, Port: 8080 })) }));

  let certificateArn: string | undefined;
  for (const listener of lb.listeners) {
    if (listener.protocol === 'HTTPS' && certificateArn === undefined) {
      const requested = await target.client(ACMClient, region).send(new RequestCertificateCommand({ DomainName: `${lb.name}.example.com`, ValidationMethod: 'DNS' }));
      certificateArn = requested.CertificateArn ?? '';
    }
    await elb.send(
      new CreateListenerCommand({
        LoadBalancerArn,
        Protocol: listener.protocol,
        Port: listener.port,
        ...(listener.protocol === 'HTTPS' ? { SslPolicy: listener.sslPolicy ?? TLS_POLICY, Certificates: [{ CertificateArn: certificateArn }] } : {}),
        DefaultActions: [action(listener, TargetGroupArn)],
      }),
    );
  }
}

export async function seedLoadBalancers(target: SeedTarget, region: string, spec: RegionSpec, network: SeededNetwork, compute: SeededCompute, concurrency = 4): Promise<void> {
  await eachLimited(spec.loadBalancers ?? [], concurrency, (lb) => seedLoadBalancer(target, region, lb, network, compute));
}
