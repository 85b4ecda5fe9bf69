// Registers the real parsers for the code inputs of rule fixtures (`cloudformation:`, `terraformPlan:`,
// `terraform:`), so every fixture case goes through the same parsing as `ftr iac`.
import { parseCloudFormation, parseTerraformHcl, parseTerraformPlan } from '../parsers/index.js';
import { registerFixtureParser } from './fixture-inputs.js';

registerFixtureParser('cloudformation', (text, options) => parseCloudFormation(text, { file: options.file, parameters: options.parameters, customerTemplates: options.customerTemplates }));
registerFixtureParser('terraformPlan', (text, options) => parseTerraformPlan(text, { file: options.file, customerTemplates: options.customerTemplates }));
registerFixtureParser('terraform', (text, options) => parseTerraformHcl(text, { file: options.file, customerTemplates: options.customerTemplates }));
