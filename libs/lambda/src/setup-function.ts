import type { Construct } from "constructs";
import { LambdaFunction, type VpcPlacement } from "./function";
import { InlineCodeAsset } from "./inline-code";

export interface SetupFunctionProps {
  /** Function name (also its role's and log group's). */
  readonly name: string;
  readonly description: string;
  /** The ES modules of the zip, by file name; `index.mjs` exports `handler`. */
  readonly files: Readonly<Record<string, string>>;
  /** Extra environment; ATTEMPTS ("24") and PAUSE_MS ("5000") come last. @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** CMK of the environment and the log group. */
  readonly kmsKeyArn: string;
  /** Private subnets (with a route to the APIs it calls) and security groups. */
  readonly vpc: VpcPlacement;
  readonly logRetentionDays: number;
  /** @default none */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A small operational function whose code is in this repo (ADR 0125, 0145): the zip built at synth by
 * {@link InlineCodeAsset} ("code"), `nodejs24.x` (its bundled AWS SDK v3 is the only dependency), 256 MB,
 * 300 s: 24 attempts 5 s apart (2 min) for what is transient on a first apply (IAM policies seconds old,
 * a database still starting), then the work. X-Ray, JSON logs, one run at a time (reserved concurrency 1):
 * it is only ever invoked synchronously, by Terraform on apply or by a service's own steps.
 */
export function setupFunction(scope: Construct, props: SetupFunctionProps): LambdaFunction {
  const code = new InlineCodeAsset(scope, "code", { files: props.files });
  return new LambdaFunction(scope, "function", {
    name: props.name,
    description: props.description,
    runtime: "nodejs24.x",
    handler: "index.handler",
    code: code.code,
    sourceCodeHash: code.sourceCodeHash,
    memorySize: 256,
    timeout: 300,
    environment: { ...props.environment, ATTEMPTS: "24", PAUSE_MS: "5000" },
    kmsKeyArn: props.kmsKeyArn,
    vpc: props.vpc,
    tracing: "Active",
    reservedConcurrency: 1,
    logging: { retentionDays: props.logRetentionDays, format: "JSON" },
    ...(props.tags ? { tags: props.tags } : {}),
  });
}
