import { ACCOUNT_CASES } from "./account.cases";
import { ATLAS_CASES } from "./atlas.cases";
import { DATA_CASES } from "./data.cases";
import { DNS_CASES } from "./dns.cases";
import { NETWORK_CASES } from "./network.cases";
import { OPS_CASES } from "./ops.cases";
import { SERVICES_CASES } from "./services.cases";
import { STRUCTURE_CASES } from "./structure.cases";
import type { BadConfigCase } from "./variants";

/** One `*.cases.ts` table: what its cases are about (the generated page's heading) and the cases. */
export interface BadConfigTopic {
  readonly title: string;
  readonly file: string;
  readonly cases: readonly BadConfigCase[];
}

/**
 * Every table of the suite, in the order docs/generated/bad-config.md lists them. A new `*.cases.ts` is added here
 * (and gets its `*.test.ts`): `topics.test.ts` fails on a table that is missing.
 */
export const TOPICS: readonly BadConfigTopic[] = [
  { title: "Network: CIDRs, subnets, peering, AZs", file: "network.cases.ts", cases: NETWORK_CASES },
  { title: "Structure: envs, regions, workloads, deployments, dependencies, accounts, settings, waivers", file: "structure.cases.ts", cases: STRUCTURE_CASES },
  { title: "Data: RDS, Aurora Serverless v2, DynamoDB, ElastiCache, analytics", file: "data.cases.ts", cases: DATA_CASES },
  { title: "Ops: Lambda, schedules, log retention, alarms, ECS", file: "ops.cases.ts", cases: OPS_CASES },
  { title: "DNS: reserved domains, zone delegation", file: "dns.cases.ts", cases: DNS_CASES },
  { title: "Account: audit trail and human roles", file: "account.cases.ts", cases: ACCOUNT_CASES },
  { title: "AccountabilityAtlas: deploy role and SMS alarms", file: "atlas.cases.ts", cases: ATLAS_CASES },
  { title: "AccountabilityAtlas services: telemetry collector, pinned images", file: "services.cases.ts", cases: SERVICES_CASES },
];

export const ALL_CASES: readonly BadConfigCase[] = TOPICS.flatMap((t) => t.cases);
