import { WORKLOADS } from "@envs/envcommon";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ENVS } from "../envs";
import { WORKSPACE_ROOT } from "../run";
import { type GeneratedDoc, REGENERATE, generateDocs } from "./generate";
import { WORKLOAD_META } from "./workloads-meta";

// One synth per env (~10 s for all four here), shared by every page.
let docs: GeneratedDoc[];
beforeAll(() => {
  docs = generateDocs(ENVS);
});

describe("generated docs (docs/generated/)", () => {
  it("are the three pages the README links to, and the bad-config cases docs/bad-config.md links to", () => {
    expect(docs.map((d) => d.path)).toEqual(["docs/generated/workloads.md", "docs/generated/policy.md", "docs/generated/cost.md", "docs/generated/bad-config.md"]);
  });

  it("are up to date with the envs, the policy pack and the price table", () => {
    for (const doc of docs) {
      const file = join(WORKSPACE_ROOT, doc.path);
      const committed = existsSync(file) ? readFileSync(file, "utf8") : "(missing)";
      expect(committed, `${doc.path} is stale: run \`${REGENERATE}\` and commit the result`).toBe(doc.content);
    }
  });

  it("carry what the README no longer does: per-workload stacks, every waiver in use, the cost per env", () => {
    const page = (name: string) => docs.find((d) => d.path.endsWith(name))!.content;
    for (const env of ENVS) {
      expect(page("cost.md")).toMatch(new RegExp(`^## ${env.name} \\(account \\d{12}\\): ~\\$[\\d,.]+/month fixed$`, "m"));
      expect(page("policy.md")).toMatch(new RegExp(`^\\| ${env.name} \\| \\d+ \\| \\d+ \\| \\d+ \\| \\d+ \\| 0 \\| 0 \\| \\d+ \\((report|enforce)\\) \\|$`, "m"));
    }
    expect(page("policy.md")).toContain("| INF-COG-002 | 1 | Seed 000 ARC-007: MFA optional (TOTP), not enforced |");
    expect(page("workloads.md")).toContain("| prod | eu-west-1 (dr) |");
  });
});

describe("workload page metadata", () => {
  it("has a title, summary and an existing details link for every workload an env can enable", () => {
    expect(Object.keys(WORKLOADS).filter((w) => !WORKLOAD_META[w])).toEqual([]);
    const broken = Object.values(WORKLOAD_META)
      .flatMap((m) => m.details.map((d) => d.href))
      .filter((href) => !existsSync(join(WORKSPACE_ROOT, "docs/generated", href)));
    expect(broken).toEqual([]);
  });
});
