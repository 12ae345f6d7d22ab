import { ruleCases } from "../rule-cases";
import { ecrImmutableTags } from "./ecr-immutable-tags";
import { ecrRepository } from "./ecr-repository";

const at = { address: "aws_ecr_repository.app" };
const good = {
  encryption_configuration: { encryption_type: "KMS", kms_key: "${aws_kms_key.k.arn}" },
  image_scanning_configuration: { scan_on_push: true },
  image_tag_mutability: "IMMUTABLE",
};

const registry = { aws_ecr_registry_scanning_configuration: { s: { scan_type: "ENHANCED", rule: [{ scan_frequency: "CONTINUOUS_SCAN" }] } } };

ruleCases(ecrRepository, "INF-ECR-001 repository", {
  compliant: [
    {
      name: "KMS with our key and scan on push pass",
      input: () => ({ aws_kms_key: { k: {} }, aws_ecr_repository: { app: good } }),
      statuses: { "aws_ecr_repository.app": "passed" },
    },
    {
      name: "registry scanning replaces per-repo scanning",
      input: () => ({ ...registry, aws_kms_key: { k: {} }, aws_ecr_repository: { app: { ...good, image_scanning_configuration: undefined } } }),
      statuses: { "aws_ecr_repository.app": "passed" },
    },
  ],
  noncompliant: [
    {
      name: "AES256, no scanning and a public policy fail",
      input: () => ({
        aws_ecr_repository: { app: { encryption_configuration: { encryption_type: "AES256" } } },
        aws_ecr_repository_policy: {
          p: {
            repository: "${aws_ecr_repository.app.name}",
            policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }] }),
          },
        },
      }),
      failures: [
        { ...at, attribute: "encryption_configuration.encryption_type", found: "AES256", expected: "KMS" },
        { ...at, attribute: "image_scanning_configuration.scan_on_push", found: "unset", expected: "true" },
        {
          ...at,
          attribute: "aws_ecr_repository_policy.p.policy",
          found: 'Allow to Principal "*" without condition',
          expected: 'no unconditioned "*" principal',
        },
      ],
    },
  ],
});

ruleCases(ecrImmutableTags, "INF-ECR-002 immutable tags", {
  compliant: { name: "IMMUTABLE passes", input: () => ({ aws_ecr_repository: { app: good } }), statuses: { "aws_ecr_repository.app": "passed" } },
  noncompliant: [
    {
      name: "the MUTABLE default fails",
      input: () => ({ aws_ecr_repository: { app: {} } }),
      failures: [
        {
          address: "aws_ecr_repository.app",
          attribute: "image_tag_mutability",
          found: "unset",
          expected: "one of IMMUTABLE, IMMUTABLE_WITH_EXCLUSION",
        },
      ],
    },
  ],
});
