import { CognitoIdentityPool } from "@cdktf/provider-aws/lib/cognito-identity-pool";
import { CognitoIdentityPoolRolesAttachment } from "@cdktf/provider-aws/lib/cognito-identity-pool-roles-attachment";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { markLibrary } from "@infra/core";
import { type PolicyStatement, toDocumentStatement } from "@infra/iam";
import { Token } from "cdktf";
import { Construct } from "constructs";

/** A user pool app client whose tokens the identity pool exchanges for AWS credentials. */
export interface IdentityPoolProvider {
  /** `cognito-idp.<region>.amazonaws.com/<poolId>` (a UserPool's `endpoint`). */
  readonly providerName: string;
  /** The app client id. */
  readonly clientId: string;
  /** Check with Cognito that the token was not revoked (sign-out, admin revoke) before issuing credentials. @default true */
  readonly serverSideTokenCheck?: boolean;
}

export interface AuthenticatedRole {
  /** IAM role name, e.g. "mile-quest-prod-authenticated". */
  readonly name: string;
  /** Inline policy name. @default "authenticated" */
  readonly policyName?: string;
  /**
   * What a signed-in user may do with the credentials. Scope them to the user with the policy
   * variable `$${cognito-identity.amazonaws.com:sub}` ("$$" is Terraform's escape for "$").
   */
  readonly statements: readonly PolicyStatement[];
}

export interface IdentityPoolProps {
  /** Identity pool name: 1-128 letters, digits, spaces, "_" (no "-"). */
  readonly name: string;
  /** At least one user pool client. */
  readonly providers: readonly IdentityPoolProvider[];
  /** The role every authenticated identity assumes (a trust policy for this pool's authenticated identities only). */
  readonly authenticatedRole: AuthenticatedRole;
  /** The Name tag defaults to `name`. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Every validation error for a set of identity pool props. Pure. */
export function validateIdentityPoolProps(props: IdentityPoolProps): string[] {
  const role = props.authenticatedRole;
  const sids = role.statements.map((s) => s.sid);
  return [
    /^[\w ]{1,128}$/.test(props.name) ? undefined : `name "${props.name}" must be 1-128 letters, digits, spaces or "_"`,
    props.providers.length === 0 ? "providers: at least one user pool client is required (unauthenticated identities are never allowed)" : undefined,
    ...props.providers.map((p) =>
      Token.isUnresolved(p.providerName) || /^cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[\w-]+_[0-9A-Za-z]+$/.test(p.providerName)
        ? undefined
        : `providers: providerName "${p.providerName}" must be cognito-idp.<region>.amazonaws.com/<user pool id>`,
    ),
    /^[\w+=,.@-]{1,64}$/.test(role.name) ? undefined : `authenticatedRole.name "${role.name}" must be 1-64 letters, digits or + = , . @ - _`,
    role.policyName === undefined || /^[\w+=,.@-]{1,128}$/.test(role.policyName)
      ? undefined
      : `authenticatedRole.policyName "${role.policyName}" must be 1-128 letters, digits or + = , . @ - _`,
    role.statements.length === 0 ? "authenticatedRole.statements: at least one statement is required" : undefined,
    ...role.statements.flatMap((s) => [
      /^[A-Za-z0-9]+$/.test(s.sid) ? undefined : `authenticatedRole.statements: sid "${s.sid}" must be letters and digits only`,
      s.resources.includes("*") ? `authenticatedRole.statements "${s.sid}": resources "*" would reach every user's data; name the resources` : undefined,
    ]),
    ...[...new Set(sids.filter((sid, i) => sids.indexOf(sid) !== i))].map((sid) => `authenticatedRole.statements: sid "${sid}" is used twice`),
  ].filter((e): e is string => e !== undefined);
}

/**
 * A Cognito identity pool for signed-in users only: no unauthenticated identities, no classic
 * (basic) flow, server-side token checks, and one authenticated role whose trust policy accepts
 * this pool's authenticated identities only (`aud` = the pool, `amr` = authenticated).
 */
export class IdentityPool extends Construct {
  readonly identityPoolId: string;
  readonly authenticatedRoleArn: string;
  readonly authenticatedRoleName: string;

  constructor(scope: Construct, id: string, props: IdentityPoolProps) {
    super(scope, id);
    markLibrary(this, "cognito");
    const errors = validateIdentityPoolProps(props);
    if (errors.length > 0) throw new Error(`IdentityPool "${props.name}": ${errors.join("; ")}`);

    const pool = new CognitoIdentityPool(this, "pool", {
      identityPoolName: props.name,
      allowUnauthenticatedIdentities: false,
      // The basic flow skips the role mapping's checks; the enhanced flow is the only one offered.
      allowClassicFlow: false,
      cognitoIdentityProviders: props.providers.map((p) => ({
        clientId: p.clientId,
        providerName: p.providerName,
        serverSideTokenCheck: p.serverSideTokenCheck ?? true,
      })),
      tags: { ...(props.tags ?? {}), Name: props.tags?.Name ?? props.name },
    });
    this.identityPoolId = pool.id;

    const role = props.authenticatedRole;
    const assume = new DataAwsIamPolicyDocument(this, "authenticated-assume", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: ["cognito-identity.amazonaws.com"] }],
          condition: [
            { test: "StringEquals", variable: "cognito-identity.amazonaws.com:aud", values: [pool.id] },
            { test: "ForAnyValue:StringLike", variable: "cognito-identity.amazonaws.com:amr", values: ["authenticated"] },
          ],
        },
      ],
    });
    const iamRole = new IamRole(this, "authenticated-role", { name: role.name, assumeRolePolicy: assume.json });
    const permissions = new DataAwsIamPolicyDocument(this, "authenticated-permissions", { statement: role.statements.map(toDocumentStatement) });
    new IamRolePolicy(this, "authenticated-policy", { name: role.policyName ?? "authenticated", role: iamRole.id, policy: permissions.json });
    new CognitoIdentityPoolRolesAttachment(this, "roles", { identityPoolId: pool.id, roles: { authenticated: iamRole.arn } });
    this.authenticatedRoleArn = iamRole.arn;
    this.authenticatedRoleName = iamRole.name;
  }
}
