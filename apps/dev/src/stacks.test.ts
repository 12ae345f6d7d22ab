import { WORKLOADS } from "@envs/envcommon";
import { env } from "@envs/dev";
import { root } from "@envs/root";
import { type AddressSnapshot, checkAddressSnapshot } from "@infra/testing";
import { resourceAddresses, synthEnvJson } from "@infra/workloads";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const stacks = synthEnvJson(env, { root, workloads: WORKLOADS });

describe("dev stacks", () => {
  it("every stack keeps its state in S3 under its own key, encrypted, with locking, pinned to the dev account", () => {
    for (const { json } of stacks) {
      const backend = (json.terraform as { backend: { s3: Record<string, unknown> } }).backend.s3;
      expect(backend).toMatchObject({ bucket: `acme-infra-tfstate-${env.accountId}`, encrypt: true, dynamodb_table: "acme-infra-tf-locks" });
      expect(String(backend["key"])).toMatch(/^dev\/[a-z]{2}-[a-z]+-\d\/[a-z0-9-]+\/[a-z0-9-]+\/terraform\.tfstate$/);
      const providers = (json.provider as { aws: { allowed_account_ids: string[]; default_tags: { tags: Record<string, string> }[] }[] }).aws;
      for (const p of providers) {
        expect(p.allowed_account_ids).toEqual([env.accountId]);
        expect(p.default_tags[0]!.tags).toMatchObject({ Environment: "dev", ManagedBy: "cdktf", CostAllocation: env.costAllocation });
      }
    }
  });

  it("stacks, state keys and resource addresses match the reviewed snapshot", () => {
    const snapshot: AddressSnapshot = Object.fromEntries(
      stacks.map(({ stackName, json }) => [
        stackName,
        { stateKey: String((json.terraform as { backend: { s3: { key: string } } }).backend.s3.key), addresses: resourceAddresses(json) },
      ]),
    );
    checkAddressSnapshot(resolve(__dirname, "..", "addresses.snapshot.json"), snapshot);
  });
});
