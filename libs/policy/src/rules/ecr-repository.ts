import type { Finding, PolicyRule } from "../types";
import { blocks, finding, get, isCmk, CMK, requireTrue } from "./helpers";
import { statementsOf, unconditionedPublicAllows } from "./policy-document";

/** Images are the supply chain: encrypted with our key, scanned as they land, never pullable by anyone. */
export const ecrRepository: PolicyRule = {
  id: "INF-ECR-001",
  title: 'ECR repository: KMS encryption (CMK), scan on push, no "*" principal',
  mirrors: ["CKV_AWS_136", "CKV_AWS_163", "CKV_AWS_32", "AwsSolutions-ECR1"],
  catalogue: [62],
  resourceTypes: ["aws_ecr_repository"],
  severity: "high",
  check(repo, index) {
    const v = repo.values;
    const out: Finding[] = [];
    if (get(v, "encryption_configuration.encryption_type") !== "KMS")
      out.push(finding("encryption_configuration.encryption_type", get(v, "encryption_configuration.encryption_type"), "KMS"));
    else if (!isCmk(get(v, "encryption_configuration.kms_key"), index))
      out.push(finding("encryption_configuration.kms_key", get(v, "encryption_configuration.kms_key"), CMK));
    // Registry-level scanning (enhanced, on push or continuous) covers every repository.
    const registryScan = index.ofType("aws_ecr_registry_scanning_configuration").some((c) => blocks(c.values, "rule").length > 0);
    if (!registryScan) out.push(...requireTrue(v, "image_scanning_configuration.scan_on_push"));
    for (const policy of index.referencing(repo, "aws_ecr_repository_policy", "repository")) {
      if (unconditionedPublicAllows(statementsOf(policy.values["policy"], index) ?? []).length)
        out.push(finding(`${policy.address}.policy`, 'Allow to Principal "*" without condition', 'no unconditioned "*" principal'));
    }
    return out;
  },
};
