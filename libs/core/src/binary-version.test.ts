import { ValidateBinaryVersion } from "cdktf/lib/validations/validate-binary-version";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkBinaryVersionsOncePerProcess } from "./binary-version";

describe("checkBinaryVersionsOncePerProcess", () => {
  // The vitest setup has already called it (as the synth entry points do); calling it again changes nothing.
  checkBinaryVersionsOncePerProcess();
  const dir = mkdtempSync(join(tmpdir(), "binary-version-"));
  /** A version command that counts its runs in `file` and prints `version`. */
  const counting = (file: string, version: string) => `echo run >> ${join(dir, file)}; echo "Tool v${version}"`;
  const runs = (file: string) => readFileSync(join(dir, file), "utf8").split("\n").filter(Boolean).length;

  it("runs each distinct check once and gives every later stack the same result", () => {
    const command = counting("ok", "1.11.4");
    expect(new ValidateBinaryVersion("tool", ">=1.5", command).validate()).toEqual([]);
    expect(new ValidateBinaryVersion("tool", ">=1.5", command).validate()).toEqual([]);
    expect(runs("ok")).toBe(1);
    // Another constraint is another check, with its own verdict.
    expect(new ValidateBinaryVersion("tool", ">=2.0", command, "Upgrade.").validate()).toEqual([
      "tool version 1.11.4 is lower than the required version >=2.0 for this construct. Upgrade.",
    ]);
    expect(runs("ok")).toBe(2);
  });

  it("a failing check fails every stack that asks, with the same message", () => {
    const command = `${counting("missing", "0")}; exit 127`;
    const first = new ValidateBinaryVersion("tool", ">=1.5", command).validate();
    expect(first).toEqual([expect.stringMatching(/^Could not determine version of tool, .* failed: Error: Command failed/)]);
    expect(new ValidateBinaryVersion("tool", ">=1.5", command).validate()).toEqual(first);
    expect(runs("missing")).toBe(1);
  });
});
