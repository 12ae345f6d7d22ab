import { AEROLOGUE_WAIVERS as W, aerologueModules as a } from "@envs/envcommon";
import { env as prod } from "@envs/prod";
import { env as staging } from "@envs/staging";
import { type EnvConfig, type RegionConfig, deploy, deploymentsFrom } from "@infra/config";
import { ENVS } from "./envs";

/**
 * The configurations an env can be in besides the committed one, for tests that must hold in all
 * of them: AccountabilityAtlas at each phase (the one-line change in _envcommon/atlas/workload.ts
 * or env.ts), and Aerologue with its ARC-012 global regions on. Test-only variants of the real config.
 */
const SOURCE = "apps/ops/src/env-variants.ts";

/** The env with `workloads.atlas.phase` set. */
export function atlasAtPhase(env: EnvConfig, phase: 1 | 2 | 3 | 4): EnvConfig {
  return { ...env, workloads: { ...env.workloads, atlas: { ...(env.workloads["atlas"] as object), phase } } };
}

const GLOBAL = ["eu-west-1", "ap-southeast-1"] as const;
const CIDRS: Record<string, string> = { "eu-west-1": "10.1.0.0/16", "ap-southeast-1": "10.2.0.0/16" };

/** prod with Aerologue's global regions (eu-west-1, ap-southeast-1), as apps/ops/src/workloads/aerologue/global.test.ts builds it. */
export function aerologueGlobal(): EnvConfig {
  const secondary = () =>
    deploymentsFrom(SOURCE, [
      deploy(a.vpc),
      deploy(a.auroraSecondary, { waivers: W.auroraSecondary }),
      deploy(a.cache, { inputs: { nodes: 2, automaticFailover: true } }),
      deploy(a.functions, { waivers: W.functions }),
      deploy(a.api, { waivers: W.api }),
    ]);
  const withRegion = (existing: RegionConfig | undefined, region: string): RegionConfig => {
    const base: RegionConfig = existing ?? { region, role: "dr", azs: [`${region}a`, `${region}b`, `${region}c`], cidrs: {}, deployments: [], source: SOURCE };
    return { ...base, cidrs: { ...base.cidrs, aerologue: CIDRS[region]! }, deployments: [...base.deployments, ...secondary()] };
  };
  return {
    ...prod,
    workloads: { ...prod.workloads, aerologue: { ...(prod.workloads["aerologue"] as object), globalRegions: [...GLOBAL] } },
    regions: [
      ...prod.regions.map((r) =>
        r.region === "eu-west-1"
          ? withRegion(r, r.region)
          : r.region === "us-east-1"
            ? {
                ...r,
                deployments: r.deployments.map((d) => (d.definition === a.storage ? { ...d, waivers: [...(d.waivers ?? []), ...W.storageReplicas] } : d)),
              }
            : r,
      ),
      ...GLOBAL.filter((g) => !prod.regions.some((r) => r.region === g)).map((g) => withRegion(undefined, g)),
    ],
  };
}

/** Every committed env plus the variants above, by label. */
export function allEnvVariants(): { readonly label: string; readonly env: EnvConfig }[] {
  return [
    ...ENVS.map((env) => ({ label: env.name, env })),
    ...([2, 3, 4] as const).map((phase) => ({ label: `prod, atlas phase ${phase}`, env: atlasAtPhase(prod, phase) })),
    ...([3, 4] as const).map((phase) => ({ label: `staging, atlas phase ${phase}`, env: atlasAtPhase(staging, phase) })),
    { label: "prod, Aerologue global regions", env: aerologueGlobal() },
  ];
}
