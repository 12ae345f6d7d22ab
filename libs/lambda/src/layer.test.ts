import { describe, expect, it } from "vitest";
import { LambdaLayer } from "./layer";
import { only, synthJson } from "@infra/testing-core/blocks";

describe("LambdaLayer", () => {
  it("publishes from S3 for arm64 and keeps old versions", () => {
    const { resource } = synthJson(
      (s) =>
        new LambdaLayer(s, "geo", {
          name: "aerologue-dev-geo-utils",
          code: { s3Bucket: "artifacts", s3Key: "layers/geo-utils/1.0.0.zip", s3ObjectVersion: "v1" },
          compatibleRuntimes: ["nodejs20.x", "nodejs22.x"],
        }),
    );
    expect(only(resource.aws_lambda_layer_version, "layer")).toEqual({
      layer_name: "aerologue-dev-geo-utils",
      s3_bucket: "artifacts",
      s3_key: "layers/geo-utils/1.0.0.zip",
      s3_object_version: "v1",
      compatible_runtimes: ["nodejs20.x", "nodejs22.x"],
      compatible_architectures: ["arm64"],
      skip_destroy: true,
    });
  });

  it("rejects deprecated runtimes", () => {
    expect(() => synthJson((s) => new LambdaLayer(s, "l", { name: "l", code: { s3Bucket: "b", s3Key: "k" }, compatibleRuntimes: ["python3.8"] }))).toThrow(
      /^Lambda layer "l": runtime "python3.8" is not a supported/,
    );
  });
});
