import { ruleCases } from "../rule-cases";
import { ebsEncryption } from "./ebs-encryption";
import { ec2Imds } from "./ec2-imds";
import { ec2InstanceProfile } from "./ec2-instance-profile";
import { ec2Operations } from "./ec2-operations";
import { ec2UserData } from "./ec2-user-data";
import { CMK } from "./helpers";

const key = { aws_kms_key: { k: {} } };
const imds = { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 };
const b64 = (s: string) => Buffer.from(s).toString("base64");

ruleCases(ec2Imds, "INF-EC2-001 IMDSv2", {
  compliant: {
    name: "required tokens with hop limit 1 pass; a disabled endpoint is not checked",
    input: () => ({
      aws_instance: { host: { metadata_options: imds } },
      aws_launch_template: { lt: { metadata_options: imds }, off: { metadata_options: { http_endpoint: "disabled" } } },
    }),
    statuses: {
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
    },
  },
  noncompliant: [
    {
      name: "optional tokens and hop limit 2 fail",
      input: () => ({ aws_launch_template: { lt: { metadata_options: { http_tokens: "optional", http_put_response_hop_limit: 2 } } } }),
      failures: [
        { address: "aws_launch_template.lt", attribute: "metadata_options.http_tokens", found: "optional", expected: "required" },
        { address: "aws_launch_template.lt", attribute: "metadata_options.http_put_response_hop_limit", found: "2", expected: "1" },
      ],
    },
  ],
});

ruleCases(ec2InstanceProfile, "INF-EC2-002 instance profile", {
  compliant: {
    name: "profiles on instance and template pass",
    input: () => ({
      aws_instance: { host: { iam_instance_profile: "${aws_iam_instance_profile.p.name}" } },
      aws_launch_template: { lt: { iam_instance_profile: { arn: "${aws_iam_instance_profile.p.arn}" } } },
    }),
    statuses: {
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
    },
  },
  noncompliant: [
    {
      name: "no profile fails",
      input: () => ({ aws_instance: { host: {} } }),
      failures: [{ address: "aws_instance.host", attribute: "iam_instance_profile", found: "unset", expected: "an instance profile" }],
    },
  ],
});

const script = "#!/bin/bash\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString)\n";
const expected = "secrets fetched at boot from Secrets Manager / SSM with the instance role";

ruleCases(ec2UserData, "INF-EC2-003 user data", {
  compliant: {
    name: "user data fetching secrets at boot passes",
    input: () => ({ aws_instance: { host: { user_data: script } }, aws_launch_template: { lt: { user_data: b64(script) } } }),
    statuses: {
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
    },
  },
  noncompliant: [
    {
      name: "a literal password (plain) and an access key (base64 in a template) fail",
      input: () => ({
        aws_instance: { host: { user_data: "export DB_PASSWORD=hunter2secret" } },
        aws_launch_template: { lt: { user_data: b64("AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP") } },
      }),
      failures: [
        { address: "aws_instance.host", attribute: "user_data", found: "a literal credential", expected },
        { address: "aws_launch_template.lt", attribute: "user_data", found: "a literal credential", expected },
      ],
    },
  ],
});

const enc = { encrypted: true, kms_key_id: "${aws_kms_key.k.arn}" };

ruleCases(ebsEncryption, "INF-EC2-004 EBS encryption", {
  compliant: {
    name: "encrypted root, attached, template and standalone volumes pass",
    input: () => ({
      ...key,
      aws_instance: { host: { root_block_device: enc, ebs_block_device: [{ device_name: "/dev/sdf", ...enc }] } },
      aws_launch_template: { lt: { block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "true", kms_key_id: "${aws_kms_key.k.arn}" } }] } },
      aws_ebs_volume: { v: enc },
    }),
    statuses: { "aws_instance.host": "passed", "aws_launch_template.lt": "passed", "aws_ebs_volume.v": "passed" },
  },
  noncompliant: [
    {
      name: "an implicit root volume, an AWS-key data volume and an unencrypted template volume fail",
      input: () => ({
        aws_instance: { host: { ebs_block_device: [{ encrypted: true }] } },
        aws_launch_template: { lt: { block_device_mappings: [{ ebs: { encrypted: "false" } }] } },
      }),
      failures: [
        { address: "aws_instance.host", attribute: "root_block_device.encrypted", found: "unset", expected: "true" },
        { address: "aws_instance.host", attribute: "ebs_block_device[0].kms_key_id", found: "unset", expected: CMK },
        { address: "aws_launch_template.lt", attribute: "block_device_mappings[0].ebs.encrypted", found: "false", expected: "true" },
      ],
    },
  ],
});

ruleCases(ec2Operations, "INF-EC2-005 operations", {
  compliant: {
    name: "monitoring, EBS optimisation and termination protection pass",
    input: () => ({ aws_instance: { host: { monitoring: true, ebs_optimized: true, disable_api_termination: true } } }),
    statuses: {
      "aws_instance.host": "passed",
    },
  },
  noncompliant: [
    {
      name: "defaults fail on all three",
      input: () => ({ aws_instance: { host: {} } }),
      failures: ["monitoring", "ebs_optimized", "disable_api_termination"].map((attribute) => ({
        address: "aws_instance.host",
        attribute,
        found: "unset",
        expected: "true",
      })),
    },
  ],
});
