import { deployWorkload } from "@infra/config";
import { accountModules as account } from "@envs/envcommon";

/** The account foundation of uat: deployed before every other stack (service-linked roles, API Gateway's account setting). */
export const accountDeployments = deployWorkload("environments/uat/us-east-1/account.ts", account);
