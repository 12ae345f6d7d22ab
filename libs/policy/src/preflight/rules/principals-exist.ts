import { finding } from "../../rules/helpers";
import { attributeValue } from "../attributes";
import { isUnknown } from "../env-index";
import { readPolicy, type Principal } from "../policy";
import type { EnvIndex, Finding, Located, PreflightRule } from "../types";

const KMS_INVALID = "MalformedPolicyDocumentException: Policy contains a statement with one or more invalid principals.";
const SNS_INVALID = "SetTopicAttributes fails: InvalidParameter: Policy Error: PrincipalNotFound";
const SQS_INVALID = "SetQueueAttributes fails: InvalidAttributeValue: Invalid value for the parameter Policy";
const SECRET_INVALID = "PutResourcePolicy fails: MalformedPolicyDocumentException: This resource policy contains an unsupported principal";

/** Resource types holding a resource policy, the attribute, and what the API answers to a missing principal. */
export const POLICY_HOLDERS: readonly { type: string; attribute: string; error: string }[] = [
  { type: "aws_kms_key", attribute: "policy", error: `CreateKey fails: ${KMS_INVALID}` },
  { type: "aws_kms_key_policy", attribute: "policy", error: `PutKeyPolicy fails: ${KMS_INVALID}` },
  { type: "aws_kms_replica_key", attribute: "policy", error: `ReplicateKey fails: ${KMS_INVALID}` },
  { type: "aws_s3_bucket_policy", attribute: "policy", error: "PutBucketPolicy fails: MalformedPolicy: Invalid principal in policy" },
  { type: "aws_iam_role", attribute: "assume_role_policy", error: "CreateRole fails: MalformedPolicyDocument: Invalid principal in policy" },
  { type: "aws_sns_topic", attribute: "policy", error: SNS_INVALID },
  { type: "aws_sns_topic_policy", attribute: "policy", error: SNS_INVALID },
  { type: "aws_sqs_queue", attribute: "policy", error: SQS_INVALID },
  { type: "aws_sqs_queue_policy", attribute: "policy", error: SQS_INVALID },
  { type: "aws_ecr_repository_policy", attribute: "policy", error: "SetRepositoryPolicy fails: InvalidParameterException: Invalid repository policy provided" },
  { type: "aws_secretsmanager_secret", attribute: "policy", error: SECRET_INVALID },
  { type: "aws_secretsmanager_secret_policy", attribute: "policy", error: SECRET_INVALID },
  { type: "aws_opensearch_domain", attribute: "access_policies", error: "CreateDomain fails: InvalidTypeException: Error setting policy" },
  { type: "aws_opensearch_domain_policy", attribute: "access_policies", error: "UpdateDomainConfig fails: InvalidTypeException: Error setting policy" },
  { type: "aws_backup_vault_policy", attribute: "policy", error: "PutBackupVaultAccessPolicy fails: InvalidParameterValueException" },
  { type: "aws_efs_file_system_policy", attribute: "policy", error: "PutFileSystemPolicy fails: InvalidPolicyException" },
  { type: "aws_cloudwatch_log_resource_policy", attribute: "policy_document", error: "PutResourcePolicy fails: InvalidParameterException" },
];

/**
 * Service-linked roles that exist in every account from the start (AWS creates them with the
 * account); any other one exists only once something creates it.
 */
export const ALWAYS_PRESENT_ROLES: readonly string[] = ["AWSServiceRoleForSupport", "AWSServiceRoleForTrustedAdvisor"];

const IAM_ARN = /^arn:aws[\w-]*:(iam|sts)::(\d{12}):(role|user|assumed-role)\/(.+)$/;

interface Creator {
  readonly located: Located;
  readonly what: string;
}

/** The env resource that creates the IAM principal with this ARN, if any. */
function creatorOf(env: EnvIndex, account: string, kind: string, rest: string): Creator | undefined {
  if (kind === "role" && rest.startsWith("aws-service-role/")) {
    const [, service, name] = /^aws-service-role\/([^/]+)\/(.+)$/.exec(rest) ?? [];
    const slr = env.ofType("aws_iam_service_linked_role").find((l) => {
      if (l.stack.account !== account || l.resource.values["aws_service_name"] !== service) return false;
      const suffix = l.resource.values["custom_suffix"];
      return typeof suffix === "string" ? name!.endsWith(`_${suffix}`) : !name!.includes("_");
    });
    return slr && { located: slr, what: `aws_iam_service_linked_role for ${service}` };
  }
  const type = kind === "user" ? "aws_iam_user" : "aws_iam_role";
  const name = kind === "assumed-role" ? rest.split("/")[0]! : rest.split("/").at(-1)!;
  const arn = kind === "assumed-role" ? undefined : `arn:aws:iam::${account}:${kind}/${rest}`;
  const found = env.ofType(type).find((l) => {
    if (l.stack.account !== account) return false;
    const render = (s: typeof l.stack, v: string) => env.render(s, v);
    return arn ? attributeValue(l, "arn", render) === arn : attributeValue(l, "name", render) === name;
  });
  return found && { located: found, what: `${type} ${name}` };
}

function dependsOn(subject: Located, address: string): boolean {
  const list = subject.resource.values["depends_on"];
  return Array.isArray(list) && list.includes(address);
}

function check(subject: Located, env: EnvIndex, p: Principal): Finding | undefined {
  if (p.type !== "AWS" || p.value === "*" || isUnknown(p.value)) return undefined;
  // A reference to a resource (here or, through remote state, in a stack applied earlier) is ordered by Terraform.
  const targets = p.raw.includes("${") ? env.resolveAll(p.stack, p.raw) : [];
  if (targets.some((t) => t.resource?.mode === "managed" && /^aws_iam_(role|user|service_linked_role)$/.test(t.resource.type))) return undefined;
  if (targets.some((t) => t.resource?.mode === "data")) return undefined;
  const m = IAM_ARN.exec(p.value);
  if (!m) return undefined;
  const [, , account, kind, rest] = m;
  if (account !== subject.stack.account) return undefined; // another account's principals cannot be checked here
  const roleName = rest!.split("/").at(-1)!;
  if (ALWAYS_PRESENT_ROLES.includes(roleName)) return undefined;
  const creator = creatorOf(env, account!, kind!, rest!);
  const slr = rest!.startsWith("aws-service-role/");
  const fix = slr
    ? `created before this stack: an aws_iam_service_linked_role (aws_service_name = ${rest!.split("/")[1]}) in a foundation stack that deploys first, or a grant that does not name the role (Principal "*" with an aws:PrincipalArn condition)`
    : "created before this stack (in this stack by reference, or in a stack that deploys first), or not named";
  if (!creator) return finding("principal", `${p.value} (no stack of the env creates it)`, fix);
  const when = env.availability(creator.located.stack, subject.stack);
  if (when === "dependency" || when === "earlier") return undefined;
  if (when === "same-stack") {
    return dependsOn(subject, creator.located.resource.address)
      ? undefined
      : finding(
          "principal",
          `${p.value} (created in this stack by ${creator.located.resource.address}, but named literally: nothing orders the two)`,
          `a reference to ${creator.located.resource.address}.arn, or depends_on = ["${creator.located.resource.address}"]`,
        );
  }
  return finding("principal", `${p.value} (created by ${creator.located.stack.name}/${creator.located.resource.address}, which deploys after this stack)`, fix);
}

/**
 * Every IAM principal a key, bucket, topic, queue, repository, secret, domain or trust policy names
 * exists when the policy is written: created in the same stack (by reference), in a stack that
 * deploys first (a dependency, or earlier in the env's deploy order), or always present in an
 * account. AWS validates principals when the policy is set: a role that does not exist yet (a
 * service-linked role no stack has created, an app role of a later stack) fails the call.
 */
export const principalsExist: PreflightRule = {
  id: "PRE-IAM-001",
  title: "Every IAM principal a resource or key policy names exists before the policy is set",
  consequence:
    'the policy call fails: KMS "MalformedPolicyDocumentException: Policy contains a statement with one or more invalid principals", S3/IAM "MalformedPolicy: Invalid principal in policy", SNS "PrincipalNotFound"',
  severity: "high",
  catalogue: [],
  defects: [5],
  scope: "env",
  resourceTypes: [...new Set(POLICY_HOLDERS.map((h) => h.type))],
  appliesTo: ({ resource }) => POLICY_HOLDERS.some((h) => h.type === resource.type && resource.values[h.attribute] !== undefined),
  check(subject, env) {
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const holder of POLICY_HOLDERS.filter((h) => h.type === subject.resource.type)) {
      for (const s of readPolicy(env, subject.stack, subject.resource.values[holder.attribute]) ?? []) {
        for (const p of s.principals) {
          const f = check(subject, env, p);
          if (!f || seen.has(f.found)) continue;
          seen.add(f.found);
          out.push({ ...f, attribute: holder.attribute, consequence: holder.error });
        }
      }
    }
    return out;
  },
};
