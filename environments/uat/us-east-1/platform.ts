import { deploy, deploymentsFrom } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in uat us-east-1: its deployments and their overrides. */
export const platformDeployments = deploymentsFrom("environments/uat/us-east-1/platform.ts", [
  deploy(platform.kms),
  deploy(platform.vpc),
  deploy(platform.ecsCluster, { inputs: { instanceType: "t3.medium", minInstances: 2, maxInstances: 3 } }),
  deploy(platform.rds, { inputs: { instanceClass: "db.t3.small", allocatedStorageGb: 50 } }),
  deploy(platform.monitoring),
  deploy(platform.zone),
  deploy(platform.ingress),
  deploy(platform.appRecord),
  deploy(platform.ciAccess),
]);
