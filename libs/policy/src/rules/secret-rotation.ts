import type { JsonObject } from "../types";
import { companionRule } from "./companion";
import { asNumber, finding, get } from "./helpers";

export const MAX_ROTATION_DAYS = 90;

/** Days between rotations from `automatically_after_days` or a `rate(N days)` schedule; cron is trusted. */
function rotationDays(rules: JsonObject | undefined): number | undefined {
  const days = asNumber(get(rules, "automatically_after_days"));
  if (days !== undefined) return days;
  const schedule = String(get(rules, "schedule_expression") ?? "");
  const rate = /^rate\((\d+) days?\)$/.exec(schedule);
  if (rate) return Number(rate[1]);
  if (/^rate\((\d+) hours?\)$/.test(schedule) || schedule.startsWith("cron(")) return 1;
  return undefined;
}

/** A leaked credential stops working within a quarter at most. */
export const secretRotation = companionRule({
  id: "INF-SM-002",
  title: `Secrets Manager secret rotates at least every ${MAX_ROTATION_DAYS} days`,
  mirrors: ["CKV2_AWS_57", "CKV_AWS_304", "AwsSolutions-SMG4"],
  catalogue: [58],
  resourceTypes: ["aws_secretsmanager_secret"],
  severity: "medium",
  companion: { type: "aws_secretsmanager_secret_rotation", attribute: "secret_id", missing: `rotation every <= ${MAX_ROTATION_DAYS} days` },
  checkCompanion(rotation) {
    const rules = get(rotation.values, "rotation_rules") as JsonObject | undefined;
    const days = rotationDays(rules);
    return days !== undefined && days <= MAX_ROTATION_DAYS ? [] : [finding("rotation_rules", rules, `<= ${MAX_ROTATION_DAYS} days`)];
  },
});
