import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { v8StackHooks } from "@infra/testing-core";
import { skipTokenCreationStacks } from "./stack-traces";

describe("skipTokenCreationStacks", () => {
  // V8's own hooks (the vitest setup skips token creation stacks for speed).
  const original = v8StackHooks.prepare;
  const originalCapture = v8StackHooks.capture;
  beforeEach(() => {
    Error.prepareStackTrace = original;
    Error.captureStackTrace = originalCapture;
  });
  afterEach(() => {
    Error.prepareStackTrace = original;
    Error.captureStackTrace = originalCapture;
    delete process.env["INFRA_TOKEN_STACK_TRACES"];
  });

  it("keeps real errors' stacks and drops the stacks captured on plain objects (cdktf token creation)", () => {
    skipTokenCreationStacks();
    const error = new TypeError("bad value");
    expect(error.stack?.split("\n")[0]).toBe("TypeError: bad value");
    expect(error.stack).toMatch(/\n {4}at /);
    const capture = { stack: "" };
    Error.captureStackTrace(capture);
    expect(capture.stack).toBe("");
  });

  it("INFRA_TOKEN_STACK_TRACES=1 leaves V8's formatting alone", () => {
    process.env["INFRA_TOKEN_STACK_TRACES"] = "1";
    skipTokenCreationStacks();
    const capture = { stack: "" };
    Error.captureStackTrace(capture);
    expect(capture.stack).toMatch(/at /);
  });
});
