import { platformModules } from "@envs/envcommon";
import { type BadConfigCase, deploymentOf, env, withDeployment, withInputs, withWorkload } from "./variants";

const DEV = "environments/dev/env.ts";
const DEV_PLATFORM = "environments/dev/us-east-1/platform.ts";
const DEV_AEROLOGUE = "environments/dev/us-east-1/aerologue.ts";
const PROD_ATLAS = "environments/prod/us-east-1/atlas.ts";
const dev = () => env("dev");
const prod = () => env("prod");

/** Zones whose certificates validate through DNS: public names only, delegated from a zone they sit under (ADR 0014). */
export const DNS_CASES: readonly BadConfigCase[] = [
  {
    name: "a platform domain under a reserved domain (example.com never validates)",
    variant: () => withWorkload(dev(), "platform", { domain: "dev.platform.example.com", apexDomain: "platform.example.com" }),
    expect: { level: DEV, path: "workloads.platform.domain", value: '"dev.platform.example.com"', allowed: '"example.com" is a reserved domain' },
  },
  {
    name: "a platform domain outside its apex",
    variant: () => withWorkload(dev(), "platform", { domain: "dev.other-corp.com" }),
    expect: { level: DEV, path: "workloads.platform.domain", value: '"dev.other-corp.com"', allowed: "must be the apex acme-platform.com or a name under it" },
  },
  {
    name: "an atlas zone under a reserved TLD (.test)",
    variant: () => withInputs(prod(), "us-east-1", "atlas-dns/zone", { domain: "atlas.test" }),
    expect: { level: PROD_ATLAS, path: "us-east-1/atlas-dns/zone.inputs.domain", value: '"atlas.test"', allowed: '"test" is a reserved domain' },
  },
  {
    name: "a delegation from a zone the env zone does not sit under",
    variant: () => withInputs(dev(), "us-east-1", "dns/zone", { delegation: { kind: "external-zone", zone: "other-corp.com", env: "prod" } }),
    expect: {
      level: DEV_PLATFORM,
      path: "us-east-1/dns/zone.inputs.delegation.zone",
      value: '"other-corp.com"',
      allowed: "a zone that dev.acme-platform.com sits under, e.g. acme-platform.com",
    },
  },
  {
    name: "an external-zone delegation that names the env itself",
    variant: () => withInputs(dev(), "us-east-1", "dns/zone", { delegation: { kind: "external-zone", zone: "acme-platform.com", env: "dev" } }),
    expect: {
      level: DEV_PLATFORM,
      path: "us-east-1/dns/zone.inputs.delegation.env",
      value: '"dev"',
      allowed: 'a parent zone of this env is delegation { kind: "env-zone" }',
    },
  },
  {
    name: 'an "env-zone" delegation without a parent dependency',
    variant: () => withInputs(dev(), "us-east-1", "aerologue-edge/dns", { delegation: { kind: "env-zone" } }),
    expect: {
      level: DEV_AEROLOGUE,
      path: "us-east-1/aerologue-edge/dns.dependencies.parent",
      value: "undefined",
      allowed: 'delegation "env-zone" needs a "parent" dependency',
    },
  },
  {
    name: 'an "env-zone" delegation whose parent deployment is not a parent zone',
    variant: () =>
      withDeployment(dev(), "us-east-1", "aerologue-edge/dns", (d) => ({
        inputs: { ...(d.inputs as object), delegation: { kind: "env-zone" } },
        dependencies: { ...deploymentOf(dev(), "us-east-1", "aerologue-edge/dns").dependencies, parent: platformModules.zone },
      })),
    expect: {
      level: DEV_AEROLOGUE,
      path: "us-east-1/aerologue-edge/dns.dependencies.parent",
      value: '"us-east-1/dns/zone"',
      allowed: "a zone deployment whose zone dev.aerologue.app sits under (its zone: dev.acme-platform.com)",
    },
  },
];
