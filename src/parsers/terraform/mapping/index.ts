import { COMPUTE_MAPPINGS } from './compute.js';
import { DATA_ATTACHMENTS, DATA_MAPPINGS } from './data.js';
import { EDGE_MAPPINGS } from './edge.js';
import { IAM_ATTACHMENTS, IAM_MAPPINGS } from './iam.js';
import { MESSAGING_MAPPINGS } from './messaging.js';
import { NETWORK_MAPPINGS } from './network.js';
import { OPERATIONS_ATTACHMENTS, OPERATIONS_MAPPINGS } from './operations.js';
import { S3_ATTACHMENTS, S3_MAPPINGS } from './s3.js';
import { SECURITY_MAPPINGS } from './security.js';
import type { TfAttachment, TfMapping } from './types.js';

/** Terraform resource types mapped onto CloudFormation-shaped resources, one table per family. */
export const TF_MAPPINGS: Readonly<Record<string, TfMapping>> = {
  ...S3_MAPPINGS,
  ...NETWORK_MAPPINGS,
  ...COMPUTE_MAPPINGS,
  ...DATA_MAPPINGS,
  ...MESSAGING_MAPPINGS,
  ...EDGE_MAPPINGS,
  ...IAM_MAPPINGS,
  ...SECURITY_MAPPINGS,
  ...OPERATIONS_MAPPINGS,
};

/** Terraform resource types whose settings are merged into another resource. */
export const TF_ATTACHMENTS: Readonly<Record<string, TfAttachment>> = {
  ...S3_ATTACHMENTS,
  ...DATA_ATTACHMENTS,
  ...IAM_ATTACHMENTS,
  ...OPERATIONS_ATTACHMENTS,
};

/** The pseudo-type of Terraform resources no rule reads; kept so that nothing in the input disappears silently. */
export const UNMAPPED_TYPE = 'Terraform::Resource';
