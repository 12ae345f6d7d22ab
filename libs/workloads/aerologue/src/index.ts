import type { BuilderRegistry } from "@infra/core";
import { buildApi } from "./builders/api";
import { buildAurora } from "./builders/aurora";
import { buildCache } from "./builders/cache";
import { buildCdn } from "./builders/cdn";
import { buildCognito } from "./builders/cognito";
import { buildDns } from "./builders/dns";
import { buildDynamodb } from "./builders/dynamodb";
import { buildFunctions } from "./builders/functions";
import { buildKms } from "./builders/kms";
import { buildMonitoring } from "./builders/monitoring";
import { buildSecrets } from "./builders/secrets";
import { buildStorage } from "./builders/storage";
import { buildTimestream } from "./builders/timestream";
import { buildVpc } from "./builders/vpc";

export { onProvider } from "./builders/common";

/** Stack builders of Aerologue (seed 000), by the key modules name in `builder`. */
export const aerologueBuilders: BuilderRegistry = {
  "aerologue/kms": buildKms,
  "aerologue/secrets": buildSecrets,
  "aerologue/vpc": buildVpc,
  "aerologue/dynamodb": buildDynamodb,
  "aerologue/aurora": buildAurora,
  "aerologue/cache": buildCache,
  "aerologue/storage": buildStorage,
  "aerologue/timestream": buildTimestream,
  "aerologue/functions": buildFunctions,
  "aerologue/cognito": buildCognito,
  "aerologue/api": buildApi,
  "aerologue/dns": buildDns,
  "aerologue/cdn": buildCdn,
  "aerologue/monitoring": buildMonitoring,
};
