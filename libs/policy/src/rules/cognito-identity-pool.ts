import type { PolicyRule } from "../types";
import { finding, isTrue } from "./helpers";

/** Unauthenticated identities hand AWS credentials to anyone who asks. */
export const cognitoIdentityPool: PolicyRule = {
  id: "INF-COG-003",
  title: "Cognito identity pool allows no unauthenticated identities",
  mirrors: ["CKV_AWS_366"],
  catalogue: [68],
  resourceTypes: ["aws_cognito_identity_pool"],
  severity: "high",
  check: (pool) => (isTrue(pool.values["allow_unauthenticated_identities"]) ? [finding("allow_unauthenticated_identities", true, "false")] : []),
};
