import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { ProxyError } from './errors.ts';

/** Address ranges a fetch may reach without explicit permission: only public unicast. */
const PUBLIC_RANGES = new Set(['unicast']);

export interface AddressPolicy {
  /** CIDR blocks or single addresses allowed even though private (e.g. "127.0.0.1/32"). */
  readonly allow: readonly string[];
}

function parseAllow(allow: readonly string[]): [ipaddr.IPv4 | ipaddr.IPv6, number][] {
  return allow.map((entry) =>
    entry.includes('/')
      ? ipaddr.parseCIDR(entry)
      : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === 'ipv4' ? 32 : 128],
  );
}

/**
 * Reads any literal IPv4 form a resolver would accept — dotted, decimal (2130706433), octal
 * (0177.0.0.1), hex (0x7f.1), short (127.1) — and IPv6, mapping IPv4-in-IPv6 to IPv4.
 * Returns null for a host name.
 */
export function literalAddress(host: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = host.replace(/^\[|\]$/g, '');
  let address: ipaddr.IPv4 | ipaddr.IPv6 | null = null;
  if (ipaddr.IPv6.isValid(bare)) address = ipaddr.IPv6.parse(bare);
  else if (/^[0-9a-fx.]+$/i.test(bare) && ipaddr.IPv4.isValid(bare))
    address = ipaddr.IPv4.parse(bare);
  if (address?.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  return address;
}

/** Throws unless the address is public or explicitly allowed. */
export function assertAllowed(
  address: ipaddr.IPv4 | ipaddr.IPv6,
  policy: AddressPolicy,
  what: string,
): void {
  let addr = address;
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress())
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  // IPv4-compatible IPv6 (::a.b.c.d, deprecated) reaches IPv4 hosts on some stacks: never public.
  if (addr.kind() === 'ipv6' && addr.match(ipaddr.IPv6.parse('::'), 96)) {
    throw new ProxyError(
      'blocked-address',
      `${what} is an IPv4-compatible IPv6 address (${addr.toString()}), which the proxy will not contact.`,
    );
  }
  for (const [range, bits] of parseAllow(policy.allow)) {
    if (range.kind() === addr.kind() && addr.match(range, bits)) return;
  }
  if (PUBLIC_RANGES.has(addr.range())) return;
  throw new ProxyError(
    'blocked-address',
    `${what} resolves to ${addr.toString()} (${addr.range()}), a private or reserved address the proxy will not contact.`,
  );
}

/**
 * Resolves a host to one address that passes the policy, checking every address the name
 * resolves to (so a name mixing public and private answers is refused). The caller connects
 * to the returned address, so DNS cannot change between the check and the connection.
 */
export async function resolveAllowed(host: string, policy: AddressPolicy): Promise<string> {
  const literal = literalAddress(host);
  if (literal) {
    assertAllowed(literal, policy, host);
    return literal.toString();
  }
  let answers: { address: string }[];
  try {
    answers = await dnsLookup(host, { all: true, verbatim: true });
  } catch {
    throw new ProxyError('upstream-failed', `The host "${host}" could not be found.`);
  }
  if (answers.length === 0)
    throw new ProxyError('upstream-failed', `The host "${host}" could not be found.`);
  for (const { address } of answers) assertAllowed(ipaddr.parse(address), policy, host);
  return answers[0]!.address;
}
