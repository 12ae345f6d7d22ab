import { LambdaAlias as AwsLambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import type { LambdaTarget } from "./policy";
import { throwIfInvalid } from "./validate";

/** Lambda's alias name pattern: it must not look like a version number. */
const ALIAS_NAME = /^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/;

export interface LambdaAliasProps {
  /** Name of the function the alias belongs to. */
  readonly functionName: string;
  /** The function's latest published version (`aws_lambda_function.version`, the function needs `publish`). */
  readonly functionVersion: string;
  /** Alias name, e.g. "live": letters, digits, - and _, not only digits. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
}

/**
 * An alias callers (API Gateway integrations, their permissions) invoke, so that a deployment tool
 * can shift traffic between two versions behind it. Terraform points it at the version published
 * when the alias is created; from then on CodeDeploy owns which version (and which weighted second
 * version) it serves: `function_version` and `routing_config` are ignored after creation, or every
 * plan would undo a canary in flight or roll a finished one back.
 */
export class LambdaAlias extends Construct implements LambdaTarget {
  readonly functionName: string;
  /** The alias ARN (the function's qualified ARN). */
  readonly functionArn: string;
  readonly invokeArn: string;
  readonly qualifier: string;
  readonly aliasName: string;

  constructor(scope: Construct, id: string, props: LambdaAliasProps) {
    super(scope, id);
    markLibrary(this, "lambda");
    throwIfInvalid(`Lambda alias "${props.name}" of ${props.functionName}`, [
      ALIAS_NAME.test(props.name) ? undefined : `name "${props.name}" must be 1-128 letters, digits, - or _, and not only digits`,
    ]);
    const alias = new AwsLambdaAlias(this, "alias", {
      name: props.name,
      description: props.description,
      functionName: props.functionName,
      functionVersion: props.functionVersion,
      lifecycle: { ignoreChanges: ["function_version", "routing_config"] },
    });
    this.functionName = props.functionName;
    this.functionArn = alias.arn;
    this.invokeArn = alias.invokeArn;
    this.qualifier = alias.name;
    this.aliasName = props.name;
  }
}
