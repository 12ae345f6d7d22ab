import { deployWorkload } from "@infra/config";
import { accountModules as account } from "@envs/envcommon";

/** The account foundation of dev: deployed before every other stack (service-linked roles, API Gateway's account setting). */
export const accountDeployments = deployWorkload("environments/dev/us-east-1/account.ts", account);
