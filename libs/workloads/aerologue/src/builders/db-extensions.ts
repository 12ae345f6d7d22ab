import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaInvocation } from "@cdktf/provider-aws/lib/lambda-invocation";
import type { AuroraPostgresCluster } from "@infra/aurora";
import { type LambdaFunction, setupFunction, type VpcPlacement } from "@infra/lambda";
import { Construct } from "constructs";
import { DATA_API_HANDLER_SOURCE } from "./data-api-handler";

export interface DatabaseExtensionsProps {
  /** Function name (also its role's and log group's), e.g. "aerologue-prod-us-east-1-aurora-extensions". */
  readonly name: string;
  /** The cluster, created with `dataApi: true` and `secret` master credentials. */
  readonly cluster: AuroraPostgresCluster;
  /** The master credentials secret the Data API authenticates with (JSON with username and password). */
  readonly secretArn: string;
  /** The CMK that encrypts that secret: the role may decrypt with it (through Secrets Manager only). */
  readonly secretKeyArn: string;
  /** The cluster's region (the Secrets Manager endpoint the key may be used through). */
  readonly region: string;
  /** Database the statements run in (the cluster's `database_name`). */
  readonly database: string;
  /** Extension names, in creation order (e.g. ["postgis", "pg_trgm"]). */
  readonly extensions: readonly string[];
  /** CMK of the function's environment and log group. */
  readonly kmsKeyArn: string;
  readonly logRetentionDays: number;
  /** Private subnets with a route to the Data API endpoint, and sg-lambda. */
  readonly vpc: VpcPlacement;
}

/** The idempotent statements for `extensions` (names are validated by the input schema). */
export function extensionStatements(extensions: readonly string[]): string[] {
  return extensions.map((e) => `CREATE EXTENSION IF NOT EXISTS ${e};`);
}

/**
 * ARC-005's PostGIS and pg_trgm, created on apply (ADR 0125): a function whose code is in this repo
 * (data-api-handler.ts, zipped deterministically at synth) runs `CREATE EXTENSION IF NOT EXISTS`
 * through the RDS Data API, invoked by aws_lambda_invocation once the writer instance and the
 * secret's connection version exist. The invocation's input is the statement list: Terraform runs it
 * again only when the list (or the cluster/secret) changes, so a second plan shows no diff.
 * Least privilege: rds-data:ExecuteStatement on the cluster, GetSecretValue on the master secret,
 * kms:Decrypt on its key only via Secrets Manager.
 */
export class DatabaseExtensions extends Construct {
  readonly function: LambdaFunction;
  readonly invocation: LambdaInvocation;
  readonly statements: readonly string[];

  constructor(scope: Construct, id: string, props: DatabaseExtensionsProps) {
    super(scope, id);
    this.function = setupFunction(this, {
      name: props.name,
      description: "Runs the database's idempotent setup statements (CREATE EXTENSION) through the RDS Data API on apply",
      files: { "index.mjs": DATA_API_HANDLER_SOURCE },
      kmsKeyArn: props.kmsKeyArn,
      vpc: props.vpc,
      logRetentionDays: props.logRetentionDays,
    });
    this.function.addToRolePolicy({ sid: "ExecuteStatements", actions: ["rds-data:ExecuteStatement"], resources: [props.cluster.clusterArn] });
    this.function.addToRolePolicy({ sid: "ReadMasterSecret", actions: ["secretsmanager:GetSecretValue"], resources: [props.secretArn] });
    this.function.addToRolePolicy({
      sid: "DecryptMasterSecret",
      actions: ["kms:Decrypt"],
      resources: [props.secretKeyArn],
      conditions: [{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.${props.region}.amazonaws.com`] }],
    });

    this.statements = extensionStatements(props.extensions);
    const grants = this.function.node.findAll().filter((c): c is IamRolePolicy => c instanceof IamRolePolicy);
    this.invocation = new LambdaInvocation(this, "invocation", {
      functionName: this.function.functionName,
      input: JSON.stringify({ resourceArn: props.cluster.clusterArn, secretArn: props.secretArn, database: props.database, statements: this.statements }),
      // First apply: the writer must answer and the secret must hold the password before any SQL;
      // the role's policies must exist before the function uses them.
      dependsOn: [...props.cluster.readyForStatements, ...grants],
    });
  }
}
