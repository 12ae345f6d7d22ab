import type { BuilderRegistry } from "@infra/core";
import { workloadBuilders } from "@infra/workload-shared";
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
export const aerologueBuilders: BuilderRegistry = workloadBuilders("aerologue", {
  kms: buildKms,
  secrets: buildSecrets,
  vpc: buildVpc,
  dynamodb: buildDynamodb,
  aurora: buildAurora,
  cache: buildCache,
  storage: buildStorage,
  timestream: buildTimestream,
  functions: buildFunctions,
  cognito: buildCognito,
  api: buildApi,
  dns: buildDns,
  cdn: buildCdn,
  monitoring: buildMonitoring,
});
