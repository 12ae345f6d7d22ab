import type { WorkloadOverrides } from "@infra/config";
import { AEROLOGUE_WAIVERS } from "./waivers";
import { aerologue } from "./workload";
import { cognito } from "./auth/cognito";
import { api } from "./compute/api";
import { functions } from "./compute/functions";
import { aurora, auroraSecondary } from "./data/aurora";
import { cache } from "./data/cache";
import { dynamodb } from "./data/dynamodb";
import { storage } from "./data/storage";
import { timestream } from "./data/timestream";
import { cdn } from "./edge/cdn";
import { dns } from "./edge/dns";
import { vpc } from "./network/vpc";
import { monitoring } from "./ops/monitoring";
import { kms } from "./security/kms";
import { secrets } from "./security/secrets";

export { aerologue };
export { AEROLOGUE_FUNCTIONS } from "./compute/functions";
export { AEROLOGUE_TABLES } from "./data/dynamodb";

/** Aerologue's modules (seed 000). */
export const aerologueModules = {
  kms,
  secrets,
  vpc,
  dynamodb,
  aurora,
  auroraSecondary,
  cache,
  storage,
  timestream,
  functions,
  cognito,
  api,
  dns,
  cdn,
  monitoring,
};

/** The deployments of the primary region (us-east-1), in every env. */
export const aerologuePrimaryModules = { kms, secrets, vpc, dns, dynamodb, storage, timestream, aurora, cache, functions, cognito, api, cdn, monitoring };

/** The waivers of the primary region's deployments in every env (`deployWorkload` overrides; envs add their own). */
export const aerologuePrimaryWaivers = {
  secrets: { waivers: AEROLOGUE_WAIVERS.secrets },
  dns: { waivers: AEROLOGUE_WAIVERS.dns },
  storage: { waivers: AEROLOGUE_WAIVERS.storage },
  functions: { waivers: AEROLOGUE_WAIVERS.functions },
  cognito: { waivers: AEROLOGUE_WAIVERS.cognito },
  api: { waivers: AEROLOGUE_WAIVERS.api },
} satisfies WorkloadOverrides<typeof aerologuePrimaryModules>;

/** ARC-012: the deployments of each added global region (keys, secrets, tables, buckets and the zone stay in the primary). */
export const aerologueSecondaryModules = [vpc, auroraSecondary, cache, functions, api] as const;
export { AEROLOGUE_WAIVERS };
