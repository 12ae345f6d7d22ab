/** Typed security group rules of the Docker host, checked before anything is synthesized. */

/** Where traffic comes from (ingress) or goes to (egress). */
export type Peer = { readonly cidrs: readonly string[] } | { readonly securityGroupId: string } | { readonly prefixListId: string };

export interface IngressRule {
  /** First port of the range. */
  readonly port: number;
  /** Last port of the range. @default port */
  readonly toPort?: number;
  /** @default "tcp" */
  readonly protocol?: "tcp" | "udp";
  readonly from: Peer;
  /** Why the port is open; every rule has one (it shows in the console and in reviews). */
  readonly description: string;
}

export interface EgressRule {
  /** "all" is every protocol and port (IpProtocol -1). */
  readonly protocol: "all" | "tcp" | "udp";
  /** Required for tcp/udp. */
  readonly port?: number;
  /** @default port */
  readonly toPort?: number;
  readonly to: Peer;
  readonly description: string;
}

/** Seed 001 phase 1: "Outbound All All 0.0.0.0/0 Internet access" (package installs, ECR, AWS APIs). */
export const DEFAULT_EGRESS: readonly EgressRule[] = [{ protocol: "all", to: { cidrs: ["0.0.0.0/0"] }, description: "Internet access" }];

const WORLD = new Set(["0.0.0.0/0", "::/0"]);
const ADMIN_PORTS = [22, 3389];
/** Ports that may be open to the world on a host that terminates web traffic itself (seed 001 phase 1 nginx). */
const WORLD_PORTS = new Set([80, 443]);

function covers(rule: { port: number; toPort?: number }, port: number): boolean {
  return rule.port <= port && port <= (rule.toPort ?? rule.port);
}

function checkPorts(port: number, toPort: number | undefined, where: string): void {
  const last = toPort ?? port;
  if (!Number.isInteger(port) || !Number.isInteger(last) || port < 0 || last > 65535 || last < port) {
    throw new RangeError(`${where}: port range ${port}-${last} is not a valid range within 0-65535`);
  }
}

/**
 * Validates the ingress rules: SSH/RDP never through `ingress` (only `sshAdminCidrs`), world-open
 * sources only on tcp 80/443, and admin CIDRs never the whole internet.
 */
export function validateIngress(ingress: readonly IngressRule[], sshAdminCidrs: readonly string[]): void {
  ingress.forEach((rule, i) => {
    const where = `DockerHost ingress[${i}] (${rule.description})`;
    checkPorts(rule.port, rule.toPort, where);
    if (rule.description.trim() === "") throw new RangeError(`DockerHost ingress[${i}]: description must not be empty`);
    const admin = ADMIN_PORTS.find((p) => covers(rule, p));
    if (admin !== undefined) {
      throw new RangeError(`${where}: covers admin port ${admin}; open SSH only through sshAdminCidrs (or use SSM Session Manager)`);
    }
    if ("cidrs" in rule.from) {
      if (rule.from.cidrs.length === 0) throw new RangeError(`${where}: cidrs must not be empty`);
      const world = rule.from.cidrs.find((c) => WORLD.has(c));
      const protocol = rule.protocol ?? "tcp";
      if (world !== undefined && !(protocol === "tcp" && (rule.toPort ?? rule.port) === rule.port && WORLD_PORTS.has(rule.port))) {
        throw new RangeError(`${where}: ${world} may only reach tcp 80 or 443`);
      }
    }
  });
  for (const cidr of sshAdminCidrs) {
    if (WORLD.has(cidr)) throw new RangeError(`DockerHost sshAdminCidrs: ${cidr} opens SSH to the internet; give the admin network's CIDR`);
  }
}

export function validateEgress(egress: readonly EgressRule[]): void {
  egress.forEach((rule, i) => {
    const where = `DockerHost egress[${i}] (${rule.description})`;
    if (rule.description.trim() === "") throw new RangeError(`DockerHost egress[${i}]: description must not be empty`);
    if (rule.protocol === "all") {
      if (rule.port !== undefined) throw new RangeError(`${where}: protocol "all" takes no port`);
    } else {
      if (rule.port === undefined) throw new RangeError(`${where}: protocol ${rule.protocol} needs a port`);
      checkPorts(rule.port, rule.toPort, where);
    }
  });
}
