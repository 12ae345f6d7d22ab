import { ruleCases } from "../rule-cases";
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

const at = { address: "aws_ecs_task_definition.t" };
const passed = { "aws_ecs_task_definition.t": "passed" } as const;

ruleCases(ecsContainerInsights, "INF-ECS-001 container insights", {
  compliant: {
    name: "enabled passes",
    input: () => ({ aws_ecs_cluster: { c: { setting: [{ name: "containerInsights", value: "enabled" }] } } }),
    statuses: { "aws_ecs_cluster.c": "passed" },
  },
  noncompliant: [
    {
      name: "disabled fails",
      input: () => ({ aws_ecs_cluster: { c: { setting: [{ name: "containerInsights", value: "disabled" }] } } }),
      failures: [{ address: "aws_ecs_cluster.c", attribute: "setting[containerInsights]", found: "disabled", expected: "enabled or enhanced" }],
    },
  ],
});

ruleCases(ecsReadonlyRoot, "INF-ECS-002 read-only root filesystem", {
  compliant: { name: "a read-only container passes", input: () => task([good]), statuses: passed },
  noncompliant: [
    {
      name: "a writable sidecar fails",
      input: () => task([good, { name: "sidecar" }]),
      failures: [{ ...at, attribute: "container_definitions[sidecar].readonlyRootFilesystem", found: "unset", expected: "true" }],
    },
    {
      name: "unreadable definitions fail",
      input: () => ({ aws_ecs_task_definition: { t: { container_definitions: "${jsonencode(local.c)}" } } }),
      failures: [
        {
          ...at,
          attribute: "container_definitions",
          found: "not literal JSON",
          expected: "container definitions readable at synth time (JSON.stringify, not jsonencode)",
        },
      ],
    },
  ],
});

ruleCases(ecsIsolation, "INF-ECS-003 isolation", {
  compliant: { name: "unprivileged containers with separate roles pass", input: () => task([good]), statuses: passed },
  noncompliant: [
    {
      name: "privileged, host PID and a shared role fail",
      input: () => task([{ ...good, privileged: true }], { pid_mode: "host", task_role_arn: "${aws_iam_role.exec.arn}" }),
      failures: [
        { ...at, attribute: "container_definitions[app].privileged", found: "true", expected: "false" },
        { ...at, attribute: "pid_mode", found: "host", expected: "task or unset" },
        { ...at, attribute: "task_role_arn", found: "${aws_iam_role.exec.arn}", expected: "a role different from execution_role_arn" },
      ],
    },
  ],
});

const leaky = {
  name: "app",
  environment: [
    { name: "DB_PASSWORD", value: "hunter2" },
    { name: "KEY", value: "AKIAABCDEFGHIJKLMNOP" },
  ],
};
const literal = { found: "a literal value", expected: "secrets[].valueFrom (Secrets Manager or SSM)" };

ruleCases(ecsSecretsLogging, "INF-ECS-004 secrets and logs", {
  compliant: { name: "secrets via valueFrom and awslogs pass", input: () => task([good]), statuses: passed },
  noncompliant: [
    {
      name: "a literal password, an access key and a container without logs fail",
      input: () => task([leaky]),
      failures: [
        { ...at, ...literal, attribute: "container_definitions[app].environment[DB_PASSWORD]" },
        { ...at, ...literal, attribute: "container_definitions[app].environment[KEY]" },
        { ...at, attribute: "container_definitions[app].logConfiguration", found: "unset", expected: "a log driver (e.g. awslogs)" },
      ],
    },
  ],
});
