import { ConfigError, type EnvConfig } from "@infra/config";
import type { PolicyReport } from "@infra/policy";
import { checkBinaryVersionsOncePerProcess, skipTokenCreationStacks } from "@infra/core";
import { writePrerequisitesFile } from "./prerequisites-file";
import { prunedMessage, pruneStaleStacks } from "./prune";
import { type SynthEnvOptions, buildEnv } from "./synth-env";

/** cdktf's message when a construct validation (the policy pack, preflight) or an App-level one (env preflight) fails. */
const VALIDATION_FAILED = /^(App-level )?[Vv]alidation failed with the following errors:/;

/**
 * Entry point of an env app: synthesize, or print a configuration error or the policy violations
 * without a stack trace and exit non-zero.
 */
export function runEnvApp(env: EnvConfig, options: SynthEnvOptions): void {
  skipTokenCreationStacks();
  checkBinaryVersionsOncePerProcess();
  try {
    let preflightFailed = 0;
    const onReport = (r: PolicyReport) => {
      preflightFailed += r.results.filter((x) => x.status === "failed").length;
      options.preflight?.onReport?.(r);
    };
    const { app, resolved } = buildEnv(env, { ...options, preflight: { ...options.preflight, onReport } });
    app.synth();
    writePrerequisitesFile(options.outdir, app, resolved);
    for (const p of pruneStaleStacks(
      options.outdir,
      resolved.deployments.map((d) => d.stackName),
    ))
      process.stderr.write(`${prunedMessage(p)}\n`);
    process.stdout.write(`${resolved.name}: synthesized ${resolved.deployments.length} stacks\n`);
    // Report mode lets synth pass; say so, so the findings are not silent (npm run policy lists them).
    if (preflightFailed > 0)
      process.stdout.write(`${resolved.name}: ${preflightFailed} preflight findings (report mode): npm run policy -- --env ${resolved.name}\n`);
  } catch (error) {
    const message = userFacingError(error);
    if (message === undefined) throw error;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}

/** The message to show for a user mistake (bad config, unwaived policy violation), or undefined for a bug. */
export function userFacingError(error: unknown): string | undefined {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof Error && VALIDATION_FAILED.test(error.message)) {
    return error.message.replace(/\n\nIf you wish to ignore these validations.*$/s, "").replace(/\nValidations allow for dynamic verification.*$/s, "");
  }
  return undefined;
}
