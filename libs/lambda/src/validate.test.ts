import { describe, expect, it } from "vitest";
import { validateEnvironment } from "./environment";
import { validateLambdaFunctionProps } from "./function";
import { validateMemorySize, validateReservedConcurrency, validateRuntime, validateTimeout } from "./validate";

describe("validateRuntime", () => {
  it.each(["nodejs20.x", "nodejs22.x", "python3.12", "python3.13", "java21", "provided.al2023"])("accepts %s", (r) => {
    expect(validateRuntime(r)).toBeUndefined();
  });
  it.each(["nodejs18.x", "python3.9", "go1.x", "nodejs16.x", ""])("rejects %s and lists what is allowed", (r) => {
    expect(validateRuntime(r)).toMatch(
      new RegExp(`^runtime "${r.replace(".", "\\.")}" is not a supported, non-deprecated Lambda runtime; allowed: nodejs20\\.x, `),
    );
  });
  it("applies the deprecation date when given one", () => {
    expect(validateRuntime("nodejs20.x", "2026-04-29")).toBeUndefined();
    expect(validateRuntime("nodejs20.x", "2026-04-30")).toBe(
      'runtime "nodejs20.x" is deprecated since 2026-04-30 (checked on 2026-04-30); move to a newer runtime',
    );
  });
});

describe("numeric validators", () => {
  it("memory 128..10240", () => {
    expect(validateMemorySize(128)).toBeUndefined();
    expect(validateMemorySize(10240)).toBeUndefined();
    expect(validateMemorySize(127)).toBe("memorySize 127 must be a whole number of MB from 128 to 10240");
    expect(validateMemorySize(10241)).toBe("memorySize 10241 must be a whole number of MB from 128 to 10240");
    expect(validateMemorySize(512.5)).toMatch(/^memorySize 512.5 must/);
  });
  it("timeout 1..900", () => {
    expect(validateTimeout(1)).toBeUndefined();
    expect(validateTimeout(900)).toBeUndefined();
    expect(validateTimeout(0)).toBe("timeout 0 must be a whole number of seconds from 1 to 900");
    expect(validateTimeout(901)).toBe("timeout 901 must be a whole number of seconds from 1 to 900");
  });
  it("reserved concurrency >= 0", () => {
    expect(validateReservedConcurrency(0)).toBeUndefined();
    expect(validateReservedConcurrency(-1)).toBe("reservedConcurrency -1 must be a whole number >= 0");
  });
});

describe("validateEnvironment", () => {
  it("rejects reserved and malformed names", () => {
    expect(validateEnvironment({ LOG_LEVEL: "info", ENVIRONMENT: "dev" })).toBeUndefined();
    expect(validateEnvironment({ AWS_REGION: "x", "1BAD": "y" })).toBe(
      'environment variable names "AWS_REGION", "1BAD" are invalid or reserved by Lambda (names start with a letter, then letters, digits or "_")',
    );
  });
});

describe("validateLambdaFunctionProps", () => {
  const base = {
    name: "fn",
    kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/k",
    logging: { retentionDays: 30 },
  };
  it("zip code needs runtime and handler", () => {
    expect(validateLambdaFunctionProps({ ...base, code: { s3Bucket: "b", s3Key: "k" } })).toEqual([
      "runtime is required for S3 (zip) code",
      "handler is required for S3 (zip) code",
    ]);
  });
  it("image code refuses runtime, handler and layers", () => {
    expect(validateLambdaFunctionProps({ ...base, code: { imageUri: "x" }, runtime: "nodejs22.x", handler: "h", layers: ["arn:l:1"] })).toEqual([
      "runtime is set by the image; leave it unset for image code",
      "handler is set by the image (CMD); leave it unset for image code",
      "layers cannot be used with image code",
    ]);
  });
  it("collects every bad value", () => {
    const errors = validateLambdaFunctionProps({
      ...base,
      name: "a".repeat(65),
      code: { s3Bucket: "b", s3Key: "k" },
      runtime: "nodejs18.x",
      handler: "index.handler",
      memorySize: 64,
      timeout: 1000,
      logging: { retentionDays: 31, format: "Text", applicationLogLevel: "DEBUG" },
      vpc: { subnetIds: [], securityGroupIds: ["sg"] },
    });
    expect(errors).toEqual([
      `function name "${"a".repeat(65)}" must be 1-64 characters of letters, digits, "-" or "_"`,
      expect.stringMatching(/^runtime "nodejs18.x" is not a supported/),
      "memorySize 64 must be a whole number of MB from 128 to 10240",
      "timeout 1000 must be a whole number of seconds from 1 to 900",
      expect.stringMatching(/^logging.retentionDays 31 must be one of 1, 3, 5, 7, 14, 30/),
      "log levels need logging.format JSON",
      "vpc needs at least one subnet id and one security group id",
      `role name "${"a".repeat(65)}-role" is longer than 64 characters; set roleName`,
    ]);
  });
});

describe("permissionStatementId", () => {
  it("keeps letters, digits, - and _, joins parts, caps at 100", async () => {
    const { permissionStatementId } = await import("./policy");
    expect(permissionStatementId("AllowWsApi", "aerologue-prod-ws-api", "$connect")).toBe("AllowWsApi-aerologue-prod-ws-api-connect");
    expect(permissionStatementId("AllowRule", "etl.airport data")).toBe("AllowRule-etl-airport-data");
    expect(permissionStatementId("x".repeat(120))).toHaveLength(100);
  });
});
