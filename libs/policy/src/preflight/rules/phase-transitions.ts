import { isUnknown } from "../env-index";
import type { TransitionRule } from "../transition";
import { stackSubject } from "../transition";
import type { EnvIndex, Located } from "../types";

/**
 * A stack of the previous config that the next config no longer synthesizes still has resources
 * in AWS and a state object in S3; `infra destroy --stack` cannot reach it (nothing synthesizes
 * it), and `deploy` never looks at it again.
 */
export const removedStacks: TransitionRule = {
  id: "PRE-PHASE-001",
  title: "A config change does not drop a stack that still has resources (no destroy path)",
  consequence:
    "the dropped stack's resources keep running and costing, orphaned with their state object; `infra destroy --stack <name>` fails because the stack no longer synthesizes",
  severity: "high",
  defects: [14],
  check(before, after) {
    return before.stacks
      .filter((s) => !after.stack(s.name))
      .map((s) => {
        const managed = s.index.resources.filter((r) => r.mode === "managed");
        return { s, managed };
      })
      .filter(({ managed }) => managed.length > 0)
      .map(({ s, managed }) => ({
        stack: s.name,
        resource: stackSubject(s.name),
        findings: [
          {
            attribute: "stack",
            found: `synthesized before with ${managed.length} resources (${managed
              .slice(0, 3)
              .map((r) => r.address)
              .join(", ")}${managed.length > 3 ? ", ..." : ""}), absent after`,
            expected:
              "a destroy path: keep the deployment for one transition with its resources removed (deploy then destroys them), or destroy the stack before the config change, and say so in the migration notes",
          },
        ],
      }));
  },
};

/** What makes two resources the same object in AWS, per type (names are unique per account and region, IAM/S3 per account). */
const IDENTITY: Readonly<Record<string, { attrs: readonly string[]; global?: boolean }>> = {
  aws_s3_bucket: { attrs: ["bucket"], global: true },
  aws_iam_role: { attrs: ["name"], global: true },
  aws_iam_policy: { attrs: ["name", "path"], global: true },
  aws_iam_user: { attrs: ["name"], global: true },
  aws_iam_instance_profile: { attrs: ["name"], global: true },
  aws_lambda_function: { attrs: ["function_name"] },
  aws_sqs_queue: { attrs: ["name"] },
  aws_sns_topic: { attrs: ["name"] },
  aws_cloudwatch_log_group: { attrs: ["name"] },
  aws_cloudwatch_metric_alarm: { attrs: ["alarm_name"] },
  aws_cloudwatch_event_rule: { attrs: ["name", "event_bus_name"] },
  aws_dynamodb_table: { attrs: ["name"] },
  aws_db_instance: { attrs: ["identifier"] },
  aws_rds_cluster: { attrs: ["cluster_identifier"] },
  aws_elasticache_replication_group: { attrs: ["replication_group_id"] },
  aws_ecr_repository: { attrs: ["name"] },
  aws_ecs_cluster: { attrs: ["name"] },
  aws_secretsmanager_secret: { attrs: ["name"] },
  aws_ssm_parameter: { attrs: ["name"] },
  aws_kms_alias: { attrs: ["name"] },
  aws_lb: { attrs: ["name"] },
  aws_lb_target_group: { attrs: ["name"] },
  aws_wafv2_web_acl: { attrs: ["name", "scope"] },
  aws_route53_zone: { attrs: ["name"], global: true },
};

function zoneName(env: EnvIndex, l: Located): string | undefined {
  const t = env.resolve(l.stack, l.resource.values["zone_id"]);
  const raw = t?.resource?.type === "aws_route53_zone" ? t.resource.values["name"] : undefined;
  const name = typeof raw === "string" ? env.render(t!.stack, raw) : undefined;
  return name && !isUnknown(name) ? name.replace(/\.$/, "") : undefined;
}

/** The identity of a resource in AWS (key and words), or undefined when synth cannot know it. */
function identity(env: EnvIndex, l: Located): { key: string; label: string } | undefined {
  const r = l.resource;
  const render = (attr: string) => {
    const v = r.values[attr];
    if (v === undefined) return "";
    if (typeof v !== "string") return undefined;
    const s = env.render(l.stack, v);
    return isUnknown(s) ? undefined : s;
  };
  if (r.type === "aws_route53_record") {
    const zone = zoneName(env, l);
    const parts = [zone, render("name"), render("type"), render("set_identifier")];
    if (parts.some((p) => p === undefined)) return undefined;
    return {
      key: `${l.stack.account}|aws_route53_record|${parts.join("|")}`,
      label: `Route 53 record ${parts[1]} ${parts[2]}${parts[3] ? ` (${parts[3]})` : ""} in ${zone}`,
    };
  }
  const spec = IDENTITY[r.type];
  if (!spec) return undefined;
  const parts = spec.attrs.map(render);
  if (parts.some((p) => p === undefined) || !parts[0]) return undefined;
  return {
    key: `${l.stack.account}|${spec.global ? "*" : l.stack.regionOf(r)}|${r.type}|${parts.join("|")}`,
    label: `${r.type} ${parts.filter(Boolean).join(" ")}`,
  };
}

function moved(after: EnvIndex, stack: string, from: string, to: string): boolean {
  const raw = after.stack(stack)?.json["moved"];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.some((m) => (m as { from?: string; to?: string }).from === from && (m as { to?: string }).to === to);
}

function identities(env: EnvIndex): Map<string, Located & { label: string }> {
  const out = new Map<string, Located & { label: string }>();
  for (const stack of env.stacks) {
    for (const resource of stack.index.resources) {
      if (resource.mode !== "managed") continue;
      const id = identity(env, { stack, resource });
      if (id && !out.has(id.key)) out.set(id.key, { stack, resource, label: id.label });
    }
  }
  return out;
}

/**
 * The same AWS object (a Route 53 record, a named bucket, role, queue, ...) under a new address in
 * the next config: Terraform destroys the old address and creates the new one with no order
 * between them (or in different stacks, in deploy order), so the create meets the object it is
 * replacing. A `moved` block (same stack) keeps the object.
 */
export const readdressedResources: TransitionRule = {
  id: "PRE-PHASE-002",
  title: "A config change keeps each AWS object at its Terraform address (or moves it with a moved block)",
  consequence:
    'plan shows destroy + create of the same object; the create races the destroy and fails (Route 53: "InvalidChangeBatch: Tried to create resource record set but it already exists"; named resources: AlreadyExists / EntityAlreadyExists)',
  severity: "high",
  defects: [14],
  check(before, after) {
    const old = identities(before);
    const out = [];
    for (const [id, now] of identities(after)) {
      const was = old.get(id);
      if (!was || (was.stack.name === now.stack.name && was.resource.address === now.resource.address)) continue;
      if (was.stack.name === now.stack.name && moved(after, now.stack.name, was.resource.address, now.resource.address)) continue;
      const sameStack = was.stack.name === now.stack.name;
      out.push({
        stack: now.stack.name,
        resource: now.resource,
        findings: [
          {
            attribute: "address",
            found: `${now.label} was ${was.stack.name}/${was.resource.address} in the previous config`,
            expected: sameStack
              ? `the same address, or a moved block { from = ${was.resource.address}, to = ${now.resource.address} }`
              : `the same stack and address; moving it across stacks needs terraform import into ${now.stack.name} and state rm from ${was.stack.name}, in a documented step`,
          },
        ],
      });
    }
    return out;
  },
};

export const transitionRules: readonly TransitionRule[] = [removedStacks, readdressedResources];
