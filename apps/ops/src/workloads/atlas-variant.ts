import { platformModules } from "@envs/envcommon";
import { type EnvConfig, onlyWorkloads } from "@infra/config";

const variants = new Map<EnvConfig, Map<number | undefined, EnvConfig>>();

/**
 * Test-only env variants: the real env config, with only AccountabilityAtlas's deployments (other
 * workloads are tested by their owners) and, optionally, another phase — the one-line change.
 * Memoized per (env, phase): synthEnvOnce caches by object identity, so every test file of a worker
 * that asks for the same variant shares one synth.
 */
export function atlasOnly(env: EnvConfig, phase?: 1 | 2 | 3 | 4): EnvConfig {
  let byPhase = variants.get(env);
  if (!byPhase) variants.set(env, (byPhase = new Map()));
  let variant = byPhase.get(phase);
  if (!variant) byPhase.set(phase, (variant = build(env, phase)));
  return variant;
}

function build(env: EnvConfig, phase: 1 | 2 | 3 | 4 | undefined): EnvConfig {
  // The app deploy role trusts the account's GitHub OIDC provider, owned by the platform's security/ci-access;
  // the account foundation owns the singletons the workload needs (SNS SMS settings, ECR replication to its DR copy).
  const only = onlyWorkloads(env, ["atlas"], { alsoKeep: (d) => d.definition === platformModules.ciAccess || d.definition.workload === "account" });
  const atlas = env.workloads["atlas"] as object;
  return { ...only, workloads: { ...only.workloads, atlas: phase === undefined ? atlas : { ...atlas, phase } } };
}
