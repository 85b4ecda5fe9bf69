import { describe, expect, it } from 'vitest';
import { apiGatewayMinTls, cloudFrontMinTls, elbPolicyMinTls, openSearchMinTls, tlsLabel } from './tls-policies.js';

describe('elbPolicyMinTls', () => {
  it.each([
    ['ELBSecurityPolicy-2016-08', 1.0],
    ['ELBSecurityPolicy-2015-05', 1.0],
    ['ELBSecurityPolicy-FS-2018-06', 1.0],
    ['ELBSecurityPolicy-TLS-1-1-2017-01', 1.1],
    ['ELBSecurityPolicy-TLS-1-2-2017-01', 1.2],
    ['ELBSecurityPolicy-TLS-1-2-Ext-2018-06', 1.2],
    ['ELBSecurityPolicy-FS-1-1-2019-08', 1.1],
    ['ELBSecurityPolicy-FS-1-2-Res-2020-10', 1.2],
    ['ELBSecurityPolicy-TLS13-1-0-2021-06', 1.0],
    ['ELBSecurityPolicy-TLS13-1-1-2021-06', 1.1],
    ['ELBSecurityPolicy-TLS13-1-2-2021-06', 1.2],
    ['ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09', 1.2],
    ['ELBSecurityPolicy-TLS13-1-3-2021-06', 1.3],
    ['ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04', 1.0],
  ])('%s accepts TLS %s at the lowest', (name, version) => {
    expect(elbPolicyMinTls(name)).toBeCloseTo(version);
  });
  it('does not guess unknown names', () => {
    expect(elbPolicyMinTls('my-custom-policy')).toBeUndefined();
  });
});

describe('other services', () => {
  it('reads CloudFront, API Gateway and OpenSearch policy names', () => {
    expect(cloudFrontMinTls('TLSv1')).toBe(1.0);
    expect(cloudFrontMinTls('TLSv1_2016')).toBe(1.0);
    expect(cloudFrontMinTls('TLSv1.1_2016')).toBeCloseTo(1.1);
    expect(cloudFrontMinTls('TLSv1.2_2021')).toBeCloseTo(1.2);
    expect(cloudFrontMinTls('SSLv3')).toBeCloseTo(0.3);
    expect(apiGatewayMinTls('TLS_1_0')).toBe(1.0);
    expect(apiGatewayMinTls('SecurityPolicy_TLS13_1_3_2025_09')).toBeCloseTo(1.3);
    expect(apiGatewayMinTls('SecurityPolicy_TLS12_PFS_2025_EDGE')).toBeCloseTo(1.2);
    expect(openSearchMinTls('Policy-Min-TLS-1-0-2019-07')).toBe(1.0);
    expect(openSearchMinTls('Policy-Min-TLS-1-2-PFS-2023-10')).toBeCloseTo(1.2);
    expect(tlsLabel(0.3)).toBe('SSL 3.0');
    expect(tlsLabel(1.2)).toBe('TLS 1.2');
  });
});
