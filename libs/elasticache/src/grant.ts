import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { type GrantOptions, type Grantee, grantStatements, sidOf, unnamedDocumentStatements } from "@infra/iam";
import type { IConstruct } from "constructs";

/** Options of `grantConnect`. */
export interface CacheConnectOptions extends GrantOptions {
  /** The IAM cache user to connect as (one of `auth.users`). */
  readonly userName: string;
}

/**
 * elasticache:Connect on the cache and one of its IAM users, for both cache constructs. The old
 * `grantConnect(userName)` form returns the statement instead (deprecated, ADR 0115).
 */
export function grantConnect(
  cache: IConstruct,
  cacheArn: string,
  userArns: Readonly<Record<string, string>>,
  grantee: Grantee | string,
  options?: CacheConnectOptions,
): void | DataAwsIamPolicyDocumentStatement[] {
  if (typeof grantee === "string") return unnamedDocumentStatements((g) => grantConnect(cache, cacheArn, userArns, g, { userName: grantee }));
  const userName = options!.userName;
  const userArn = userArns[userName];
  if (!userArn) throw new Error(`${cache.node.path}: no IAM cache user "${userName}" (known: ${Object.keys(userArns).join(", ") || "none"})`);
  grantStatements(grantee, options!.sid, `Connect${sidOf(cache.node.id)}`, [
    { suffix: "", effect: "Allow", actions: ["elasticache:Connect"], resources: [cacheArn, userArn] },
  ]);
}
