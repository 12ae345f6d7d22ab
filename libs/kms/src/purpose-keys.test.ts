import type { BuildContext, DeploymentStack } from "@infra/core";
import { describe, expect, it } from "vitest";
import { type Synth, all, synthStack } from "@infra/testing-core/stack";
import { keysPerPurpose, purposeKeysBuilder } from "./purpose-keys";

const aliases = (synth: Synth) => Object.values(all(synth, "aws_kms_alias") as Record<string, { name: string }>).map((a) => a.name);
const keys = (synth: Synth) =>
  all(synth, "aws_kms_key") as Record<string, { description: string; deletion_window_in_days: number; tags: Record<string, string>; lifecycle?: unknown }>;

describe("keysPerPurpose", () => {
  it("makes one key per purpose, named <prefix>-<purpose>, with the shared settings and its own description", () => {
    let ids: string[] = [];
    const synth = synthStack((s) => {
      const out = keysPerPurpose(s, {
        namePrefix: "dev-us-east-1-shop",
        accountId: "111111111111",
        region: "us-east-1",
        deletionWindowInDays: 7,
        deletionProtection: false,
        tags: { Component: "security" },
        purposes: { logs: "Shop logs", data: "Shop data at rest" },
      });
      ids = Object.entries(out).map(([purpose, key]) => `${purpose}:${key.node.id}:${key.aliasName}`);
    });
    expect(ids).toEqual(["logs:logs:alias/dev-us-east-1-shop-logs", "data:data:alias/dev-us-east-1-shop-data"]);
    expect(aliases(synth).sort()).toEqual(["alias/dev-us-east-1-shop-data", "alias/dev-us-east-1-shop-logs"]);
    const byDescription = Object.fromEntries(Object.values(keys(synth)).map((k) => [k.description, k]));
    expect(Object.keys(byDescription).sort()).toEqual(["Shop data at rest", "Shop logs"]);
    for (const key of Object.values(byDescription)) {
      expect(key.deletion_window_in_days).toBe(7);
      expect(key.lifecycle).toEqual({ prevent_destroy: false });
      expect(key.tags).toMatchObject({ Component: "security" });
    }
    expect(byDescription["Shop logs"]!.tags.Name).toBe("dev-us-east-1-shop-logs");
  });
});

describe("purposeKeysBuilder", () => {
  it("takes the alias prefix and deletion settings from the inputs and the account from the deployment", () => {
    const build = purposeKeysBuilder((inputs: { name: string; deletionWindowDays: number; deletionProtection: boolean; dr: boolean }) => ({
      logs: inputs.dr ? "Shop logs (DR)" : "Shop logs",
    }));
    const ctx = { env: { accountId: "222222222222" }, deployment: { region: { name: "us-west-2" } } } as unknown as BuildContext;
    let alias = "";
    const synth = synthStack((s) => {
      alias = build(s as DeploymentStack, { name: "prod-us-west-2-shop", deletionWindowDays: 30, deletionProtection: true, dr: true }, ctx).logs.aliasName;
    });
    expect(alias).toBe("alias/prod-us-west-2-shop-logs");
    const [key] = Object.values(keys(synth));
    expect(key).toMatchObject({ description: "Shop logs (DR)", deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(JSON.stringify(synth.data)).toContain("arn:aws:iam::222222222222:root");
  });
});
