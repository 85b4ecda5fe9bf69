import { describe, expect, it } from 'vitest';
import { describeRange, isWorldCidr, portRangeOf, protocolOf, rangeIncludes } from './network.js';

describe('protocolOf', () => {
  it('reads names, numbers and -1', () => {
    expect(protocolOf('-1')).toBe('all');
    expect(protocolOf(-1)).toBe('all');
    expect(protocolOf('TCP')).toBe('tcp');
    expect(protocolOf('6')).toBe('tcp');
    expect(protocolOf(17)).toBe('udp');
    expect(protocolOf('58')).toBe('icmpv6');
    expect(protocolOf('50')).toBe('other');
    expect(protocolOf({ $ref: 'x' })).toBeUndefined();
  });
});

describe('portRangeOf', () => {
  it('treats missing ports and -1 as every port', () => {
    expect(portRangeOf(undefined, undefined)).toEqual({ from: 0, to: 65535 });
    expect(portRangeOf(-1, -1)).toEqual({ from: 0, to: 65535 });
  });
  it('reads numbers and numeric strings, in either order', () => {
    expect(portRangeOf('22', 22)).toEqual({ from: 22, to: 22 });
    expect(portRangeOf(4000, 1000)).toEqual({ from: 1000, to: 4000 });
  });
  it('gives undefined for an unreadable port', () => {
    expect(portRangeOf('{{port}}', 22)).toBeUndefined();
  });
  it('includes its bounds', () => {
    const range = portRangeOf(20, 22)!;
    expect(rangeIncludes(range, 22)).toBe(true);
    expect(rangeIncludes(range, 23)).toBe(false);
    expect(describeRange(range)).toBe('20-22');
  });
});

describe('isWorldCidr', () => {
  it('matches every prefix-length-0 spelling and nothing else', () => {
    expect(isWorldCidr('0.0.0.0/0')).toBe(true);
    expect(isWorldCidr('::/0')).toBe(true);
    expect(isWorldCidr('0::/0')).toBe(true);
    expect(isWorldCidr('10.0.0.0/0')).toBe(true);
    expect(isWorldCidr('0.0.0.0/1')).toBe(false);
    expect(isWorldCidr('203.0.113.0/24')).toBe(false);
    expect(isWorldCidr(undefined)).toBe(false);
  });
});
