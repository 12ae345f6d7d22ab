import { deployWorkload } from "@infra/config";
import { platformModules as platform } from "@envs/envcommon";

/** The platform (seed 004) in staging us-east-1: its deployments and their overrides. */
export const platformDeployments = deployWorkload("environments/staging/us-east-1/platform.ts", platform, {
  // No peering; no Splunk shipping (seed 004: CloudWatch only outside prod).
  except: ["vpcPeering", "logShipping"],
  overrides: {
    ecsCluster: { inputs: { instanceType: "t3.small", minInstances: 2, maxInstances: 3 } },
    app: { inputs: { scaling: { minTasks: 2, maxTasks: 3 } } },
    rds: { inputs: { instanceClass: "db.t3.small", allocatedStorageGb: 30 } },
  },
});
