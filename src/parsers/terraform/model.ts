import type { Assumption, Suppression } from '../../core/index.js';

/**
 * A Terraform resource instance as read from a plan or a `.tf` file, before it is mapped onto the CloudFormation
 * shape. `values` holds Terraform attribute values; unknown parts are `Unresolved` (`computed:<attr>` for values
 * known only after apply, `expression` for HCL that is not a literal), references to other resources `{ $ref }`.
 */
export interface TfResource {
  uid: string;
  /** The full address (`module.net.aws_subnet.a[0]`). */
  address: string;
  type: string;
  file: string;
  /** The AWS account it deploys into, when a plan says (its `data.aws_caller_identity`). */
  account?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
  values: Record<string, unknown>;
  /** Lines of attributes and nested blocks by Terraform pointer (`/versioning/0/enabled`); `.tf` files only. */
  lines?: Record<string, number> | undefined;
  assumptions: Assumption[];
  suppressions: Suppression[];
}
