import { type ServiceLinkedRoleService, serviceLinkedRoleArn } from "@infra/core";
import { DECRYPT_ACTIONS, ENCRYPT_DECRYPT_ACTIONS, KEY_ADMIN_ACTIONS, type KeyPolicyStatement } from "./statements";

/**
 * An AWS service allowed to use the key through its own service principal (services that call
 * KMS themselves rather than on behalf of an IAM principal).
 * - `logs`: CloudWatch Logs, regional principal `logs.<region>.amazonaws.com`, limited by the
 *   `kms:EncryptionContext:aws:logs:arn` context to log groups of this account and region.
 * - every other service: principal `<service>.amazonaws.com`, limited by `aws:SourceAccount`
 *   (and `aws:SourceArn` when `sourceArns` is given), e.g. `sns` and `events` and `cloudwatch`
 *   publishing to an encrypted topic or queue, `cloudfront` reading SSE-KMS objects through OAC,
 *   `delivery.logs` (vended logs), `s3` (event notifications to encrypted queues/topics).
 */
export const KEY_SERVICE_NAMES = [
  "logs",
  "sns",
  "sqs",
  "events",
  /** RDS event subscriptions publishing to an encrypted SNS topic. */
  "events.rds",
  "cloudwatch",
  /** AWS Budgets notifications to an encrypted SNS topic. */
  "budgets",
  "s3",
  "cloudfront",
  "delivery.logs",
  "lambda",
  "states",
  "backup",
  /** AWS Config delivering snapshots to an SSE-KMS bucket as its service principal. */
  "config",
  /**
   * CloudTrail encrypting log files (a trail's `kms_key_id`): GenerateDataKey* scoped by the trail
   * (`aws:SourceArn`) and the `kms:EncryptionContext:aws:cloudtrail:arn` of this account's trails,
   * plus DescribeKey (CreateTrail checks the key), as AWS documents for trail keys.
   */
  "cloudtrail",
] as const;
export type KeyServiceName = (typeof KEY_SERVICE_NAMES)[number];

/** The key service of a service principal ("cloudwatch.amazonaws.com" → "cloudwatch"), or undefined. */
export function keyServiceOfPrincipal(principal: string): KeyServiceName | undefined {
  const name = principal.replace(/\.amazonaws\.com$/, "");
  return (KEY_SERVICE_NAMES as readonly string[]).includes(name) ? (name as KeyServiceName) : undefined;
}

export interface KeyServicePrincipal {
  /** The service. */
  readonly service: KeyServiceName;
  /**
   * Only these resources of the service may use the key (`aws:SourceArn`, or for `logs` the log
   * group ARNs in the encryption context; wildcards allowed).
   * @default every resource of the service in this account (and region, for `logs`)
   */
  readonly sourceArns?: readonly string[];
  /** @default encrypt + decrypt for `logs`; `kms:Decrypt` and `kms:GenerateDataKey*` otherwise */
  readonly actions?: readonly string[];
}

export interface KeyPolicyInput {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  readonly administratorArns: readonly string[];
  readonly userArns: readonly string[];
  /** Principals that may only decrypt (and describe the key). @default [] */
  readonly readerArns?: readonly string[];
  readonly servicePrincipals: readonly KeyServicePrincipal[];
  /** Service-linked roles that use the key for AWS resources (key use plus kms:CreateGrant). @default [] */
  readonly serviceLinkedRoles?: readonly ServiceLinkedRoleService[];
}

/**
 * The key policy: the account root may administer the key (so IAM policies can grant its use and
 * the key can never become unmanageable), named administrators and users, and named service
 * principals, each with a condition. No statement has an unconditioned `*` principal.
 */
export function keyPolicyStatements(input: KeyPolicyInput): KeyPolicyStatement[] {
  const { accountId, region, partition } = input;
  // IAM principals (not services): each group gets its statement only when it has members.
  const allowIam = (sid: string, arns: readonly string[], actions: readonly string[]): KeyPolicyStatement[] =>
    arns.length > 0 ? [{ sid, effect: "Allow", principals: [{ type: "AWS", identifiers: [...arns] }], actions: [...actions], resources: ["*"] }] : [];
  const statements: KeyPolicyStatement[] = [
    ...allowIam("AccountRootAdministers", [`arn:${partition}:iam::${accountId}:root`], ["kms:*"]),
    ...allowIam("KeyAdministrators", input.administratorArns, KEY_ADMIN_ACTIONS),
    ...allowIam("KeyUsers", input.userArns, ENCRYPT_DECRYPT_ACTIONS),
    ...allowIam("KeyReaders", input.readerArns ?? [], DECRYPT_ACTIONS),
  ];
  for (const sp of input.servicePrincipals) statements.push(...serviceStatements(sp, accountId, region, partition));
  for (const service of input.serviceLinkedRoles ?? []) statements.push(...serviceLinkedRoleStatements(service, accountId, partition));
  return statements;
}

/**
 * A service-linked role launching resources with the key (Auto Scaling's CMK-encrypted EBS
 * volumes): it encrypts and decrypts, and creates grants, only for AWS resources. The role must
 * exist before this policy is put: the account foundation creates it (libs/core account-requirements).
 */
function serviceLinkedRoleStatements(service: ServiceLinkedRoleService, accountId: string, partition: string): KeyPolicyStatement[] {
  const sid = `ServiceLinkedRole${service.split(".")[0]!.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
  const principals = [{ type: "AWS", identifiers: [serviceLinkedRoleArn(service, accountId, partition)] }];
  return [
    { sid: `${sid}Use`, effect: "Allow", principals, actions: [...ENCRYPT_DECRYPT_ACTIONS], resources: ["*"] },
    {
      sid: `${sid}Grants`,
      effect: "Allow",
      principals,
      actions: ["kms:CreateGrant"],
      resources: ["*"],
      condition: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
    },
  ];
}

/** What a service principal may do with a key unless told otherwise. */
export function defaultServiceActions(service: KeyServiceName): readonly string[] {
  if (service === "logs") return ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"];
  // CloudTrail only encrypts; reading log files is the readers' (IAM principals') Decrypt.
  if (service === "cloudtrail") return ["kms:GenerateDataKey*"];
  return [DECRYPT_ACTIONS[0], "kms:GenerateDataKey*"];
}

function serviceStatements(sp: KeyServicePrincipal, accountId: string, region: string, partition: string): KeyPolicyStatement[] {
  const sid = `Service${sp.service.replace(/(^|\.)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
  if (sp.service === "cloudtrail") return cloudTrailStatements(sid, sp, accountId, partition);
  if (sp.service === "logs") {
    return [
      {
        sid,
        effect: "Allow",
        principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
        actions: [...(sp.actions ?? defaultServiceActions("logs"))],
        resources: ["*"],
        condition: [
          {
            test: "ArnLike",
            variable: "kms:EncryptionContext:aws:logs:arn",
            values: [...(sp.sourceArns ?? [`arn:${partition}:logs:${region}:${accountId}:log-group:*`])],
          },
        ],
      },
    ];
  }
  const condition = [{ test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] }];
  if (sp.sourceArns && sp.sourceArns.length > 0) condition.push({ test: "ArnLike", variable: "aws:SourceArn", values: [...sp.sourceArns] });
  return [
    {
      sid,
      effect: "Allow",
      principals: [{ type: "Service", identifiers: [`${sp.service}.amazonaws.com`] }],
      actions: [...(sp.actions ?? defaultServiceActions(sp.service))],
      resources: ["*"],
      condition,
    },
  ];
}

/**
 * CloudTrail's two statements (AWS "Configure AWS KMS key policies for CloudTrail"): encrypt log
 * files only for the named trails (`aws:SourceArn`; without sourceArns, any trail of this account)
 * and only with this account's trail encryption context; DescribeKey for the same trails (it
 * carries no encryption context, so it cannot share the first statement's condition).
 */
function cloudTrailStatements(sid: string, sp: KeyServicePrincipal, accountId: string, partition: string): KeyPolicyStatement[] {
  const principals = [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }];
  const source =
    sp.sourceArns && sp.sourceArns.length > 0
      ? { test: "ArnLike", variable: "aws:SourceArn", values: [...sp.sourceArns] }
      : { test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] };
  return [
    {
      sid,
      effect: "Allow",
      principals,
      actions: [...(sp.actions ?? defaultServiceActions("cloudtrail"))],
      resources: ["*"],
      condition: [
        source,
        { test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: [`arn:${partition}:cloudtrail:*:${accountId}:trail/*`] },
      ],
    },
    { sid: `${sid}DescribeKey`, effect: "Allow", principals, actions: ["kms:DescribeKey"], resources: ["*"], condition: [source] },
  ];
}
