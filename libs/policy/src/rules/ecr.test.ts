import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { ecrImmutableTags } from "./ecr-immutable-tags";
import { ecrRepository } from "./ecr-repository";

const good = {
  encryption_configuration: { encryption_type: "KMS", kms_key: "${aws_kms_key.k.arn}" },
  image_scanning_configuration: { scan_on_push: true },
  image_tag_mutability: "IMMUTABLE",
};

describe("INF-ECR-001 repository", () => {
  it("Compliance: KMS with our key and scan on push pass; registry scanning replaces per-repo scanning", () => {
    expect(statuses(ecrRepository, { aws_kms_key: { k: {} }, aws_ecr_repository: { app: good } })).toEqual({ "aws_ecr_repository.app": "passed" });
    const registry = { aws_ecr_registry_scanning_configuration: { s: { scan_type: "ENHANCED", rule: [{ scan_frequency: "CONTINUOUS_SCAN" }] } } };
    expect(
      statuses(ecrRepository, { ...registry, aws_kms_key: { k: {} }, aws_ecr_repository: { app: { ...good, image_scanning_configuration: undefined } } }),
    ).toEqual({ "aws_ecr_repository.app": "passed" });
  });
  it("Noncompliance: AES256, no scanning and a public policy fail", () => {
    const tf = {
      aws_ecr_repository: { app: { encryption_configuration: { encryption_type: "AES256" } } },
      aws_ecr_repository_policy: {
        p: {
          repository: "${aws_ecr_repository.app.name}",
          policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" }] }),
        },
      },
    };
    const at = { rule: "INF-ECR-001", address: "aws_ecr_repository.app" };
    expect(failures(ecrRepository, tf)).toEqual([
      { ...at, attribute: "encryption_configuration.encryption_type", found: "AES256", expected: "KMS" },
      { ...at, attribute: "image_scanning_configuration.scan_on_push", found: "unset", expected: "true" },
      { ...at, attribute: "aws_ecr_repository_policy.p.policy", found: 'Allow to Principal "*" without condition', expected: 'no unconditioned "*" principal' },
    ]);
  });
});

describe("INF-ECR-002 immutable tags", () => {
  it("Compliance: IMMUTABLE passes", () =>
    expect(statuses(ecrImmutableTags, { aws_ecr_repository: { app: good } })).toEqual({ "aws_ecr_repository.app": "passed" }));
  it("Noncompliance: the MUTABLE default fails", () =>
    expect(failures(ecrImmutableTags, { aws_ecr_repository: { app: {} } })).toEqual([
      {
        rule: "INF-ECR-002",
        address: "aws_ecr_repository.app",
        attribute: "image_tag_mutability",
        found: "unset",
        expected: "one of IMMUTABLE, IMMUTABLE_WITH_EXCLUSION",
      },
    ]));
});
