// Test-only: deploys the parity templates into moto with CloudFormation CreateStack and reads back, per stack, which
// physical resource each logical id became (DescribeStackResources). moto creates the resources in its backends, so
// the live collectors then find them like any others.
import { ACMClient, RequestCertificateCommand } from '@aws-sdk/client-acm';
import { CloudFormationClient, CreateStackCommand, DescribeStackResourcesCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { clientConfig } from '../../harness/index.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'parity');

export interface StackResource {
  stack: string;
  /** The template file, as found under test/fixtures/parity. */
  file: string;
  logicalId: string;
  type: string;
  physicalId: string;
  status: string;
}

export function parityTemplates(): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(FIXTURES, name));
}

/**
 * Creates one stack per template (named after the file) and returns every resource of every stack. `parameters` go to
 * every stack whose template declares them.
 */
export async function deployTemplates(endpoint: string, templates: readonly string[], parameters: Record<string, string> = {}, region = 'us-east-1'): Promise<StackResource[]> {
  const cfn = new CloudFormationClient(clientConfig(endpoint, { region }));
  const resources: StackResource[] = [];
  try {
    for (const file of templates) {
      const stack = `parity-${basename(file, '.yaml')}`;
      const body = readFileSync(file, 'utf8');
      const Parameters = Object.entries(parameters)
        .filter(([name]) => new RegExp(`^  ${name}:`, 'm').test(body))
        .map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
      await cfn.send(new CreateStackCommand({ StackName: stack, TemplateBody: body, Parameters, Capabilities: ['CAPABILITY_NAMED_IAM'] }));
      const described = await cfn.send(new DescribeStacksCommand({ StackName: stack }));
      const status = described.Stacks?.[0]?.StackStatus;
      if (status !== 'CREATE_COMPLETE') throw new Error(`stack ${stack} is ${status ?? 'missing'}: ${described.Stacks?.[0]?.StackStatusReason ?? 'no reason given'}`);
      const listed = await cfn.send(new DescribeStackResourcesCommand({ StackName: stack }));
      for (const r of listed.StackResources ?? []) {
        resources.push({
          stack,
          file,
          logicalId: r.LogicalResourceId ?? '',
          type: r.ResourceType ?? '',
          physicalId: r.PhysicalResourceId ?? '',
          status: r.ResourceStatus ?? '',
        });
      }
    }
  } finally {
    cfn.destroy();
  }
  return resources;
}

/** An ACM certificate for the HTTPS listeners: moto's CreateListener refuses a certificate it does not hold. */
export async function requestCertificate(endpoint: string, region = 'us-east-1'): Promise<string> {
  const acm = new ACMClient(clientConfig(endpoint, { region }));
  try {
    const out = await acm.send(new RequestCertificateCommand({ DomainName: 'parity.example.com', ValidationMethod: 'DNS' }));
    if (!out.CertificateArn) throw new Error('ACM RequestCertificate returned no ARN');
    return out.CertificateArn;
  } finally {
    acm.destroy();
  }
}
