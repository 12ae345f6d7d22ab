/**
 * Rules on a resource that a separate resource configures: a bucket's versioning, public access
 * block, encryption, policy, ownership and logging; a VPC's default security group; a secret's
 * rotation; a web ACL's logging. Each such rule reads the same way: find the companion that
 * references the subject, report it missing, else check it. `companionRule` does the finding and
 * the reporting; the rule states which companion and what it must hold.
 */
import type { Finding, PolicyRule, StackIndex, SynthResource } from "../types";
import { finding } from "./helpers";

export interface Companion {
  /** Terraform type of the configuring resource, e.g. `aws_s3_bucket_versioning`. */
  readonly type: string;
  /** Its attribute that references the subject, e.g. `bucket`. */
  readonly attribute: string;
  /** `expected` of the finding when the subject has no companion. */
  readonly missing: string | ((subject: SynthResource, index: StackIndex) => string);
}

export interface CompanionRuleSpec extends Omit<PolicyRule, "check"> {
  readonly companion: Companion;
  /**
   * Findings on the companion (the first one found), with attributes relative to it: they are
   * reported as `<companion address>.<attribute>`. Empty array = compliant.
   */
  checkCompanion(companion: SynthResource, subject: SynthResource, index: StackIndex): Finding[];
}

export function companionRule({ companion, checkCompanion, ...rule }: CompanionRuleSpec): PolicyRule {
  return {
    ...rule,
    check(subject, index) {
      const [found] = index.referencing(subject, companion.type, companion.attribute);
      if (!found) {
        const missing = typeof companion.missing === "string" ? companion.missing : companion.missing(subject, index);
        return [finding(companion.type, undefined, missing)];
      }
      return checkCompanion(found, subject, index).map((f) => ({ ...f, attribute: `${found.address}.${f.attribute}` }));
    },
  };
}
