import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { ecsContainerInsights } from "./ecs-container-insights";
import { ecsIsolation } from "./ecs-isolation";
import { ecsReadonlyRoot } from "./ecs-readonly-root";
import { ecsSecretsLogging } from "./ecs-secrets-logging";

const good = {
  name: "app",
  image: "app:1",
  readonlyRootFilesystem: true,
  environment: [
    { name: "DB_SECRET_ARN", value: "arn:aws:secretsmanager:us-east-1:1:secret:db" },
    { name: "PORT", value: "8080" },
  ],
  secrets: [{ name: "DB_PASSWORD", valueFrom: "${aws_secretsmanager_secret.db.arn}" }],
  logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": "${aws_cloudwatch_log_group.app.name}" } },
};
const task = (containers: object[], extra: object = {}) => ({
  aws_ecs_task_definition: {
    t: {
      container_definitions: JSON.stringify(containers),
      execution_role_arn: "${aws_iam_role.exec.arn}",
      task_role_arn: "${aws_iam_role.task.arn}",
      ...extra,
    },
  },
});

describe("INF-ECS-001 container insights", () => {
  it("Compliance: enabled passes", () => {
    expect(statuses(ecsContainerInsights, { aws_ecs_cluster: { c: { setting: [{ name: "containerInsights", value: "enabled" }] } } })).toEqual({
      "aws_ecs_cluster.c": "passed",
    });
  });
  it("Noncompliance: disabled fails", () => {
    expect(failures(ecsContainerInsights, { aws_ecs_cluster: { c: { setting: [{ name: "containerInsights", value: "disabled" }] } } })).toEqual([
      { rule: "INF-ECS-001", address: "aws_ecs_cluster.c", attribute: "setting[containerInsights]", found: "disabled", expected: "enabled or enhanced" },
    ]);
  });
});

describe("INF-ECS-002 read-only root filesystem", () => {
  it("Compliance: a read-only container passes", () => {
    expect(statuses(ecsReadonlyRoot, task([good]))).toEqual({ "aws_ecs_task_definition.t": "passed" });
  });
  it("Noncompliance: a writable sidecar, and unreadable definitions, fail", () => {
    expect(failures(ecsReadonlyRoot, task([good, { name: "sidecar" }]))).toEqual([
      {
        rule: "INF-ECS-002",
        address: "aws_ecs_task_definition.t",
        attribute: "container_definitions[sidecar].readonlyRootFilesystem",
        found: "unset",
        expected: "true",
      },
    ]);
    expect(failures(ecsReadonlyRoot, { aws_ecs_task_definition: { t: { container_definitions: "${jsonencode(local.c)}" } } })).toEqual([
      {
        rule: "INF-ECS-002",
        address: "aws_ecs_task_definition.t",
        attribute: "container_definitions",
        found: "not literal JSON",
        expected: "container definitions readable at synth time (JSON.stringify, not jsonencode)",
      },
    ]);
  });
});

describe("INF-ECS-003 isolation", () => {
  it("Compliance: unprivileged containers with separate roles pass", () => {
    expect(statuses(ecsIsolation, task([good]))).toEqual({ "aws_ecs_task_definition.t": "passed" });
  });
  it("Noncompliance: privileged, host PID and a shared role fail", () => {
    const tf = task([{ ...good, privileged: true }], { pid_mode: "host", task_role_arn: "${aws_iam_role.exec.arn}" });
    const at = { rule: "INF-ECS-003", address: "aws_ecs_task_definition.t" };
    expect(failures(ecsIsolation, tf)).toEqual([
      { ...at, attribute: "container_definitions[app].privileged", found: "true", expected: "false" },
      { ...at, attribute: "pid_mode", found: "host", expected: "task or unset" },
      { ...at, attribute: "task_role_arn", found: "${aws_iam_role.exec.arn}", expected: "a role different from execution_role_arn" },
    ]);
  });
});

describe("INF-ECS-004 secrets and logs", () => {
  it("Compliance: secrets via valueFrom and awslogs pass", () => {
    expect(statuses(ecsSecretsLogging, task([good]))).toEqual({ "aws_ecs_task_definition.t": "passed" });
  });
  it("Noncompliance: a literal password, an access key and a container without logs fail", () => {
    const leaky = {
      name: "app",
      environment: [
        { name: "DB_PASSWORD", value: "hunter2" },
        { name: "KEY", value: "AKIAABCDEFGHIJKLMNOP" },
      ],
    };
    const at = { rule: "INF-ECS-004", address: "aws_ecs_task_definition.t" };
    expect(failures(ecsSecretsLogging, task([leaky]))).toEqual([
      {
        ...at,
        attribute: "container_definitions[app].environment[DB_PASSWORD]",
        found: "a literal value",
        expected: "secrets[].valueFrom (Secrets Manager or SSM)",
      },
      { ...at, attribute: "container_definitions[app].environment[KEY]", found: "a literal value", expected: "secrets[].valueFrom (Secrets Manager or SSM)" },
      { ...at, attribute: "container_definitions[app].logConfiguration", found: "unset", expected: "a log driver (e.g. awslogs)" },
    ]);
  });
});
