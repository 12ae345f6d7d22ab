import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { StackBuilder } from "@infra/core";
import { DockerHost } from "@infra/ec2-host";
import type { AtlasHostInputs } from "../inputs/modules";
import { atlasTags } from "./common";
import { computeDependencies } from "./compute-dependencies";

/** What a retired host's stack hands on: nothing to use (phase 2+ reads the ALB, not the host). */
export interface RetiredHost {
  readonly retired: true;
}

export interface AtlasHost {
  readonly instanceId: string;
  readonly publicIp: string;
  readonly securityGroupId: string;
}

/**
 * The CloudWatch agent config: memory and root-disk usage, aggregated to the InstanceId dimension alone
 * so the seed's "EC2 High Memory" and "EC2 Low Disk" alarms can name the metric without the device.
 */
export function agentConfig(namespace: string): string {
  return JSON.stringify({
    agent: { metrics_collection_interval: 60 },
    metrics: {
      namespace,
      append_dimensions: { InstanceId: "${aws:InstanceId}" },
      aggregation_dimensions: [["InstanceId"]],
      metrics_collected: {
        mem: { measurement: ["mem_used_percent"] },
        disk: { measurement: ["disk_used_percent"], resources: ["/"], drop_device: true, ignore_file_system_types: ["sysfs", "devtmpfs", "tmpfs"] },
      },
    },
  });
}

/**
 * Phase 1: EC2 t3.xlarge running docker-compose.prod.yml, per the seed's two security group tables.
 * Retired (phase 2+): no resource, so applying the stack destroys the host phase 1 created (the
 * provider lifts the instance's termination protection before it terminates it).
 */
/**
 * The outputs of a host that serves: a retired host's stack keeps no instance, so a module that reads
 * one (records, alarms) must not depend on it once the phase moves past the Docker host.
 */
export function liveHost(host: AtlasHost | RetiredHost): AtlasHost {
  if ("retired" in host) throw new Error("the Docker host is retired in this phase: depend on the ALB or ECS outputs instead");
  return host;
}

export const buildAtlasDockerHost: StackBuilder<AtlasHostInputs, AtlasHost | RetiredHost> = (stack, inputs, ctx) => {
  if (inputs.retired) return { retired: true };
  const { keys, vpc, db, registry, secrets, queues, buckets, alerts } = computeDependencies(ctx);
  const tags = atlasTags("docker-host");

  const agent = new SsmParameter(stack, "agent-config", {
    name: inputs.agentConfigParameter,
    description: "CloudWatch agent config of the AccountabilityAtlas Docker host",
    type: "String",
    value: agentConfig(inputs.metricsNamespace).replaceAll("${", () => "$${"),
    tags,
  });

  const host = new DockerHost(stack, "host", {
    name: inputs.name,
    instanceType: inputs.instanceType,
    vpcId: vpc.vpcId,
    subnetId: vpc.publicSubnetIds[0]!,
    kmsKeyArn: keys.data.keyArn,
    rootVolume: { sizeGiB: inputs.rootVolumeGiB },
    elasticIp: true,
    terminationProtection: inputs.terminationProtection,
    keyName: inputs.keyName,
    metadataHopLimit: inputs.metadataHopLimit,
    // sg-ec2-web: 80 and 443 from anywhere, 22 from the admin network, all outbound.
    ingress: [
      { port: 80, from: { cidrs: ["0.0.0.0/0"] }, description: "HTTP (redirect to HTTPS)" },
      { port: 443, from: { cidrs: ["0.0.0.0/0"] }, description: "HTTPS" },
    ],
    sshAdminCidrs: inputs.sshAdminCidrs,
    ecrRepositoryArns: Object.values(registry.repositories).map((r) => r.arn),
    secretArns: [...Object.values(secrets.arns), db.passwordSecretArn],
    secretsKmsKeyArn: keys.data.keyArn,
    composeVersion: inputs.composeVersion,
    cloudWatchAgentConfigParameter: inputs.agentConfigParameter,
    metricsNamespace: inputs.metricsNamespace,
    recoveryAlarm: { periodSeconds: 60, evaluationPeriods: 5, notifyTopicArns: [alerts.warningTopicArn] },
    // The boot script fetches the agent config: the parameter must exist before the instance starts.
    dependsOn: [agent],
    tags,
  });

  // The compose services share the instance role: every queue their services send to or consume,
  // the backups bucket (pg_dump, volumes) and read of static assets.
  const statements: DataAwsIamPolicyDocumentStatement[] = [
    {
      sid: "Queues",
      effect: "Allow",
      actions: ["sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:SendMessage"],
      resources: queues.queues.map((q) => q.queueArn),
    },
    { sid: "QueueKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [queues.kmsKeyArn] },
  ];
  statements.push(
    {
      sid: "Backups",
      effect: "Allow",
      actions: ["s3:GetObject", "s3:ListBucket", "s3:PutObject"],
      resources: [buckets.backups.bucketArn, `${buckets.backups.bucketArn}/*`],
    },
    {
      sid: "StaticAssets",
      effect: "Allow",
      actions: ["s3:GetObject", "s3:ListBucket", "s3:PutObject"],
      resources: [buckets.staticAssets.bucketArn, `${buckets.staticAssets.bucketArn}/*`],
    },
    { sid: "BucketKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [buckets.kmsKeyArn] },
    { sid: "AppLogs", effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${alerts.logGroupArn}:*`] },
  );
  const doc = new DataAwsIamPolicyDocument(stack, "app-access", { statement: statements });
  new IamRolePolicy(stack, "app-access-policy", { name: "queues-buckets-logs", role: host.roleName, policy: doc.json });

  // sg-rds: PostgreSQL 5432 from sg-ec2-web only. The rule lives with the client (this stack) so the
  // database stack never depends on the compute of a phase.
  new VpcSecurityGroupIngressRule(stack, "rds-from-host", {
    securityGroupId: db.database.securityGroupId,
    referencedSecurityGroupId: host.securityGroupId,
    ipProtocol: "tcp",
    fromPort: 5432,
    toPort: 5432,
    description: "PostgreSQL from EC2 only",
    tags,
  });
  return { instanceId: host.instanceId, publicIp: host.publicIp, securityGroupId: host.securityGroupId };
};
