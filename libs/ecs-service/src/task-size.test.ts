import { describe, expect, it } from "vitest";
import { allowedFargateMemory, validateFargateSize } from "./task-size";

describe("Fargate task sizes", () => {
  it("accepts the seed 001 sizes", () => {
    expect(() => validateFargateSize(512, 1024, "x")).not.toThrow();
    expect(() => validateFargateSize(256, 512, "x")).not.toThrow();
  });
  it("lists the allowed memory of a cpu size", () => {
    expect(allowedFargateMemory(256)).toEqual([512, 1024, 2048]);
    expect(allowedFargateMemory(512)).toEqual([1024, 2048, 3072, 4096]);
    expect(allowedFargateMemory(8192)).toHaveLength(12);
    expect(allowedFargateMemory(300)).toEqual([]);
  });
  it("rejects invalid pairs with the allowed values", () => {
    expect(() => validateFargateSize(256, 4096, "FargateService api")).toThrow(
      "FargateService api: memory 4096 MiB is not valid with cpu 256; allowed: 512, 1024, 2048",
    );
    expect(() => validateFargateSize(1024, 1024, "s")).toThrow("allowed: 2048-8192 in steps of 1024");
    expect(() => validateFargateSize(300, 512, "s")).toThrow("cpu 300 is not a Fargate size; use one of 256, 512, 1024, 2048, 4096, 8192, 16384");
  });
});
