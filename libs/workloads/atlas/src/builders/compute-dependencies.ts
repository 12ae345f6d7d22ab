import type { BuildContext } from "@infra/core";
import { buildAtlasAlerts } from "./alerts";
import { buildAtlasBuckets } from "./buckets";
import { buildAtlasEcr } from "./ecr";
import { buildAtlasKms } from "./kms";
import { buildAtlasQueues } from "./queues";
import { buildAtlasRds } from "./rds";
import { buildAtlasSecrets } from "./secrets";
import { buildAtlasVpc } from "./vpc";

/**
 * What the application compute reads, whichever it is (the phase-1 Docker host, the phase-2+ ECS
 * services): the dependencies of environments/_envcommon/atlas/services/compute-dependencies.ts.
 */
export function computeDependencies(ctx: BuildContext) {
  return {
    keys: ctx.dependencyOn("kms", buildAtlasKms),
    vpc: ctx.dependencyOn("vpc", buildAtlasVpc).vpc,
    db: ctx.dependencyOn("rds", buildAtlasRds),
    registry: ctx.dependencyOn("ecr", buildAtlasEcr),
    secrets: ctx.dependencyOn("secrets", buildAtlasSecrets),
    queues: ctx.dependencyOn("queues", buildAtlasQueues),
    buckets: ctx.dependencyOn("buckets", buildAtlasBuckets),
    alerts: ctx.dependencyOn("alerts", buildAtlasAlerts),
  };
}
