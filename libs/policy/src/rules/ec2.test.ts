import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { ebsEncryption } from "./ebs-encryption";
import { ec2Imds } from "./ec2-imds";
import { ec2InstanceProfile } from "./ec2-instance-profile";
import { ec2Operations } from "./ec2-operations";
import { ec2UserData } from "./ec2-user-data";
import { CMK } from "./helpers";

const key = { aws_kms_key: { k: {} } };
const imds = { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 };
const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("INF-EC2-001 IMDSv2", () => {
  it("Compliance: required tokens with hop limit 1 pass; a disabled endpoint is not checked", () =>
    expect(
      statuses(ec2Imds, {
        aws_instance: { host: { metadata_options: imds } },
        aws_launch_template: { lt: { metadata_options: imds }, off: { metadata_options: { http_endpoint: "disabled" } } },
      }),
    ).toEqual({
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
    }));
  it("Noncompliance: optional tokens and hop limit 2 fail", () =>
    expect(failures(ec2Imds, { aws_launch_template: { lt: { metadata_options: { http_tokens: "optional", http_put_response_hop_limit: 2 } } } })).toEqual([
      { rule: "INF-EC2-001", address: "aws_launch_template.lt", attribute: "metadata_options.http_tokens", found: "optional", expected: "required" },
      { rule: "INF-EC2-001", address: "aws_launch_template.lt", attribute: "metadata_options.http_put_response_hop_limit", found: "2", expected: "1" },
    ]));
});

describe("INF-EC2-002 instance profile", () => {
  it("Compliance: profiles on instance and template pass", () =>
    expect(
      statuses(ec2InstanceProfile, {
        aws_instance: { host: { iam_instance_profile: "${aws_iam_instance_profile.p.name}" } },
        aws_launch_template: { lt: { iam_instance_profile: { arn: "${aws_iam_instance_profile.p.arn}" } } },
      }),
    ).toEqual({
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
    }));
  it("Noncompliance: no profile fails", () =>
    expect(failures(ec2InstanceProfile, { aws_instance: { host: {} } })).toEqual([
      { rule: "INF-EC2-002", address: "aws_instance.host", attribute: "iam_instance_profile", found: "unset", expected: "an instance profile" },
    ]));
});

describe("INF-EC2-003 user data", () => {
  it("Compliance: user data fetching secrets at boot passes", () => {
    const script = "#!/bin/bash\nDB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString)\n";
    expect(statuses(ec2UserData, { aws_instance: { host: { user_data: script } }, aws_launch_template: { lt: { user_data: b64(script) } } })).toEqual({
      "aws_instance.host": "passed",
      "aws_launch_template.lt": "passed",
    });
  });
  it("Noncompliance: a literal password (plain) and an access key (base64 in a template) fail", () => {
    const expected = "secrets fetched at boot from Secrets Manager / SSM with the instance role";
    expect(
      failures(ec2UserData, {
        aws_instance: { host: { user_data: "export DB_PASSWORD=hunter2secret" } },
        aws_launch_template: { lt: { user_data: b64("AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP") } },
      }),
    ).toEqual([
      { rule: "INF-EC2-003", address: "aws_instance.host", attribute: "user_data", found: "a literal credential", expected },
      { rule: "INF-EC2-003", address: "aws_launch_template.lt", attribute: "user_data", found: "a literal credential", expected },
    ]);
  });
});

describe("INF-EC2-004 EBS encryption", () => {
  const enc = { encrypted: true, kms_key_id: "${aws_kms_key.k.arn}" };
  it("Compliance: encrypted root, attached, template and standalone volumes pass", () =>
    expect(
      statuses(ebsEncryption, {
        ...key,
        aws_instance: { host: { root_block_device: enc, ebs_block_device: [{ device_name: "/dev/sdf", ...enc }] } },
        aws_launch_template: { lt: { block_device_mappings: [{ device_name: "/dev/xvda", ebs: { encrypted: "true", kms_key_id: "${aws_kms_key.k.arn}" } }] } },
        aws_ebs_volume: { v: enc },
      }),
    ).toEqual({ "aws_instance.host": "passed", "aws_launch_template.lt": "passed", "aws_ebs_volume.v": "passed" }));
  it("Noncompliance: an implicit root volume, an AWS-key data volume and an unencrypted template volume fail", () =>
    expect(
      failures(ebsEncryption, {
        aws_instance: { host: { ebs_block_device: [{ encrypted: true }] } },
        aws_launch_template: { lt: { block_device_mappings: [{ ebs: { encrypted: "false" } }] } },
      }),
    ).toEqual([
      { rule: "INF-EC2-004", address: "aws_instance.host", attribute: "root_block_device.encrypted", found: "unset", expected: "true" },
      { rule: "INF-EC2-004", address: "aws_instance.host", attribute: "ebs_block_device[0].kms_key_id", found: "unset", expected: CMK },
      { rule: "INF-EC2-004", address: "aws_launch_template.lt", attribute: "block_device_mappings[0].ebs.encrypted", found: "false", expected: "true" },
    ]));
});

describe("INF-EC2-005 operations", () => {
  it("Compliance: monitoring, EBS optimisation and termination protection pass", () =>
    expect(statuses(ec2Operations, { aws_instance: { host: { monitoring: true, ebs_optimized: true, disable_api_termination: true } } })).toEqual({
      "aws_instance.host": "passed",
    }));
  it("Noncompliance: defaults fail on all three", () =>
    expect(failures(ec2Operations, { aws_instance: { host: {} } })).toEqual(
      ["monitoring", "ebs_optimized", "disable_api_termination"].map((attribute) => ({
        rule: "INF-EC2-005",
        address: "aws_instance.host",
        attribute,
        found: "unset",
        expected: "true",
      })),
    ));
});
