import { ConfigError, type EnvConfig } from "@infra/config";
import { type SynthEnvOptions, buildEnv } from "./synth-env";

/**
 * Entry point of an env app: synthesize, or print a configuration error without a stack trace
 * and exit non-zero.
 */
export function runEnvApp(env: EnvConfig, options: SynthEnvOptions): void {
  try {
    const { app, resolved } = buildEnv(env, options);
    app.synth();
    process.stdout.write(`${resolved.name}: synthesized ${resolved.deployments.length} stacks to ${options.outdir}\n`);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
