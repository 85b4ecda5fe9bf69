// The infrastructure-as-code parsers: CloudFormation (YAML, JSON, SAM, nested stacks, CDK cloud assemblies) and
// Terraform (plan JSON and .tf files), producing the resource model of docs/resource-model.md.
export { parseIacPaths, type IacOptions } from './iac-paths.js';
export { parseCloudFormation, type ParseCloudFormationOptions } from './cloudformation/parse-cloudformation.js';
export { parseTerraformPlan, parseTerraformHcl, type ParseTerraformOptions } from './terraform/parse-terraform.js';
export { METADATA_KEY as WAIVER_METADATA_KEY } from './cloudformation/suppressions.js';
export { TEMPLATE_TYPE } from './cloudformation/template-resource.js';
export { UNMAPPED_TYPE } from './terraform/mapping/index.js';
export type { ToolInfo } from './shared/collector.js';
