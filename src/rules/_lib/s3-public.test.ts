import { describe, expect, it } from 'vitest';
import { aclPublicGrants, policyExposure } from './s3-public.js';

const allowAll = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };

describe('policyExposure', () => {
  it('calls an unconditional Principal * grant public', () => {
    expect(policyExposure({ Statement: [allowAll] }).status).toBe('public');
  });
  it('accepts fixed values of restricting keys, not wildcards, variables or IfExists', () => {
    const withCondition = (Condition: unknown) => policyExposure({ Statement: [{ ...allowAll, Condition }] }).status;
    expect(withCondition({ StringEquals: { 'aws:SourceVpce': 'vpce-1' } })).toBe('not_public');
    expect(withCondition({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } })).toBe('not_public');
    expect(withCondition({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc' } })).toBe('not_public');
    expect(withCondition({ StringEquals: { 'aws:userid': 'AROAEXAMPLE:*' } })).toBe('not_public');
    expect(withCondition({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })).toBe('public');
    expect(withCondition({ StringLike: { 'aws:SourceVpce': 'vpce-*' } })).toBe('public');
    expect(withCondition({ StringEquals: { 'aws:SourceAccount': '${aws:PrincipalAccount}' } })).toBe('public');
    expect(withCondition({ StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } })).toBe('public');
    expect(withCondition({ StringNotEquals: { 'aws:SourceVpc': 'vpc-1' } })).toBe('public');
    expect(withCondition({ Bool: { 'aws:SecureTransport': 'true' } })).toBe('public');
  });
  it('ignores grants that expose nothing and fixed principals', () => {
    expect(policyExposure({ Statement: [{ ...allowAll, Action: 's3:GetBucketLocation' }] }).status).toBe('not_public');
    expect(policyExposure({ Statement: [{ ...allowAll, Principal: { AWS: 'arn:aws:iam::222222222222:root' } }] }).status).toBe('not_public');
    expect(policyExposure({ Statement: [{ ...allowAll, Principal: { Service: 'cloudfront.amazonaws.com' } }] }).status).toBe('not_public');
    expect(policyExposure({ Statement: [{ ...allowAll, Principal: { AWS: 'arn:aws:iam::*:root' } }] }).status).toBe('public');
  });
  it('honours a Deny that shuts everyone else out, and only such a Deny', () => {
    const deny = (extra: Record<string, unknown>) =>
      policyExposure({ Statement: [allowAll, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', ...extra }] }).status;
    expect(deny({ Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } })).toBe('not_public');
    expect(deny({ Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-abc' } } })).toBe('not_public');
    expect(deny({})).toBe('not_public');
    expect(deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' } } })).toBe('public');
    expect(deny({ Resource: 'arn:aws:s3:::other/*', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } })).toBe('public');
    expect(deny({ Action: 's3:PutObject', Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-1' } } })).toBe('public');
  });
  it('does not decide on values a template could not resolve', () => {
    expect(policyExposure({ Statement: [{ ...allowAll, Condition: { StringEquals: { 'aws:SourceVpce': { Ref: 'X' } } } }] }).status).toBe('unknown');
    expect(policyExposure('not json').status).toBe('unknown');
  });
});

describe('aclPublicGrants', () => {
  it('lists grants to the public groups only', () => {
    const acl = {
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: 'abc' }, Permission: 'FULL_CONTROL' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'WRITE' },
      ],
    };
    expect(aclPublicGrants(acl)).toEqual(['AllUsers READ']);
    expect(aclPublicGrants({})).toBeUndefined();
  });
});
