import { deploy, deploymentsFrom } from "@infra/config";
import { AEROLOGUE_WAIVERS as W, aerologueModules as a } from "@envs/envcommon";

/** Aerologue (seed 000) in staging us-east-1: its deployments and their overrides. */
export const aerologueDeployments = deploymentsFrom("environments/staging/us-east-1/aerologue.ts", [
  deploy(a.kms),
  deploy(a.secrets, { waivers: W.secrets }),
  deploy(a.vpc),
  deploy(a.dns, { waivers: W.dns }),
  deploy(a.dynamodb),
  deploy(a.storage, { waivers: W.storage }),
  deploy(a.timestream),
  deploy(a.aurora, { waivers: W.auroraUnprotected }),
  deploy(a.cache, { waivers: W.cacheSingleNode }),
  deploy(a.functions, { waivers: W.functions }),
  deploy(a.cognito, { waivers: W.cognito }),
  deploy(a.api, { waivers: W.api }),
  deploy(a.cdn),
  deploy(a.monitoring),
]);
