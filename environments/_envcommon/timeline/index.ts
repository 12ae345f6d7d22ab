import { app } from "./compute/app";
import { cdn } from "./edge/cdn";
import { ecr } from "./compute/ecr";
import { zone } from "./dns/zone";
import { elasticache } from "./data/elasticache";
import { governance } from "./ops/governance";
import { kms } from "./security/kms";
import { monitoring } from "./ops/monitoring";
import { rds } from "./data/rds";
import { s3 } from "./storage/s3";
import { vpc } from "./network/vpc";

export { timeline } from "./workload";
export { timelineWaivers } from "./waivers";

/** The timeline app's modules (seed 002). */
export const timelineModules = { kms, vpc, rds, elasticache, s3, cdn, monitoring, governance, zone, ecr, app };
