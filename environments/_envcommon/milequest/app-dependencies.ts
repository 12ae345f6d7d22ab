import type { Dependency } from "@infra/config";
import { aurora } from "./data/aurora";
import { cache } from "./data/cache";
import { dynamodb } from "./data/dynamodb";
import { s3 } from "./data/s3";
import { messaging } from "./integration/messaging";
import { vpc } from "./network/vpc";
import { cognito } from "./security/cognito";
import { kms } from "./security/kms";
import { secrets } from "./security/secrets";

/**
 * Dependencies of every function stack. Identity, secrets, tables and DNS live in (or replicate from) the
 * primary region.
 * Its own file, not common.ts: every module file imports common.ts, so module imports there would
 * form cycles.
 */
export const APP_DEPENDENCIES: Record<string, Dependency> = {
  vpc,
  kms,
  aurora,
  s3,
  messaging,
  dynamodb: { module: dynamodb, region: "primary" },
  cognito: { module: cognito, region: "primary" },
  secrets: { module: secrets, region: "primary" },
};

/** Added by deployments in regions that run the Redis cache (not the DR standby). */
export const WITH_CACHE: Record<string, Dependency> = { cache };
