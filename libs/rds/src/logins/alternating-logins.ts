import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaInvocation } from "@cdktf/provider-aws/lib/lambda-invocation";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { markLibrary, provideRequirement } from "@infra/core";
import { Secret, type SecretReplica } from "@infra/kms";
import { type LambdaFunction, setupFunction } from "@infra/lambda";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { DatabaseInstance } from "../database-instance";
import { egressToDatabase, secretsFunctionGroup } from "../function-network";
import { LOGINS_HANDLER_SOURCE } from "./handler-source";
import { PG_WIRE_SOURCE } from "./pg-wire-source";

/** What the secret holds: the JSON of AWS's alternating-users rotation (engine, host, port, dbname, username, password, masterarn). */
export const LOGINS_SECRET_FORMAT = "database credentials of an application login (written by its login function)";

export interface AlternatingLoginsProps {
  /** Name of the function, its role, log group and security group, e.g. "acct-atlas-prod-db-logins" (at most 64 characters). */
  readonly name: string;
  /** The primary PostgreSQL instance (its master secret is what the function logs in with to manage the logins). */
  readonly database: DatabaseInstance;
  /** Database the application uses (the instance's `db_name`). */
  readonly dbname: string;
  /** The first login; the second is `<username>_clone`, as AWS's alternating-users rotation names it. */
  readonly username: string;
  /** NOLOGIN role that owns the application's objects; both logins act as it. */
  readonly owner: string;
  /** Name of the secret the application reads, e.g. "accountabilityatlas/prod/database-app". */
  readonly secretName: string;
  /** CMK of the secret (and of its key use through Secrets Manager). */
  readonly secretKmsKeyArn: string;
  /** CMK of the function's environment and log group. */
  readonly kmsKeyArn: string;
  /** Days between rotations, 1..90. */
  readonly rotationDays: number;
  /** The database's region (the Secrets Manager endpoint the keys may be used through). */
  readonly region: string;
  /** The VPC of the database and private subnets with a route to the Secrets Manager API (NAT or an interface endpoint). */
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly logRetentionDays: number;
  /** Cross-region replicas of the secret (DR). @default none */
  readonly replicas?: readonly SecretReplica[];
  /** Keep the secret on `terraform destroy`. @default true */
  readonly deletionProtection?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const ROLE_NAME = /^[a-z_][a-z0-9_]*$/;

/** Every problem with the props, each naming the field and the value. */
export function alternatingLoginsErrors(
  props: Pick<AlternatingLoginsProps, "name" | "username" | "owner" | "dbname" | "rotationDays" | "subnetIds">,
): string[] {
  const errors: string[] = [];
  if (props.name.length > 64) errors.push(`name "${props.name}" is longer than Lambda's 64 characters`);
  // PostgreSQL truncates names at 63 bytes; "<username>_clone" must stay whole.
  if (!ROLE_NAME.test(props.username) || props.username.length > 57) {
    errors.push(`username must be a lower-case PostgreSQL name of at most 57 characters (its "_clone" twin fits in 63), got: "${props.username}"`);
  }
  if (!ROLE_NAME.test(props.owner) || props.owner.length > 63)
    errors.push(`owner must be a lower-case PostgreSQL name of at most 63 characters, got: "${props.owner}"`);
  if (props.owner === props.username || props.owner === `${props.username}_clone`) errors.push(`owner must differ from both logins, got: "${props.owner}"`);
  if (!ROLE_NAME.test(props.dbname)) errors.push(`dbname must be a lower-case PostgreSQL name, got: "${props.dbname}"`);
  if (!Number.isInteger(props.rotationDays) || props.rotationDays < 1 || props.rotationDays > 90) {
    errors.push(`rotationDays must be an integer from 1 to 90, got: ${props.rotationDays}`);
  }
  if (props.subnetIds.length === 0) errors.push("subnetIds must list at least one private subnet");
  return errors;
}

/**
 * Application logins on an RDS PostgreSQL instance that survive a password rotation (ADR 0145): two
 * logins, `<username>` and `<username>_clone`, members of a NOLOGIN `owner` whose sessions run as it,
 * and a secret whose AWSCURRENT names one of them. Each rotation gives the *other* login a new password
 * and makes it current, so credentials a task read at start stay valid for a whole rotation period.
 *
 * One function whose code is in this repo (handler-source.ts, pg-wire-source.ts) does both jobs: on
 * apply (aws_lambda_invocation, once the instance and its master secret exist) it creates the roles,
 * hands `owner` what the master user created in schema public and writes the secret's first value; then
 * Secrets Manager calls it for each rotation step. It logs in as the master user (the instance's master
 * secret), over verified TLS with SCRAM, and sends passwords only as SCRAM verifiers.
 */
export class AlternatingLogins extends Construct {
  readonly secret: Secret;
  readonly secretArn: string;
  /** The two logins, in the order they take turns. */
  readonly logins: readonly [string, string];
  readonly function: LambdaFunction;
  readonly securityGroupId: string;
  /** The first apply's bootstrap: anything that needs working credentials waits for it. */
  readonly bootstrap: LambdaInvocation;

  constructor(scope: Construct, id: string, props: AlternatingLoginsProps) {
    super(scope, id);
    markLibrary(this, "rds");
    const errors = alternatingLoginsErrors(props);
    if (props.database.engine !== "postgres") errors.push(`database must be a PostgreSQL instance, got engine: ${props.database.engine}`);
    const masterArn = props.database.masterUserSecretArn;
    if (!masterArn) errors.push("database must be a primary with a master secret (a replica has none)");
    if (errors.length > 0) throw new Error(`AlternatingLogins ${this.node.path}: ${errors.join("; ")}`);
    const tags = props.tags ?? {};
    this.logins = [props.username, `${props.username}_clone`];

    this.secret = new Secret(this, "secret", {
      name: props.secretName,
      description: `Application login of ${props.dbname} (alternating ${this.logins.join(" / ")}, rotated every ${props.rotationDays} days)`,
      kmsKeyArn: props.secretKmsKeyArn,
      valueFormat: LOGINS_SECRET_FORMAT,
      ...(props.replicas ? { replicas: props.replicas } : {}),
      ...(props.deletionProtection !== undefined ? { deletionProtection: props.deletionProtection } : {}),
      tags,
    });
    this.secretArn = this.secret.secretArn;
    // The bootstrap writes the first value: no operator step before the services start.
    provideRequirement(this, { kind: "secret-value", secret: props.secretName, format: LOGINS_SECRET_FORMAT });

    const { securityGroup: sg, https } = secretsFunctionGroup(this, {
      name: props.name,
      description: `Login function ${props.name}: HTTPS to the Secrets Manager API, PostgreSQL to its database`,
      vpcId: props.vpcId,
      tags,
    });
    this.securityGroupId = sg.id;
    const toDatabase = egressToDatabase(this, sg.id, props.database.securityGroupId, props.database.dbPort, "the database whose logins it manages");
    const ingress = props.database.allowFrom(sg.id, "the application login function (bootstrap and rotation)");

    this.function = setupFunction(this, {
      name: props.name,
      description: `Creates and rotates the alternating application logins of ${props.dbname} (bootstrap on apply, Secrets Manager rotation)`,
      files: { "index.mjs": LOGINS_HANDLER_SOURCE, "pg-wire.mjs": PG_WIRE_SOURCE },
      environment: {
        OWNER: props.owner,
        LOGINS: this.logins.join(","),
        // The runtime's Amazon CA bundle (RDS CAs included): Node.js 20+ runtimes do not load it by default.
        NODE_EXTRA_CA_CERTS: "/var/runtime/ca-cert.pem",
      },
      kmsKeyArn: props.kmsKeyArn,
      vpc: { subnetIds: props.subnetIds, securityGroupIds: [sg.id] },
      logRetentionDays: props.logRetentionDays,
      tags,
    });
    const fn = this.function;
    const viaSecretsManager = [{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.${props.region}.amazonaws.com`] }];
    fn.addToRolePolicy({
      sid: "ManageLoginSecret",
      actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
      resources: [this.secretArn],
    });
    fn.addToRolePolicy({
      sid: "LoginSecretKey",
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: [props.secretKmsKeyArn],
      conditions: viaSecretsManager,
    });
    fn.addToRolePolicy({ sid: "ReadMasterSecret", actions: ["secretsmanager:GetSecretValue"], resources: [masterArn!] });
    const masterKey = props.database.masterUserSecretKmsKeyArn;
    if (masterKey !== undefined && masterKey !== props.secretKmsKeyArn) {
      fn.addToRolePolicy({ sid: "MasterSecretKey", actions: ["kms:Decrypt"], resources: [masterKey], conditions: viaSecretsManager });
    }
    const permission = this.function.allowInvokeFrom("secretsmanager", "secretsmanager.amazonaws.com", this.secretArn);

    const grants = this.function.node.findAll().filter((c): c is IamRolePolicy => c instanceof IamRolePolicy);
    this.bootstrap = new LambdaInvocation(this, "bootstrap", {
      functionName: this.function.functionName,
      // Terraform writes the JSON: the host, port and ARNs are known only at apply.
      input: Fn.jsonencode({
        action: "bootstrap",
        secretId: this.secretArn,
        host: props.database.address,
        port: props.database.dbPort,
        dbname: props.dbname,
        masterarn: masterArn,
      }),
      // First apply: the instance must answer with its master password stored, the function must reach
      // it and Secrets Manager, and its role's policies must exist before it uses them.
      dependsOn: [...props.database.readyForStatements, ingress, https, toDatabase, ...grants],
    });
    new SecretsmanagerSecretRotation(this, "rotation", {
      secretId: this.secretArn,
      rotationLambdaArn: this.function.functionArn,
      // The bootstrap has just set a fresh password; the first rotation follows the schedule.
      rotateImmediately: false,
      rotationRules: { automaticallyAfterDays: props.rotationDays },
      dependsOn: [this.bootstrap, permission],
    });
  }
}
