import { restoreV8StackHooks } from "@infra/testing-core";
import { ESLint } from "eslint";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain ESM module without types (the ESLint rule itself)
import { readLayers } from "../../../tools/eslint/layers.mjs";

/** The layer rule (tools/eslint/layers.mjs, ADR 0050) run by the repo's own ESLint config on small fixtures. */

const ROOT = resolve(__dirname, "..", "..", "..");
let eslint: ESLint;
beforeAll(() => {
  // typescript-eslint reads structured call sites from V8; the test setup patches those hooks for speed.
  restoreV8StackHooks();
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages of the layer rule and of the cdktf ban for `code` linted as if it lived at `file`. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === "layers/enforce" || m.ruleId === "no-restricted-imports").map((m) => `${m.ruleId}: ${m.message}`);
}

describe("layers: a wrong-direction import fails lint", () => {
  it.each([
    ["libs/config/src/fixture.ts", 'export { EncryptionKey } from "@infra/kms";', "layer:config (config) may not import layer:construct (kms"],
    [
      "libs/kms/src/fixture.ts",
      'import { WORKLOADS } from "@envs/envcommon";\nexport const w = WORKLOADS;',
      "layer:construct (kms) may not import layer:environments",
    ],
    ["libs/kms/src/fixture.ts", 'export * from "@infra/atlas";', "layer:construct (kms) may not import layer:workload-builders (atlas"],
    [
      "libs/workloads/atlas/src/inputs/fixture.ts",
      'export * from "../builders/alb";',
      "layer:workload-inputs (atlas) may not import layer:workload-builders (atlas",
    ],
    ["environments/dev/fixture.ts", 'export * from "@infra/platform";', "layer:environments (env-dev) may not import layer:workload-builders (platform"],
    ["libs/core/src/fixture.ts", 'export * from "@infra/testing";', "layer:construct (core) may not import layer:testing (testing"],
  ])("%s: %s", async (file, code, message) => {
    const messages = await lint(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`layers/enforce: ${message}`);
  });

  it.each([
    ["libs/config/src/fixture.ts", 'import { App } from "cdktf";\nexport const a = App;'],
    ["environments/_envcommon/fixture.ts", 'import type { Construct } from "constructs";\nexport type C = Construct;'],
    ["libs/workloads/timeline/src/inputs/fixture.ts", 'export { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";'],
  ])("cdktf is banned from the config layer: %s", async (file, code) => {
    expect(await lint(file, code)).toEqual([expect.stringContaining("no-restricted-imports: ")]);
  });

  it.each([
    ["environments/dev/fixture.ts", 'export * from "@infra/platform-inputs";\nexport * from "@infra/rds/engine";'],
    [
      "libs/workloads/atlas/src/builders/fixture.ts",
      'export * from "@infra/atlas-inputs";\nexport * from "@infra/kms";\nexport * from "@infra/platform-inputs";',
    ],
    ["libs/workloads/atlas/src/inputs/fixture.ts", 'export * from "./phase";\nexport * from "@infra/config";'],
    ["apps/dev/src/fixture.ts", 'export * from "@infra/workloads";\nexport * from "@envs/dev";\nexport * from "@infra/testing";'],
    ["libs/kms/src/fixture.ts", 'export * from "@infra/core";\nexport * from "@infra/config";'],
  ])("the right direction passes: %s", async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe("every project has a layer", () => {
  it("each project.json carries exactly one layer:* tag that the allow table of eslint.config.mjs knows", async () => {
    const projects = readLayers(ROOT) as { name: string; layer: string }[];
    const config = await eslint.calculateConfigForFile(resolve(ROOT, "libs/kms/src/index.ts"));
    const allow = (config.rules["layers/enforce"] as [unknown, { allow: Record<string, string[]> }])[1].allow;
    expect(projects.length).toBeGreaterThan(40);
    for (const p of projects) expect(Object.keys(allow), p.name).toContain(p.layer);
  });
});
