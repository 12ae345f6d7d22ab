import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Exec } from "./drift";
import { exportPlans, runExportCli } from "./export-plans";
import { fixtureText } from "./fixtures";

function stacksDir(stacks: Record<string, boolean>): string {
  const dir = mkdtempSync(join(tmpdir(), "export-"));
  for (const [name, planned] of Object.entries(stacks)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "cdk.tf.json"), "{}");
    if (planned) writeFileSync(join(dir, name, "tfplan"), "binary");
  }
  return dir;
}

/** Records calls; `show -json` prints a fixture, `show -no-color` some text. */
function recorder(failFor?: string): { exec: Exec; calls: string[] } {
  const calls: string[] = [];
  const exec: Exec = (cmd, args, cwd) => {
    const stack = cwd.split("/").at(-1)!;
    calls.push(`${stack}: ${cmd} ${args.join(" ")}`);
    if (stack === failFor) return { status: 1, stdout: "", stderr: "Error: Failed to read the given file as a state or plan file" };
    return { status: 0, stdout: args[1] === "-json" ? fixtureText("create.json") : `text of ${stack}`, stderr: "" };
  };
  return { exec, calls };
}

describe("exportPlans", () => {
  it("writes the JSON and text of every stack's saved plan", () => {
    const dir = stacksDir({ "dev-a": true, "dev-b": true });
    const out = join(dir, "..", `out-${Date.now()}`);
    const { exec, calls } = recorder();
    expect(exportPlans({ stacksDir: dir, outDir: out, exec })).toEqual(["dev-a", "dev-b"]);
    expect(calls).toEqual([
      "dev-a: terraform show -json tfplan",
      "dev-a: terraform show -no-color tfplan",
      "dev-b: terraform show -json tfplan",
      "dev-b: terraform show -no-color tfplan",
    ]);
    expect(JSON.parse(readFileSync(join(out, "dev-b.json"), "utf8")).format_version).toBe("1.2");
    expect(readFileSync(join(out, "dev-a.txt"), "utf8")).toBe("text of dev-a");
  });

  it("refuses when a stack has no saved plan", () => {
    const { exec, calls } = recorder();
    expect(() => exportPlans({ stacksDir: stacksDir({ "dev-a": true, "dev-b": false }), outDir: mkdtempSync(join(tmpdir(), "o-")), exec })).toThrow(
      "no saved plan (tfplan) for: dev-b. Run the plan first.",
    );
    expect(calls).toEqual([]);
  });

  it("reports a failing terraform show as a one-line CLI error naming the stack", () => {
    const { exec } = recorder("dev-b");
    const dir = stacksDir({ "dev-a": true, "dev-b": true });
    const result = runExportCli(["--env", "dev", "--stacks-dir", dir, "--out", join(dir, "out")], exec);
    expect(result).toEqual({ code: 1, message: "export-plans: dev-b: terraform show -json failed: Error: Failed to read the given file as a state or plan file" });
    expect(runExportCli(["--env", "dev"])).toEqual({ code: 1, message: "export-plans: --env and --out are required" });
  });
});
