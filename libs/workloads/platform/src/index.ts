import type { BuilderRegistry } from "@infra/core";
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

export type { AppOutputs } from "./builders/app";
export type { BackupOutputs } from "./builders/backup";
export { type CiAccessOutputs, GITHUB_OIDC_AUDIENCE, GITHUB_OIDC_HOST, buildCiAccess } from "./builders/ci-access";
export type { AppRecordOutputs, ZoneOutputs } from "./builders/dns";
export type { ClusterOutputs } from "./builders/ecs";
export type { IngressOutputs } from "./builders/ingress";
export type { LogShippingOutputs } from "./builders/log-shipping";
export type { KeyOutputs } from "./builders/kms";
export type { MonitoringOutputs } from "./builders/monitoring";
export type { PeeringOutputs } from "./builders/peering";
export type { DataOutputs } from "./builders/rds";
export type { NetworkOutputs } from "./builders/vpc";

/** Stack builders of the platform workload (seed 004), by the key modules name in `builder`. */
export const platformBuilders: BuilderRegistry = {
  "platform/kms": buildKms,
  "platform/vpc": buildVpc,
  "platform/vpc-peering": buildPeering,
  "platform/rds": buildRds,
  "platform/ecs": buildEcs,
  "platform/monitoring": buildMonitoring,
  "platform/backup": buildBackup,
  "platform/log-shipping": buildLogShipping,
  "platform/zone": buildZone,
  "platform/ingress": buildIngress,
  "platform/app": buildApp,
  "platform/app-record": buildAppRecord,
  "platform/ci-access": buildCiAccess,
};
export { type PlatformFailoverPlan, platformFailoverPlan, platformFailoverScript } from "./failover";
