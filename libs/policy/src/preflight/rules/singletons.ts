import { isTrue } from "../../rules/helpers";
import { isUnknown } from "../env-index";
import type { EnvIndex, Located, PreflightRule } from "../types";

const OVERWRITE =
  "no error: each owner's apply overwrites the other's setting, so the two stacks never converge (and destroying one removes the setting for both)";

/** Account- or region-wide resources that exist once (per key): who may own them, what a second owner causes. */
export const SINGLETONS: readonly { type: string; scope: "account" | "region"; key?: (r: Located, env: EnvIndex) => string; effect: string }[] = [
  { type: "aws_api_gateway_account", scope: "region", effect: OVERWRITE },
  { type: "aws_config_configuration_recorder", scope: "region", effect: "PutConfigurationRecorder fails: MaxNumberOfConfigurationRecordersExceededException" },
  { type: "aws_config_delivery_channel", scope: "region", effect: "PutDeliveryChannel fails: MaxNumberOfDeliveryChannelsExceededException" },
  { type: "aws_config_configuration_recorder_status", scope: "region", effect: `${OVERWRITE} (one starts, the other stops the recorder)` },
  { type: "aws_config_retention_configuration", scope: "region", effect: OVERWRITE },
  {
    type: "aws_iam_service_linked_role",
    scope: "account",
    key: (l) => `${String(l.resource.values["aws_service_name"])}${l.resource.values["custom_suffix"] ? `_${String(l.resource.values["custom_suffix"])}` : ""}`,
    effect: "CreateServiceLinkedRole fails: InvalidInput: Service role name AWSServiceRoleFor... has been taken in this account",
  },
  {
    type: "aws_iam_openid_connect_provider",
    scope: "account",
    key: (l, env) => env.render(l.stack, String(l.resource.values["url"] ?? "")).replace(/^https:\/\//, ""),
    effect: "CreateOpenIDConnectProvider fails: EntityAlreadyExists: Provider with url ... already exists",
  },
  { type: "aws_iam_account_password_policy", scope: "account", effect: OVERWRITE },
  { type: "aws_iam_account_alias", scope: "account", effect: OVERWRITE },
  { type: "aws_iam_security_token_service_preferences", scope: "account", effect: OVERWRITE },
  { type: "aws_s3_account_public_access_block", scope: "account", effect: OVERWRITE },
  { type: "aws_account_alternate_contact", scope: "account", key: (l) => String(l.resource.values["alternate_contact_type"]), effect: OVERWRITE },
  { type: "aws_shield_subscription", scope: "account", effect: "CreateSubscription fails: ResourceAlreadyExistsException" },
  { type: "aws_ebs_encryption_by_default", scope: "region", effect: OVERWRITE },
  { type: "aws_ebs_default_kms_key", scope: "region", effect: OVERWRITE },
  { type: "aws_ebs_snapshot_block_public_access", scope: "region", effect: OVERWRITE },
  { type: "aws_ec2_image_block_public_access", scope: "region", effect: OVERWRITE },
  { type: "aws_ec2_serial_console_access", scope: "region", effect: OVERWRITE },
  { type: "aws_xray_encryption_config", scope: "region", effect: OVERWRITE },
  { type: "aws_sns_sms_preferences", scope: "region", effect: OVERWRITE },
  {
    type: "aws_guardduty_detector",
    scope: "region",
    effect: "CreateDetector fails: BadRequestException: The request is rejected because a detector already exists for the current account.",
  },
  {
    type: "aws_securityhub_account",
    scope: "region",
    effect: "EnableSecurityHub fails: ResourceConflictException: Account is already subscribed to Security Hub",
  },
  { type: "aws_macie2_account", scope: "region", effect: "EnableMacie fails: ConflictException: Macie is already enabled" },
  { type: "aws_detective_graph", scope: "region", effect: "CreateGraph fails: ConflictException: a behavior graph already exists" },
  { type: "aws_inspector2_enabler", scope: "region", effect: OVERWRITE },
  {
    type: "aws_accessanalyzer_analyzer",
    scope: "region",
    key: (l) => String(l.resource.values["analyzer_name"]),
    effect: "CreateAnalyzer fails: ConflictException: analyzer already exists",
  },
  {
    type: "aws_cloudwatch_log_resource_policy",
    scope: "region",
    key: (l) => String(l.resource.values["policy_name"]),
    effect: `${OVERWRITE} (same policy name)`,
  },
  {
    type: "aws_cloudtrail",
    scope: "region",
    key: (l) => (isTrue(l.resource.values["is_organization_trail"]) ? "organization trail" : `trail ${String(l.resource.values["name"])}`),
    effect: "CreateTrail fails: TrailAlreadyExistsException (one organization trail per organization; trail names are unique per region)",
  },
];

const TYPES = SINGLETONS.map((s) => s.type);

function groupKey(l: Located, env: EnvIndex): string | undefined {
  const spec = SINGLETONS.find((s) => s.type === l.resource.type)!;
  const key = spec.key?.(l, env) ?? "";
  if (isUnknown(key)) return undefined;
  const region = spec.scope === "region" ? l.stack.regionOf(l.resource) : "*";
  return `${l.resource.type}|${l.stack.account}|${region}|${key}`;
}

/**
 * Account- and region-wide settings have one owner: at most one resource per (account, region,
 * key) across every stack of the env. The first in deploy order is the owner; the others fail.
 */
export const oneOwnerSingletons: PreflightRule = {
  id: "PRE-ONE-001",
  title: "Each account or region singleton (API Gateway account, Config recorder, service-linked role, OIDC provider, ...) has one owner",
  consequence:
    'a second owner fails to create ("MaxNumberOfConfigurationRecordersExceededException", "has been taken in this account", "already exists") or, for settings, each apply undoes the other\'s',
  severity: "high",
  catalogue: [64],
  defects: [10],
  scope: "env",
  resourceTypes: TYPES,
  check(subject, env) {
    const key = groupKey(subject, env);
    if (!key) return [];
    const owners = env.ofType(subject.resource.type).filter((l) => groupKey(l, env) === key);
    const first = owners[0]!;
    if (first.stack === subject.stack && first.resource === subject.resource) return [];
    const spec = SINGLETONS.find((s) => s.type === subject.resource.type)!;
    const scope = spec.scope === "region" ? `${subject.stack.account}/${subject.stack.regionOf(subject.resource)}` : `account ${subject.stack.account}`;
    return [
      {
        attribute: subject.resource.type,
        found: `a second owner in ${scope}${spec.key ? ` (${key.split("|")[3]})` : ""}: ${first.stack.name}/${first.resource.address} owns it already`,
        expected: "one owner per account/region: keep it in one stack (a per-account foundation stack) and let the others depend on it",
        consequence: spec.effect,
      },
    ];
  },
};
