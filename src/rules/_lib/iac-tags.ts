/**
 * Signs on a live resource that infrastructure as code manages it:
 * - the tags CloudFormation adds to every taggable resource of a stack (`aws:cloudformation:stack-name` …);
 * - tags teams set through their tool's default tags: a key such as `ManagedBy`, `managed-by`, `Provisioner`, `IaC` or
 *   `Tool` whose value names a tool (Terraform, OpenTofu, Pulumi, CDK, CloudFormation, Crossplane), or a key that
 *   is itself the tool's name or prefix (`terraform`, `tf:workspace`, `pulumi:project`).
 * This is a heuristic: an untagged resource made by Terraform is not recognised (set the AWS provider's
 * `default_tags { tags = { ManagedBy = "terraform" } }`).
 */
const MANAGER_KEY = /^(managed[-_ ]?by|provisioned[-_ ]?by|created[-_ ]?by|provisioner|iac|iac[-_ ]?tool|tool|deployed[-_ ]?by|automation)$/i;
const TOOL = /terraform|opentofu|\btofu\b|pulumi|cloudformation|\bcdk\b|cdktf|crossplane|\bsam\b|serverless/i;
const TOOL_KEY = /^(terraform|tf|tofu|pulumi|cdktf)([:_\-/].*)?$/i;

export type IacTool = 'cloudformation' | 'other';

export function iacFromTags(tags: Readonly<Record<string, string>>): IacTool | undefined {
  if (tags['aws:cloudformation:stack-name'] !== undefined || tags['aws:cloudformation:stack-id'] !== undefined) return 'cloudformation';
  for (const [key, value] of Object.entries(tags)) {
    if (TOOL_KEY.test(key)) return 'other';
    if (MANAGER_KEY.test(key) && TOOL.test(value)) return 'other';
  }
  return undefined;
}
