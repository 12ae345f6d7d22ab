import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { LOG_RETENTION_DAYS } from "@infra/config";
import { markLibrary } from "@infra/core";
import { declareLogGroupKey } from "@infra/kms";
import { Construct } from "constructs";

export interface LogGroupProps {
  /** Log group name, e.g. "/aws/ecs/prod-platform". */
  readonly name: string;
  /** Days CloudWatch keeps events; one of `LOG_RETENTION_DAYS` from @infra/config (never "forever"). */
  readonly retentionDays: number;
  /** Customer-managed KMS key ARN; its key policy must allow `logs.<region>.amazonaws.com`. @default none (CloudWatch-owned key) */
  readonly kmsKeyArn?: string;
  /**
   * Protects the group and its events: CloudWatch deletion protection plus Terraform `prevent_destroy`.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /** "STANDARD" or "INFREQUENT_ACCESS" (cheaper ingestion, no metric filters/subscriptions). @default "STANDARD" */
  readonly logGroupClass?: "STANDARD" | "INFREQUENT_ACCESS";
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A CloudWatch Logs retention value, or a message saying which values CloudWatch accepts. */
export function validateLogRetention(days: number): string | undefined {
  if ((LOG_RETENTION_DAYS as readonly number[]).includes(days)) return undefined;
  return `log retention ${days} days is not a CloudWatch Logs retention value: use one of ${LOG_RETENTION_DAYS.join(", ")}`;
}

/** A CloudWatch log group that always has an explicit retention. */
export class LogGroup extends Construct {
  readonly logGroupName: string;
  readonly logGroupArn: string;
  /** The underlying resource, for `dependsOn` (e.g. a database that must not create its log group first). */
  readonly resource: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: LogGroupProps) {
    super(scope, id);
    markLibrary(this, "monitoring");
    const error = validateLogRetention(props.retentionDays);
    if (error) throw new Error(`LogGroup ${props.name}: ${error}`);
    const protect = props.deletionProtection ?? false;

    const group = new CloudwatchLogGroup(this, "group", {
      name: props.name,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      logGroupClass: props.logGroupClass ?? "STANDARD",
      deletionProtectionEnabled: protect,
      tags: { ...props.tags },
      lifecycle: protect ? { preventDestroy: true } : undefined,
    });
    declareLogGroupKey(group, props.kmsKeyArn);
    this.resource = group;
    this.logGroupName = group.name;
    this.logGroupArn = group.arn;
  }
}
