import { platformModules } from "@envs/envcommon";
import { type BadConfigCase, FILES, deploymentOf, dev, inputCase, prod, withDeployment, withInputs, withWorkload } from "./variants";

/** Zones whose certificates validate through DNS: public names only, delegated from a zone they sit under (ADR 0014). */
export const DNS_CASES: readonly BadConfigCase[] = [
  {
    name: "a platform domain under a reserved domain (example.com never validates)",
    variant: () => withWorkload(dev(), "platform", { domain: "dev.platform.example.com", apexDomain: "platform.example.com" }),
    expect: { level: FILES.dev.env, path: "workloads.platform.domain", value: '"dev.platform.example.com"', allowed: '"example.com" is a reserved domain' },
  },
  {
    name: "a platform domain outside its apex",
    variant: () => withWorkload(dev(), "platform", { domain: "dev.other-corp.com" }),
    expect: {
      level: FILES.dev.env,
      path: "workloads.platform.domain",
      value: '"dev.other-corp.com"',
      allowed: "must be the apex acme-platform.com or a name under it",
    },
  },
  inputCase("an atlas zone under a reserved TLD (.test)", prod, "atlas-dns/zone", { domain: "atlas.test" }, FILES.prod.atlas, '"test" is a reserved domain'),
  inputCase(
    "a delegation from a zone the env zone does not sit under",
    dev,
    "dns/zone",
    { delegation: { kind: "external-zone", zone: "other-corp.com", env: "prod" } },
    FILES.dev.platform,
    "a zone that dev.acme-platform.com sits under, e.g. acme-platform.com",
    { at: "delegation.zone" },
  ),
  inputCase(
    "an external-zone delegation that names the env itself",
    dev,
    "dns/zone",
    { delegation: { kind: "external-zone", zone: "acme-platform.com", env: "dev" } },
    FILES.dev.platform,
    'a parent zone of this env is delegation { kind: "env-zone" }',
    { at: "delegation.env" },
  ),
  {
    name: 'an "env-zone" delegation without a parent dependency',
    variant: () => withInputs(dev(), "us-east-1", "aerologue-edge/dns", { delegation: { kind: "env-zone" } }),
    expect: {
      level: FILES.dev.aerologue,
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
      level: FILES.dev.aerologue,
      path: "us-east-1/aerologue-edge/dns.dependencies.parent",
      value: '"us-east-1/dns/zone"',
      allowed: "a zone deployment whose zone dev.aerologue.app sits under (its zone: dev.acme-platform.com)",
    },
  },
];
