/**
 * Issue 11: what AWS and Terraform would refuse on the first apply of a fresh account, asserted on
 * the real Terraform JSON of every env, every AccountabilityAtlas phase and Aerologue's global
 * regions (preflightVariants, apps/ops/src/preflight-variants.ts). One describe per defect class fixed here; the preflight
 * rule family catches the same classes at synth.
 *
 * Run by preflight.test.ts, which imports this module: both judge the same env variants, and in one
 * test file (one vitest worker) each variant is synthesized once instead of once per worker.
 */
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { SERVICE_LINKED_ROLES, checkAwsText, iamServicesOfTypes, resolveEnv } from "@infra/config";
import { synthEnvOnce } from "@infra/testing";
import type { StackJson } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { preflightVariants } from "./preflight-variants";

type R = Record<string, unknown>;
type Statement = {
  sid?: string;
  effect?: string;
  actions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
};

const VARIANTS = preflightVariants().map(({ label, env }) => ({
  label,
  env,
  stacks: synthEnvOnce(env),
}));

const resources = (s: StackJson, type: string): [string, R][] => Object.entries((s.json.resource?.[type] ?? {}) as Record<string, R>);
const allResources = (stacks: StackJson[], type: string) => stacks.flatMap((s) => resources(s, type).map(([name, r]) => ({ stack: s, name, r })));
/** The region of a stack's default provider, or of the aliased provider a resource names (`provider = "aws.eu_west_1"`). */
const regionOf = (s: StackJson, resource?: R): string => {
  const providers = (s.json.provider as { aws: { region: string; alias?: string }[] }).aws;
  const alias = typeof resource?.["provider"] === "string" ? String(resource["provider"]).replace(/^aws\./, "") : undefined;
  return String(providers.find((p) => (alias ? p.alias === alias : !p.alias))!.region);
};
const docStatements = (s: StackJson, ref: unknown): Statement[] => {
  const m = /data\.aws_iam_policy_document\.([^.]+)\.json/.exec(String(ref));
  if (!m) return [];
  return ((s.json.data?.["aws_iam_policy_document"] as Record<string, { statement?: Statement[] }>)[m[1]!]!.statement ?? []) as Statement[];
};

/** The resource a reference points at: `${type.name.attr}` in the stack, or a cross-stack output of its producer. */
function target(stacks: StackJson[], from: StackJson, ref: unknown): { stack: StackJson; type: string; name: string } | undefined {
  const text = String(ref);
  const local = /^\$\{([a-z0-9_]+)\.([^.]+)\.[a-z_]+\}$/.exec(text);
  if (local && local[1] !== "data") return { stack: from, type: local[1]!, name: local[2]! };
  const remote = /cross-stack-reference-input-([^.]+)\.outputs\.([^}]+)\}$/.exec(text);
  if (!remote) return undefined;
  const producer = stacks.find((s) => s.stackName === remote[1]);
  const value = (producer?.json.output as Record<string, { value: string }> | undefined)?.[remote[2]!]?.value;
  return producer && value ? target(stacks, producer, value) : undefined;
}

/** Principals (and how) a key's policy allows: service principals, AWS principals, and those that may CreateGrant for AWS resources. */
function keyPolicy(stacks: StackJson[], key: { stack: StackJson; type: string; name: string }) {
  const k = (key.stack.json.resource![key.type] as Record<string, R>)[key.name]!;
  const statements = docStatements(key.stack, k["policy"]);
  const principals = new Set<string>();
  const grants = new Set<string>();
  for (const st of statements) {
    for (const p of st.principals ?? []) {
      for (const id of p.identifiers) {
        principals.add(id);
        if (st.actions?.includes("kms:CreateGrant") && st.condition?.some((c) => c.variable === "kms:GrantIsForAWSResource" && c.values.includes("true")))
          grants.add(id);
      }
    }
  }
  return { principals, grants, statements, region: regionOf(key.stack, k), stacks };
}

/** Every use of a customer-managed key by a service acting on its own behalf, found in the JSON. */
function keyUses(stacks: StackJson[]): { key: ReturnType<typeof target>; principal: string; grant?: boolean; user: string }[] {
  const uses: { key: ReturnType<typeof target>; principal: string; grant?: boolean; user: string }[] = [];
  const use = (s: StackJson, ref: unknown, principal: string, user: string, grant = false) => {
    if (ref === undefined) return;
    uses.push({ key: target(stacks, s, ref), principal, grant, user: `${s.stackName}/${user}` });
  };
  const topicKey = (s: StackJson, ref: unknown) => {
    const t = target(stacks, s, ref);
    return t && t.type === "aws_sns_topic"
      ? { stack: t.stack, ref: (t.stack.json.resource!["aws_sns_topic"] as Record<string, R>)[t.name]!["kms_master_key_id"] }
      : undefined;
  };
  const queueKey = (s: StackJson, ref: unknown) => {
    const t = target(stacks, s, ref);
    return t && t.type === "aws_sqs_queue"
      ? { stack: t.stack, ref: (t.stack.json.resource!["aws_sqs_queue"] as Record<string, R>)[t.name]!["kms_master_key_id"] }
      : undefined;
  };
  for (const s of stacks) {
    for (const [n, r] of resources(s, "aws_cloudwatch_log_group")) use(s, r["kms_key_id"], `logs.${regionOf(s, r)}.amazonaws.com`, n);
    for (const type of ["aws_cloudwatch_event_bus", "aws_cloudwatch_event_archive"])
      for (const [n, r] of resources(s, type)) use(s, r["kms_key_identifier"], "events.amazonaws.com", n);
    for (const [n, r] of resources(s, "aws_cloudwatch_metric_alarm")) {
      for (const action of [...((r["alarm_actions"] as string[]) ?? []), ...((r["ok_actions"] as string[]) ?? [])]) {
        const t = topicKey(s, action);
        if (t) use(t.stack, t.ref, "cloudwatch.amazonaws.com", n);
      }
    }
    for (const [n, r] of resources(s, "aws_db_event_subscription")) {
      const t = topicKey(s, r["sns_topic"]);
      if (t) use(t.stack, t.ref, "events.rds.amazonaws.com", n);
    }
    for (const [n, r] of resources(s, "aws_cloudwatch_event_target")) {
      const t = topicKey(s, r["arn"]) ?? queueKey(s, r["arn"]);
      if (t) use(t.stack, t.ref, "events.amazonaws.com", n);
    }
    for (const [n, r] of resources(s, "aws_sns_topic_subscription")) {
      if (r["protocol"] !== "sqs") continue;
      const q = queueKey(s, r["endpoint"]);
      if (q) use(q.stack, q.ref, "sns.amazonaws.com", n);
    }
    for (const [n, r] of resources(s, "aws_budgets_budget")) {
      for (const note of (r["notification"] as R[]) ?? []) {
        for (const arn of (note["subscriber_sns_topic_arns"] as string[]) ?? []) {
          const t = topicKey(s, arn);
          if (t) use(t.stack, t.ref, "budgets.amazonaws.com", n);
        }
      }
    }
    const account = (s.json.provider as { aws: { allowed_account_ids: string[] }[] }).aws[0]!.allowed_account_ids[0]!;
    for (const [n, lt] of resources(s, "aws_launch_template")) {
      const launchedByAsg = resources(s, "aws_autoscaling_group").some(([, g]) => JSON.stringify(g["launch_template"]).includes(`aws_launch_template.${n}.`));
      for (const b of (lt["block_device_mappings"] as R[]) ?? []) {
        const key = (b["ebs"] as R | undefined)?.["kms_key_id"];
        if (launchedByAsg && key) use(s, key, `arn:aws:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`, n, true);
      }
    }
    for (const [n, sse] of resources(s, "aws_s3_bucket_server_side_encryption_configuration")) {
      const rule = (Array.isArray(sse["rule"]) ? sse["rule"][0] : sse["rule"]) as R;
      const key = (rule["apply_server_side_encryption_by_default"] as R)["kms_master_key_id"];
      if (!key) continue;
      const bucket = /aws_s3_bucket\.([^.]+)\./.exec(String(sse["bucket"]))![1]!;
      for (const [, p] of resources(s, "aws_s3_bucket_policy").filter(([, p]) => String(p["bucket"]).includes(`aws_s3_bucket.${bucket}.`))) {
        for (const st of docStatements(s, p["policy"])) {
          if ((st.effect ?? "Allow") !== "Allow" || !(st.actions ?? []).some((a) => /^s3:(\*|GetObject|PutObject)/.test(a))) continue;
          for (const pr of (st.principals ?? []).filter((x) => x.type === "Service")) for (const id of pr.identifiers) use(s, key, id, n);
        }
      }
    }
  }
  return uses;
}

describe.each(VARIANTS.map((v) => [v.label, v] as const))("first apply of %s", (_label, { env, stacks }) => {
  it("class 1: weekly windows are ddd:hh24:mi-ddd:hh24:mi, daily ones hh24:mi-hh24:mi, backups never overlap maintenance", () => {
    const WEEKLY = /^(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):[0-5]\d-(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):[0-5]\d$/;
    const DAILY = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const weekly = (w: string) => {
      const [a, b] = w.split("-") as [string, string];
      const start = days.indexOf(a.slice(0, 3)) * 1440 + minutes(a.slice(4));
      let end = days.indexOf(b.slice(0, 3)) * 1440 + minutes(b.slice(4));
      if (end <= start) end += 7 * 1440;
      return [start, end] as const;
    };
    const overlaps = (daily: string, week: string) => {
      const [ws, we] = weekly(week);
      const ds = minutes(daily.slice(0, 5));
      let de = minutes(daily.slice(6));
      if (de <= ds) de += 1440;
      return Array.from({ length: 8 }, (_, d) => d * 1440).some((o) => ds + o < we && ws < de + o);
    };
    let checked = 0;
    const fields: [string, string, string][] = [
      ["aws_rds_cluster", "preferred_maintenance_window", "preferred_backup_window"],
      ["aws_rds_cluster_instance", "preferred_maintenance_window", ""],
      ["aws_db_instance", "maintenance_window", "backup_window"],
      ["aws_elasticache_replication_group", "maintenance_window", "snapshot_window"],
    ];
    for (const [type, weeklyField, dailyField] of fields) {
      for (const { stack, name, r } of allResources(stacks, type)) {
        const w = r[weeklyField] as string | undefined;
        const d = dailyField ? (r[dailyField] as string | undefined) : undefined;
        if (w !== undefined) expect(w, `${stack.stackName} ${type}.${name}.${weeklyField}`).toMatch(WEEKLY);
        if (d !== undefined) expect(d, `${stack.stackName} ${type}.${name}.${dailyField}`).toMatch(DAILY);
        if (w !== undefined && d !== undefined) expect(overlaps(d, w), `${stack.stackName} ${type}.${name}: ${d} overlaps ${w}`).toBe(false);
        if (w !== undefined) checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("class 2: depends_on lists bare references, never ${...} template strings", () => {
    for (const s of stacks) {
      for (const kind of ["resource", "data"] as const) {
        for (const [type, byName] of Object.entries(s.json[kind] ?? {})) {
          for (const [name, r] of Object.entries(byName as Record<string, R>)) {
            for (const dep of (r["depends_on"] as string[] | undefined) ?? [])
              expect(dep, `${s.stackName} ${type}.${name}`).toMatch(/^(data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+$/);
          }
        }
      }
    }
  });

  it("class 4: every service that uses a customer-managed key on its own behalf is allowed by that key's policy (across stacks)", () => {
    const uses = keyUses(stacks);
    expect(uses.length).toBeGreaterThan(5);
    const missing: string[] = [];
    for (const u of uses) {
      if (!u.key) continue; // an AWS managed key or a literal ARN: not ours to derive
      const policy = keyPolicy(stacks, u.key);
      const allowed = u.grant ? policy.grants.has(u.principal) && policy.principals.has(u.principal) : policy.principals.has(u.principal);
      if (!allowed)
        missing.push(
          `${u.user} needs ${u.principal}${u.grant ? " (with CreateGrant for AWS resources)" : ""} in ${u.key.stack.stackName}/${u.key.type}.${u.key.name}`,
        );
      // CloudWatch Logs is regional: the key's region must be the log group's.
      if (u.principal.startsWith("logs.")) expect(u.principal, u.user).toBe(`logs.${policy.region}.amazonaws.com`);
    }
    expect(missing).toEqual([]);
  });

  it("class 5: every service-linked role a policy names is created by the account foundation, which deploys before every other stack", () => {
    const resolved = resolveEnv(root, env, WORKLOADS);
    const foundation = resolved.deployments[0]!;
    expect(foundation.id).toBe(`${resolved.regions.find((r) => r.role === "primary")!.name}/account/foundation`);
    for (const d of resolved.deployments.slice(1)) expect(d.dependencies["foundation"], d.id).toBe(foundation.id);
    const fstack = stacks.find((s) => s.stackName === foundation.stackName)!;
    const created = new Set(resources(fstack, "aws_iam_service_linked_role").map(([, r]) => String(r["aws_service_name"])));
    const named = new Set<string>();
    for (const s of stacks) {
      for (const doc of Object.values((s.json.data?.["aws_iam_policy_document"] ?? {}) as Record<string, { statement?: Statement[] }>)) {
        for (const st of doc.statement ?? []) {
          for (const id of (st.principals ?? []).flatMap((p) => p.identifiers)) {
            const m = /:role\/aws-service-role\/([^/]+)\//.exec(id);
            if (m) named.add(m[1]!);
          }
        }
      }
    }
    for (const service of named) expect(created, `${service} is named by a policy`).toContain(service);
    // Exactly one owner per role in the account.
    const all = allResources(stacks, "aws_iam_service_linked_role").map(({ r }) => String(r["aws_service_name"]));
    expect(all.length).toBe(new Set(all).size);
    for (const service of all) expect(Object.keys(SERVICE_LINKED_ROLES)).toContain(service);
  });

  it("class 6: each load balancer logs under the prefix its SSE-S3 log bucket's policy allows, for the regional ELB principal", () => {
    for (const { stack, name, r } of allResources(stacks, "aws_lb")) {
      const logs = r["access_logs"] as R | undefined;
      if (!logs || logs["enabled"] !== true) continue;
      const bucket = target(stacks, stack, logs["bucket"])!;
      expect(bucket.type, `${stack.stackName} aws_lb.${name}`).toBe("aws_s3_bucket");
      const account = env.accountId;
      const policies = resources(bucket.stack, "aws_s3_bucket_policy").filter(([, p]) => String(p["bucket"]).includes(`aws_s3_bucket.${bucket.name}.`));
      const allows = policies.flatMap(([, p]) => docStatements(bucket.stack, p["policy"])).filter((st) => (st.actions ?? []).includes("s3:PutObject"));
      const path = `\${aws_s3_bucket.${bucket.name}.arn}/${String(logs["prefix"])}/AWSLogs/${account}/*`;
      const statement = allows.find((st) => (st.resources ?? []).includes(path));
      expect(statement, `${stack.stackName} aws_lb.${name} writes ${path}`).toBeDefined();
      expect(statement!.principals!.flatMap((p) => p.identifiers)[0]).toMatch(/^(arn:aws:iam::\d{12}:root|logdelivery\.elasticloadbalancing\.amazonaws\.com)$/);
      const sse = resources(bucket.stack, "aws_s3_bucket_server_side_encryption_configuration").find(([, c]) =>
        String(c["bucket"]).includes(`aws_s3_bucket.${bucket.name}.`),
      )![1];
      expect(JSON.stringify(sse["rule"]), "ALB logs need SSE-S3").toContain('"sse_algorithm":"AES256"');
    }
  });

  it("class 7: WAFv2, security group and IAM names and descriptions match the APIs' patterns", () => {
    const problems: string[] = [];
    const check = (kind: Parameters<typeof checkAwsText>[0], types: string[], field: string) => {
      for (const type of types) {
        for (const { stack, name, r } of allResources(stacks, type)) {
          const value = r[field];
          // References (${...}) are checked where they are made.
          if (typeof value !== "string" || value.includes("${")) continue;
          const problem = checkAwsText(kind, value);
          if (problem) problems.push(`${stack.stackName} ${type}.${name}.${field}: ${problem}`);
        }
      }
    };
    check("wafName", ["aws_wafv2_web_acl"], "name");
    check("wafDescription", ["aws_wafv2_web_acl"], "description");
    check("securityGroupDescription", ["aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"], "description");
    check("iamName", ["aws_iam_role"], "name");
    check("iamDescription", ["aws_iam_role"], "description");
    expect(problems).toEqual([]);
  });

  it("class 10: one owner per account/region singleton", () => {
    const perRegion = (type: string) => allResources(stacks, type).map(({ stack, r }) => `${type} in ${String(r["region"] ?? regionOf(stack))}`);
    for (const list of [
      perRegion("aws_api_gateway_account"),
      perRegion("aws_config_configuration_recorder"),
      perRegion("aws_config_delivery_channel"),
      perRegion("aws_ebs_encryption_by_default"),
    ]) {
      expect(list.length, list.join(", ")).toBe(new Set(list).size);
    }
    const oidc = allResources(stacks, "aws_iam_openid_connect_provider").map(({ r }) => String(r["url"]));
    expect(oidc.length).toBe(new Set(oidc).size);
    // The API Gateway account setting lives in the foundation only, never in a workload.
    for (const { stack } of allResources(stacks, "aws_api_gateway_account")) expect(stack.stackName).toMatch(/-account-foundation$/);
  });

  it("class 13: the deploy role manages every service the env synthesizes", () => {
    const ci = stacks.find((s) => s.stackName.endsWith("-security-ci-access"))!;
    const manage = resources(ci, "aws_iam_role_policy").find(([, p]) => p["name"] === "manage-infrastructure")![1];
    const action = (JSON.parse(String(manage["policy"])) as { Statement: { Sid: string; Action: string[] }[] }).Statement.find(
      (s) => s.Sid === "ManageInfrastructure",
    )!.Action;
    const types = stacks.flatMap((s) => [...Object.keys(s.json.resource ?? {}), ...Object.keys(s.json.data ?? {})]);
    expect(action).toEqual(iamServicesOfTypes(types).map((s) => `${s}:*`));
  });

  it("class 15: RDS instances pin the major version with auto minor upgrades; Aurora ignores minor drift after creation", () => {
    for (const { stack, name, r } of allResources(stacks, "aws_db_instance")) {
      if (r["replicate_source_db"] !== undefined) continue;
      expect(r["engine_version"], `${stack.stackName} ${name}`).toMatch(/^\d+$/);
      expect(r["auto_minor_version_upgrade"]).toBe(true);
    }
    for (const type of ["aws_rds_cluster", "aws_rds_global_cluster"]) {
      for (const { stack, name, r } of allResources(stacks, type)) {
        expect((r["lifecycle"] as R | undefined)?.["ignore_changes"], `${stack.stackName} ${type}.${name}`).toContain("engine_version");
      }
    }
    for (const { r } of allResources(stacks, "aws_rds_cluster_instance")) expect(r["auto_minor_version_upgrade"]).toBe(true);
  });
});
