import { natMode } from "@infra/config";
import { SUBNET_TIERS, subnetLayoutIssues } from "@infra/workload-shared-inputs";
import { z } from "zod";
import { dnsName, namePrefix, port, retentionDays } from "./common";

const offsets = z.array(z.number().int().min(0)).max(6);

/**
 * Inputs of timeline-network/vpc: seed 002's VPC architecture. Public subnets (load balancers, NAT),
 * private subnets (application servers) and database subnets (RDS, Redis) over at least two AZs, a
 * network ACL per tier with explicit numbered rules, security groups, VPC flow logs, and the
 * private DNS zone the application resolves its data endpoints in.
 */
export const timelineNetworkInputs = z
  .object({
    name: namePrefix,
    cidr: z.string(),
    azs: z.array(z.string()).min(2, { message: "seed 002 asks for at least 2 availability zones for high availability" }),
    subnetNewBits: z.number().int().min(1).max(12),
    subnetOffsets: z.object({ public: offsets, private: offsets, database: offsets }).strict(),
    nat: natMode,
    /** Seed 002 security considerations: "VPC Flow Logs for network monitoring". */
    flowLogs: z.object({ enabled: z.boolean(), retentionDays }).strict(),
    /** Ports the network ACLs and security groups open between tiers. */
    ports: z.object({ app: port, database: port, cache: port }).strict(),
    /**
     * The private hosted zone "<env>.<internalDomain>" (primary region only); DR regions associate
     * their VPC with it through a "dr" dependency of the primary network.
     */
    privateZone: z.discriminatedUnion("create", [
      z.object({ create: z.literal(true), name: dnsName }).strict(),
      z.object({ create: z.literal(false) }).strict(),
    ]),
  })
  .strict()
  .superRefine((v, ctx) => {
    for (const tier of SUBNET_TIERS) {
      const list = v.subnetOffsets[tier];
      if (list.length < 2) {
        ctx.addIssue({
          code: "custom",
          path: ["subnetOffsets", tier],
          message: `seed 002 needs ${tier} subnets in at least 2 availability zones; got ${list.length}`,
        });
      }
    }
    for (const issue of subnetLayoutIssues(v)) ctx.addIssue({ code: "custom", ...issue });
    const ports = Object.entries(v.ports);
    const dupPort = ports.find(([, p], i) => ports.findIndex(([, q]) => q === p) !== i);
    if (dupPort)
      ctx.addIssue({ code: "custom", path: ["ports", dupPort[0]], message: `port ${dupPort[1]} is used by two tiers; the ACL rules would be ambiguous` });
  });
export type TimelineNetworkInputs = z.infer<typeof timelineNetworkInputs>;
