/**
 * The configurations the preflight family is judged on besides the committed envs: every phase of
 * AccountabilityAtlas (the one-line `workloads.atlas.phase` change) and Aerologue with its ARC-012
 * global regions on. Issue 11 asks that none of them has an unwaived finding.
 */
import { AEROLOGUE_WAIVERS as W, aerologueModules as a } from "@envs/envcommon";
import { type DeploymentConfig, type EnvConfig, type RegionConfig, deploy, deploymentsFrom } from "@infra/config";
import { findEnv } from "./envs";

export interface EnvVariant {
  /** `prod`, `prod atlas phase 3`, `prod aerologue global`. */
  readonly label: string;
  readonly env: EnvConfig;
}

const phased = new WeakMap<EnvConfig, Map<number, EnvConfig>>();

/**
 * The env with the atlas phase set in env.ts (as a user rolls a phase out). Memoized: the same
 * object for the same env and phase, so tests share its synth (`envSynthOnce` keys by identity).
 */
export function withAtlasPhase(env: EnvConfig, phase: 1 | 2 | 3 | 4): EnvConfig {
  let byPhase = phased.get(env);
  if (!byPhase) phased.set(env, (byPhase = new Map()));
  let variant = byPhase.get(phase);
  if (!variant) byPhase.set(phase, (variant = { ...env, workloads: { ...env.workloads, atlas: { ...(env.workloads["atlas"] as object), phase } } }));
  return variant;
}

const SOURCE = "apps/ops/src/preflight-variants.ts";
const GLOBAL_CIDRS: Readonly<Record<string, string>> = { "eu-west-1": "10.1.0.0/16", "ap-southeast-1": "10.2.0.0/16" };

function secondaryDeployments(): DeploymentConfig[] {
  return deploymentsFrom(SOURCE, [
    deploy(a.vpc),
    deploy(a.auroraSecondary, { waivers: W.auroraSecondary }),
    deploy(a.cache, { inputs: { nodes: 2, automaticFailover: true } }),
    deploy(a.functions, { waivers: W.functions }),
    deploy(a.api, { waivers: W.api }),
  ]);
}

const globalVariants = new WeakMap<EnvConfig, EnvConfig>();

/**
 * Prod with Aerologue's ARC-012 global regions (eu-west-1, ap-southeast-1), which
 * apps/ops/src/workloads/aerologue/global.test.ts tests. Memoized like `withAtlasPhase`.
 */
export function withAerologueGlobal(prod: EnvConfig): EnvConfig {
  let variant = globalVariants.get(prod);
  if (!variant) globalVariants.set(prod, (variant = aerologueGlobal(prod)));
  return variant;
}

function aerologueGlobal(prod: EnvConfig): EnvConfig {
  const regions = Object.keys(GLOBAL_CIDRS);
  const withRegion = (existing: RegionConfig | undefined, region: string): RegionConfig => {
    const base: RegionConfig = existing ?? { region, role: "dr", azs: [`${region}a`, `${region}b`, `${region}c`], cidrs: {}, deployments: [], source: SOURCE };
    return { ...base, cidrs: { ...base.cidrs, aerologue: GLOBAL_CIDRS[region]! }, deployments: [...base.deployments, ...secondaryDeployments()] };
  };
  const withReplicaWaiver = (r: RegionConfig): RegionConfig => ({
    ...r,
    deployments: r.deployments.map((d) => (d.definition === a.storage ? { ...d, waivers: [...(d.waivers ?? []), ...W.storageReplicas] } : d)),
  });
  return {
    ...prod,
    workloads: { ...prod.workloads, aerologue: { ...(prod.workloads["aerologue"] as object), globalRegions: regions } },
    regions: [
      ...prod.regions.map((r) => (regions.includes(r.region) ? withRegion(r, r.region) : r.region === "us-east-1" ? withReplicaWaiver(r) : r)),
      ...regions.filter((g) => !prod.regions.some((r) => r.region === g)).map((g) => withRegion(undefined, g)),
    ],
  };
}

/** Every configuration preflight judges: the committed envs, then the variants. */
export function preflightVariants(): EnvVariant[] {
  const prod = findEnv("prod");
  const staging = findEnv("staging");
  return [
    ...["dev", "staging", "uat", "prod"].map((name) => ({ label: name, env: findEnv(name) })),
    ...([2, 3, 4] as const).map((p) => ({ label: `prod atlas phase ${p}`, env: withAtlasPhase(prod, p) })),
    ...([3, 4] as const).map((p) => ({ label: `staging atlas phase ${p}`, env: withAtlasPhase(staging, p) })),
    { label: "prod aerologue global", env: withAerologueGlobal(prod) },
  ];
}

/** Phase changes a user applies in order, as [label, before, after] labels of preflightVariants(). */
export const ATLAS_TRANSITIONS: readonly (readonly [string, string, string])[] = [
  ["prod atlas phase 1 → 2", "prod", "prod atlas phase 2"],
  ["prod atlas phase 2 → 3", "prod atlas phase 2", "prod atlas phase 3"],
  ["prod atlas phase 3 → 4", "prod atlas phase 3", "prod atlas phase 4"],
  ["staging atlas phase 3 → 4", "staging atlas phase 3", "staging atlas phase 4"],
];
