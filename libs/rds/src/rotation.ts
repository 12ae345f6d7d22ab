import { ServerlessapplicationrepositoryCloudformationStack } from "@cdktf/provider-aws/lib/serverlessapplicationrepository-cloudformation-stack";
import { markLibrary } from "@infra/core";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import type { DbEngine } from "./engine";
import { egressToDatabase, secretsFunctionGroup } from "./function-network";

/**
 * AWS's single-user rotation functions in the Serverless Application Repository (one per engine):
 * they log in with the current password, set a new one and store it (the secret's JSON holds
 * engine, host, port, username, password, dbname).
 */
export const ROTATION_APPLICATIONS: Readonly<Record<DbEngine, string>> = {
  postgres: "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser",
  mysql: "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSMySQLRotationSingleUser",
};

export interface RotationFunctionProps {
  /** Function name, e.g. "<db>-rotation" (at most 64 characters). */
  readonly name: string;
  readonly engine: DbEngine;
  /** Region of the secret: the function calls Secrets Manager there. */
  readonly region: string;
  readonly vpcId: string;
  /** Private subnets with a route to the Secrets Manager API (NAT or an interface endpoint). */
  readonly subnetIds: readonly string[];
  /** CMK of the secret: the template grants the function decrypt and generate-data-key on it. */
  readonly kmsKeyArn: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * AWS's rotation function for a database secret, deployed from the Serverless Application
 * Repository into the database's VPC, with its own security group: HTTPS out (Secrets Manager) and
 * the engine port to the database (the database admits `securityGroupId`).
 */
export class RotationFunction extends Construct {
  readonly lambdaArn: string;
  readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: RotationFunctionProps) {
    super(scope, id);
    markLibrary(this, "rds");
    if (props.name.length > 64) throw new Error(`RotationFunction: name "${props.name}" is longer than Lambda's 64 characters`);
    if (props.subnetIds.length === 0) throw new Error(`RotationFunction ${props.name}: subnetIds must list at least one private subnet`);
    const tags = props.tags ?? {};
    const { securityGroup: sg } = secretsFunctionGroup(this, {
      name: props.name,
      description: `Secrets Manager rotation function ${props.name}: HTTPS to the Secrets Manager API, the engine port to its database`,
      vpcId: props.vpcId,
      tags,
    });
    this.securityGroupId = sg.id;
    const app = new ServerlessapplicationrepositoryCloudformationStack(this, "function", {
      name: props.name,
      applicationId: ROTATION_APPLICATIONS[props.engine],
      capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
      parameters: {
        endpoint: `https://secretsmanager.${props.region}.amazonaws.com`,
        functionName: props.name,
        vpcSubnetIds: Fn.join(",", [...props.subnetIds]),
        vpcSecurityGroupIds: sg.id,
        kmsKeyArn: props.kmsKeyArn,
      },
      tags: { ...tags, Name: props.name },
    });
    this.lambdaArn = app.outputs.lookup("RotationLambdaARN");
  }

  /** Let the function reach the database's port in `databaseSecurityGroupId`. */
  allowTo(databaseSecurityGroupId: string, port: number): void {
    egressToDatabase(this, this.securityGroupId, databaseSecurityGroupId, port, "the database it rotates the master password of");
  }
}
