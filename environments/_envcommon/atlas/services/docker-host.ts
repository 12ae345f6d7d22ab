import type { Dependency } from "@infra/config";
import { atlasHostInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, hostRetired, inPrimary, prefix } from "../features";
import { COMPUTE_DEPENDENCIES } from "./compute-dependencies";
import { records } from "../dns/records";
import { atlasModule } from "../workload";

/**
 * Phase 1: EC2 t3.xlarge running Docker Compose (nginx, the eight services, redis). From phase 2 the
 * stack stays, retired and empty, in the envs that ran phase 1: its apply is the host's destroy.
 */
export const dockerHost = atlasModule("services/docker-host", {
  schema: atlasHostInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) && (features(ctx).compute === "docker-host" || hostRetired(ctx)),
  // Retired: applied after the records stack moved the apex off the host's Elastic IP.
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => (hostRetired(ctx) ? { records } : COMPUTE_DEPENDENCIES),
  waivers: (ctx: AtlasContext) =>
    hostRetired(ctx)
      ? []
      : [
          {
            rule: "INF-EC2-001",
            address: "aws_instance.*",
            reason:
              "Seed 001 phase 1: the compose services (bridge networking, one extra hop) call SQS and S3 with the instance role; IMDSv2 stays required, hop limit 2.",
          },
        ],
  defaults: (ctx: AtlasContext) => ({
    retired: hostRetired(ctx),
    name: `${prefix(ctx)}-docker`,
    instanceType: "t3.xlarge",
    // Eight JVM/Node images, redis data and Docker logs before they ship: 50 GiB gp3.
    rootVolumeGiB: 50,
    sshAdminCidrs: [...ctx.workload.adminCidrs],
    composeVersion: "v2.32.4",
    agentConfigParameter: `AmazonCloudWatch-${prefix(ctx)}-docker`,
    metricsNamespace: "CWAgent",
    terminationProtection: ctx.settings.deletionProtection,
    // The compose services call SQS/S3 with the instance role: bridge networking adds one hop.
    metadataHopLimit: 2 as const,
  }),
});
