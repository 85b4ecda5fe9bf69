// Test-only: the well-configured account plus an IAM user whose policy allows only identity and account reads. Its
// keys scan the account with moto's IAM enforcement on (`moto.resetAuth(0)`), so every S3, EC2, RDS, DynamoDB, EFS,
// ELB … read is denied as AWS would deny it.
import type { PolicyDocument, ScenarioSpec } from '../spec.js';
import { SCENARIO_REGIONS, wellConfiguredEstate } from './well-configured.js';

export const RESTRICTED_ACCOUNT = '333333333333';
export const READER_USER = 'ftr-reader-lite';

/** The reads the user keeps: who it is, IAM, the alternate contacts. Nothing of s3, ec2, rds, dynamodb, … */
export const READER_POLICY: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'IdentityAndAccountReads',
      Effect: 'Allow',
      Action: ['sts:GetCallerIdentity', 'ec2:DescribeRegions', 'iam:List*', 'iam:Get*', 'iam:GenerateCredentialReport', 'account:GetAlternateContact', 'account:GetContactInformation'],
      Resource: '*',
    },
  ],
};

const estate = wellConfiguredEstate(RESTRICTED_ACCOUNT, 'scenario-reader');

export const RESTRICTED_READER: ScenarioSpec = {
  name: 'restricted-reader',
  accountId: RESTRICTED_ACCOUNT,
  regions: SCENARIO_REGIONS,
  estate: { ...estate, iam: { ...estate.iam, users: [...(estate.iam?.users ?? []), { name: READER_USER, accessKeys: 1, inlinePolicies: { 'identity-reads': READER_POLICY } }] } },
};
