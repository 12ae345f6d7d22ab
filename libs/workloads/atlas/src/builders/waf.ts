import type { StackBuilder } from "@infra/core";
import { WebAcl } from "@infra/waf";
import type { AtlasWafInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { buildAtlasKms } from "./kms";

export interface AtlasWaf {
  readonly webAclArn: string;
}

/**
 * Phase 3+: the regional web ACL of the ALB. AWS managed Common + Known Bad Inputs + SQLi (PostgreSQL
 * behind the API), and a per-IP rate limit that takes over nginx's `limit_req` of phase 1.
 */
export const buildAtlasWaf: StackBuilder<AtlasWafInputs, AtlasWaf> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildAtlasKms);
  const acl = new WebAcl(stack, "waf", {
    name: inputs.name,
    scope: "REGIONAL",
    description: "AccountabilityAtlas ALB, seed 001 phase 3",
    managedRuleGroups: [{ name: "AWSManagedRulesCommonRuleSet" }, { name: "AWSManagedRulesKnownBadInputsRuleSet" }, { name: "AWSManagedRulesSQLiRuleSet" }],
    rateLimit: { limit: inputs.rateLimitPer5Min, evaluationWindowSec: 300, action: "block" },
    logging: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
    tags: atlasTags("waf"),
  });
  return { webAclArn: acl.webAclArn };
};
