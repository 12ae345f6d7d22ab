/**
 * What other parts of the repo add to the synthesized JSON must not make the family report false
 * findings, nor blind it:
 * - plan on a fresh env: remote states whose backend/config are expressions (S3, else an empty
 *   `inmem` state), `data.aws_s3_objects` probes, `defaults`, a `check` block, locals, and a
 *   `terraform_data` guard (count, precondition with `timestamp()`) every resource depends on;
 * - a foundation stack deployed first that owns the service-linked roles and the API Gateway
 *   account settings;
 * - `ephemeral` blocks and write-only arguments (`password_wo`, `secret_string_wo`).
 */
import { describe, expect, it } from "vitest";
import type { JsonObject, TerraformJson } from "../types";
import { evaluatePreflight } from "./evaluate";
import { AUTOSCALING_SLR as SLR, EnvFixture, KEY_STATEMENTS, TEST_TODAY } from "./test-harness";
import type { PreflightStackInput } from "./types";

const GUARD = "terraform_data.cross-stack-placeholder-guard";

type Blocks = Record<string, Record<string, JsonObject>>;

/** The JSON shape of the fresh-env fallbacks (docs/fresh-env-plan.md), applied to one consumer stack. */
function withFreshEnvFallbacks(json: TerraformJson): TerraformJson {
  const data = { ...(json.data as Blocks) };
  const states: Record<string, JsonObject> = {};
  const probes: Record<string, JsonObject> = {};
  for (const [name, state] of Object.entries(data["terraform_remote_state"] ?? {})) {
    const config = state["config"] as { bucket: string; key: string; region: string };
    const probe = `cross-stack-state-${name.slice("cross-stack-reference-input-".length)}`;
    probes[probe] = { bucket: config.bucket, prefix: config.key, max_keys: 1, region: config.region };
    const applied = `contains(data.aws_s3_objects.${probe}.keys, "${config.key}")`;
    states[name] = {
      backend: `\${${applied} ? "s3" : "inmem"}`,
      config: `\${${applied} ? tomap({bucket = "${config.bucket}", dynamodb_table = "locks", encrypt = "true", key = "${config.key}", region = "${config.region}"}) : tomap({})}`,
      workspace: `\${${applied} ? terraform.workspace : "cross-stack-placeholder"}`,
      defaults: { placeholder: "placeholder-00000000" },
    };
  }
  const resource: Blocks = {};
  for (const [type, byName] of Object.entries((json.resource ?? {}) as Blocks)) {
    resource[type] = Object.fromEntries(
      Object.entries(byName).map(([n, body]) => [n, { ...body, depends_on: [...((body["depends_on"] as string[] | undefined) ?? []), GUARD] }]),
    );
  }
  resource["terraform_data"] = {
    "cross-stack-placeholder-guard": {
      count: "${length(local.cross-stack-placeholders) > 0 ? 1 : 0}",
      input: "${local.cross-stack-placeholders}",
      lifecycle: {
        precondition: [{ condition: '${length(local.cross-stack-placeholders) == 0 || timestamp() == ""}', error_message: "Refusing to apply: placeholders" }],
      },
    },
  };
  return {
    ...json,
    data: { ...data, aws_s3_objects: probes, terraform_remote_state: states },
    resource,
    locals: { "cross-stack-placeholders": "${compact([])}" },
    check: {
      "cross-stack-placeholders": {
        assert: [{ condition: "${length(local.cross-stack-placeholders) == 0}", error_message: "This plan uses placeholder values" }],
      },
    },
  } as TerraformJson;
}

const { ROOT, LOGS, ASG_USE, ASG_GRANT } = KEY_STATEMENTS;
const keyPolicy = (sids: string[]): JsonObject => ({ statement: [ROOT, ...(sids.includes("logs") ? [LOGS] : []), ASG_USE, ASG_GRANT] });

const trust = (service: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });

/**
 * foundation (first, no stack declares it a dependency) → kms (us-east-1) and kms-west (us-west-2),
 * both naming the Auto Scaling service-linked role literally → app, planned on a fresh env, using
 * the key for a log group and Auto Scaling volumes → db with ephemeral, write-only credentials.
 */
function env(options: { logsGrant: boolean; foundation: boolean }): PreflightStackInput[] {
  const e = new EnvFixture({
    ...(options.foundation
      ? {
          "account-foundation": {
            resource: {
              aws_iam_service_linked_role: { asg: { aws_service_name: "autoscaling.amazonaws.com" }, ecs: { aws_service_name: "ecs.amazonaws.com" } },
              aws_iam_openid_connect_provider: { github: { url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] } },
              aws_iam_role: {
                apigw: { name: "api-gateway-cloudwatch", assume_role_policy: trust("apigateway.amazonaws.com") },
                deploy: { name: "ci-deploy", assume_role_policy: "${data.aws_iam_policy_document.ci.json}" },
              },
              aws_iam_role_policy_attachment: { deploy: { role: "${aws_iam_role.deploy.name}", policy_arn: "arn:aws:iam::aws:policy/AdministratorAccess" } },
              aws_api_gateway_account: { this: { cloudwatch_role_arn: "${aws_iam_role.apigw.arn}" } },
            },
            data: {
              aws_iam_policy_document: {
                ci: {
                  statement: [
                    {
                      effect: "Allow",
                      actions: ["sts:AssumeRoleWithWebIdentity"],
                      principals: [{ type: "Federated", identifiers: ["${aws_iam_openid_connect_provider.github.arn}"] }],
                      condition: [{ test: "StringLike", variable: "token.actions.githubusercontent.com:sub", values: ["repo:acme/infra:*"] }],
                    },
                  ],
                },
              },
            },
          },
        }
      : {}),
    kms: {
      resource: { aws_kms_key: { k: { enable_key_rotation: true, policy: "${data.aws_iam_policy_document.k.json}" } } },
      data: { aws_iam_policy_document: { k: keyPolicy(options.logsGrant ? ["logs"] : []) } },
    },
    "kms-west": {
      region: "us-west-2",
      resource: { aws_kms_key: { k: { enable_key_rotation: true, policy: "${data.aws_iam_policy_document.k.json}" } } },
      data: { aws_iam_policy_document: { k: keyPolicy([]) } },
    },
    app: {},
    db: {
      resource: {
        aws_secretsmanager_secret: { master: { name: "db-master" } },
        aws_secretsmanager_secret_version: {
          initial: {
            secret_id: "${aws_secretsmanager_secret.master.arn}",
            secret_string_wo: '${jsonencode({"password" = ephemeral.aws_secretsmanager_random_password.pw.random_password})}',
            secret_string_wo_version: 1,
          },
        },
        aws_db_instance: {
          db: {
            identifier: "app-db",
            engine: "postgres",
            engine_version: "16",
            instance_class: "db.t4g.micro",
            username: "app",
            password_wo: '${jsondecode(ephemeral.aws_secretsmanager_secret_version.stored.secret_string)["password"]}',
            password_wo_version: 1,
            depends_on: ["aws_secretsmanager_secret_version.initial"],
          },
        },
      },
      data: {
        aws_secretsmanager_secret_version: {
          stored: { secret_id: "${aws_secretsmanager_secret.master.arn}", depends_on: ["aws_secretsmanager_secret_version.initial"] },
        },
      },
    },
  });
  const key = e.ref("kms", "app", "aws_kms_key.k.arn");
  e.add("app", {
    resource: {
      aws_cloudwatch_log_group: { api: { name: "/aws/lambda/api", kms_key_id: key } },
      aws_launch_template: { lt: { name: "ecs", block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "true", kms_key_id: key } }] } },
      aws_autoscaling_group: { asg: { max_size: 2, min_size: 1, launch_template: { id: "${aws_launch_template.lt.id}", version: "$Latest" } } },
    },
  });
  return e.inputs().map((s) => {
    if (s.name === "app") return { ...s, json: withFreshEnvFallbacks(s.json) };
    if (s.name !== "db") return s;
    const ephemeral = {
      aws_secretsmanager_random_password: { pw: { password_length: 32, exclude_punctuation: true } },
      aws_secretsmanager_secret_version: {
        stored: { secret_id: "${aws_secretsmanager_secret.master.arn}", version_id: "${aws_secretsmanager_secret_version.initial.version_id}" },
      },
    };
    const resource = s.json.resource as Blocks;
    const db = {
      ...resource["aws_db_instance"]!["db"]!,
      depends_on: ["aws_secretsmanager_secret_version.initial", "ephemeral.aws_secretsmanager_secret_version.stored"],
    };
    return { ...s, json: { ...s.json, ephemeral, resource: { ...resource, aws_db_instance: { db } } } as TerraformJson };
  });
}

function failures(stacks: PreflightStackInput[]) {
  return evaluatePreflight(stacks, { today: TEST_TODAY })
    .flatMap((r) => r.results)
    .filter((r) => r.status === "failed")
    .map((r) => `${r.rule} ${r.stack}/${r.address}: ${r.findings.map((f) => f.found).join("; ")}`);
}

describe("preflight with the JSON other features add", () => {
  it("Compliance: fresh-env fallbacks, a foundation stack deployed first, ephemeral blocks and write-only arguments raise nothing", () => {
    const stacks = env({ logsGrant: true, foundation: true });
    expect(failures(stacks)).toEqual([]);
    // Not blind: the guard, the probe and the write-only secret version were seen and checked.
    const checked = evaluatePreflight(stacks, { today: TEST_TODAY }).flatMap((r) => r.results.map((x) => `${x.rule} ${x.stack}/${x.address}`));
    expect(checked).toEqual(
      expect.arrayContaining([
        "PRE-TF-001 app/aws_cloudwatch_log_group.api",
        "PRE-TF-001 db/aws_db_instance.db",
        "PRE-KMS-001 kms/aws_kms_key.k",
        "PRE-IAM-001 kms-west/aws_kms_key.k",
        "PRE-ONE-001 account-foundation/aws_api_gateway_account.this",
        "PRE-CI-001 account-foundation/aws_iam_role.deploy",
      ]),
    );
  });

  it("Noncompliance: through the fallback remote state, the key's users are still found; without the foundation the role does not exist", () => {
    expect(failures(env({ logsGrant: false, foundation: true }))).toEqual([
      "PRE-KMS-001 kms/aws_kms_key.k: nothing allows CloudWatch Logs (logs.us-east-1.amazonaws.com) kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, kms:GenerateDataKey, kms:DescribeKey under a condition on kms:EncryptionContext:aws:logs:arn (used by app/aws_cloudwatch_log_group.api.kms_key_id)",
    ]);
    expect(failures(env({ logsGrant: true, foundation: false }))).toEqual([
      `PRE-IAM-001 kms/aws_kms_key.k: ${SLR} (no stack of the env creates it)`,
      `PRE-IAM-001 kms-west/aws_kms_key.k: ${SLR} (no stack of the env creates it)`,
    ]);
  });

  it("Noncompliance: a depends_on naming an ephemeral block the stack does not declare fails", () => {
    const stacks = env({ logsGrant: true, foundation: true }).map((s) => (s.name === "db" ? { ...s, json: { ...s.json, ephemeral: {} } as TerraformJson } : s));
    expect(failures(stacks)).toEqual(["PRE-TF-001 db/aws_db_instance.db: ephemeral.aws_secretsmanager_secret_version.stored"]);
  });
});
