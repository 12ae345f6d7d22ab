import { describe, expect, it } from "vitest";
import { ecsOptimizedAmiParameter, isGravitonInstanceType } from "./ami";
import { placementStrategy } from "./placement";
import { ecsUserData } from "./user-data";

const ARM = "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id";
const X86 = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

describe("ecsOptimizedAmiParameter", () => {
  it.each([
    "m6g.large",
    "m7g.xlarge",
    "c6g.medium",
    "c7g.large",
    "r6g.large",
    "t4g.micro",
    "m6gd.large",
    "c6gn.xlarge",
    "r8g.large",
    "x2gd.large",
    "im4gn.large",
    "hpc7g.4xlarge",
    "a1.medium",
  ])("%s is Graviton: arm64 AMI", (t) => {
    expect(isGravitonInstanceType(t)).toBe(true);
    expect(ecsOptimizedAmiParameter(t)).toBe(ARM);
  });
  it.each(["t3.micro", "t3.small", "t3.medium", "m5.large", "m6i.large", "c5n.large", "g4dn.xlarge", "g5.xlarge", "r6a.large", "p4d.24xlarge"])(
    "%s is x86_64",
    (t) => {
      expect(isGravitonInstanceType(t)).toBe(false);
      expect(ecsOptimizedAmiParameter(t)).toBe(X86);
    },
  );
  it("rejects a malformed type", () => {
    expect(() => ecsOptimizedAmiParameter("db.t3.micro")).toThrow('instance type "db.t3.micro" must look like "<family>.<size>"');
    expect(() => ecsOptimizedAmiParameter("large")).toThrow();
  });
});

describe("ecsUserData", () => {
  it("joins the cluster and blocks IMDS for awsvpc tasks", () => {
    const script = Buffer.from(ecsUserData("prod-platform"), "base64").toString("utf8");
    expect(script).toBe(
      "#!/bin/bash\ncat <<'EOF' >> /etc/ecs/ecs.config\nECS_CLUSTER=prod-platform\nECS_ENABLE_TASK_IAM_ROLE=true\nECS_AWSVPC_BLOCK_IMDS=true\nEOF\n",
    );
  });
  it("takes extra ECS_* settings but nothing that could break out of the heredoc", () => {
    expect(Buffer.from(ecsUserData("c", { ECS_ENABLE_CONTAINER_METADATA: "true" }), "base64").toString()).toContain("ECS_ENABLE_CONTAINER_METADATA=true\nEOF");
    expect(() => ecsUserData("c", { ECS_X: "a\nrm -rf /" })).toThrow("is not a plain ECS_* setting");
    expect(() => ecsUserData("c", { PATH: "x" })).toThrow("is not a plain ECS_* setting");
    expect(() => ecsUserData("bad name")).toThrow('cluster name "bad name"');
  });
});

describe("placementStrategy", () => {
  it("spread: AZ first, then instance", () => {
    expect(placementStrategy("spread")).toEqual([
      { type: "spread", field: "attribute:ecs.availability-zone" },
      { type: "spread", field: "instanceId" },
    ]);
  });
  it("any: bin-pack on memory", () => {
    expect(placementStrategy("any")).toEqual([{ type: "binpack", field: "memory" }]);
  });
});
