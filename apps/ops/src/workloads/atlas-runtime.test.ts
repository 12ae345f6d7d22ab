import { env as prodEnv } from "@envs/prod";
import { env as stagingEnv } from "@envs/staging";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { atlasOnly } from "./atlas-variant";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped
type Res = Record<string, any>;
type Container = {
  name: string;
  image: string;
  essential: boolean;
  environment: { name: string; value: string }[];
  secrets: { name: string; valueFrom: string }[];
  memoryReservation?: number;
};

const stackOf = (stacks: StackJson[], suffix: string): StackJson => stacks.find((s) => s.stackName.endsWith(suffix))!;
const values = (s: StackJson, type: string): Res[] => Object.values(resourcesOfType(s.json, type));
const docs = (s: StackJson): Record<string, Res> => ((s.json as Res)["data"]?.["aws_iam_policy_document"] ?? {}) as Record<string, Res>;
const statementsOf = (s: StackJson, prefix: string): Res[] => Object.entries(docs(s)).find(([k]) => k.startsWith(prefix))![1]["statement"];
const containers = (s: StackJson): Map<string, Container[]> =>
  new Map(
    values(s, "aws_ecs_task_definition").map((d) => [
      String(d["family"]).replace(/^acct-atlas-/, ""),
      JSON.parse(String(d["container_definitions"])) as Container[],
    ]),
  );
const env = (c: Container, name: string) => c.environment.find((e) => e.name === name)?.value;
const JAVA = ["api-gateway", "user-service", "video-service", "location-service", "search-service", "moderation-service", "notification-service"];

const prod = { 2: synthEnvOnce(atlasOnly(prodEnv, 2)), 3: synthEnvOnce(atlasOnly(prodEnv, 3)), 4: synthEnvOnce(atlasOnly(prodEnv, 4)) };
const staging3 = synthEnvOnce(atlasOnly(stagingEnv, 3));

describe("Redis auth the services use without SDK code: AUTH token over TLS from Secrets Manager (ADR 0100)", () => {
  for (const [label, stacks, envName] of [
    ["prod phase 2", prod[2], "prod"],
    ["staging phase 3", staging3, "staging"],
  ] as const) {
    it(`${label}: the token is generated write-only into its secret, the cache requires it, every service gets it as REDIS_PASSWORD`, () => {
      const secrets = stackOf(stacks, "atlas-security-secrets");
      const [secretKey, secret] = Object.entries(resourcesOfType(secrets.json, "aws_secretsmanager_secret")).find(
        ([, s]) => s["name"] === `accountabilityatlas/${envName}/redis-auth-token`,
      )!;
      expect(secret["kms_key_id"]).toMatch(/aws_kms_key.*data/);
      const ephemeral = (secrets.json as Res)["ephemeral"]["aws_secretsmanager_random_password"];
      const [randomName, random] = Object.entries(ephemeral as Record<string, Res>).find(([k]) => k.startsWith("redis-auth-token"))!;
      expect(random).toEqual({ password_length: 64, exclude_punctuation: true, require_each_included_type: true });
      expect(values(secrets, "aws_secretsmanager_secret_version")).toEqual([
        expect.objectContaining({
          secret_id: `\${aws_secretsmanager_secret.${secretKey}.arn}`,
          secret_string_wo: `\${ephemeral.aws_secretsmanager_random_password.${randomName}.random_password}`,
          secret_string_wo_version: 1,
        }),
      ]);
      expect(JSON.stringify(secrets.json)).not.toContain('"secret_string"');

      const redis = stackOf(stacks, "atlas-data-redis");
      const [group] = values(redis, "aws_elasticache_replication_group");
      const tokenRef = Object.entries((redis.json as Res)["data"]["aws_secretsmanager_secret_version"] as Record<string, Res>)[0]!;
      expect(tokenRef[1]["secret_id"]).toMatch(
        new RegExp(`atlas-security-secrets\\.outputs\\.cross-stack-output-aws_secretsmanager_secret${secretKey.replace(/_secret_.*/, "")}_secret_[0-9A-F]+arn`),
      );
      expect(group).toMatchObject({
        auth_token: `\${data.aws_secretsmanager_secret_version.${tokenRef[0]}.secret_string}`,
        auth_token_update_strategy: "ROTATE",
        transit_encryption_enabled: true,
        transit_encryption_mode: "required",
      });
      expect(group!["user_group_ids"]).toBeUndefined();
      expect(values(redis, "aws_elasticache_user")).toEqual([]);

      const ecs = stackOf(stacks, "atlas-services-ecs");
      const byService = containers(ecs);
      expect([...byService.keys()].sort()).toEqual([...JAVA, "web-app"].sort());
      for (const [service, [app]] of byService) {
        expect(
          app!.secrets.find((s) => s.name === "REDIS_PASSWORD"),
          service,
        ).toEqual({ name: "REDIS_PASSWORD", valueFrom: tokenRef[1]["secret_id"] });
        expect([env(app!, "REDIS_HOST"), env(app!, "REDIS_PORT"), env(app!, "REDIS_SSL")]).toEqual([
          expect.stringContaining("primary_endpoint_address"),
          "6379",
          "true",
        ]);
        expect(env(app!, "REDIS_USERNAME")).toBeUndefined();
        const exec = statementsOf(ecs, `${service}_execution-policy-doc`);
        expect(exec.find((s) => s["sid"] === "ReadSecrets")!["resources"]).toContain(tokenRef[1]["secret_id"]);
        expect(exec.find((s) => s["sid"] === "DecryptSecrets")).toMatchObject({
          actions: ["kms:Decrypt"],
          resources: [expect.stringMatching(/aws_kms_keydata_key/)],
        });
      }
      // No IAM cache auth left: nothing signs tokens.
      expect(JSON.stringify(docs(ecs))).not.toContain("elasticache:Connect");
    });
  }
});

describe("database logins a rotation never breaks: the services log in as alternating application users (ADR 0145)", () => {
  // masterRotated: from the phase with read replicas the master secret is ours and our function rotates it (ADR 0150).
  for (const [label, stacks, envName, masterRotated] of [
    ["prod phase 2", prod[2], "prod", false],
    ["prod phase 3", prod[3], "prod", true],
    ["prod phase 4", prod[4], "prod", true],
    ["staging phase 3", staging3, "staging", false],
  ] as const) {
    it(`${label}: every Java service reads username and password from the login secret, not the master secret; the rotation redeploy follows that secret${masterRotated ? "; a failed rotation of either secret alarms" : ""}`, () => {
      const rds = stackOf(stacks, "us-east-1-atlas-data-rds");
      const ecs = stackOf(stacks, "us-east-1-atlas-services-ecs");
      const [secretKey, secret] = Object.entries(resourcesOfType(rds.json, "aws_secretsmanager_secret")).find(([, v]) =>
        String(v["name"]).endsWith("/database-app"),
      )!;
      expect(secret["name"]).toBe(`accountabilityatlas/${envName}/database-app`);
      const [fn] = values(rds, "aws_lambda_function");
      expect(fn).toMatchObject({
        function_name: `acct-atlas-${envName}-db-logins`,
        environment: { variables: { OWNER: "atlas_owner", LOGINS: "atlas_app,atlas_app_clone" } },
      });
      expect(values(rds, "aws_secretsmanager_secret_rotation").find((r) => String(r["secret_id"]).includes(secretKey))).toMatchObject({
        rotation_rules: { automatically_after_days: 30 },
      });
      // The ECS stack reads the rds stack's output: every Java container names the same login secret.
      const from = new Set<string>();
      for (const name of JAVA) {
        const c = containers(ecs).get(name)![0]!;
        const user = c.secrets.find((x) => x.name === "SPRING_DATASOURCE_USERNAME")!.valueFrom;
        const password = c.secrets.find((x) => x.name === "SPRING_DATASOURCE_PASSWORD")!.valueFrom;
        expect(user.replace(/:username::$/, "")).toBe(password.replace(/:password::$/, ""));
        from.add(password.replace(/:password::$/, ""));
      }
      expect(from.size).toBe(1);
      const outputs = (rds.json as Res)["output"] as Record<string, { value: string }>;
      const exported = Object.entries(outputs).find(([, o]) => o.value.includes(`aws_secretsmanager_secret.${secretKey}.arn`));
      expect(exported, "the rds stack exports the login secret's ARN").toBeDefined();
      expect([...from][0]).toContain(exported![0]);
      const masterRotation = values(rds, "aws_secretsmanager_secret_rotation").filter((r) => !String(r["secret_id"]).includes(secretKey));
      expect(masterRotation).toHaveLength(masterRotated ? 1 : 0);
      const masterExport = Object.keys(outputs).find((k) => k.includes("master-secret") && k.endsWith("arn"));
      const rules = values(ecs, "aws_cloudwatch_event_rule").map((r) => JSON.parse(r["event_pattern"]));
      expect(rules.map((r) => [r.detail.eventName, r.detail.additionalEventData.SecretId.length]).sort()).toEqual([
        [["RotationFailed"], masterRotated ? 2 : 1],
        [["RotationSucceeded"], 1],
      ]);
      const [failedIds, succeededIds] = ["RotationFailed", "RotationSucceeded"].map(
        (name) => rules.find((r) => r.detail.eventName[0] === name)!.detail.additionalEventData.SecretId as string[],
      );
      expect(succeededIds).toEqual([...from]);
      expect(failedIds![0]).toBe([...from][0]);
      if (masterRotated) expect(failedIds![1]).toContain(masterExport!);
      // A failed rotation goes to the critical topic.
      const failed = values(ecs, "aws_cloudwatch_event_target").find((t) => t["target_id"] === "alert-topic")!;
      expect(failed["arn"]).toContain("critical");
    });
  }
});

describe("database credentials survive rotation: a RotationSucceeded of the DB secret redeploys every task reading it (ADR 0100)", () => {
  it("prod phase 2: the rule matches exactly the secret the services read; the state machine may force-deploy exactly the seven Java services", () => {
    const ecs = stackOf(prod[2], "atlas-services-ecs");
    const dbSecret = containers(ecs)
      .get("user-service")![0]!
      .secrets.find((s) => s.name === "SPRING_DATASOURCE_PASSWORD")!
      .valueFrom.replace(/:password::$/, "");
    const rule = values(ecs, "aws_cloudwatch_event_rule").find((r) => JSON.parse(r["event_pattern"]).detail.eventName[0] === "RotationSucceeded");
    expect(JSON.parse(rule!["event_pattern"])).toEqual({
      source: ["aws.secretsmanager"],
      "detail-type": ["AWS Service Event via CloudTrail"],
      detail: { eventSource: ["secretsmanager.amazonaws.com"], eventName: ["RotationSucceeded"], additionalEventData: { SecretId: [dbSecret] } },
    });
    const target = values(ecs, "aws_cloudwatch_event_target").find((t) => t["target_id"] !== "alert-topic");
    const input = JSON.parse(target!["input"]);
    const serviceKey = (name: string) => Object.keys(resourcesOfType(ecs.json, "aws_ecs_service")).find((k) => k.startsWith(`${name}_`))!;
    expect(input).toEqual({ rolling: JAVA.map((n) => `\${aws_ecs_service.${serviceKey(n)}.name}`), blueGreen: [] });
    const sfn = statementsOf(ecs, "db-rotation-redeploy_sfn-policy");
    expect(sfn.find((s) => s["sid"] === "ForceNewDeployment")).toEqual({
      sid: "ForceNewDeployment",
      effect: "Allow",
      actions: ["ecs:UpdateService"],
      resources: JAVA.map((n) => `\${aws_ecs_service.${serviceKey(n)}.arn}`),
    });
    expect(sfn.map((s) => s["sid"])).not.toContain("CodeDeployDeployment");
    const [machine] = values(ecs, "aws_sfn_state_machine");
    expect(statementsOf(ecs, "db-rotation-redeploy_rule_events-policy")).toEqual([
      {
        sid: "StartTargets",
        effect: "Allow",
        actions: ["states:StartExecution"],
        resources: [`\${aws_sfn_state_machine.${Object.keys(resourcesOfType(ecs.json, "aws_sfn_state_machine"))[0]}.arn}`],
      },
    ]);
    const definition = JSON.parse(machine!["definition"]);
    expect(definition.States.RollingServices.ItemProcessor.States.ForceNewDeployment).toMatchObject({
      Resource: "arn:aws:states:::aws-sdk:ecs:updateService",
      Parameters: { Cluster: expect.stringMatching(/^\$\{aws_ecs_cluster\..+\.arn\}$/), "Service.$": "$", ForceNewDeployment: true },
    });
    expect(definition.States.BlueGreenServices).toBeUndefined();
    expect(machine).toMatchObject({
      type: "STANDARD",
      logging_configuration: { level: "ALL", include_execution_data: true },
      tracing_configuration: { enabled: true },
      encryption_configuration: { type: "CUSTOMER_MANAGED_KMS_KEY" },
    });
  });

  it("prod phase 4: api-gateway (CodeDeploy blue/green, where ECS refuses a forced deployment) is redeployed through CodeDeploy with its running task definition", () => {
    const ecs = stackOf(prod[4], "atlas-services-ecs");
    const input = JSON.parse(values(ecs, "aws_cloudwatch_event_target").find((t) => t["target_id"] !== "alert-topic")!["input"]);
    expect(input.rolling).toHaveLength(6);
    expect(input.blueGreen).toEqual([
      {
        service: expect.stringMatching(/^\$\{aws_ecs_service\.api-gateway_.+\.name\}$/),
        application: expect.stringMatching(/^\$\{aws_codedeploy_app\.api-gateway_.+\.name\}$/),
        deploymentGroup: expect.stringMatching(/^\$\{aws_codedeploy_deployment_group\.api-gateway_.+\.deployment_group_name\}$/),
        container: "api-gateway",
        port: 8080,
      },
    ]);
    const sfn = statementsOf(ecs, "db-rotation-redeploy_sfn-policy");
    expect(sfn.find((s) => s["sid"] === "ForceNewDeployment")!["resources"]).toHaveLength(6);
    expect(sfn.find((s) => s["sid"] === "ForceNewDeployment")!["resources"].join()).not.toContain("api-gateway");
    expect(sfn.find((s) => s["sid"] === "CodeDeployDeployment")!["resources"]).toEqual([
      expect.stringMatching(
        /^arn:aws:codedeploy:\$\{data\.aws_region\..+\}:\$\{data\.aws_caller_identity\..+\.account_id\}:deploymentgroup:\$\{aws_codedeploy_app\.api-gateway_.+\.name\}\/\$\{aws_codedeploy_deployment_group\.api-gateway_.+\.deployment_group_name\}$/,
      ),
    ]);
    const deploy = JSON.parse(values(ecs, "aws_sfn_state_machine")[0]!["definition"]).States.BlueGreenServices.ItemProcessor.States.CodeDeployDeployment;
    expect(deploy.Parameters.Revision.AppSpecContent["Content.$"]).toBe(
      'States.Format(\'\\{"version":1,"Resources":[\\{"TargetService":\\{"Type":"AWS::ECS::Service","Properties":\\{"TaskDefinition":"{}","LoadBalancerInfo":\\{"ContainerName":"{}","ContainerPort":{}\\}\\}\\}\\}]\\}\', $.running.taskDefinition, $.container, $.port)',
    );
  });
});

describe("Prometheus and the X-Ray collection path: AMP workspace + ADOT collector sidecar (ADR 0101)", () => {
  it("phase 2 has neither (the seed's Prometheus and X-Ray are phase 3+)", () => {
    const ecs = stackOf(prod[2], "atlas-services-ecs");
    expect(values(ecs, "aws_prometheus_workspace")).toEqual([]);
    for (const [, list] of containers(ecs)) expect(list).toHaveLength(1);
  });

  for (const [label, stacks, envName, retention] of [
    ["prod phase 3", prod[3], "prod", 30],
    ["staging phase 3", staging3, "staging", 14],
  ] as const) {
    it(`${label}: a CMK-encrypted workspace with logging; every task carries the collector; it remote-writes to exactly this workspace`, () => {
      const ecs = stackOf(stacks, "atlas-services-ecs");
      const [wsKey, ws] = Object.entries(resourcesOfType(ecs.json, "aws_prometheus_workspace"))[0]!;
      const [logKey, logs] = Object.entries(resourcesOfType(ecs.json, "aws_cloudwatch_log_group")).find(([, g]) =>
        String(g["name"]).startsWith("/aws/vendedlogs/prometheus/"),
      )!;
      expect(ws).toMatchObject({
        alias: `acct-atlas-${envName}`,
        kms_key_arn: expect.stringMatching(/aws_kms_keydata_key/),
        logging_configuration: { log_group_arn: `\${aws_cloudwatch_log_group.${logKey}.arn}:*` },
      });
      expect(logs).toMatchObject({
        name: `/aws/vendedlogs/prometheus/acct-atlas-${envName}`,
        retention_in_days: retention,
        kms_key_id: expect.stringMatching(/aws_kms_keylogs_key/),
      });
      for (const [service, list] of containers(ecs)) {
        const [app, collector] = list;
        expect(
          list.map((c) => c.name),
          service,
        ).toEqual([service, "adot-collector"]);
        expect(collector).toMatchObject({ image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0", essential: false, memoryReservation: 128 });
        const config = env(collector!, "AOT_CONFIG_CONTENT")!;
        expect(config).toContain(`endpoint: \${aws_prometheus_workspace.${wsKey}.prometheus_endpoint}api/v1/remote_write`);
        expect(config).toContain("receivers: [awsxray, otlp]");
        expect(config).toContain("exporters: [awsxray]");
        const java = service !== "web-app";
        expect(config.includes("metrics_path: /actuator/prometheus"), service).toBe(java);
        if (java) expect(config).toContain(`targets: ["127.0.0.1:${portOf(ecs, service)}"]`);
        expect([env(app!, "AWS_XRAY_DAEMON_ADDRESS"), env(app!, "AWS_XRAY_SAMPLING_RATE"), env(app!, "OTEL_EXPORTER_OTLP_ENDPOINT")]).toEqual([
          "127.0.0.1:2000",
          "0.05",
          "http://127.0.0.1:4317",
        ]);
        const task = statementsOf(ecs, `${service}_task-policy-doc`);
        expect(task.find((s) => s["sid"] === "PrometheusRemoteWrite")).toEqual({
          sid: "PrometheusRemoteWrite",
          effect: "Allow",
          actions: ["aps:RemoteWrite"],
          resources: [`\${aws_prometheus_workspace.${wsKey}.arn}`],
        });
        expect(task.find((s) => s["sid"] === "XRay")!["actions"]).toEqual(
          expect.arrayContaining(["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]),
        );
      }
    });
  }
});

function portOf(ecs: StackJson, service: string): number {
  const [app] = containers(ecs).get(service)!;
  return (app as unknown as { portMappings: { containerPort: number }[] }).portMappings[0]!.containerPort;
}
