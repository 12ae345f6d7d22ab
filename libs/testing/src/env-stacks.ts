import type { EnvConfig } from "@infra/config";
import { resourceAddresses } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { type AddressSnapshot, checkAddressSnapshot } from "./address-snapshot";
import { synthEnvOnce } from "./env-synth";

type Backend = { backend: { s3: Record<string, unknown> } };
type Providers = { aws: { allowed_account_ids: string[]; default_tags: { tags: Record<string, string> }[] }[] };

/**
 * The checks every env app runs on its own stacks: S3 state per stack, providers pinned to the env's
 * account with default tags, and the reviewed address snapshot in `snapshotFile`.
 */
export function describeEnvStacks(env: EnvConfig, snapshotFile: string): void {
  const stacks = synthEnvOnce(env);

  describe(`${env.name} stacks`, () => {
    it(`every stack keeps its state in S3 under its own key, encrypted, with locking, pinned to the ${env.name} account`, () => {
      const keyPattern = new RegExp(`^${env.name}/[a-z]{2}-[a-z]+-\\d/[a-z0-9-]+/[a-z0-9-]+/terraform\\.tfstate$`);
      for (const { json } of stacks) {
        const backend = (json.terraform as Backend).backend.s3;
        expect(backend).toMatchObject({ bucket: `acme-infra-tfstate-${env.accountId}`, encrypt: true, dynamodb_table: "acme-infra-tf-locks" });
        expect(String(backend["key"])).toMatch(keyPattern);
        for (const p of (json.provider as Providers).aws) {
          expect(p.allowed_account_ids).toEqual([env.accountId]);
          expect(p.default_tags[0]!.tags).toMatchObject({ Environment: env.name, ManagedBy: "cdktf", CostAllocation: env.costAllocation });
        }
      }
    });

    it("stacks, state keys and resource addresses match the reviewed snapshot", () => {
      const snapshot: AddressSnapshot = Object.fromEntries(
        stacks.map(({ stackName, json }) => [
          stackName,
          { stateKey: String((json.terraform as Backend).backend.s3["key"]), addresses: resourceAddresses(json) },
        ]),
      );
      checkAddressSnapshot(snapshotFile, snapshot);
    });
  });
}
