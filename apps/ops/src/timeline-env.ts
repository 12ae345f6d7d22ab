import { WORKLOADS, timelineModules } from "@envs/envcommon";
import { env as prod } from "@envs/prod";
import { root } from "@envs/root";
import { type DeploymentConfig, type EnvConfig, onlyWorkloads } from "@infra/config";
import { type StackJson, resourcesOfType, synthEnvJson } from "@infra/workloads";

/**
 * The real env with only the timeline enabled: its own deployments, settings, waivers and regions,
 * so tests see exactly what the timeline synthesizes (and no other workload's work in progress).
 */
export function timelineOnly(env: EnvConfig): EnvConfig {
  return onlyWorkloads(env, ["timeline"]);
}

/** A timeline module of `timelineModules`, by name. */
export type TimelineModuleName = keyof typeof timelineModules;

/**
 * prod with only the timeline, and one timeline deployment's inputs overridden in a region, declared in
 * "test/timeline.ts" (so an error names that file).
 */
export function withTimelineOverride(module: TimelineModuleName, inputs: Record<string, unknown>, region = "us-east-1"): EnvConfig {
  const base = timelineOnly(prod);
  return {
    ...base,
    regions: base.regions.map((reg) =>
      reg.region !== region
        ? reg
        : {
            ...reg,
            deployments: reg.deployments.map((d): DeploymentConfig =>
              d.definition === timelineModules[module] ? { ...d, inputs: { ...(d.inputs as object), ...inputs }, source: "test/timeline.ts" } : d,
            ),
          },
    ),
  };
}

const synthesized = new Map<string, StackJson[]>();

/** The stacks of `env` with only the timeline enabled, synthesized once per env and worker. */
export function timelineStacksOf(env: EnvConfig): StackJson[] {
  if (!synthesized.has(env.name)) synthesized.set(env.name, synthEnvJson(timelineOnly(env), { root, workloads: WORKLOADS }));
  return synthesized.get(env.name)!;
}

/** The JSON of the timeline stack `<env>-<region>-timeline-<deployment>` (e.g. "compute-app"). */
export function timelineStack(env: EnvConfig, region: string, deployment: string): StackJson["json"] {
  const name = `${env.name}-${region}-timeline-${deployment}`;
  const found = timelineStacksOf(env).find((s) => s.stackName === name);
  if (!found) throw new Error(`no stack ${name}`);
  return found.json;
}

type Res = Record<string, unknown>;

/** Every resource of `type` in a stack's JSON. */
export const allOfType = (json: StackJson["json"], type: string): Res[] => Object.values(resourcesOfType(json, type));

/** The one resource of `type` that `match`es (fails unless exactly one does). */
export function oneOfType(json: StackJson["json"], type: string, match: (r: Res) => boolean = () => true): Res {
  const found = allOfType(json, type).filter(match);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0]!;
}
