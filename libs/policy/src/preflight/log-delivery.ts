/**
 * Services that write logs into S3 buckets of the env, each with the bucket, the prefix it writes
 * under, and the object key layout AWS uses: one table shared by the bucket-policy rule (does the
 * policy let the writer put objects at that exact prefix?) and the key-policy rule (may the writer
 * use the bucket's KMS key?).
 */
import { get, isTrue } from "../rules/helpers";
import type { Json, JsonObject } from "../types";
import { isUnknown, oncePerEnv } from "./env-index";
import type { EnvIndex, Located, StackView } from "./types";

export type WriterKind = "alb" | "nlb" | "cloudfront" | "s3-access-logs" | "flow-logs" | "waf" | "cloudtrail" | "config";

export interface LogWriter {
  readonly kind: WriterKind;
  readonly user: Located;
  readonly bucket: Located;
  /** Where the writer is configured (for messages). */
  readonly attribute: string;
  /** The configured prefix, rendered ("" when none); undefined when synth cannot know it. */
  readonly prefix: string | undefined;
}

/** The `aws_s3_bucket` a value names: by reference (any stack) or by literal name/ARN/domain. */
export function bucketNamed(env: EnvIndex, from: StackView, value: Json | undefined): Located | undefined {
  if (typeof value !== "string") return undefined;
  for (const t of env.resolveAll(from, value)) if (t.resource?.type === "aws_s3_bucket") return { stack: t.stack, resource: t.resource };
  const rendered = env.render(from, value);
  const name =
    /^arn:aws[\w-]*:s3:::([^/]+)/.exec(rendered)?.[1] ??
    /^([a-z0-9.-]+?)\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com$/.exec(rendered)?.[1] ??
    (/^[a-z0-9.-]+$/.test(rendered) ? rendered : undefined);
  if (!name || isUnknown(name)) return undefined;
  return env
    .ofType("aws_s3_bucket")
    .find(
      (b) =>
        b.stack.account === from.account &&
        typeof b.resource.values["bucket"] === "string" &&
        env.render(b.stack, b.resource.values["bucket"] as string) === name,
    );
}

function prefixOf(env: EnvIndex, from: StackView, value: Json | undefined): string | undefined {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") return undefined;
  const rendered = env.render(from, value);
  return isUnknown(rendered) ? undefined : rendered;
}

function writersOf(env: EnvIndex): LogWriter[] {
  const out: LogWriter[] = [];
  const add = (kind: WriterKind, user: Located, bucketValue: Json | undefined, attribute: string, prefix: string | undefined) => {
    const bucket = bucketNamed(env, user.stack, bucketValue);
    if (bucket) out.push({ kind, user, bucket, attribute, prefix });
  };
  for (const lb of [...env.ofType("aws_lb"), ...env.ofType("aws_alb")]) {
    const type = lb.resource.values["load_balancer_type"];
    const kind = type === "network" ? "nlb" : type === "gateway" ? undefined : "alb";
    if (!kind) continue;
    for (const block of ["access_logs", "connection_logs"]) {
      const logs = get(lb.resource.values, block) as JsonObject | undefined;
      if (!logs || !isTrue(logs["enabled"])) continue;
      add(kind, lb, logs["bucket"], `${block}.bucket`, prefixOf(env, lb.stack, logs["prefix"]));
    }
  }
  for (const cf of env.ofType("aws_cloudfront_distribution")) {
    const logging = get(cf.resource.values, "logging_config") as JsonObject | undefined;
    if (logging?.["bucket"] !== undefined) add("cloudfront", cf, logging["bucket"], "logging_config.bucket", prefixOf(env, cf.stack, logging["prefix"]));
  }
  for (const l of env.ofType("aws_s3_bucket_logging"))
    add("s3-access-logs", l, l.resource.values["target_bucket"], "target_bucket", prefixOf(env, l.stack, l.resource.values["target_prefix"]));
  for (const f of env.ofType("aws_flow_log")) {
    if (f.resource.values["log_destination_type"] !== "s3") continue;
    const destination = f.resource.values["log_destination"];
    const rendered = typeof destination === "string" ? env.render(f.stack, destination) : "";
    const path = /^arn:aws[\w-]*:s3:::[^/]+\/?(.*)$/.exec(rendered)?.[1];
    add("flow-logs", f, destination, "log_destination", isUnknown(rendered) ? undefined : (path ?? "").replace(/\/$/, ""));
  }
  for (const w of env.ofType("aws_wafv2_web_acl_logging_configuration")) {
    for (const d of (w.resource.values["log_destination_configs"] as Json[] | undefined) ?? []) {
      if (typeof d === "string" && (d.includes("aws_s3_bucket") || env.render(w.stack, d).startsWith("arn:aws:s3:::")))
        add("waf", w, d, "log_destination_configs", "");
    }
  }
  for (const t of env.ofType("aws_cloudtrail"))
    add("cloudtrail", t, t.resource.values["s3_bucket_name"], "s3_bucket_name", prefixOf(env, t.stack, t.resource.values["s3_key_prefix"]));
  for (const c of env.ofType("aws_config_delivery_channel"))
    add("config", c, c.resource.values["s3_bucket_name"], "s3_bucket_name", prefixOf(env, c.stack, c.resource.values["s3_key_prefix"]));
  return out;
}

/** Every log writer of the env (computed once per env index). */
export const logWriters: (env: EnvIndex) => LogWriter[] = oncePerEnv(writersOf);
