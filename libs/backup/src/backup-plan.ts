import { BackupPlan as AwsBackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { BackupVaultLockConfiguration } from "@cdktf/provider-aws/lib/backup-vault-lock-configuration";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { type BackupSchedule, scheduleExpression } from "./schedule";
import { serviceTrustPolicy } from "@infra/iam";

export interface CopyActionProps {
  /** ARN of a vault in another region (or account), e.g. the DR region's. */
  readonly destinationVaultArn: string;
  /** @default the rule's retentionDays */
  readonly retentionDays?: number;
}

export interface BackupRuleProps {
  /** Rule name, e.g. "ebs-hourly". */
  readonly name: string;
  readonly schedule: BackupSchedule;
  /** Days a recovery point is kept. */
  readonly retentionDays: number;
  /** Move to cold storage after this many days (then retention must be >= this + 90). @default never */
  readonly coldStorageAfterDays?: number;
  /** Minutes a job may wait to start. @default 60 */
  readonly startWindowMinutes?: number;
  /** Minutes a job may run. @default 180 */
  readonly completionWindowMinutes?: number;
  /** Copies to other vaults (cross-region DR). @default [] */
  readonly copyTo?: readonly CopyActionProps[];
  /** Point-in-time restore for supported resources (RDS, S3). @default false */
  readonly continuousBackup?: boolean;
}

/**
 * What the plan backs up: explicit resource ARNs (wildcards allowed, e.g. every EBS volume
 * `arn:aws:ec2:*:*:volume/*`) and/or resources carrying a tag. `allTags` narrows the ARNs to resources
 * that carry every one of those tags (AWS Backup `Conditions`, AND logic), whereas `tag` adds
 * resources of any type (`ListOfTags`, OR logic).
 */
export interface BackupSelectionProps {
  /** @default [] */
  readonly resourceArns?: readonly string[];
  /** Resources with this tag, e.g. { key: "BackupRequired", value: "true" } (seed 004's custom tag). @default none */
  readonly tag?: { readonly key: string; readonly value: string };
  /** Only the `resourceArns` resources that carry all of these tags (key → exact value). @default no condition */
  readonly allTags?: Readonly<Record<string, string>>;
}

export interface VaultLockProps {
  /** Recovery points cannot be deleted before this many days. */
  readonly minRetentionDays: number;
  /** @default none */
  readonly maxRetentionDays?: number;
  /**
   * Days before the lock becomes immutable (compliance mode). Without it the lock stays in
   * governance mode and privileged users can remove it. @default governance mode
   */
  readonly changeableForDays?: number;
}

export interface BackupPlanProps {
  /** Name of the plan and prefix of the vault, role and selection, e.g. "prod-platform-ebs". */
  readonly name: string;
  /** Customer-managed KMS key ARN of the vault. */
  readonly kmsKeyArn: string;
  readonly rules: readonly BackupRuleProps[];
  readonly selection: BackupSelectionProps;
  /** @default none */
  readonly vaultLock?: VaultLockProps;
  /** `prevent_destroy` on the vault and no force destroy. @default true */
  readonly deletionProtection?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

function validate(props: BackupPlanProps): void {
  const where = `BackupPlan ${props.name}`;
  if (props.rules.length === 0) throw new RangeError(`${where}: needs at least one rule`);
  const names = new Set<string>();
  for (const r of props.rules) {
    const at = `${where} rule ${r.name}`;
    if (names.has(r.name)) throw new RangeError(`${at}: rule name is used twice`);
    names.add(r.name);
    if (!Number.isInteger(r.retentionDays) || r.retentionDays < 1) throw new RangeError(`${at}: retentionDays must be a positive integer`);
    if (r.coldStorageAfterDays !== undefined && r.retentionDays < r.coldStorageAfterDays + 90) {
      throw new RangeError(
        `${at}: retentionDays ${r.retentionDays} must be at least coldStorageAfterDays + 90 (${r.coldStorageAfterDays + 90}), AWS's cold storage minimum`,
      );
    }
    const start = r.startWindowMinutes ?? 60;
    const completion = r.completionWindowMinutes ?? 180;
    if (start < 60) throw new RangeError(`${at}: startWindowMinutes must be >= 60`);
    if (completion <= start) throw new RangeError(`${at}: completionWindowMinutes ${completion} must be greater than startWindowMinutes ${start}`);
    const lock = props.vaultLock;
    if (lock && (r.retentionDays < lock.minRetentionDays || (lock.maxRetentionDays !== undefined && r.retentionDays > lock.maxRetentionDays))) {
      throw new RangeError(`${at}: retentionDays ${r.retentionDays} is outside the vault lock's ${lock.minRetentionDays}-${lock.maxRetentionDays ?? "∞"} days`);
    }
  }
  const sel = props.selection;
  if ((sel.resourceArns?.length ?? 0) === 0 && sel.tag === undefined) throw new RangeError(`${where}: selection needs resourceArns or a tag`);
  // Conditions narrow Resources: without ARNs they would narrow nothing the plan selects.
  if (sel.allTags && (Object.keys(sel.allTags).length === 0 || (sel.resourceArns?.length ?? 0) === 0)) {
    throw new RangeError(`${where}: selection.allTags ${JSON.stringify(sel.allTags)} needs at least one tag and resourceArns to narrow`);
  }
}

/** An AWS Backup vault (CMK), a plan of typed rules, a selection and the service role that runs it. */
export class BackupPlan extends Construct {
  readonly vaultName: string;
  readonly vaultArn: string;
  readonly planId: string;
  readonly planArn: string;
  readonly roleArn: string;

  constructor(scope: Construct, id: string, props: BackupPlanProps) {
    super(scope, id);
    markLibrary(this, "backup");
    validate(props);
    const deletionProtection = props.deletionProtection ?? true;
    const tags = (suffix: string) => ({ ...props.tags, Name: `${props.name}-${suffix}` });

    const vault = new BackupVault(this, "vault", {
      name: props.name,
      kmsKeyArn: props.kmsKeyArn,
      forceDestroy: !deletionProtection,
      lifecycle: { preventDestroy: deletionProtection },
      tags: tags("vault"),
    });
    this.vaultName = vault.name;
    this.vaultArn = vault.arn;

    if (props.vaultLock) {
      new BackupVaultLockConfiguration(this, "vault-lock", {
        backupVaultName: vault.name,
        minRetentionDays: props.vaultLock.minRetentionDays,
        maxRetentionDays: props.vaultLock.maxRetentionDays,
        changeableForDays: props.vaultLock.changeableForDays,
      });
    }

    const plan = new AwsBackupPlan(this, "plan", {
      name: props.name,
      rule: props.rules.map((r) => ({
        ruleName: r.name,
        targetVaultName: vault.name,
        schedule: scheduleExpression(r.schedule),
        scheduleExpressionTimezone: "Etc/UTC",
        startWindow: r.startWindowMinutes ?? 60,
        completionWindow: r.completionWindowMinutes ?? 180,
        enableContinuousBackup: r.continuousBackup ?? false,
        lifecycle: { deleteAfter: r.retentionDays, ...(r.coldStorageAfterDays !== undefined ? { coldStorageAfter: r.coldStorageAfterDays } : {}) },
        copyAction: (r.copyTo ?? []).map((c) => ({
          destinationVaultArn: c.destinationVaultArn,
          lifecycle: { deleteAfter: c.retentionDays ?? r.retentionDays },
        })),
        recoveryPointTags: { ...props.tags, BackupPlan: props.name, BackupRule: r.name },
      })),
      tags: tags("plan"),
    });
    this.planId = plan.id;
    this.planArn = plan.arn;

    const assume = serviceTrustPolicy(this, "assume", "backup.amazonaws.com");
    // Prefix, not name: the same plan in a DR region of the same account must not collide.
    const role = new IamRole(this, "role", { namePrefix: `${props.name.slice(0, 30)}-backup-`, assumeRolePolicy: assume.json, tags: tags("backup") });
    for (const [key, policy] of [
      ["backup", "AWSBackupServiceRolePolicyForBackup"],
      ["restores", "AWSBackupServiceRolePolicyForRestores"],
    ] as const) {
      new IamRolePolicyAttachment(this, `role-${key}`, { role: role.name, policyArn: `arn:aws:iam::aws:policy/service-role/${policy}` });
    }
    this.roleArn = role.arn;

    new BackupSelection(this, "selection", {
      name: props.name,
      planId: plan.id,
      iamRoleArn: role.arn,
      resources: props.selection.resourceArns?.length ? [...props.selection.resourceArns] : undefined,
      selectionTag: props.selection.tag ? [{ type: "STRINGEQUALS", key: props.selection.tag.key, value: props.selection.tag.value }] : undefined,
      condition: props.selection.allTags
        ? [{ stringEquals: Object.entries(props.selection.allTags).map(([key, value]) => ({ key: `aws:ResourceTag/${key}`, value })) }]
        : undefined,
    });
  }
}
