import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { placeholderNote } from "./placeholders";

describe("the plan's placeholder line", () => {
  const root = mkdtempSync(join(tmpdir(), "note-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const stack = (name: string, json: object) => {
    const dir = join(root, "apps", "dev", "cdktf.out", "stacks", name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(json));
  };
  stack("dev-vpc", { resource: { aws_vpc: { v: {} } } });
  stack("dev-db", { data: { terraform_remote_state: { a: { defaults: { x: "vpc-00000000aaaaaaaaa", y: "placeholder-1" } }, b: { defaults: { z: "p" } } } } });
  stack("dev-app", { data: { terraform_remote_state: { a: { defaults: { x: "vpc-00000000aaaaaaaaa" } } } } });

  it("counts the planned stacks that read other stacks' outputs, and their reads", () => {
    expect(placeholderNote(join(root, "apps", "dev", "cdktf.out", "stacks"), ["dev-vpc", "dev-db", "dev-app"])).toMatch(
      /^placeholders: 2 of 3 stacks read 4 outputs of other stacks; .*check\.cross-stack-placeholders.*terraform_data\.cross-stack-placeholder-guard.*\n$/,
    );
  });

  it("says nothing when no planned stack reads another's outputs (or none is synthesized)", () => {
    expect(placeholderNote(join(root, "apps", "dev", "cdktf.out", "stacks"), ["dev-vpc"])).toBeUndefined();
    expect(placeholderNote(join(root, "apps", "dev", "cdktf.out", "stacks"), ["dev-missing"])).toBeUndefined();
  });
});
