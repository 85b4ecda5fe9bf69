/**
 * Security-group rule arithmetic: protocols, port ranges and "the whole internet".
 *
 * EC2 semantics relied on (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html):
 * - `IpProtocol` is `-1` (all traffic, every port), a name (`tcp`, `udp`, `icmp`, `icmpv6`) or a protocol number
 *   (`6` = tcp, `17` = udp, `1` = icmp, `58` = icmpv6). Any other protocol has no ports: it is neither tcp nor udp.
 * - For tcp/udp, `FromPort`..`ToPort` is an inclusive range; `-1`, or no ports at all, means every port.
 * - A CIDR with prefix length 0 (`0.0.0.0/0`, `::/0`, and non-canonical spellings such as `10.0.0.0/0`) is every
 *   address.
 */
import { asInt } from './settings.js';

export type Protocol = 'all' | 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'other';

export function protocolOf(value: unknown): Protocol | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  switch (text) {
    case undefined:
      return undefined;
    case '-1':
    case 'all':
      return 'all';
    case 'tcp':
    case '6':
      return 'tcp';
    case 'udp':
    case '17':
      return 'udp';
    case 'icmp':
    case '1':
      return 'icmp';
    case 'icmpv6':
    case '58':
      return 'icmpv6';
    default:
      return /^\d+$/.test(text) ? 'other' : undefined;
  }
}

export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

/** The tcp/udp ports a rule opens; undefined when the ports cannot be read (an unresolved template value). */
export function portRangeOf(fromPort: unknown, toPort: unknown): PortRange | undefined {
  if (fromPort === undefined && toPort === undefined) return ALL_PORTS;
  const from = asInt(fromPort);
  const to = asInt(toPort ?? fromPort);
  if (from === undefined || to === undefined) return undefined;
  if (from === -1 || to === -1) return ALL_PORTS;
  return { from: Math.max(0, Math.min(from, to)), to: Math.min(65535, Math.max(from, to)) };
}

export function rangeIncludes(range: PortRange, port: number): boolean {
  return range.from <= port && port <= range.to;
}

/** `22`, `0-65535`, or `all` for the readers of a message. */
export function describeRange(range: PortRange): string {
  if (range.from === 0 && range.to === 65535) return 'all ports';
  return range.from === range.to ? String(range.from) : `${range.from}-${range.to}`;
}

/** Whether a CIDR block is the whole IPv4 or IPv6 internet (prefix length 0). */
export function isWorldCidr(cidr: unknown): boolean {
  if (typeof cidr !== 'string') return false;
  const match = /^\s*([0-9a-fA-F:.]+)\/0+\s*$/.exec(cidr);
  return match !== null;
}

/** A short label for a CIDR (`0.0.0.0/0`, `::/0`) in messages. */
export function worldLabel(cidr: string): string {
  return cidr.includes(':') ? '::/0' : '0.0.0.0/0';
}
