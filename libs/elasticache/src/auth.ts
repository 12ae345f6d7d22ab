import { ElasticacheUser } from "@cdktf/provider-aws/lib/elasticache-user";
import { ElasticacheUserGroup } from "@cdktf/provider-aws/lib/elasticache-user-group";
import { Construct } from "constructs";
import { createHash } from "node:crypto";

export interface IamCacheUser {
  /** User name = user id (IAM authentication requires them to be equal), e.g. "aerologue-prod-app". */
  readonly userName: string;
  /** Redis ACL. @default "on ~* +@all -@dangerous" */
  readonly accessString?: string;
}

/**
 * How clients authenticate.
 * - `iam` (default): RBAC user group of IAM-authenticated users (clients sign a short-lived token
 *   with their role; `grantConnect()` gives `elasticache:Connect`), plus a disabled `default`
 *   user. No password exists anywhere: not in code, not in the Terraform JSON, not in state.
 * - `user-group`: an existing RBAC user group, managed elsewhere.
 * - `token` (replication groups only): a Redis AUTH token read at plan time from a Secrets Manager
 *   secret. Not in code or JSON, but Terraform keeps it in the (encrypted) state and rotating it
 *   needs a re-apply (ROTATE, then SET). Clients need no SDK: the token is a plain password
 *   (e.g. an ECS `secrets` env var); `iam` clients must sign a token every 15 minutes.
 */
export type CacheAuth =
  | { readonly mode: "iam"; readonly users: readonly IamCacheUser[] }
  | { readonly mode: "user-group"; readonly userGroupId: string }
  | {
      readonly mode: "token";
      readonly secretArn: string;
      /** JSON key of the token. @default the whole secret string */
      readonly secretJsonKey?: string;
      /** The secret's name when `secretArn` is a token: the token is read at plan time, so its value is a prerequisite named by it. @default secretArn */
      readonly secretName?: string;
      /**
       * How a changed token is applied to the running group (provider 6.x requires one with a token):
       * `ROTATE` adds the new token and keeps the previous one valid (clients holding either connect),
       * `SET` (only after a ROTATE) drops the previous one. Not used at creation. @default "ROTATE"
       */
      readonly updateStrategy?: "ROTATE" | "SET";
    };

export const DEFAULT_ACCESS_STRING = "on ~* +@all -@dangerous";

/** Problems with a set of IAM users (empty when valid). */
export function iamUserErrors(users: readonly IamCacheUser[]): string[] {
  const errors: string[] = [];
  if (users.length === 0) errors.push('auth mode "iam" needs at least one user');
  const names = users.map((u) => u.userName);
  for (const [i, name] of names.entries()) {
    if (!/^[a-zA-Z][a-zA-Z0-9-]{0,39}$/.test(name) || name.endsWith("-") || name.includes("--")) {
      errors.push(`user "${name}": must start with a letter and use letters, digits and single hyphens (max 40)`);
    }
    if (name === "default") errors.push('user "default" is reserved: the construct creates a disabled default user');
    if (names.indexOf(name) !== i) errors.push(`user "${name}" is listed twice`);
  }
  return errors;
}

/** ElastiCache user ids: 1-40 characters (CreateUser rejects longer ones with InvalidParameterValue). */
const MAX_USER_ID = 40;

/**
 * The id of a cache's disabled `default` user: `<name>-default` when it fits in 40 characters,
 * else the name shortened and made unique again with a hash of the whole name (user ids are
 * unique per account and region, and two long cache names may share their first characters).
 */
export function defaultUserId(name: string): string {
  const full = `${name}-default`;
  if (full.length <= MAX_USER_ID) return full;
  const suffix = `-${createHash("sha256").update(name).digest("hex").slice(0, 6)}-default`;
  return `${name.slice(0, MAX_USER_ID - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/** IAM users, a disabled `default` user (every user group needs one) and the user group. */
export class IamUserGroup extends Construct {
  readonly userGroupId: string;
  /** ARN by user name. */
  readonly userArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: { readonly name: string; readonly users: readonly IamCacheUser[]; readonly tags: Record<string, string> }) {
    super(scope, id);
    // The `default` user is what unauthenticated connections become; switch it off.
    const disabledDefault = new ElasticacheUser(this, "default-user", {
      userId: defaultUserId(props.name),
      userName: "default",
      engine: "redis",
      accessString: "off -@all",
      authenticationMode: { type: "no-password-required" },
      tags: props.tags,
    });
    const arns: Record<string, string> = {};
    const users = props.users.map((u) => {
      const user = new ElasticacheUser(this, `user-${u.userName}`, {
        userId: u.userName,
        userName: u.userName,
        engine: "redis",
        accessString: u.accessString ?? DEFAULT_ACCESS_STRING,
        authenticationMode: { type: "iam" },
        tags: props.tags,
      });
      arns[u.userName] = user.arn;
      return user;
    });
    // Engine "redis" users and groups also serve Valkey caches.
    const group = new ElasticacheUserGroup(this, "group", {
      userGroupId: props.name,
      engine: "redis",
      userIds: [disabledDefault.userId, ...users.map((u) => u.userId)],
      tags: props.tags,
    });
    this.userGroupId = group.userGroupId;
    this.userArns = arns;
  }
}

/**
 * The RBAC user group a cache authenticates with (auth modes "iam" and "user-group"): for "iam" the
 * users and group created here (construct id "users") with their ARNs for `grantConnect`, else the given group.
 */
export function cacheUserGroup(
  scope: Construct,
  name: string,
  auth: Extract<CacheAuth, { mode: "iam" | "user-group" }>,
  tags: Record<string, string>,
): { readonly userGroupId: string; readonly userArns: Readonly<Record<string, string>> } {
  if (auth.mode === "user-group") return { userGroupId: auth.userGroupId, userArns: {} };
  const users = new IamUserGroup(scope, "users", { name, users: auth.users, tags });
  return { userGroupId: users.userGroupId, userArns: { ...users.userArns } };
}
