import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretRotation } from "@cdktf/provider-aws/lib/secretsmanager-secret-rotation";
import { markLibrary, requirePrerequisite } from "@infra/core";
import { type GrantOptions, type Grantee, grantStatements, sidOf } from "@infra/iam";
import { Construct } from "constructs";

export interface SecretRotation {
  /** ARN of the Lambda function that rotates the secret. */
  readonly lambdaArn: string;
  /** Days between rotations, 1..90 (policy: credentials live at most 90 days). */
  readonly days: number;
  /** Rotate as soon as rotation is configured. @default false (the first rotation follows the schedule) */
  readonly rotateImmediately?: boolean;
}

export interface SecretReplica {
  readonly region: string;
  /** CMK in the replica's region. */
  readonly kmsKeyArn: string;
}

export interface SecretProps {
  /** Secret name, e.g. "aerologue/prod/db/aurora". */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** Customer-managed KMS key that encrypts the secret. */
  readonly kmsKeyArn: string;
  /** Days a deleted secret stays recoverable, 7..30. @default 30 */
  readonly recoveryWindowInDays?: number;
  /** Lambda rotation. @default none (values are set and rotated outside Terraform) */
  readonly rotation?: SecretRotation;
  /** Cross-region replicas (DR). @default none */
  readonly replicas?: readonly SecretReplica[];
  /** Keep the secret on `terraform destroy` (lifecycle.prevent_destroy). @default true */
  readonly deletionProtection?: boolean;
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * What the value holds, for the fresh-account prerequisite `infra preflight` lists until a value
   * exists (e.g. `JSON {"client_id","client_secret"}`). A stack that writes the value itself
   * (GeneratedCredentials) makes it no prerequisite. @default "the secret string"
   */
  readonly valueFormat?: string;
}

/**
 * A Secrets Manager secret: the container only. Its value never appears in code, JSON or state:
 * no aws_secretsmanager_secret_version is created; an operator or a rotation function sets it.
 */
export class Secret extends Construct {
  readonly secretArn: string;
  readonly secretName: string;
  /** The configured name (a plain string, unlike `secretName`): what prerequisites and providers name. */
  readonly name: string;
  readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: SecretProps) {
    super(scope, id);
    markLibrary(this, "kms");
    const fail = (message: string): never => {
      throw new Error(`${this.node.path}: ${message}`);
    };
    const recoveryWindowInDays = props.recoveryWindowInDays ?? 30;
    if (!Number.isInteger(recoveryWindowInDays) || recoveryWindowInDays < 7 || recoveryWindowInDays > 30) {
      fail(`recoveryWindowInDays ${recoveryWindowInDays} must be an integer from 7 to 30`);
    }
    if (!/^[a-zA-Z0-9/_+=.@-]{1,512}$/.test(props.name)) fail(`name "${props.name}" may only use letters, digits and /_+=.@-`);
    if (props.rotation && (!Number.isInteger(props.rotation.days) || props.rotation.days < 1 || props.rotation.days > 90)) {
      fail(`rotation.days ${props.rotation.days} must be an integer from 1 to 90`);
    }
    const regions = (props.replicas ?? []).map((r) => r.region);
    const dup = regions.find((r, i) => regions.indexOf(r) !== i);
    if (dup) fail(`replica region ${dup} is listed twice`);

    const secret = new SecretsmanagerSecret(this, "secret", {
      name: props.name,
      description: props.description,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays,
      replica: props.replicas?.map((r) => ({ region: r.region, kmsKeyId: r.kmsKeyArn })),
      tags: { ...(props.tags ?? {}), Name: props.name },
      lifecycle: { preventDestroy: props.deletionProtection ?? true },
    });
    this.secretArn = secret.arn;
    this.secretName = secret.name;
    this.name = props.name;
    this.kmsKeyArn = props.kmsKeyArn;
    // No version here: until someone (or a stack, with GeneratedCredentials) puts one, reading it fails.
    requirePrerequisite(this, {
      requirement: { kind: "secret-value", secret: props.name, format: props.valueFormat ?? "the secret string" },
      createdHere: true,
      reason: "the secret is created empty; its value is put out of band, never by code",
    });

    if (props.rotation) {
      new SecretsmanagerSecretRotation(this, "rotation", {
        secretId: secret.id,
        rotationLambdaArn: props.rotation.lambdaArn,
        rotateImmediately: props.rotation.rotateImmediately ?? false,
        rotationRules: { automaticallyAfterDays: props.rotation.days },
      });
    }
  }

  /** Let a grantee read this secret's value: the secret itself (sid "Read<secret id>"), and decrypt with its key ("...Key"). */
  grantRead(grantee: Grantee, options: GrantOptions = {}): void {
    grantStatements(grantee, options.sid, `Read${sidOf(this.node.id)}`, [
      { suffix: "", effect: "Allow", actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], resources: [this.secretArn] },
      { suffix: "Key", effect: "Allow", actions: ["kms:Decrypt"], resources: [this.kmsKeyArn] },
    ]);
  }
}
