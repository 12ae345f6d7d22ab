/** IPv4 CIDR arithmetic: the subset of Terraform's cidrsubnet() and friends the config layer needs. */

export interface Cidr {
  readonly network: number; // unsigned 32-bit
  readonly prefix: number;
}

const CIDR_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parse "a.b.c.d/n". Returns an error text instead of throwing, so callers can build a ConfigIssue. */
export function parseCidr(text: string): Cidr | string {
  const m = CIDR_RE.exec(text);
  if (!m) return `must be an IPv4 CIDR block like 10.0.0.0/16`;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255)) return `octets must be 0-255`;
  if (prefix > 32) return `prefix length must be 0-32`;
  const address = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
  const network = (address & mask(prefix)) >>> 0;
  if (network !== address) return `host bits are set: the network address is ${formatCidr({ network, prefix })}`;
  return { network, prefix };
}

export function mustParseCidr(text: string): Cidr {
  const parsed = parseCidr(text);
  if (typeof parsed === "string") throw new Error(`invalid CIDR ${JSON.stringify(text)}: ${parsed}`);
  return parsed;
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function formatCidr(cidr: Cidr): string {
  const n = cidr.network;
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${cidr.prefix}`;
}

/** Terraform's cidrsubnet(prefix, newbits, netnum). Throws if netnum does not fit in newbits. */
export function cidrsubnet(base: string, newbits: number, netnum: number): string {
  const parent = mustParseCidr(base);
  const prefix = parent.prefix + newbits;
  if (prefix > 32) throw new RangeError(`cidrsubnet: ${base} + ${newbits} bits exceeds /32`);
  if (netnum < 0 || netnum >= 2 ** newbits) {
    throw new RangeError(`cidrsubnet: netnum ${netnum} does not fit in ${newbits} new bits of ${base} (max ${2 ** newbits - 1})`);
  }
  const network = (parent.network + netnum * 2 ** (32 - prefix)) >>> 0;
  return formatCidr({ network, prefix });
}

function range(c: Cidr): [number, number] {
  const size = 2 ** (32 - c.prefix);
  return [c.network, c.network + size - 1];
}

export function cidrContains(outer: string, inner: string): boolean {
  const [o0, o1] = range(mustParseCidr(outer));
  const [i0, i1] = range(mustParseCidr(inner));
  return i0 >= o0 && i1 <= o1;
}

export function cidrsOverlap(a: string, b: string): boolean {
  const [a0, a1] = range(mustParseCidr(a));
  const [b0, b1] = range(mustParseCidr(b));
  return a0 <= b1 && b0 <= a1;
}
