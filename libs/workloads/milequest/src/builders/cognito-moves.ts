import { TerraformResource } from "cdktf";
import type { Construct } from "constructs";

/**
 * Mile Quest's Cognito resources moved from raw resources in its builder onto `@infra/cognito`'s
 * UserPool and IdentityPool (ADR 0080). The real pool (with its users), clients, identity pool and
 * role stay: each moves to its new address through a `moved` block. Data sources (the two policy
 * documents) hold no state and need no move.
 */

/** Old resource name by `<type>.<library child id>`. */
export const LEGACY_COGNITO_ADDRESSES: Readonly<Record<string, string>> = {
  "aws_cognito_user_pool.pool": "user-pool",
  "aws_cognito_user_pool_client.client": "web-client",
  "aws_cognito_user_pool_client.client-admin": "admin-client",
  "aws_cognito_identity_pool.pool": "identity-pool",
  "aws_iam_role.authenticated-role": "authenticated-role",
  "aws_iam_role_policy.authenticated-policy": "authenticated-policy",
  "aws_cognito_identity_pool_roles_attachment.roles": "identity-pool-roles",
};

/** Give every child of `construct` that existed before the refactor a `moved` block from its old address. */
export function keepLegacyCognitoAddresses(construct: Construct): void {
  for (const child of construct.node.children) {
    if (!(child instanceof TerraformResource)) continue;
    const old = LEGACY_COGNITO_ADDRESSES[`${child.terraformResourceType}.${child.node.id}`];
    if (old) child.moveFromId(`${child.terraformResourceType}.${old}`);
  }
}
