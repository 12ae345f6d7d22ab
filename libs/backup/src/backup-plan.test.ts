import { BackupPlan as AwsBackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { describe, expect, it } from "vitest";
import { entries, first, scopeSynthWith } from "@infra/testing-core/blocks";
import { BackupPlan, type BackupPlanProps } from "./backup-plan";

const KEY = "arn:aws:kms:us-east-1:1:key/backup";
const DR_VAULT = "arn:aws:backup:eu-west-1:1:backup-vault:prod-platform-ebs-dr";
const PROD: BackupPlanProps = {
  name: "prod-platform-ebs",
  kmsKeyArn: KEY,
  rules: [{ name: "ebs-hourly", schedule: { frequency: "hourly" }, retentionDays: 7, copyTo: [{ destinationVaultArn: DR_VAULT, retentionDays: 3 }] }],
  selection: { tag: { key: "BackupRequired", value: "true" } },
};
const synth = scopeSynthWith(BackupPlan, "backup", PROD);

describe("BackupPlan", () => {
  it("creates a CMK-encrypted vault with prevent_destroy", () => {
    expect(synth().json).toHaveResourceWithProperties(BackupVault, {
      name: "prod-platform-ebs",
      kms_key_arn: KEY,
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("schedules hourly backups into the vault with retention and a cross-region copy", () => {
    const { json, tf } = synth();
    const [vaultName] = first(tf.resource, "aws_backup_vault");
    expect(json).toHaveResourceWithProperties(AwsBackupPlan, {
      name: "prod-platform-ebs",
      rule: [
        {
          rule_name: "ebs-hourly",
          target_vault_name: `\${aws_backup_vault.${vaultName}.name}`,
          schedule: "cron(0 * ? * * *)",
          schedule_expression_timezone: "Etc/UTC",
          start_window: 60,
          completion_window: 180,
          enable_continuous_backup: false,
          lifecycle: { delete_after: 7 },
          copy_action: [{ destination_vault_arn: DR_VAULT, lifecycle: { delete_after: 3 } }],
          recovery_point_tags: { BackupPlan: "prod-platform-ebs", BackupRule: "ebs-hourly" },
        },
      ],
    });
  });

  it("selects by tag with a role on the AWS Backup service policies", () => {
    const { tf } = synth();
    const [planName] = first(tf.resource, "aws_backup_plan");
    const [roleName, role] = first(tf.resource, "aws_iam_role");
    expect(role.name_prefix).toBe("prod-platform-ebs-backup-");
    expect(first(tf.resource, "aws_backup_selection")[1]).toEqual({
      name: "prod-platform-ebs",
      plan_id: `\${aws_backup_plan.${planName}.id}`,
      iam_role_arn: `\${aws_iam_role.${roleName}.arn}`,
      selection_tag: [{ type: "STRINGEQUALS", key: "BackupRequired", value: "true" }],
    });
    expect(
      entries(tf.resource, "aws_iam_role_policy_attachment")
        .map(([, a]) => a.policy_arn)
        .sort(),
    ).toEqual([
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
      "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
    ]);
    const [, assume] = first(tf.data, "aws_iam_policy_document");
    expect(assume.statement[0].principals).toEqual([{ type: "Service", identifiers: ["backup.amazonaws.com"] }]);
  });

  it("selects by ARNs, uses daily/weekly rules with cold storage, and locks the vault", () => {
    const { tf } = synth({
      rules: [
        { name: "daily", schedule: { frequency: "daily", hourUtc: 3 }, retentionDays: 14 },
        { name: "weekly", schedule: { frequency: "weekly" }, retentionDays: 120, coldStorageAfterDays: 30 },
      ],
      selection: { resourceArns: ["arn:aws:ec2:us-east-1:1:volume/vol-1"] },
      vaultLock: { minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: 3 },
      deletionProtection: false,
    });
    const [, plan] = first(tf.resource, "aws_backup_plan");
    expect(plan.rule.map((r: { schedule: string; lifecycle: unknown }) => [r.schedule, r.lifecycle])).toEqual([
      ["cron(0 3 ? * * *)", { delete_after: 14 }],
      ["cron(0 5 ? * SUN *)", { delete_after: 120, cold_storage_after: 30 }],
    ]);
    expect(first(tf.resource, "aws_backup_selection")[1].resources).toEqual(["arn:aws:ec2:us-east-1:1:volume/vol-1"]);
    const [vaultName, vault] = first(tf.resource, "aws_backup_vault");
    expect(vault).toMatchObject({ force_destroy: true, lifecycle: { prevent_destroy: false } });
    expect(first(tf.resource, "aws_backup_vault_lock_configuration")[1]).toEqual({
      backup_vault_name: `\${aws_backup_vault.${vaultName}.name}`,
      min_retention_days: 7,
      max_retention_days: 365,
      changeable_for_days: 3,
    });
  });

  it("narrows wildcard ARNs to resources carrying all the given tags (Conditions, AND)", () => {
    const { tf } = synth({ selection: { resourceArns: ["arn:aws:ec2:*:*:volume/*"], allTags: { Workload: "platform", BackupRequired: "true" } } });
    const [, selection] = first(tf.resource, "aws_backup_selection");
    expect(selection.resources).toEqual(["arn:aws:ec2:*:*:volume/*"]);
    expect(selection.selection_tag).toBeUndefined();
    expect(selection.condition).toEqual([
      {
        string_equals: [
          { key: "aws:ResourceTag/Workload", value: "platform" },
          { key: "aws:ResourceTag/BackupRequired", value: "true" },
        ],
      },
    ]);
    expect(() => synth({ selection: { tag: { key: "a", value: "b" }, allTags: { Workload: "platform" } } })).toThrow(
      'BackupPlan prod-platform-ebs: selection.allTags {"Workload":"platform"} needs at least one tag and resourceArns to narrow',
    );
  });

  it("rejects plans AWS would refuse or that back up nothing", () => {
    expect(() => synth({ rules: [] })).toThrow("BackupPlan prod-platform-ebs: needs at least one rule");
    expect(() => synth({ selection: {} })).toThrow("selection needs resourceArns or a tag");
    expect(() => synth({ rules: [{ name: "w", schedule: { frequency: "weekly" }, retentionDays: 60, coldStorageAfterDays: 30 }] })).toThrow(
      "BackupPlan prod-platform-ebs rule w: retentionDays 60 must be at least coldStorageAfterDays + 90 (120)",
    );
    expect(() => synth({ rules: [{ name: "h", schedule: { frequency: "hourly" }, retentionDays: 1, startWindowMinutes: 30 }] })).toThrow(
      "startWindowMinutes must be >= 60",
    );
    expect(() => synth({ rules: [{ name: "h", schedule: { frequency: "hourly" }, retentionDays: 1, completionWindowMinutes: 60 }] })).toThrow(
      "completionWindowMinutes 60 must be greater than startWindowMinutes 60",
    );
    expect(() => synth({ vaultLock: { minRetentionDays: 14 } })).toThrow("rule ebs-hourly: retentionDays 7 is outside the vault lock's 14-∞ days");
    expect(() =>
      synth({
        rules: [
          { name: "a", schedule: { frequency: "hourly" }, retentionDays: 1 },
          { name: "a", schedule: { frequency: "daily" }, retentionDays: 1 },
        ],
      }),
    ).toThrow("rule a: rule name is used twice");
  });
});
