export { BackupPlan, type BackupPlanProps, type BackupRuleProps, type BackupSelectionProps, type CopyActionProps, type VaultLockProps } from "./backup-plan";
export { scheduleExpression, type BackupSchedule, type DayOfWeek } from "./schedule";
