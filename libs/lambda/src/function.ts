import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaEventSourceMapping } from "@cdktf/provider-aws/lib/lambda-event-source-mapping";
import { LambdaFunction as AwsLambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { LOG_RETENTION_DAYS, throwIfInvalid } from "@infra/config";
import { markLibrary } from "@infra/core";
import { type Grantee, grantErrors, type PolicyStatement, toDocumentStatement, serviceTrustPolicy } from "@infra/iam";
import { declareLogGroupKey } from "@infra/kms";
import { Construct } from "constructs";
import { LambdaAlias } from "./alias";
import { type LambdaCode, codeArguments, isImageCode } from "./code";
import { validateEnvironment } from "./environment";
import { type LambdaTarget, permissionStatementId } from "./policy";
import { validateFunctionName, validateMemorySize, validateReservedConcurrency, validateRuntime, validateTimeout } from "./validate";

export type LambdaArchitecture = "arm64" | "x86_64";

/** Where a failed asynchronous invocation goes after Lambda's retries. */
export interface DeadLetterTarget {
  readonly type: "sqs" | "sns";
  readonly arn: string;
  /** The CMK that encrypts the queue/topic: the role gets kms:GenerateDataKey/Decrypt on it. @default none */
  readonly kmsKeyArn?: string;
}

export interface VpcPlacement {
  /** Private subnets (with a NAT or VPC endpoints if the function calls AWS APIs). */
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
}

export interface LambdaLogging {
  /** Days CloudWatch keeps the function's logs (a CloudWatch retention value). */
  readonly retentionDays: number;
  /** "JSON" lets Lambda filter by level and CloudWatch query fields. @default "JSON" */
  readonly format?: "JSON" | "Text";
  /** Only with format JSON. @default none (the runtime's default, INFO) */
  readonly applicationLogLevel?: "TRACE" | "DEBUG" | "INFO" | "WARN" | "ERROR" | "FATAL";
  /** Only with format JSON. @default none (INFO) */
  readonly systemLogLevel?: "DEBUG" | "INFO" | "WARN";
}

export interface LambdaFunctionProps {
  /** Function name, e.g. "aerologue-dev-api-rest-handler". Also names its role and log group. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** A non-deprecated managed runtime. Required for S3 code; not allowed for image code. */
  readonly runtime?: string;
  /** Entry point, e.g. "index.handler". Required for S3 code; not allowed for image code. */
  readonly handler?: string;
  /** The artifact: an S3 object (zip), a container image, or a zip synth writes (InlineCodeAsset). */
  readonly code: LambdaCode;
  /** Base64 SHA-256 of the zip, to redeploy when the artifact changes under the same key. @default none */
  readonly sourceCodeHash?: string;
  /** arm64 (Graviton) is ~20% cheaper for the same work. @default "arm64" */
  readonly architecture?: LambdaArchitecture;
  /** MB, 128..10240. @default 128 */
  readonly memorySize?: number;
  /** Seconds, 1..900. @default 3 */
  readonly timeout?: number;
  /** Layer version ARNs (zip functions only), at most 5. @default [] */
  readonly layers?: readonly string[];
  /** Plain configuration only: never secret values (pass a secret ARN and read it at runtime). @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** CMK that encrypts the environment variables and the log group. */
  readonly kmsKeyArn: string;
  /** Run in these private subnets. @default none (not in a VPC) */
  readonly vpc?: VpcPlacement;
  /** X-Ray tracing mode. @default "Active" */
  readonly tracing?: "Active" | "PassThrough";
  /** Reserved concurrent executions. @default none (unreserved: scales with the account pool) */
  readonly reservedConcurrency?: number;
  /** Dead-letter target for failed asynchronous invocations. @default none */
  readonly deadLetterTarget?: DeadLetterTarget;
  /** The function's own log group, `/aws/lambda/<name>`, encrypted with `kmsKeyArn`. */
  readonly logging: LambdaLogging;
  /** Publish a version on every code change (needed for aliases / provisioned concurrency). @default false */
  readonly publish?: boolean;
  /** Execution role name. @default "<name>-role" */
  readonly roleName?: string;
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

export interface SqsEventSourceProps {
  readonly queueArn: string;
  /** Messages per batch, 1..10000 (above 10 needs a batching window). @default 10 */
  readonly batchSize?: number;
  /** Seconds to gather a batch. @default 0 */
  readonly maximumBatchingWindowSeconds?: number;
  /** Let the handler return failed message ids instead of failing the whole batch. @default true */
  readonly reportBatchItemFailures?: boolean;
  /** Cap on concurrent invocations from this queue, 2..1000. @default none */
  readonly maximumConcurrency?: number;
  /** CMK of the queue: the role gets kms:Decrypt on it. @default none */
  readonly queueKmsKeyArn?: string;
  /** @default true */
  readonly enabled?: boolean;
}

/** Every validation error for a set of props, empty when they are fine. Pure. */
export function validateLambdaFunctionProps(props: LambdaFunctionProps): string[] {
  const errors: (string | undefined)[] = [validateFunctionName(props.name)];
  if (isImageCode(props.code)) {
    if (props.runtime !== undefined) errors.push("runtime is set by the image; leave it unset for image code");
    if (props.handler !== undefined) errors.push("handler is set by the image (CMD); leave it unset for image code");
    if ((props.layers ?? []).length > 0) errors.push("layers cannot be used with image code");
  } else {
    if (props.runtime === undefined) errors.push("runtime is required for S3 (zip) code");
    else errors.push(validateRuntime(props.runtime));
    if (props.handler === undefined || props.handler === "") errors.push("handler is required for S3 (zip) code");
  }
  if (props.memorySize !== undefined) errors.push(validateMemorySize(props.memorySize));
  if (props.timeout !== undefined) errors.push(validateTimeout(props.timeout));
  if (props.reservedConcurrency !== undefined) errors.push(validateReservedConcurrency(props.reservedConcurrency));
  if ((props.layers ?? []).length > 5) errors.push(`at most 5 layers, got ${props.layers!.length}`);
  if (props.environment) errors.push(validateEnvironment(props.environment));
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(props.logging.retentionDays)) {
    errors.push(`logging.retentionDays ${props.logging.retentionDays} must be one of ${LOG_RETENTION_DAYS.join(", ")}`);
  }
  if (props.logging.format === "Text" && (props.logging.applicationLogLevel || props.logging.systemLogLevel)) {
    errors.push("log levels need logging.format JSON");
  }
  if (props.vpc && (props.vpc.subnetIds.length === 0 || props.vpc.securityGroupIds.length === 0)) {
    errors.push("vpc needs at least one subnet id and one security group id");
  }
  const roleName = props.roleName ?? `${props.name}-role`;
  if (roleName.length > 64) errors.push(`role name "${roleName}" is longer than 64 characters; set roleName`);
  return errors.filter((e): e is string => e !== undefined);
}

/**
 * A Lambda function with everything it always needs: its own encrypted log group with retention,
 * an execution role allowed to write only to that log group (plus X-Ray, plus VPC ENIs when in a
 * VPC, plus its dead-letter target), tracing on, arm64 by default. Further permissions are added
 * one named statement at a time with {@link addToRolePolicy}.
 */
export class LambdaFunction extends Construct implements LambdaTarget, Grantee {
  readonly functionName: string;
  readonly functionArn: string;
  readonly invokeArn: string;
  readonly qualifiedArn: string;
  /** The latest published version (a number with `publish`, "$LATEST" without). */
  readonly version: string;
  readonly roleName: string;
  readonly roleArn: string;
  readonly logGroupName: string;
  readonly logGroupArn: string;
  private readonly role: IamRole;
  private readonly grantSids = new Set<string>();
  private readonly publish: boolean;

  constructor(scope: Construct, id: string, props: LambdaFunctionProps) {
    super(scope, id);
    markLibrary(this, "lambda");
    throwIfInvalid(`Lambda function "${props.name}"`, validateLambdaFunctionProps(props));
    const tags = { ...(props.tags ?? {}), Name: props.name };
    const logging = props.logging;
    const logFormat = logging.format ?? "JSON";

    // Created here (not by Lambda on first run) so it has retention and a CMK from the start.
    const logGroup = new CloudwatchLogGroup(this, "log-group", {
      name: `/aws/lambda/${props.name}`,
      retentionInDays: logging.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags,
    });
    declareLogGroupKey(logGroup, props.kmsKeyArn);
    this.logGroupName = logGroup.name;
    this.logGroupArn = logGroup.arn;

    const assume = serviceTrustPolicy(this, "assume-role", "lambda.amazonaws.com");
    this.role = new IamRole(this, "role", {
      name: props.roleName ?? `${props.name}-role`,
      description: `Execution role of Lambda function ${props.name}`,
      assumeRolePolicy: assume.json,
      tags,
    });
    this.roleName = this.role.name;
    this.roleArn = this.role.arn;

    const base = new DataAwsIamPolicyDocument(this, "base-policy", { statement: baseStatements(props, logGroup.arn) });
    const basePolicy = new IamRolePolicy(this, "base-role-policy", { name: "base", role: this.role.id, policy: base.json });

    const fn = new AwsLambdaFunction(this, "function", {
      functionName: props.name,
      description: props.description,
      role: this.role.arn,
      ...codeArguments(props.code),
      ...(isImageCode(props.code) ? {} : { runtime: props.runtime, handler: props.handler }),
      sourceCodeHash: props.sourceCodeHash,
      architectures: [props.architecture ?? "arm64"],
      memorySize: props.memorySize ?? 128,
      timeout: props.timeout ?? 3,
      layers: props.layers && props.layers.length > 0 ? [...props.layers] : undefined,
      kmsKeyArn: props.kmsKeyArn,
      environment: props.environment && Object.keys(props.environment).length > 0 ? { variables: { ...props.environment } } : undefined,
      vpcConfig: props.vpc ? { subnetIds: [...props.vpc.subnetIds], securityGroupIds: [...props.vpc.securityGroupIds] } : undefined,
      tracingConfig: { mode: props.tracing ?? "Active" },
      reservedConcurrentExecutions: props.reservedConcurrency,
      deadLetterConfig: props.deadLetterTarget ? { targetArn: props.deadLetterTarget.arn } : undefined,
      loggingConfig: {
        logFormat,
        logGroup: logGroup.name,
        applicationLogLevel: logging.applicationLogLevel,
        systemLogLevel: logging.systemLogLevel,
      },
      publish: props.publish ?? false,
      tags,
      // Lambda checks the role's VPC and dead-letter permissions when it creates the function.
      dependsOn: [basePolicy],
    });
    this.functionName = fn.functionName;
    this.functionArn = fn.arn;
    this.invokeArn = fn.invokeArn;
    this.qualifiedArn = fn.qualifiedArn;
    this.version = fn.version;
    this.publish = props.publish ?? false;
  }

  /**
   * An alias on the latest published version (the function must `publish`): what API Gateway and
   * other callers should invoke when a deployment tool shifts traffic between versions.
   */
  addAlias(name: string, description?: string): LambdaAlias {
    throwIfInvalid(`Lambda function ${this.node.path} alias "${name}"`, [
      this.publish ? undefined : "an alias needs publish: true (it points at a published version)",
    ]);
    return new LambdaAlias(this, `alias-${name}`, { functionName: this.functionName, functionVersion: this.version, name, description });
  }

  /**
   * Grant the execution role one least-privilege statement. Each statement becomes its own inline
   * policy named by its sid, so adding one never rewrites the others.
   */
  addToRolePolicy(statement: PolicyStatement): void {
    throwIfInvalid(`Lambda function ${this.node.path} grant`, grantErrors(statement, this.grantSids, "this function's role"));
    const doc = new DataAwsIamPolicyDocument(this, `grant-${statement.sid}-document`, {
      statement: [toDocumentStatement(statement)],
    });
    new IamRolePolicy(this, `grant-${statement.sid}`, { name: statement.sid, role: this.role.id, policy: doc.json });
  }

  /** Let an AWS service principal invoke the function, only from `sourceArn`. */
  allowInvokeFrom(id: string, principal: string, sourceArn: string): LambdaPermission {
    return new LambdaPermission(this, `allow-${id}`, {
      statementId: permissionStatementId("Allow", id),
      action: "lambda:InvokeFunction",
      functionName: this.functionName,
      principal,
      sourceArn,
    });
  }

  /** Poll an SQS queue: an event source mapping plus the role permissions to receive and delete. */
  addSqsEventSource(id: string, props: SqsEventSourceProps): LambdaEventSourceMapping {
    const batchSize = props.batchSize ?? 10;
    const window = props.maximumBatchingWindowSeconds ?? 0;
    throwIfInvalid(`SQS event source "${id}" of ${this.node.path}`, [
      !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10000 ? `batchSize ${batchSize} must be 1..10000` : undefined,
      batchSize > 10 && window === 0 ? `batchSize ${batchSize} above 10 needs maximumBatchingWindowSeconds >= 1` : undefined,
      window < 0 || window > 300 ? `maximumBatchingWindowSeconds ${window} must be 0..300` : undefined,
      props.maximumConcurrency !== undefined && (props.maximumConcurrency < 2 || props.maximumConcurrency > 1000)
        ? `maximumConcurrency ${props.maximumConcurrency} must be 2..1000`
        : undefined,
    ]);
    const sid = `Consume${id.replace(/[^A-Za-z0-9]/g, "")}`;
    this.addToRolePolicy({
      sid,
      actions: ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"],
      resources: [props.queueArn],
    });
    if (props.queueKmsKeyArn) this.addToRolePolicy({ sid: `${sid}Key`, actions: ["kms:Decrypt"], resources: [props.queueKmsKeyArn] });
    return new LambdaEventSourceMapping(this, `sqs-${id}`, {
      eventSourceArn: props.queueArn,
      functionName: this.functionArn,
      batchSize,
      maximumBatchingWindowInSeconds: window > 0 ? window : undefined,
      functionResponseTypes: (props.reportBatchItemFailures ?? true) ? ["ReportBatchItemFailures"] : undefined,
      scalingConfig: props.maximumConcurrency !== undefined ? { maximumConcurrency: props.maximumConcurrency } : undefined,
      enabled: props.enabled ?? true,
    });
  }
}

function baseStatements(props: LambdaFunctionProps, logGroupArn: string): DataAwsIamPolicyDocumentStatement[] {
  const statements: DataAwsIamPolicyDocumentStatement[] = [
    // AWSLambdaBasicExecutionRole, scoped to this function's own log group instead of "*".
    { sid: "WriteOwnLogs", effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroupArn}:*`] },
    // X-Ray has no resource-level permissions: "*" is the only accepted resource.
    { sid: "WriteTraces", effect: "Allow", actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], resources: ["*"] },
  ];
  if (props.vpc) {
    // AWSLambdaVPCAccessExecutionRole. Create/Describe only work with "*" (Lambda docs); the
    // mutating calls are limited to network interfaces.
    statements.push(
      {
        sid: "ManageVpcEnis",
        effect: "Allow",
        actions: ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"],
        resources: ["*"],
      },
      {
        sid: "ReleaseVpcEnis",
        effect: "Allow",
        actions: ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
        resources: ["arn:aws:ec2:*:*:network-interface/*"],
      },
    );
  }
  const dlq = props.deadLetterTarget;
  if (dlq) {
    statements.push({
      sid: "SendToDeadLetterTarget",
      effect: "Allow",
      actions: [dlq.type === "sqs" ? "sqs:SendMessage" : "sns:Publish"],
      resources: [dlq.arn],
    });
    if (dlq.kmsKeyArn) {
      statements.push({
        sid: "EncryptDeadLetters",
        effect: "Allow",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [dlq.kmsKeyArn],
      });
    }
  }
  return statements;
}
