import type { EnvConfig } from "@infra/config";
import { env as dev } from "@envs/dev";
import { env as prod } from "@envs/prod";
import { env as staging } from "@envs/staging";
import { env as uat } from "@envs/uat";

/** Every env, in promotion order (dev → staging → uat → prod). Only tools that need all envs import this. */
export const ENVS: readonly EnvConfig[] = [dev, staging, uat, prod];

export function findEnv(name: string): EnvConfig {
  const env = ENVS.find((e) => e.name === name);
  if (!env) throw new UsageError(`unknown env ${JSON.stringify(name)}; must be one of ${ENVS.map((e) => e.name).join(" | ")}`);
  return env;
}

/** A mistake on the command line: printed without a stack trace. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
