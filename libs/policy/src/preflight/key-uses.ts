/**
 * Who uses each KMS key of the env, and what the key policy must grant them: the table behind
 * PRE-KMS-001. A use is (resource type, attribute naming a key) → needs: a principal (a service,
 * a service-linked role, or the account's IAM principals through the root delegation), the KMS
 * actions it calls, the request context it calls them with (for conditions), and what fails if
 * the policy does not allow it.
 */
import type { JsonObject } from "../types";
import { isUnknown, oncePerEnv } from "./env-index";
import { keyNamedBy } from "./keys";
import { logWriters, type WriterKind } from "./log-delivery";
import { allowsAction, readPolicy, type Context, type Needed } from "./policy";
import { stringsAt } from "./rules/name-patterns";
import type { EnvIndex, Located } from "./types";

export interface KeyNeed {
  readonly principal: Needed;
  /** Who, in words: `CloudWatch Logs (logs.us-east-1.amazonaws.com)`. */
  readonly who: string;
  readonly actions: readonly string[];
  /** Condition keys (lower-case) and the values AWS sends on these calls. */
  readonly context: Context;
  /** Condition keys a granting statement must constrain (AWS's documented scoping). */
  readonly mustConstrain?: readonly string[];
  /** The account root's delegation (`arn:aws:iam::<account>:root`) suffices: IAM principals. */
  readonly viaIam: boolean;
  /** What fails when the grant is missing. */
  readonly consequence: string;
  /** The resource that makes the use, and through which attribute. */
  readonly user: Located;
  readonly attribute: string;
}

export interface KeyUse {
  readonly key: Located;
  readonly need: KeyNeed;
}

type Spec = Omit<KeyNeed, "user" | "attribute">;

const ctx = (entries: Record<string, string | undefined>): Context =>
  Object.fromEntries(
    Object.entries(entries)
      .filter((e): e is [string, string] => e[1] !== undefined && !isUnknown(e[1]))
      .map(([k, v]) => [k.toLowerCase(), v]),
  );

function arnOf(env: EnvIndex, l: Located): string | undefined {
  const rendered = env.render(l.stack, `\${${l.resource.address}.arn}`);
  return isUnknown(rendered) ? undefined : rendered;
}

function service(name: string, who: string, actions: string[], context: Context, consequence: string, mustConstrain?: string[]): Spec {
  return {
    principal: { type: "Service", value: name },
    who: `${who} (${name})`,
    actions,
    context,
    viaIam: false,
    consequence,
    ...(mustConstrain ? { mustConstrain } : {}),
  };
}

/** The account's IAM principals (the deployer, service roles), through the root delegation. */
function callers(account: string, region: string, svc: string, what: string): Spec {
  return {
    principal: { type: "AWS", value: `arn:aws:iam::${account}:role/*` },
    who: `IAM principals of ${account} (through arn:aws:iam::${account}:root)`,
    actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:CreateGrant", "kms:DescribeKey"],
    context: ctx({ "kms:CallerAccount": account, "kms:ViaService": `${svc}.${region}.amazonaws.com` }),
    viaIam: true,
    consequence: `${what} fails: AccessDeniedException / KMSKeyNotAccessibleFault (the key policy does not delegate to the account's IAM policies)`,
  };
}

const PUBLISH = ["kms:GenerateDataKey*", "kms:Decrypt"];

/** Services that publish to an SNS topic, found through the attribute that names the topic. */
const TOPIC_PUBLISHERS: readonly { type: string; attributes: string[]; service: string; who: string; when?: (r: JsonObject) => boolean }[] = [
  {
    type: "aws_cloudwatch_metric_alarm",
    attributes: ["alarm_actions", "ok_actions", "insufficient_data_actions"],
    service: "cloudwatch.amazonaws.com",
    who: "CloudWatch alarms",
  },
  {
    type: "aws_cloudwatch_composite_alarm",
    attributes: ["alarm_actions", "ok_actions", "insufficient_data_actions"],
    service: "cloudwatch.amazonaws.com",
    who: "CloudWatch alarms",
  },
  { type: "aws_cloudwatch_event_target", attributes: ["arn"], service: "events.amazonaws.com", who: "EventBridge rules" },
  { type: "aws_db_event_subscription", attributes: ["sns_topic"], service: "events.rds.amazonaws.com", who: "RDS event subscriptions" },
  { type: "aws_s3_bucket_notification", attributes: ["topic.topic_arn"], service: "s3.amazonaws.com", who: "S3 event notifications" },
  { type: "aws_budgets_budget", attributes: ["notification.subscriber_sns_topic_arns"], service: "budgets.amazonaws.com", who: "AWS Budgets" },
  { type: "aws_backup_vault_notifications", attributes: ["sns_topic_arn"], service: "backup.amazonaws.com", who: "AWS Backup" },
  {
    type: "aws_codestarnotifications_notification_rule",
    attributes: ["target.address"],
    service: "codestar-notifications.amazonaws.com",
    who: "CodeStar notifications",
  },
  { type: "aws_cloudtrail", attributes: ["sns_topic_name"], service: "cloudtrail.amazonaws.com", who: "CloudTrail" },
];

/** Services that send to an SQS queue. */
const QUEUE_SENDERS: readonly { type: string; attributes: string[]; service: string; who: string; when?: (r: JsonObject) => boolean; sourceArn?: string }[] = [
  {
    type: "aws_sns_topic_subscription",
    attributes: ["endpoint"],
    service: "sns.amazonaws.com",
    who: "SNS subscriptions",
    when: (r) => r["protocol"] === "sqs",
    sourceArn: "topic_arn",
  },
  { type: "aws_cloudwatch_event_target", attributes: ["arn", "dead_letter_config.arn"], service: "events.amazonaws.com", who: "EventBridge rules" },
  { type: "aws_s3_bucket_notification", attributes: ["queue.queue_arn"], service: "s3.amazonaws.com", who: "S3 event notifications" },
];

const VENDED_LOGS = "delivery.logs.amazonaws.com";
/** Writers into a CMK-encrypted bucket (ALB logs cannot use a CMK at all: PRE-S3-001 refuses them instead). */
const BUCKET_WRITERS: Partial<Record<WriterKind, { service: string; who: string; actions: string[] }>> = {
  nlb: { service: VENDED_LOGS, who: "NLB access logs", actions: ["kms:GenerateDataKey*"] },
  cloudfront: { service: VENDED_LOGS, who: "CloudFront standard logs", actions: ["kms:GenerateDataKey*"] },
  "flow-logs": { service: VENDED_LOGS, who: "VPC flow logs", actions: ["kms:GenerateDataKey*"] },
  waf: { service: VENDED_LOGS, who: "WAF logs", actions: ["kms:GenerateDataKey*"] },
  cloudtrail: { service: "cloudtrail.amazonaws.com", who: "CloudTrail", actions: ["kms:GenerateDataKey*"] },
  "s3-access-logs": { service: "logging.s3.amazonaws.com", who: "S3 server access logs", actions: ["kms:GenerateDataKey*"] },
};

const WRITER_PRINCIPALS = new Set([
  "logging.s3.amazonaws.com",
  "logdelivery.elasticloadbalancing.amazonaws.com",
  VENDED_LOGS,
  "cloudtrail.amazonaws.com",
  "config.amazonaws.com",
]);

/** Resource types whose service uses the key with the caller's (IAM) credentials: RDS, DynamoDB, ... */
const CALLER_USES: readonly { type: string; attributes: string[]; service: string }[] = [
  { type: "aws_db_instance", attributes: ["kms_key_id", "performance_insights_kms_key_id", "master_user_secret_kms_key_id"], service: "rds" },
  { type: "aws_rds_cluster", attributes: ["kms_key_id", "performance_insights_kms_key_id", "master_user_secret_kms_key_id"], service: "rds" },
  { type: "aws_rds_cluster_instance", attributes: ["performance_insights_kms_key_id"], service: "rds" },
  { type: "aws_dynamodb_table", attributes: ["server_side_encryption.kms_key_arn", "replica.kms_key_arn"], service: "dynamodb" },
  { type: "aws_secretsmanager_secret", attributes: ["kms_key_id", "replica.kms_key_id"], service: "secretsmanager" },
  { type: "aws_elasticache_replication_group", attributes: ["kms_key_id"], service: "elasticache" },
  { type: "aws_elasticache_serverless_cache", attributes: ["kms_key_id"], service: "elasticache" },
  { type: "aws_lambda_function", attributes: ["kms_key_arn"], service: "lambda" },
  { type: "aws_ecr_repository", attributes: ["encryption_configuration.kms_key"], service: "ecr" },
  { type: "aws_timestreamwrite_database", attributes: ["kms_key_id"], service: "timestream" },
  { type: "aws_sfn_state_machine", attributes: ["encryption_configuration.kms_key_id"], service: "states" },
  { type: "aws_scheduler_schedule", attributes: ["kms_key_arn"], service: "scheduler" },
  { type: "aws_athena_workgroup", attributes: ["configuration.result_configuration.encryption_configuration.kms_key_arn"], service: "athena" },
  { type: "aws_instance", attributes: ["root_block_device.kms_key_id", "ebs_block_device.kms_key_id"], service: "ec2" },
  { type: "aws_ebs_volume", attributes: ["kms_key_id"], service: "ec2" },
  { type: "aws_launch_template", attributes: ["block_device_mappings.ebs.kms_key_id"], service: "ec2" },
  { type: "aws_s3_bucket_replication_configuration", attributes: ["rule.destination.encryption_configuration.replica_kms_key_id"], service: "s3" },
  { type: "aws_s3_bucket_server_side_encryption_configuration", attributes: ["rule.apply_server_side_encryption_by_default.kms_master_key_id"], service: "s3" },
  { type: "aws_opensearch_domain", attributes: ["encrypt_at_rest.kms_key_id"], service: "es" },
  { type: "aws_ssm_parameter", attributes: ["key_id"], service: "ssm" },
  { type: "aws_sqs_queue", attributes: ["kms_master_key_id"], service: "sqs" },
  { type: "aws_sns_topic", attributes: ["kms_master_key_id"], service: "sns" },
  { type: "aws_efs_file_system", attributes: ["kms_key_id"], service: "elasticfilesystem" },
  { type: "aws_backup_vault", attributes: ["kms_key_arn"], service: "backup" },
  { type: "aws_docdb_cluster", attributes: ["kms_key_id"], service: "rds" },
  { type: "aws_neptune_cluster", attributes: ["kms_key_arn"], service: "rds" },
  { type: "aws_memorydb_cluster", attributes: ["kms_key_arn"], service: "memorydb" },
  { type: "aws_mq_broker", attributes: ["encryption_options.kms_key_id"], service: "mq" },
  { type: "aws_kinesis_stream", attributes: ["kms_key_id"], service: "kinesis" },
  { type: "aws_config_delivery_channel", attributes: ["s3_kms_key_arn"], service: "s3" },
];

function usesOf(env: EnvIndex): KeyUse[] {
  const out: KeyUse[] = [];
  const push = (user: Located, attribute: string, value: string, specs: Spec[]) => {
    const key = keyNamedBy(env, user.stack, value, user.stack.regionOf(user.resource));
    if (key) for (const s of specs) out.push({ key, need: { ...s, user, attribute } });
  };
  const each = (type: string, attributes: string[], specs: (user: Located, region: string, account: string) => Spec[]) => {
    for (const user of env.ofType(type)) {
      const region = user.stack.regionOf(user.resource) ?? "";
      const account = user.stack.account ?? "";
      for (const attribute of attributes)
        for (const value of stringsAt(user.resource.values, attribute)) push(user, attribute, value, specs(user, region, account));
    }
  };

  for (const c of CALLER_USES)
    each(c.type, c.attributes, (_, region, account) => [callers(account, region, c.service, `the ${c.type} create (or its use of the key)`)]);

  // CloudWatch Logs encrypts with the key itself, scoped by the log group's ARN.
  each("aws_cloudwatch_log_group", ["kms_key_id"], (user, region, account) => {
    const name = typeof user.resource.values["name"] === "string" ? env.render(user.stack, user.resource.values["name"] as string) : undefined;
    return [
      service(
        `logs.${region}.amazonaws.com`,
        "CloudWatch Logs",
        ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:DescribeKey"],
        ctx({ "kms:EncryptionContext:aws:logs:arn": name ? `arn:aws:logs:${region}:${account}:log-group:${name}` : undefined, "aws:SourceAccount": account }),
        "CreateLogGroup fails: AccessDeniedException: The specified KMS key does not exist or is not allowed to be used with Arn 'arn:aws:logs:<region>:<account>:log-group:<name>'",
        ["kms:EncryptionContext:aws:logs:arn"],
      ),
    ];
  });

  // SNS topics: every AWS service that publishes to the topic encrypts with its key.
  each("aws_sns_topic", ["kms_master_key_id"], (topic, _region, account) => {
    const specs: Spec[] = [];
    const seen = new Set<string>();
    const add = (name: string, who: string, sourceArn?: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      specs.push(
        service(
          name,
          who,
          PUBLISH,
          ctx({ "aws:SourceAccount": account, "aws:SourceArn": sourceArn }),
          `${who} cannot publish to ${topic.resource.address}: every notification is dropped (KMS.AccessDeniedException in the publisher's delivery)`,
        ),
      );
    };
    for (const p of TOPIC_PUBLISHERS) {
      for (const attribute of p.attributes) for (const publisher of env.referencing(topic, p.type, attribute)) add(p.service, p.who, arnOf(env, publisher));
    }
    for (const policy of [topic.resource.values["policy"], ...env.referencing(topic, "aws_sns_topic_policy", "arn").map((p) => p.resource.values["policy"])]) {
      const statements = readPolicy(env, topic.stack, policy as string | undefined);
      for (const s of statements ?? []) {
        if (s.effect !== "Allow" || !allowsAction(s, "sns:Publish")) continue;
        for (const p of s.principals) if (p.type === "Service" && !isUnknown(p.value)) add(p.value, "a publisher the topic policy names");
      }
    }
    return specs;
  });

  // SQS queues: services that send to the queue encrypt with its key.
  each("aws_sqs_queue", ["kms_master_key_id"], (queue, _region, account) => {
    const specs: Spec[] = [];
    const seen = new Set<string>();
    for (const s of QUEUE_SENDERS) {
      for (const attribute of s.attributes) {
        for (const sender of env.referencing(queue, s.type, attribute)) {
          if ((s.when && !s.when(sender.resource.values)) || seen.has(s.service)) continue;
          seen.add(s.service);
          const source = s.sourceArn ? sender.resource.values[s.sourceArn] : undefined;
          const sourceArn = typeof source === "string" ? env.render(sender.stack, source) : arnOf(env, sender);
          specs.push(
            service(
              s.service,
              s.who,
              PUBLISH,
              ctx({ "aws:SourceAccount": account, "aws:SourceArn": sourceArn }),
              `${s.who} cannot deliver to ${queue.resource.address}: messages are dropped (KMS.AccessDeniedException)`,
            ),
          );
        }
      }
    }
    return specs;
  });

  // EBS volumes that Auto Scaling launches from a launch template: the service-linked role uses the key.
  each("aws_launch_template", ["block_device_mappings.ebs.kms_key_id"], (template, region, account) => {
    const groups = env.referencing(template, "aws_autoscaling_group");
    return groups.flatMap((asg) => {
      const custom = asg.resource.values["service_linked_role_arn"];
      const role =
        typeof custom === "string"
          ? env.render(asg.stack, custom)
          : `arn:aws:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
      const context = ctx({ "aws:PrincipalArn": role, "kms:CallerAccount": account, "kms:ViaService": `ec2.${region}.amazonaws.com` });
      const consequence = `instances of ${asg.stack.name}/${asg.resource.address} terminate at launch: "Client.InternalError: Client error on launch" (the Auto Scaling service-linked role cannot use the EBS key)`;
      const principal: Needed = { type: "AWS", value: role };
      return [
        {
          principal,
          who: `the Auto Scaling service-linked role (${role})`,
          actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
          context,
          viaIam: false,
          consequence,
        },
        {
          principal,
          who: `the Auto Scaling service-linked role (${role})`,
          actions: ["kms:CreateGrant"],
          context: { ...context, "kms:grantisforawsresource": "true" },
          viaIam: false,
          consequence,
        },
      ];
    });
  });

  // Buckets encrypted with a key: the services that write into them, and CloudFront reading through OAC.
  each("aws_s3_bucket_server_side_encryption_configuration", ["rule.apply_server_side_encryption_by_default.kms_master_key_id"], (sse, _region, account) => {
    const bucket = env.resolve(sse.stack, sse.resource.values["bucket"]);
    if (!bucket?.resource || bucket.resource.type !== "aws_s3_bucket") return [];
    const b: Located = { stack: bucket.stack, resource: bucket.resource };
    const specs: Spec[] = [];
    const seen = new Set<string>();
    const add = (name: string, who: string, actions: string[], consequence: string) => {
      if (seen.has(`${name} ${actions.join()}`)) return;
      seen.add(`${name} ${actions.join()}`);
      specs.push(service(name, who, actions, ctx({ "aws:SourceAccount": account }), consequence));
    };
    for (const w of logWriters(env).filter((w) => w.bucket.stack === b.stack && w.bucket.resource === b.resource)) {
      const spec = BUCKET_WRITERS[w.kind];
      if (spec)
        add(
          spec.service,
          spec.who,
          spec.actions,
          `${spec.who} into ${b.resource.address} fail: objects are not written (KMS access denied for ${spec.service})`,
        );
      if (w.kind === "config") {
        const recorder = env
          .ofType("aws_config_configuration_recorder")
          .find((r) => r.stack.account === w.user.stack.account && r.stack.regionOf(r.resource) === w.user.stack.regionOf(w.user.resource));
        const role = recorder ? env.render(recorder.stack, String(recorder.resource.values["role_arn"] ?? "")) : "";
        if (role.includes("aws-service-role/config.amazonaws.com"))
          add(
            "config.amazonaws.com",
            "AWS Config",
            ["kms:GenerateDataKey", "kms:Decrypt"],
            `AWS Config cannot deliver to ${b.resource.address}: InsufficientDeliveryPolicyException`,
          );
      }
    }
    for (const cf of env.referencing(b, "aws_cloudfront_distribution", "origin")) {
      const origins = (Array.isArray(cf.resource.values["origin"]) ? cf.resource.values["origin"] : [cf.resource.values["origin"]]) as JsonObject[];
      const viaOac = origins.some(
        (o) => o && o["origin_access_control_id"] !== undefined && env.resolveAll(cf.stack, o["domain_name"]).some((t) => t.resource === b.resource),
      );
      if (viaOac) {
        specs.push(
          service(
            "cloudfront.amazonaws.com",
            "CloudFront (origin access control)",
            ["kms:Decrypt"],
            ctx({ "aws:SourceAccount": account, "aws:SourceArn": arnOf(env, cf) }),
            `CloudFront answers 403 for every object of ${b.resource.address} (it cannot decrypt them)`,
          ),
        );
      }
    }
    for (const policy of env.referencing(b, "aws_s3_bucket_policy", "bucket")) {
      for (const s of readPolicy(env, policy.stack, policy.resource.values["policy"]) ?? []) {
        if (s.effect !== "Allow") continue;
        for (const p of s.principals) {
          // Log writers are judged above from their own configuration (and AWS Config may write with its own role).
          if (p.type !== "Service" || isUnknown(p.value) || WRITER_PRINCIPALS.has(p.value)) continue;
          if (allowsAction(s, "s3:PutObject"))
            add(
              p.value,
              "a writer the bucket policy names",
              ["kms:GenerateDataKey*"],
              `${p.value} cannot write into ${b.resource.address} (KMS access denied)`,
            );
          else if (allowsAction(s, "s3:GetObject"))
            add(p.value, "a reader the bucket policy names", ["kms:Decrypt"], `${p.value} cannot read ${b.resource.address} (KMS access denied)`);
        }
      }
    }
    return specs;
  });

  const events = (user: Located, region: string, account: string): Spec[] => [
    service(
      "events.amazonaws.com",
      "EventBridge",
      ["kms:Decrypt", "kms:GenerateDataKey"],
      ctx({ "aws:SourceAccount": account, "aws:SourceArn": arnOf(env, user) }),
      `${user.resource.type} create (and every event) fails: AccessDeniedException from KMS for events.amazonaws.com in ${region}`,
    ),
  ];
  each("aws_cloudwatch_event_bus", ["kms_key_identifier"], events);
  each("aws_cloudwatch_event_archive", ["kms_key_identifier"], events);

  each("aws_route53_key_signing_key", ["key_management_service_arn"], (_, __, account) => {
    const context = ctx({ "aws:SourceAccount": account });
    const consequence = "CreateKeySigningKey fails: InvalidKMSArn / InvalidKeySigningKeyStatus (Route 53 DNSSEC cannot use the key)";
    return [
      service("dnssec-route53.amazonaws.com", "Route 53 DNSSEC", ["kms:DescribeKey", "kms:GetPublicKey", "kms:Sign"], context, consequence),
      service("dnssec-route53.amazonaws.com", "Route 53 DNSSEC", ["kms:CreateGrant"], { ...context, "kms:grantisforawsresource": "true" }, consequence),
    ];
  });

  each("aws_cloudtrail", ["kms_key_id"], (trail, _, account) => [
    service(
      "cloudtrail.amazonaws.com",
      "CloudTrail",
      ["kms:GenerateDataKey*", "kms:DescribeKey"],
      ctx({ "aws:SourceAccount": account, "aws:SourceArn": arnOf(env, trail), "kms:EncryptionContext:aws:cloudtrail:arn": arnOf(env, trail) }),
      "CreateTrail fails: InsufficientEncryptionPolicyException",
    ),
  ]);

  each("aws_config_delivery_channel", ["s3_kms_key_arn"], (channel, _, account) => {
    const recorder = env
      .ofType("aws_config_configuration_recorder")
      .find((r) => r.stack.account === channel.stack.account && r.stack.regionOf(r.resource) === channel.stack.regionOf(channel.resource));
    const role = recorder ? env.render(recorder.stack, String(recorder.resource.values["role_arn"] ?? "")) : "";
    return role.includes("aws-service-role/config.amazonaws.com")
      ? [
          service(
            "config.amazonaws.com",
            "AWS Config",
            ["kms:GenerateDataKey", "kms:Decrypt"],
            ctx({ "aws:SourceAccount": account }),
            "PutDeliveryChannel fails: InsufficientDeliveryPolicyException",
          ),
        ]
      : [];
  });

  return out;
}

/** Every use of every KMS key of the env (computed once per env index). */
export const keyUses: (env: EnvIndex) => KeyUse[] = oncePerEnv(usesOf);
