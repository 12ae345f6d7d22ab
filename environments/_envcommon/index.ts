import type { WorkloadRegistry } from "@infra/config";
import { vpc } from "./network/vpc";
import { platform } from "./platform/workload";

/** Every workload an env may enable, by name. */
export const WORKLOADS: WorkloadRegistry = {
  platform,
};

/** The platform's modules (seed 004). */
export const platformModules = { vpc };
