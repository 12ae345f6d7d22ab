import type { BuilderRegistry } from "@infra/core";
import { buildEcs } from "./builders/ecs";
import { buildKms } from "./builders/kms";
import { buildMonitoring } from "./builders/monitoring";
import { buildPeering } from "./builders/peering";
import { buildRds } from "./builders/rds";
import { buildVpc } from "./builders/vpc";

export type { ClusterOutputs } from "./builders/ecs";
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
};
