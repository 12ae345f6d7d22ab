import { get } from "../../rules/helpers";
import { isUnknown } from "../env-index";
import { logWriters, type LogWriter, type WriterKind } from "../log-delivery";
import { allowsAction, conditionsHold, globMatch, principalMatch, readPolicy, type Context, type Needed, type Statement } from "../policy";
import type { EnvIndex, Finding, Located, PreflightRule } from "../types";

/** The Elastic Load Balancing account of each region opened before August 2022 (ALB access logs). */
export const ELB_ACCOUNTS: Readonly<Record<string, string>> = {
  "us-east-1": "127311923021",
  "us-east-2": "033677994240",
  "us-west-1": "027434742980",
  "us-west-2": "797873946194",
  "af-south-1": "098369216593",
  "ap-east-1": "754344448648",
  "ap-south-1": "718504428378",
  "ap-northeast-1": "582318560864",
  "ap-northeast-2": "600734575887",
  "ap-northeast-3": "383597477331",
  "ap-southeast-1": "114774131450",
  "ap-southeast-2": "783225319266",
  "ap-southeast-3": "589379963580",
  "ca-central-1": "985666609251",
  "eu-central-1": "054676820928",
  "eu-west-1": "156460612806",
  "eu-west-2": "652711504416",
  "eu-west-3": "009996457667",
  "eu-south-1": "635631232127",
  "eu-north-1": "897822967062",
  "me-south-1": "076674570225",
  "sa-east-1": "507241528517",
};

interface Delivery {
  /** Principals AWS accepts for this writer (any one suffices). */
  readonly principals: (region: string) => Needed[];
  /** An object key the writer puts, under its prefix. */
  readonly key: (prefix: string, account: string, region: string) => string;
  readonly who: string;
  /** Does AWS add the statement itself when no Terraform-managed bucket policy exists? */
  readonly selfServe: boolean;
  readonly error: string;
}

const under = (prefix: string) => (prefix ? `${prefix.replace(/\/$/, "")}/` : "");
const VENDED: Needed[] = [{ type: "Service", value: "delivery.logs.amazonaws.com" }];

const DELIVERIES: Readonly<Record<WriterKind, Delivery | undefined>> = {
  alb: {
    principals: (region) => [
      { type: "Service", value: "logdelivery.elasticloadbalancing.amazonaws.com" },
      ...(ELB_ACCOUNTS[region] ? [{ type: "AWS" as const, value: `arn:aws:iam::${ELB_ACCOUNTS[region]}:root` }] : []),
    ],
    key: (p, a, r) => `${under(p)}AWSLogs/${a}/elasticloadbalancing/${r}/2026/01/01/${a}_elasticloadbalancing_${r}_app.lb.log.gz`,
    who: "Elastic Load Balancing",
    selfServe: false,
    error:
      "CreateLoadBalancer / ModifyLoadBalancerAttributes fails: InvalidConfigurationRequest: Access Denied for bucket: <bucket>. Please check S3bucket permission (ELB test-writes <prefix>/AWSLogs/<account>/ELBAccessLogTestFile)",
  },
  nlb: {
    principals: () => VENDED,
    key: (p, a, r) => `${under(p)}AWSLogs/${a}/elasticloadbalancing/${r}/2026/01/01/${a}_elasticloadbalancing_${r}_net.lb.log.gz`,
    who: "NLB log delivery",
    selfServe: true,
    error: "no access logs are delivered; a statement AWS appends on creation is removed by the next apply of the Terraform-managed bucket policy",
  },
  cloudfront: undefined, // legacy standard logging writes through the bucket ACL: see the ownership check.
  "s3-access-logs": {
    principals: () => [{ type: "Service", value: "logging.s3.amazonaws.com" }],
    key: (p) => `${p}2026-01-01-00-00-00-0123456789ABCDEF`,
    who: "S3 server access logging",
    selfServe: false,
    error: "S3 delivers no access logs (the logging service is denied at the target bucket; nothing reports it)",
  },
  "flow-logs": {
    principals: () => VENDED,
    key: (p, a, r) => `${under(p)}AWSLogs/${a}/vpcflowlogs/${r}/2026/01/01/${a}_vpcflowlogs_${r}_fl-0123_20260101T0000Z_hash.log.gz`,
    who: "VPC flow log delivery",
    selfServe: true,
    error: "no flow logs are delivered; a statement AWS appends on creation is removed by the next apply of the Terraform-managed bucket policy",
  },
  waf: {
    principals: () => VENDED,
    key: (p, a, r) => `${under(p)}AWSLogs/${a}/WAFLogs/${r}/acl/2026/01/01/00/00/${a}_waflogs_${r}_acl_20260101T0000Z_hash.log.gz`,
    who: "WAF log delivery",
    selfServe: true,
    error: "no WAF logs are delivered; a statement AWS appends on creation is removed by the next apply of the Terraform-managed bucket policy",
  },
  cloudtrail: {
    principals: () => [{ type: "Service", value: "cloudtrail.amazonaws.com" }],
    key: (p, a, r) => `${under(p)}AWSLogs/${a}/CloudTrail/${r}/2026/01/01/${a}_CloudTrail_${r}_20260101T0000Z_x.json.gz`,
    who: "CloudTrail",
    selfServe: false,
    error: "CreateTrail fails: InsufficientS3BucketPolicyException: Incorrect S3 bucket policy is detected for bucket",
  },
  config: {
    principals: () => [{ type: "Service", value: "config.amazonaws.com" }],
    key: (p, a, r) => `${under(p)}AWSLogs/${a}/Config/${r}/2026/1/1/ConfigSnapshot/x.json.gz`,
    who: "AWS Config",
    selfServe: false,
    error: "PutDeliveryChannel fails: InsufficientDeliveryPolicyException: Insufficient delivery policy to s3 bucket",
  },
};

function sseAlgorithm(env: EnvIndex, bucket: Located): string | undefined {
  const sse = env.referencing(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket")[0];
  const value = sse && get(sse.resource.values, "rule.apply_server_side_encryption_by_default.sse_algorithm");
  return typeof value === "string" ? value : undefined;
}

function objectOwnership(env: EnvIndex, bucket: Located): string {
  const oc = env.referencing(bucket, "aws_s3_bucket_ownership_controls", "bucket")[0];
  const value = oc && get(oc.resource.values, "rule.object_ownership");
  // Since April 2023 new buckets default to BucketOwnerEnforced (ACLs off).
  return typeof value === "string" ? value : "BucketOwnerEnforced";
}

function writes(statements: readonly Statement[], principals: Needed[], objectArn: string, context: Context): boolean {
  const matches = (s: Statement) =>
    principals.some((n) => {
      const m = principalMatch(s, n);
      return m === "exact" || m === "any";
    }) &&
    allowsAction(s, "s3:PutObject") &&
    (s.resources.some((r) => isUnknown(r) || globMatch(r, objectArn)) || (s.notResources.length > 0 && !s.notResources.some((r) => globMatch(r, objectArn))));
  const denied = statements.some(
    (s) =>
      s.effect === "Deny" &&
      matches({ ...s, effect: "Allow" }) &&
      s.conditions.every((c) => context[c.variable.toLowerCase()] !== undefined) &&
      conditionsHold(s, context),
  );
  return !denied && statements.some((s) => s.effect === "Allow" && matches(s) && conditionsHold(s, context));
}

function configUsesServiceRole(env: EnvIndex, channel: Located): boolean {
  const recorder = env
    .ofType("aws_config_configuration_recorder")
    .find((r) => r.stack.account === channel.stack.account && r.stack.regionOf(r.resource) === channel.stack.regionOf(channel.resource));
  const role = recorder ? env.render(recorder.stack, String(recorder.resource.values["role_arn"] ?? "")) : "";
  return role.includes("aws-service-role/config.amazonaws.com");
}

function checkWriter(env: EnvIndex, bucket: Located, w: LogWriter): Finding[] {
  const where = `${w.user.stack.name}/${w.user.resource.address}.${w.attribute}`;
  const algorithm = sseAlgorithm(env, bucket);
  if (w.kind === "alb" && algorithm?.startsWith("aws:kms")) {
    return [
      {
        attribute: "server_side_encryption_configuration",
        found: `${algorithm} (${where} writes ALB logs here)`,
        expected: "SSE-S3 (AES256): ALB access and connection logs support no other encryption",
        consequence: "ALB log delivery fails: the load balancer cannot write to a bucket whose default encryption is SSE-KMS",
      },
    ];
  }
  if (w.kind === "cloudfront") {
    const ownership = objectOwnership(env, bucket);
    return ownership === "BucketOwnerEnforced"
      ? [
          {
            attribute: "ownership_controls",
            found: `${ownership} (${where} sends CloudFront standard logs here)`,
            expected: "BucketOwnerPreferred (ACLs enabled): legacy CloudFront standard logging writes through the bucket ACL",
            consequence: "CreateDistribution fails: InvalidArgument: The S3 bucket that you specified for CloudFront logs does not enable ACL access",
          },
        ]
      : [];
  }
  const delivery = DELIVERIES[w.kind];
  if (!delivery || w.prefix === undefined) return [];
  if (w.kind === "config" && !configUsesServiceRole(env, w.user)) return []; // a custom recorder role writes with its own IAM policy
  const account = bucket.stack.account ?? "";
  const region = w.user.stack.regionOf(w.user.resource) ?? "";
  const name = env.render(bucket.stack, `\${${bucket.resource.address}.bucket}`);
  if (isUnknown(name)) return [];
  const policies = env.referencing(bucket, "aws_s3_bucket_policy", "bucket");
  if (!policies.length && delivery.selfServe) return [];
  const statements = policies.flatMap((p) => readPolicy(env, p.stack, p.resource.values["policy"]) ?? []);
  if (policies.length && policies.some((p) => readPolicy(env, p.stack, p.resource.values["policy"]) === undefined)) return [];
  const objectArn = `arn:aws:s3:::${name}/${delivery.key(w.prefix, account, region)}`;
  const context: Context = {
    "aws:sourceaccount": account,
    "aws:securetransport": "true",
    "s3:x-amz-acl": "bucket-owner-full-control",
    ...(w.kind === "s3-access-logs" ? sourceBucketArn(env, w.user) : {}),
  };
  if (writes(statements, delivery.principals(region), objectArn, context)) return [];
  const principals = delivery
    .principals(region)
    .map((p) => `${p.type} ${p.value}`)
    .join(" or ");
  return [
    {
      attribute: "aws_s3_bucket_policy",
      found: `no statement lets ${delivery.who} put ${objectArn} (${where}, prefix "${w.prefix}")`,
      expected: `Allow ${principals} s3:PutObject on arn:aws:s3:::${name}/${delivery.key(w.prefix, account, region).replace(/AWSLogs\/(\d{12})\/.*$/, "AWSLogs/$1/*")} (derived from the writer's prefix)`,
      consequence: delivery.error,
    },
  ];
}

function sourceBucketArn(env: EnvIndex, logging: Located): Context {
  const source = logging.resource.values["bucket"];
  const rendered = typeof source === "string" ? env.render(logging.stack, source) : "";
  return isUnknown(rendered) || !rendered ? {} : { "aws:sourcearn": `arn:aws:s3:::${rendered}` };
}

/**
 * Each bucket that receives logs lets its writers write where they are configured to: the bucket
 * policy grants the writer (regional ELB account or log delivery service, logging.s3, CloudTrail,
 * Config) s3:PutObject on the exact `<prefix>/AWSLogs/<account>/...` keys derived from the writer's
 * own prefix; ALB logs go only to SSE-S3 buckets; CloudFront standard logs need ACLs enabled.
 */
export const logBucketPolicies: PreflightRule = {
  id: "PRE-S3-001",
  title: "Log buckets let each writer put objects under the exact prefix it is configured with",
  consequence:
    'ALB create fails ("Access Denied for bucket": ELB test-writes its prefix); CreateTrail fails (InsufficientS3BucketPolicyException); PutDeliveryChannel fails (InsufficientDeliveryPolicyException); CloudFront refuses a bucket without ACLs; other logs are silently not delivered',
  severity: "high",
  catalogue: [26, 28, 34],
  defects: [6],
  scope: "env",
  resourceTypes: ["aws_s3_bucket"],
  appliesTo: (bucket, env) => logWriters(env).some((w) => w.bucket.stack === bucket.stack && w.bucket.resource === bucket.resource),
  check(bucket, env) {
    const seen = new Set<string>();
    return logWriters(env)
      .filter((w) => w.bucket.stack === bucket.stack && w.bucket.resource === bucket.resource)
      .flatMap((w) => checkWriter(env, bucket, w))
      .filter((f) => (seen.has(f.found) ? false : (seen.add(f.found), true)));
  },
};
