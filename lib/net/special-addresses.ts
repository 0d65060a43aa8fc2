/**
 * Which IP addresses an outbound fetch for an untrusted URL must never reach: every special-use
 * range of RFC 6890 (and its updates), so a URL chosen by a stranger cannot make this server call
 * itself, its neighbours or the cloud metadata service (draft-ietf-oauth-client-id-metadata-document
 * §8.6). IPv4 addresses hidden inside IPv6 forms (IPv4-mapped, NAT64) are checked as IPv4.
 *
 * IPv6 is an allow-list: only global unicast 2000::/3 (RFC 4291 §2.4), minus its special blocks,
 * can pass; everything else (loopback, unspecified, fc00::/7, fe80::/10, ff00::/8, …) is refused.
 *
 * Plain TypeScript with no Node built-ins: registration rules in lib/validation (which the portal
 * forms also run in the browser) check address literals with it too.
 */

type Range4 = { base: number; bits: number; name: string };

const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

const v4 = (cidr: string, name: string): Range4 => {
  const [address, bits] = cidr.split('/');
  return { base: ipv4ToNumber(address!)!, bits: Number(bits), name };
};

/** RFC 6890 §2.2.2 (IPv4 special-purpose registry) and RFC 6598 (shared address space). */
const IPV4_SPECIAL: Range4[] = [
  v4('0.0.0.0/8', '"this network" (0.0.0.0/8)'),
  v4('10.0.0.0/8', 'private (10.0.0.0/8, RFC 1918)'),
  v4('100.64.0.0/10', 'carrier-grade NAT (100.64.0.0/10, RFC 6598)'),
  v4('127.0.0.0/8', 'loopback (127.0.0.0/8)'),
  v4('169.254.0.0/16', 'link-local (169.254.0.0/16, incl. cloud metadata 169.254.169.254)'),
  v4('172.16.0.0/12', 'private (172.16.0.0/12, RFC 1918)'),
  v4('192.0.0.0/24', 'IETF protocol assignments (192.0.0.0/24)'),
  v4('192.0.2.0/24', 'documentation (192.0.2.0/24)'),
  v4('192.88.99.0/24', '6to4 relay anycast (192.88.99.0/24)'),
  v4('192.168.0.0/16', 'private (192.168.0.0/16, RFC 1918)'),
  v4('198.18.0.0/15', 'benchmarking (198.18.0.0/15)'),
  v4('198.51.100.0/24', 'documentation (198.51.100.0/24)'),
  v4('203.0.113.0/24', 'documentation (203.0.113.0/24)'),
  v4('224.0.0.0/4', 'multicast (224.0.0.0/4)'),
  v4('240.0.0.0/4', 'reserved (240.0.0.0/4, incl. broadcast)'),
];

/** Why `ip` (an IPv4 or IPv6 literal, without brackets) must not be fetched, or null when it may be. */
export function specialAddress(ip: string): string | null {
  const n = ipv4ToNumber(ip);
  if (n !== null) return special4(n);
  const groups = ipv6Groups(ip);
  if (!groups) return 'not an IP address';
  return special6(groups);
}

function special4(n: number): string | null {
  for (const r of IPV4_SPECIAL) {
    const mask = r.bits === 0 ? 0 : (0xffffffff << (32 - r.bits)) >>> 0;
    if ((n & mask) >>> 0 === (r.base & mask) >>> 0) return r.name;
  }
  return null;
}

function special6(g: number[]): string | null {
  const embedded = ((g[6]! << 16) | g[7]!) >>> 0;
  const zeros = (n: number) => g.slice(0, n).every((x) => x === 0);
  // RFC 4291 §2.5.5.2: ::ffff:a.b.c.d is the IPv4 host a.b.c.d.
  if (zeros(5) && g[5] === 0xffff) return withForm(special4(embedded), 'IPv4-mapped');
  // RFC 6052 §2.1: 64:ff9b::/96 reaches a.b.c.d through NAT64 (IPv6-only networks with DNS64).
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return withForm(special4(embedded), 'NAT64');
  if (zeros(7) && g[7] === 1) return 'loopback (::1)';
  if (zeros(8)) return 'unspecified (::)';
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique local (fc00::/7)';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  if ((g[0]! & 0xe000) !== 0x2000) return 'not global unicast (outside 2000::/3)';
  // RFC 6890 §2.2.3 blocks inside 2000::/3.
  if (g[0] === 0x2001 && g[1]! < 0x200) return 'IETF protocol assignments (2001::/23, incl. Teredo)';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'documentation (2001:db8::/32)';
  if (g[0] === 0x2002) return '6to4 (2002::/16)';
  if (g[0] === 0x3fff && g[1]! < 0x1000) return 'documentation (3fff::/20)';
  return null;
}

const withForm = (problem: string | null, form: string) => (problem ? `${form} ${problem}` : null);

/** A dotted-quad IPv4 address as a number (no leading zeros, no shorthand forms), else null. */
function ipv4ToNumber(ip: string): number | null {
  if (!DOTTED_QUAD.test(ip)) return null;
  const parts = ip.split('.').map(Number);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/** The eight 16-bit groups of an IPv6 literal (zone index dropped, trailing dotted quad allowed). */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.split('%')[0]!.toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const n = ipv4ToNumber(quad[1]!);
    if (n === null) return null;
    text = `${text.slice(0, -quad[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail, extra] = text.split('::');
  if (extra !== undefined) return null;
  const part = (s: string | undefined) => (s ? s.split(':').map((x) => (/^[0-9a-f]{1,4}$/.test(x) ? parseInt(x, 16) : NaN)) : []);
  const left = part(head);
  const right = part(tail);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<number>(Math.max(fill, 0)).fill(0), ...right];
  return groups.length === 8 && groups.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff) ? groups : null;
}
