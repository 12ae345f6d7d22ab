import { aerologueModules, platformModules } from "@envs/envcommon";
import { deploy } from "@infra/config";
import {
  type BadConfigCase,
  FILES,
  addDeployments,
  deploymentOf,
  dev,
  env,
  prod,
  staging,
  withDeployment,
  withEnv,
  withRegion,
  withSettings,
  withWorkload,
} from "./variants";

const others = (name: string) => ["dev", "staging", "uat", "prod"].filter((n) => n !== name).map(env);

/** Names, the deployment graph, accounts, settings and waivers. */
export const STRUCTURE_CASES: readonly BadConfigCase[] = [
  // Unknown env, region, workload, deployment, dependency
  {
    name: "unknown env name",
    variant: () => withEnv(dev(), { name: "development" }),
    expect: { level: FILES.dev.env, path: "name", value: '"development"', allowed: 'must be one of "dev" | "staging" | "uat" | "prod"' },
  },
  {
    name: "unknown region",
    variant: () => withRegion(dev(), "us-east-1", { region: "us-east-7" }),
    expect: {
      level: FILES.dev.region,
      path: "region",
      value: '"us-east-7"',
      allowed: "unknown region; must be one of us-east-1 | us-east-2",
    },
  },
  {
    name: "unknown workload",
    variant: () => withEnv(dev(), { workloads: { ...dev().workloads, platfrom: {} } }),
    expect: { level: FILES.dev.env, path: "workloads.platfrom", value: '"platfrom"', allowed: "unknown workload; must be one of" },
  },
  {
    name: "a region overriding a workload the env does not enable",
    variant: () => withRegion(env("uat"), "us-east-1", { workloads: { aerologue: { logLevel: "debug" } } }),
    expect: {
      level: FILES.uat.region,
      path: "workloads.aerologue",
      value: '"aerologue"',
      allowed: "workload is not enabled in environments/uat/env.ts; enabled: account | platform",
    },
  },
  {
    name: "a deployment of a workload the env does not enable",
    variant: () => addDeployments(env("uat"), "us-east-1", { ...deploy(aerologueModules.kms), source: FILES.uat.aerologue }),
    expect: {
      level: FILES.uat.aerologue,
      path: `deployments[${env("uat").regions[0]!.deployments.length}] (aerologue-security/kms).workload`,
      value: '"aerologue"',
      allowed: "workload is not enabled",
    },
  },
  {
    name: "a module naming a builder no workload registers (unknown deployment kind)",
    variant: () =>
      addDeployments(dev(), "us-east-1", {
        ...deploy({ ...platformModules.zone, module: "zone-v2", builder: "platform/zone-v2" }),
        source: FILES.dev.platform,
      }),
    expect: {
      level: "environments/_envcommon/platform/dns/zone.ts",
      path: `deployments[${dev().regions[0]!.deployments.length}] (dns/zone-v2).builder`,
      value: '"platform/zone-v2"',
      allowed: "no workload registers this builder",
    },
  },
  {
    name: "a dependency on a module definition the env does not deploy (typed wiring, ADR 0120)",
    variant: () => withDeployment(dev(), "us-east-1", "ops/monitoring", (d) => ({ dependencies: { ...d.dependencies, peering: platformModules.vpcPeering } })),
    expect: {
      level: FILES.dev.platform,
      path: "us-east-1/ops/monitoring.dependencies.peering",
      value: '"us-east-1/network/vpc-peering"',
      allowed:
        "no such deployment in dev (the module of environments/_envcommon/platform/network/vpc-peering.ts is not deployed in us-east-1: deploy it there, or drop the dependency)",
    },
  },
  {
    name: "a dependency on another region's module the env does not deploy there",
    variant: () => withDeployment(dev(), "us-east-1", "data/rds", () => ({ dependencies: { primary: { module: platformModules.rds, region: "eu-west-1" } } })),
    expect: {
      level: FILES.dev.platform,
      path: "us-east-1/data/rds.dependencies.primary",
      value: '"eu-west-1/data/rds"',
      allowed: "is not deployed in eu-west-1",
    },
  },
  {
    name: "a dependency whose module is undefined (two module files import each other)",
    variant: () => withDeployment(dev(), "us-east-1", "ops/monitoring", (d) => ({ dependencies: { ...d.dependencies, rds: undefined as never } })),
    expect: {
      level: FILES.dev.platform,
      path: "us-east-1/ops/monitoring.dependencies.rds",
      value: "undefined",
      allowed: "write the dependency as a function, () => module",
    },
  },
  {
    name: "a dependency on a region the env does not deploy to",
    variant: () => withDeployment(dev(), "us-east-1", "data/rds", () => ({ dependencies: { primary: { module: platformModules.rds, region: "eu-west-1" } } })),
    expect: { level: FILES.dev.platform, path: "us-east-1/data/rds.dependencies.primary", value: '"eu-west-1/data/rds"', allowed: "no such deployment in dev" },
  },
  {
    name: "a peering without its required peer",
    variant: () => withDeployment(prod(), "us-east-1", "network/vpc-peering", () => ({ dependencies: {} })),
    expect: {
      level: FILES.prod.platform,
      path: "us-east-1/network/vpc-peering.dependencies.peer",
      value: "undefined",
      allowed: 'this module needs a "peer" dependency',
    },
  },
  // Cycles, duplicates
  {
    name: "a dependency cycle (kms → monitoring → kms)",
    variant: () => withDeployment(dev(), "us-east-1", "security/kms", () => ({ dependencies: { alerts: platformModules.monitoring } })),
    expect: {
      level: FILES.dev.platform,
      path: "dependencies",
      value: '"us-east-1/security/kms -> us-east-1/ops/monitoring -> us-east-1/security/kms"',
      allowed: "dependencies must not form a cycle",
    },
  },
  {
    name: "a two-stack cycle (vpc ↔ kms)",
    variant: () => withDeployment(dev(), "us-east-1", "security/kms", () => ({ dependencies: { vpc: platformModules.vpc } })),
    expect: {
      level: FILES.dev.platform,
      path: "dependencies",
      value: '"us-east-1/security/kms -> us-east-1/network/vpc -> us-east-1/security/kms"',
      allowed: "must not form a cycle",
    },
  },
  {
    name: "the same deployment twice: duplicate stack name",
    variant: () => addDeployments(dev(), "us-east-1", deploymentOf(dev(), "us-east-1", "data/rds")),
    expect: {
      level: FILES.dev.platform,
      path: `deployments[${dev().regions[0]!.deployments.length}] (data/rds)`,
      value: '"dev-us-east-1-data-rds"',
      allowed: "duplicate stack name; already used by the deployment declared in environments/dev/us-east-1/platform.ts",
    },
  },
  {
    name: "the same deployment twice: duplicate state key",
    variant: () => addDeployments(dev(), "us-east-1", deploymentOf(dev(), "us-east-1", "data/rds")),
    expect: {
      level: FILES.dev.platform,
      path: `deployments[${dev().regions[0]!.deployments.length}] (data/rds)`,
      value: '"dev/us-east-1/data/rds/terraform.tfstate"',
      allowed: "duplicate state key",
    },
  },
  {
    name: "the same region twice",
    variant: () => withEnv(prod(), { regions: [...prod().regions, prod().regions[1]!] }),
    expect: { level: "environments/prod/eu-west-1/region.ts", path: "region", value: '"eu-west-1"', allowed: "each region may appear once per env" },
  },
  {
    name: "two primary regions",
    variant: () => withRegion(prod(), "eu-west-1", { role: "primary" }),
    expect: { level: FILES.prod.env, path: "regions[].role", value: '["us-east-1","eu-west-1"]', allowed: 'exactly one region must have role "primary"' },
  },
  // Accounts
  {
    name: "account id with 11 digits",
    variant: () => withEnv(prod(), { accountId: "44444444444" }),
    expect: { level: FILES.prod.env, path: "accountId", value: '"44444444444"', allowed: "must be a 12-digit AWS account id (a string)" },
  },
  {
    name: "account id with a letter",
    variant: () => withEnv(dev(), { accountId: "11111111111O" }),
    expect: { level: FILES.dev.env, path: "accountId", value: '"11111111111O"', allowed: "must be a 12-digit AWS account id" },
  },
  {
    name: "staging in prod's account",
    variant: () => [...others("prod"), withEnv(prod(), {})].map((e) => (e.name === "staging" ? withEnv(e, { accountId: prod().accountId }) : e)),
    expect: {
      level: FILES.prod.env,
      path: "accountId",
      value: '"444444444444"',
      allowed: "every env needs its own AWS account; staging (environments/staging/env.ts) already uses it",
    },
  },
  {
    name: "uat in prod's account",
    variant: () => [...others("prod"), prod()].map((e) => (e.name === "uat" ? withEnv(e, { accountId: prod().accountId }) : e)),
    expect: { level: FILES.prod.env, path: "accountId", value: '"444444444444"', allowed: "uat (environments/uat/env.ts) already uses it" },
  },
  {
    name: "two envs with the same name",
    variant: () => [dev(), withEnv(staging(), { name: "dev" })],
    expect: { level: FILES.staging.env, path: "name", value: '"dev"', allowed: "env names must be unique; also declared in environments/dev/env.ts" },
  },
  // Settings, names, waivers
  {
    name: "cost allocation tag that is not kebab-case",
    variant: () => withEnv(prod(), { costAllocation: "Engineering Prod" }),
    expect: { level: FILES.prod.env, path: "costAllocation", value: '"Engineering Prod"', allowed: "must be lower-case kebab-case" },
  },
  {
    name: "a misspelt setting",
    variant: () => withSettings(dev(), { deletionProtecton: false }),
    expect: {
      level: FILES.dev.env,
      path: "settings.deletionProtecton",
      value: "false",
      allowed: 'unknown field(s) "deletionProtecton": remove or fix the spelling',
    },
  },
  {
    name: "an unknown NAT mode",
    variant: () => withSettings(dev(), { nat: { mode: "sometimes" } }),
    expect: { level: FILES.dev.env, path: "settings.nat.mode", value: '"sometimes"', allowed: 'must be one of "none" | "single" | "perAz"' },
  },
  {
    name: "a waiver without a reason",
    variant: () => withEnv(dev(), { waivers: [...(dev().waivers ?? []), { rule: "INF-S3-004", address: "aws_s3_bucket.*", reason: "because" }] }),
    expect: { level: FILES.dev.env, path: `waivers[${dev().waivers!.length}].reason`, value: '"because"', allowed: "a waiver needs a written reason" },
  },
  {
    name: "an env waiver naming a deployment id the env does not have (ADR 0120)",
    variant: () =>
      withEnv(dev(), {
        waivers: [
          ...(dev().waivers ?? []),
          { rule: "INF-RDS-005", deployments: ["us-east-1/data/rdss"], address: "aws_db_instance.*", reason: "seed 004: single AZ outside prod" },
        ],
      }),
    expect: {
      level: FILES.dev.env,
      path: `waivers[${dev().waivers!.length}].deployments[0]`,
      value: '"us-east-1/data/rdss"',
      allowed: "a deployment id of dev ({region}/{category}/{module}); deployments: us-east-1/account/foundation",
    },
  },
  {
    name: "an env waiver with a stack-name glob instead of deployment ids",
    variant: () =>
      withEnv(dev(), {
        waivers: [...(dev().waivers ?? []), { rule: "INF-RDS-005", address: "*-data-rds/aws_db_instance.*", reason: "seed 004: single AZ outside prod" }],
      }),
    expect: {
      level: FILES.dev.env,
      path: `waivers[${dev().waivers!.length}].address`,
      value: '"*-data-rds/aws_db_instance.*"',
      allowed: 'an env waiver names its deployments by id, deployments: ["us-east-1/network/vpc"]',
    },
  },
  {
    name: "a deployment's waiver naming deployments (it covers its own stack)",
    variant: () =>
      withDeployment(dev(), "us-east-1", "data/rds", () => ({
        waivers: [{ rule: "INF-RDS-005", deployments: ["us-east-1/data/rds"], address: "aws_db_instance.*", reason: "seed 004: single AZ outside prod" }],
      })),
    expect: {
      level: FILES.dev.platform,
      path: `deployments[${dev().regions[0]!.deployments.findIndex((d) => d.definition === platformModules.rds)}] (data/rds).waivers[0].deployments`,
      value: '["us-east-1/data/rds"]',
      allowed: "no deployments field: a module's or deployment's waiver covers its own deployment",
    },
  },
  {
    name: "a waiver with a malformed expiry date",
    variant: () =>
      withEnv(dev(), { waivers: [{ rule: "INF-S3-004", address: "aws_s3_bucket.*", reason: "seed 004 asks for it in dev", expires: "31/12/2026" }] }),
    expect: { level: FILES.dev.env, path: "waivers[0].expires", value: '"31/12/2026"', allowed: "must be a date YYYY-MM-DD" },
  },
  {
    name: "a platform domain that is not a DNS name",
    variant: () => withWorkload(dev(), "platform", { domain: "dev_platform" }),
    expect: {
      level: FILES.dev.env,
      path: "workloads.platform.domain",
      value: '"dev_platform"',
      allowed: "must be a lower-case domain name, e.g. app.example-corp.com",
    },
  },
];
