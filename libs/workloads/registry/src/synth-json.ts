import type { EnvConfig } from "@infra/config";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type SynthEnvOptions, buildEnv } from "./synth-env";

export interface StackJson {
  readonly stackName: string;
  readonly deploymentId: string;
  readonly json: TerraformJson;
}

export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly provider?: Record<string, unknown[]>;
  readonly terraform?: Record<string, unknown>;
  readonly output?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

/**
 * Every stack of an env as parsed Terraform JSON, in deploy order: a real `app.synth()` into a
 * temporary directory (so cross-stack references become remote state, as in cdktf.out), read back.
 * Used by tests, the policy report and the graph.
 */
export function synthEnvJson(env: EnvConfig, options: Omit<SynthEnvOptions, "outdir">): StackJson[] {
  const outdir = mkdtempSync(join(tmpdir(), `synth-${env.name}-`));
  try {
    const built = buildEnv(env, { ...options, outdir });
    built.app.synth();
    return built.resolved.deployments.map((d) => ({
      stackName: d.stackName,
      deploymentId: d.id,
      json: JSON.parse(readFileSync(join(outdir, "stacks", d.stackName, "cdk.tf.json"), "utf8")) as TerraformJson,
    }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** `type.name` addresses of every resource and data source of a stack, sorted. */
export function resourceAddresses(json: TerraformJson): string[] {
  const out: string[] = [];
  for (const [kind, prefix] of [
    ["resource", ""],
    ["data", "data."],
  ] as const) {
    for (const [type, byName] of Object.entries(json[kind] ?? {})) {
      for (const name of Object.keys(byName)) out.push(`${prefix}${type}.${name}`);
    }
  }
  return out.sort();
}

/** All resources of one type in a stack, by name. */
export function resourcesOfType(json: TerraformJson, type: string): Record<string, Record<string, unknown>> {
  return json.resource?.[type] ?? {};
}
