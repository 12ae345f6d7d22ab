import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { FargateService, type FargateServiceProps } from "./service";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped
type Block = Record<string, Record<string, Record<string, any>>>;
type Tf = { resource: Block; data: Block };

const BASE: FargateServiceProps = {
  name: "timeline-api",
  cluster: { clusterArn: "arn:aws:ecs:us-east-1:1:cluster/timeline", clusterName: "timeline" },
  vpcId: "vpc-1",
  subnetIds: ["subnet-p1", "subnet-p2"],
  cpu: 512,
  memory: 1024,
  container: {
    name: "api",
    image: "1.dkr.ecr.us-west-2.amazonaws.com/timeline-api:1.0.0",
    port: 8080,
    secrets: { DB_PASSWORD: { secretArn: "arn:aws:secretsmanager:us-east-1:1:secret:db", jsonKey: "password" } },
  },
  secretsKmsKeyArn: "arn:aws:kms:us-east-1:1:key/data",
  logRetentionDays: 30,
  logKmsKeyArn: "arn:aws:kms:us-west-2:1:key/logs",
};
const XRAY = {
  name: "xray-daemon",
  image: "public.ecr.aws/xray/aws-xray-daemon:3.3.14",
  ports: [{ port: 2000, protocol: "udp" as const }],
  memoryReservation: 64,
  user: "1337",
};

const synth = (props: Partial<FargateServiceProps>) =>
  JSON.parse(Testing.synthScope((scope) => void new FargateService(scope, "svc", { ...BASE, ...props }))) as Tf;
const values = (b: Block | undefined, type: string) => Object.values(b?.[type] ?? {});
const containers = (tf: Tf) => JSON.parse(values(tf.resource, "aws_ecs_task_definition")[0]!["container_definitions"]) as Record<string, unknown>[];
const docStatements = (tf: Tf, prefix: string) =>
  Object.entries(tf.data["aws_iam_policy_document"] ?? {}).find(([k]) => k.startsWith(prefix))![1]["statement"] as { sid?: string; condition?: unknown }[];

describe("FargateService sidecars, shared log group, tier security groups, cross-region secrets", () => {
  it("renders a sidecar beside the application: not essential, read-only root, never privileged, its own log stream prefix", () => {
    const [app, xray] = containers(synth({ sidecars: [XRAY] }));
    expect(app).toMatchObject({ name: "api", essential: true });
    expect(xray).toEqual({
      name: "xray-daemon",
      image: XRAY.image,
      essential: false,
      privileged: false,
      readonlyRootFilesystem: true,
      cpu: 0,
      memoryReservation: 64,
      portMappings: [{ containerPort: 2000, hostPort: 2000, protocol: "udp" }],
      user: "1337",
      environment: [],
      secrets: [],
      mountPoints: [],
      logConfiguration: { logDriver: "awslogs", options: expect.objectContaining({ "awslogs-stream-prefix": "timeline-api-xray-daemon" }) },
    });
  });

  it("refuses sidecars that clash with the application or float on a mutable tag", () => {
    expect(() => synth({ sidecars: [{ ...XRAY, name: "api" }] })).toThrow('sidecar name "api" is used by another container');
    expect(() => synth({ sidecars: [{ ...XRAY, ports: [{ port: 8080, protocol: "tcp" }] }] })).toThrow(
      "sidecar xray-daemon port 8080/tcp is already used in the task",
    );
    expect(() => synth({ sidecars: [{ ...XRAY, image: "public.ecr.aws/xray/aws-xray-daemon:latest" }] })).toThrow("must pin a tag or digest");
    expect(() => synth({ sidecars: [{ ...XRAY, image: "public.ecr.aws/xray/aws-xray-daemon" }] })).toThrow("must pin a tag or digest");
  });

  it("writes to an existing log group instead of creating /ecs/<name>, and lets the execution role write only there", () => {
    const tf = synth({ existingLogGroup: { name: "/timeline/prod/application", arn: "arn:aws:logs:us-west-2:1:log-group:/timeline/prod/application" } });
    expect(values(tf.resource, "aws_cloudwatch_log_group")).toEqual([]);
    expect(containers(tf)[0]).toMatchObject({ logConfiguration: { options: { "awslogs-group": "/timeline/prod/application" } } });
    expect(docStatements(tf, "svc_execution-policy-doc").find((s) => s.sid === "WriteLogs")).toMatchObject({
      resources: ["arn:aws:logs:us-west-2:1:log-group:/timeline/prod/application:*"],
    });
  });

  it("joins additional security groups; egress none leaves its own group without egress rules", () => {
    const tf = synth({ additionalSecurityGroupIds: ["sg-app-tier"], egress: { mode: "none" } });
    expect(values(tf.resource, "aws_ecs_service")[0]!["network_configuration"]["security_groups"]).toEqual([
      expect.stringMatching(/^\$\{aws_security_group\.svc_sg_[0-9A-F]+\.id\}$/),
      "sg-app-tier",
    ]);
    expect(values(tf.resource, "aws_vpc_security_group_egress_rule")).toEqual([]);
    expect(() => synth({ egress: { mode: "none" } })).toThrow('egress mode "none" needs additionalSecurityGroupIds');
  });

  it("decrypts a secret of another region through that region's Secrets Manager (a DR task reading the primary's secret)", () => {
    const statements = docStatements(synth({ secretsRegion: "us-east-1" }), "svc_execution-policy-doc");
    expect(statements.find((s) => s.sid === "DecryptSecrets")!.condition).toEqual([
      { test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.us-east-1.amazonaws.com"] },
    ]);
  });
});
