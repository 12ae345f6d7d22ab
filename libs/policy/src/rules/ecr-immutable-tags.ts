import { mustBeOneOf, requirementRule } from "./requirements";

/** An immutable tag always means the same image: what was tested is what runs (dev may waive). */
export const ecrImmutableTags = requirementRule({
  id: "INF-ECR-002",
  title: "ECR repository tags are immutable",
  mirrors: ["CKV_AWS_51"],
  catalogue: [62],
  resourceTypes: ["aws_ecr_repository"],
  severity: "medium",
  requires: [mustBeOneOf("image_tag_mutability", ["IMMUTABLE", "IMMUTABLE_WITH_EXCLUSION"])],
});
