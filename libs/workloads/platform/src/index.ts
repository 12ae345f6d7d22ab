import type { BuilderRegistry } from "@infra/core";
import { workloadBuilders } from "@infra/workload-shared";
import { buildApp } from "./builders/app";
import { buildBackup } from "./builders/backup";
import { buildCiAccess } from "./builders/ci-access";
import { buildAppRecord, buildZone } from "./builders/dns";
import { buildEcs } from "./builders/ecs";
import { buildIngress } from "./builders/ingress";
import { buildLogShipping } from "./builders/log-shipping";
import { buildKms } from "./builders/kms";
import { buildMonitoring } from "./builders/monitoring";
import { buildPeering } from "./builders/peering";
import { buildRds } from "./builders/rds";
import { buildVpc } from "./builders/vpc";

export { type CiAccessOutputs, GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, buildCiAccess } from "./builders/ci-access";

/** Stack builders of the platform workload (seed 004), by the key modules name in `builder`. */
export const platformBuilders: BuilderRegistry = workloadBuilders("platform", {
  kms: buildKms,
  vpc: buildVpc,
  "vpc-peering": buildPeering,
  rds: buildRds,
  ecs: buildEcs,
  monitoring: buildMonitoring,
  backup: buildBackup,
  "log-shipping": buildLogShipping,
  zone: buildZone,
  ingress: buildIngress,
  app: buildApp,
  "app-record": buildAppRecord,
  "ci-access": buildCiAccess,
});
export { type PlatformFailoverPlan, platformFailoverPlan, platformFailoverScript } from "./failover";
