import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Instance } from "@cdktf/provider-aws/lib/instance";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { onlyEntry, scopeSynthWith } from "@infra/testing-core/blocks";
import { DockerHost, type DockerHostProps } from "./docker-host";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped
type Tf = { resource: Record<string, Record<string, Record<string, any>>>; data: Record<string, Record<string, Record<string, any>>> };

const BASE: DockerHostProps = {
  name: "prod-atlas",
  instanceType: "t3.xlarge",
  vpcId: "vpc-1",
  subnetId: "subnet-1",
  kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/ebs",
};

const synth = scopeSynthWith(DockerHost, "host", BASE);
const all = (tf: Tf, type: string) => Object.values(tf.resource[type] ?? {});

describe("DockerHost", () => {
  it("hardens the instance: IMDSv2 hop 1, encrypted gp3 root with the CMK, monitoring, termination protection", () => {
    const { json, tf } = synth();
    expect(json).toHaveResourceWithProperties(Instance, {
      instance_type: "t3.xlarge",
      subnet_id: "subnet-1",
      associate_public_ip_address: false,
      ebs_optimized: true,
      monitoring: true,
      disable_api_termination: true,
      metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1, instance_metadata_tags: "disabled" },
      root_block_device: {
        volume_type: "gp3",
        volume_size: 30,
        iops: 3000,
        throughput: 125,
        encrypted: true,
        kms_key_id: BASE.kmsKeyArn,
        delete_on_termination: true,
        tags: { Name: "prod-atlas-root" },
      },
      lifecycle: { ignore_changes: ["ami"] },
    });
    const instance = onlyEntry(tf.resource, "aws_instance").values;
    const ssm = Object.entries(tf.data.aws_ssm_parameter!)[0]!;
    expect(ssm[1].name).toBe("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64");
    expect(instance.ami).toBe(`\${data.aws_ssm_parameter.${ssm[0]}.insecure_value}`);
    expect(instance.vpc_security_group_ids).toEqual([`\${aws_security_group.${onlyEntry(tf.resource, "aws_security_group").name}.id}`]);
    expect(instance.iam_instance_profile).toBe(`\${aws_iam_instance_profile.${onlyEntry(tf.resource, "aws_iam_instance_profile").name}.name}`);
    expect(instance.user_data).toContain("dnf install -y docker amazon-cloudwatch-agent");
  });

  it("resolves the arm64 AMI, or uses a pinned AMI without ignore_changes", () => {
    const arm = synth({ architecture: "arm64", instanceType: "t4g.xlarge" }).tf;
    expect(Object.values(arm.data.aws_ssm_parameter!)[0]!.name).toBe("/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64");
    expect(onlyEntry(arm.resource, "aws_instance").values.user_data).toContain("docker-compose-linux-aarch64");
    const pinned = synth({ amiId: "ami-123" }).tf;
    expect(pinned.data?.aws_ssm_parameter).toBeUndefined();
    expect(onlyEntry(pinned.resource, "aws_instance").values.ami).toBe("ami-123");
    expect(onlyEntry(pinned.resource, "aws_instance").values.lifecycle).toBeUndefined();
  });

  it("takes relaxations and sizes from props", () => {
    const { json } = synth({ terminationProtection: false, detailedMonitoring: false, rootVolume: { sizeGiB: 50, iops: 4000, throughputMiBps: 250 } });
    expect(json).toHaveResourceWithProperties(Instance, {
      monitoring: false,
      disable_api_termination: false,
      root_block_device: expect.objectContaining({ volume_size: 50, iops: 4000, throughput: 250 }),
    });
  });

  it("adds an Elastic IP associated with the instance and exposes its address", () => {
    const { tf, construct: host } = synth({ elasticIp: true });
    const eip = onlyEntry(tf.resource, "aws_eip");
    const assoc = onlyEntry(tf.resource, "aws_eip_association").values;
    expect(eip.values.domain).toBe("vpc");
    expect(assoc.allocation_id).toBe(`\${aws_eip.${eip.name}.allocation_id}`);
    expect(assoc.instance_id).toBe(`\${aws_instance.${onlyEntry(tf.resource, "aws_instance").name}.id}`);
    const noEip = synth();
    expect(noEip.tf.resource.aws_eip).toBeUndefined();
    expect(host.publicIp).not.toBe(noEip.construct.publicIp);
  });

  it("opens the seed's ingress: 80/443 from the world, SSH only from the admin CIDR; egress all by default", () => {
    const { tf } = synth({
      sshAdminCidrs: ["203.0.113.10/32"],
      ingress: [
        { port: 80, from: { cidrs: ["0.0.0.0/0"] }, description: "HTTP (redirect to HTTPS)" },
        { port: 443, from: { cidrs: ["0.0.0.0/0", "::/0"] }, description: "HTTPS" },
      ],
    });
    const sg = onlyEntry(tf.resource, "aws_security_group");
    const ingress = all(tf, "aws_vpc_security_group_ingress_rule").map((r) => ({
      sg: r.security_group_id,
      proto: r.ip_protocol,
      from: r.from_port,
      to: r.to_port,
      v4: r.cidr_ipv4,
      v6: r.cidr_ipv6,
      d: r.description,
    }));
    const ref = `\${aws_security_group.${sg.name}.id}`;
    expect(ingress).toEqual([
      { sg: ref, proto: "tcp", from: 80, to: 80, v4: "0.0.0.0/0", v6: undefined, d: "HTTP (redirect to HTTPS)" },
      { sg: ref, proto: "tcp", from: 443, to: 443, v4: "0.0.0.0/0", v6: undefined, d: "HTTPS" },
      { sg: ref, proto: "tcp", from: 443, to: 443, v4: undefined, v6: "::/0", d: "HTTPS" },
      { sg: ref, proto: "tcp", from: 22, to: 22, v4: "203.0.113.10/32", v6: undefined, d: "SSH from the admin network" },
    ]);
    const egress = onlyEntry(tf.resource, "aws_vpc_security_group_egress_rule").values;
    expect(egress).toMatchObject({ ip_protocol: "-1", cidr_ipv4: "0.0.0.0/0", description: "Internet access" });
    expect(egress.from_port).toBeUndefined();
  });

  it("allows ingress from a security group and custom egress", () => {
    const { tf } = synth({
      ingress: [{ port: 8080, from: { securityGroupId: "sg-lb" }, description: "API from the LB" }],
      egress: [{ protocol: "tcp", port: 443, to: { prefixListId: "pl-s3" }, description: "S3" }],
    });
    expect(onlyEntry(tf.resource, "aws_vpc_security_group_ingress_rule").values).toMatchObject({ referenced_security_group_id: "sg-lb", from_port: 8080 });
    expect(onlyEntry(tf.resource, "aws_vpc_security_group_egress_rule").values).toMatchObject({
      ip_protocol: "tcp",
      from_port: 443,
      to_port: 443,
      prefix_list_id: "pl-s3",
    });
  });

  it("rejects open admin ports and world-open ports other than 80/443", () => {
    expect(() => synth({ ingress: [{ port: 22, from: { cidrs: ["10.0.0.0/8"] }, description: "ssh" }] })).toThrow(
      "DockerHost ingress[0] (ssh): covers admin port 22; open SSH only through sshAdminCidrs",
    );
    expect(() => synth({ ingress: [{ port: 3000, toPort: 3500, from: { cidrs: ["10.0.0.0/8"] }, description: "range" }] })).toThrow("covers admin port 3389");
    expect(() => synth({ ingress: [{ port: 8080, from: { cidrs: ["0.0.0.0/0"] }, description: "api" }] })).toThrow(
      "DockerHost ingress[0] (api): 0.0.0.0/0 may only reach tcp 80 or 443",
    );
    expect(() => synth({ sshAdminCidrs: ["0.0.0.0/0"] })).toThrow("sshAdminCidrs: 0.0.0.0/0 opens SSH to the internet");
    expect(() => synth({ ingress: [{ port: 443, from: { cidrs: [] }, description: "x" }] })).toThrow("cidrs must not be empty");
    expect(() => synth({ ingress: [{ port: 443, from: { cidrs: ["10.0.0.0/8"] }, description: " " }] })).toThrow("description must not be empty");
    expect(() => synth({ egress: [{ protocol: "tcp", to: { cidrs: ["0.0.0.0/0"] }, description: "x" }] })).toThrow("protocol tcp needs a port");
    expect(() => synth({ ingress: [{ port: 70000, from: { cidrs: ["10.0.0.0/8"] }, description: "x" }] })).toThrow("not a valid range");
  });

  it("gives the role SSM and CloudWatch agent policies, ECR pull and secret reads scoped to the given ARNs", () => {
    const { tf, construct: host } = synth({
      ecrRepositoryArns: ["arn:aws:ecr:us-east-1:111111111111:repository/acct-atlas-api-gateway"],
      secretArns: ["arn:aws:secretsmanager:us-east-1:111111111111:secret:jwt"],
      secretsKmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/secrets",
    });
    const role = onlyEntry(tf.resource, "aws_iam_role");
    expect(role.values.name).toBe("prod-atlas-host");
    expect(
      all(tf, "aws_iam_role_policy_attachment")
        .map((a) => a.policy_arn)
        .sort(),
    ).toEqual(["arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy"]);
    const docs = tf.data.aws_iam_policy_document!;
    const assumeName = Object.keys(docs).find((k) => k.startsWith("host_assume"))!;
    expect(docs[assumeName]!.statement[0].principals).toEqual([{ type: "Service", identifiers: ["ec2.amazonaws.com"] }]);
    const accessName = Object.keys(docs).find((k) => k.startsWith("host_access"))!;
    const region = Object.keys(tf.data.aws_region!)[0]!;
    expect(docs[accessName]!.statement).toEqual([
      { sid: "EcrAuthToken", effect: "Allow", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
      {
        sid: "EcrPull",
        effect: "Allow",
        actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
        resources: ["arn:aws:ecr:us-east-1:111111111111:repository/acct-atlas-api-gateway"],
      },
      {
        sid: "ReadSecrets",
        effect: "Allow",
        actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
        resources: ["arn:aws:secretsmanager:us-east-1:111111111111:secret:jwt"],
      },
      {
        sid: "DecryptSecrets",
        effect: "Allow",
        actions: ["kms:Decrypt"],
        resources: ["arn:aws:kms:us-east-1:111111111111:key/secrets"],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: [`secretsmanager.\${data.aws_region.${region}.region}.amazonaws.com`] }],
      },
    ]);
    expect(onlyEntry(tf.resource, "aws_iam_role_policy").values.policy).toBe(`\${data.aws_iam_policy_document.${accessName}.json}`);
    expect(host.roleArn).toBeTypeOf("string");
  });

  it("creates no inline policy when the host reads nothing", () => {
    expect(synth().tf.resource.aws_iam_role_policy).toBeUndefined();
  });

  it("recovers the instance on StatusCheckFailed_System", () => {
    const { json, tf } = synth({ recoveryAlarm: { notifyTopicArns: ["arn:aws:sns:us-east-1:111111111111:alerts"] } });
    const instance = onlyEntry(tf.resource, "aws_instance").name;
    const region = Object.keys(tf.data.aws_region!)[0]!;
    expect(json).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: "prod-atlas-system-check-recover",
      namespace: "AWS/EC2",
      metric_name: "StatusCheckFailed_System",
      dimensions: { InstanceId: `\${aws_instance.${instance}.id}` },
      statistic: "Maximum",
      period: 60,
      evaluation_periods: 5,
      threshold: 0,
      comparison_operator: "GreaterThanThreshold",
      actions_enabled: true,
      alarm_actions: [`arn:aws:automate:\${data.aws_region.${region}.region}:ec2:recover`, "arn:aws:sns:us-east-1:111111111111:alerts"],
    });
  });

  it('waits for the resources in dependsOn with bare references (Terraform JSON rejects "${...}" there)', () => {
    const tf = JSON.parse(
      Testing.synthScope((scope) => {
        const parameter = new SsmParameter(scope, "agent-config", { name: "agent", type: "String", value: "{}" });
        new DockerHost(scope, "host", { ...BASE, dependsOn: [parameter] });
      }),
    ) as Tf;
    expect(onlyEntry(tf.resource, "aws_instance").values["depends_on"]).toEqual(["aws_ssm_parameter.agent-config"]);
    expect(onlyEntry(synth().tf.resource, "aws_instance").values).not.toHaveProperty("depends_on");
  });

  it("synthesizes byte-identical JSON twice", () => {
    expect(synth({ elasticIp: true }).json).toBe(synth({ elasticIp: true }).json);
  });
});
