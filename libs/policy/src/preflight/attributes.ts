/**
 * What synth knows of a resource's attributes before AWS creates it: literal arguments, and the
 * ARNs/ids AWS derives from a name (bucket, role, topic, queue, log group, function, table, ...).
 * Anything else (key ids, distribution ids, generated suffixes) stays unknown.
 */
import type { StackView, SynthResource } from "./types";

type Render = (stack: StackView, value: string) => string;
interface Ctx {
  name(attr: string): string | undefined;
  region: string;
  account: string;
}

const ARNS: Readonly<Record<string, (c: Ctx) => Partial<Record<string, string | undefined>>>> = {
  aws_s3_bucket: (c) => {
    const b = c.name("bucket");
    return {
      id: b,
      bucket: b,
      arn: b && `arn:aws:s3:::${b}`,
      bucket_domain_name: b && `${b}.s3.amazonaws.com`,
      bucket_regional_domain_name: b && `${b}.s3.${c.region}.amazonaws.com`,
    };
  },
  aws_iam_role: (c) => {
    const n = c.name("name");
    return { id: n, name: n, arn: n && `arn:aws:iam::${c.account}:role${c.name("path") ?? "/"}${n}` };
  },
  aws_iam_user: (c) => {
    const n = c.name("name");
    return { id: n, name: n, arn: n && `arn:aws:iam::${c.account}:user${c.name("path") ?? "/"}${n}` };
  },
  aws_iam_openid_connect_provider: (c) => {
    const url = c.name("url")?.replace(/^https:\/\//, "");
    return { url: c.name("url"), arn: url && `arn:aws:iam::${c.account}:oidc-provider/${url}` };
  },
  aws_iam_service_linked_role: (c) => {
    const service = c.name("aws_service_name");
    return { aws_service_name: service };
  },
  aws_sns_topic: (c) => {
    const n = c.name("name");
    const arn = n && `arn:aws:sns:${c.region}:${c.account}:${n}`;
    return { id: arn, arn, name: n };
  },
  aws_sqs_queue: (c) => {
    const n = c.name("name");
    return {
      name: n,
      arn: n && `arn:aws:sqs:${c.region}:${c.account}:${n}`,
      id: n && `https://sqs.${c.region}.amazonaws.com/${c.account}/${n}`,
      url: n && `https://sqs.${c.region}.amazonaws.com/${c.account}/${n}`,
    };
  },
  aws_cloudwatch_log_group: (c) => {
    const n = c.name("name");
    return { id: n, name: n, arn: n && `arn:aws:logs:${c.region}:${c.account}:log-group:${n}` };
  },
  aws_lambda_function: (c) => {
    const n = c.name("function_name");
    return { id: n, function_name: n, arn: n && `arn:aws:lambda:${c.region}:${c.account}:function:${n}` };
  },
  aws_dynamodb_table: (c) => {
    const n = c.name("name");
    return { id: n, name: n, arn: n && `arn:aws:dynamodb:${c.region}:${c.account}:table/${n}` };
  },
  aws_db_instance: (c) => {
    const n = c.name("identifier");
    return { identifier: n, arn: n && `arn:aws:rds:${c.region}:${c.account}:db:${n}` };
  },
  aws_rds_cluster: (c) => {
    const n = c.name("cluster_identifier");
    return { id: n, cluster_identifier: n, arn: n && `arn:aws:rds:${c.region}:${c.account}:cluster:${n}` };
  },
  aws_kms_alias: (c) => {
    const n = c.name("name");
    return { id: n, name: n, arn: n && `arn:aws:kms:${c.region}:${c.account}:${n}` };
  },
  aws_route53_zone: (c) => ({ name: c.name("name")?.replace(/\.$/, "") }),
  aws_ecr_repository: (c) => {
    const n = c.name("name");
    return { id: n, name: n, arn: n && `arn:aws:ecr:${c.region}:${c.account}:repository/${n}` };
  },
  aws_wafv2_web_acl: (c) => ({ name: c.name("name") }),
  aws_lb: (c) => ({ name: c.name("name") }),
  aws_sfn_state_machine: (c) => {
    const n = c.name("name");
    return {
      name: n,
      arn: n && `arn:aws:states:${c.region}:${c.account}:stateMachine:${n}`,
      id: n && `arn:aws:states:${c.region}:${c.account}:stateMachine:${n}`,
    };
  },
  aws_cloudwatch_event_bus: (c) => {
    const n = c.name("name");
    return { name: n, id: n, arn: n && `arn:aws:events:${c.region}:${c.account}:event-bus/${n}` };
  },
  aws_cloudwatch_event_rule: (c) => {
    const n = c.name("name");
    const bus = c.name("event_bus_name");
    return { name: n, arn: n && `arn:aws:events:${c.region}:${c.account}:rule/${bus && bus !== "default" ? `${bus}/` : ""}${n}` };
  },
  aws_cloudwatch_metric_alarm: (c) => {
    const n = c.name("alarm_name");
    return { alarm_name: n, id: n, arn: n && `arn:aws:cloudwatch:${c.region}:${c.account}:alarm:${n}` };
  },
  aws_db_event_subscription: (c) => {
    const n = c.name("name");
    return { name: n, id: n, arn: n && `arn:aws:rds:${c.region}:${c.account}:es:${n}` };
  },
  aws_cloudtrail: (c) => {
    const n = c.name("name");
    return { name: n, arn: n && `arn:aws:cloudtrail:${c.region}:${c.account}:trail/${n}` };
  },
  aws_secretsmanager_secret: (c) => ({ name: c.name("name") }),
  aws_ssm_parameter: (c) => {
    const n = c.name("name");
    return { name: n, arn: n && `arn:aws:ssm:${c.region}:${c.account}:parameter${n.startsWith("/") ? "" : "/"}${n}` };
  },
};

const DATA: Readonly<Record<string, (c: Ctx) => Partial<Record<string, string | undefined>>>> = {
  aws_caller_identity: (c) => ({ account_id: c.account, id: c.account }),
  aws_region: (c) => ({ name: c.region, region: c.region, id: c.region }),
  aws_partition: () => ({ partition: "aws", dns_suffix: "amazonaws.com", id: "aws" }),
};

/** The value of `attribute` of a resource when synth can know it, else undefined. */
export function attributeValue(target: { stack: StackView; resource: SynthResource }, attribute: string, render: Render): string | undefined {
  const { stack, resource } = target;
  const region = stack.regionOf(resource);
  const account = stack.account;
  if (!region || !account) return undefined;
  const literal = (attr: string): string | undefined => {
    const v = resource.values[attr];
    if (typeof v !== "string") return undefined;
    const rendered = v.includes("${") ? render(stack, v) : v;
    return rendered.includes("⟨") ? undefined : rendered;
  };
  const ctx: Ctx = { name: literal, region, account };
  const table = resource.mode === "data" ? DATA[resource.type] : ARNS[resource.type];
  const derived = table?.(ctx);
  if (derived && attribute in derived) return derived[attribute];
  return resource.mode === "managed" ? literal(attribute) : undefined;
}
