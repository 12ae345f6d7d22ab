import type { StackBuilder } from "@infra/core";
import type { Construct } from "constructs";
import { EncryptionKey } from "./encryption-key";

/**
 * One customer-managed key per purpose (logs, data at rest, alerts, ...), so a grant on one never
 * opens another. Every workload's security/kms stack is such a set: this is the one place that
 * builds it, so the workloads differ only in which purposes they have and how they describe them.
 */
export interface PurposeKeysProps<P extends string> {
  /** Alias prefix: the key of purpose `logs` is `alias/<namePrefix>-logs` (also its Name tag). */
  readonly namePrefix: string;
  /** Account that owns the keys: its root principal administers them. */
  readonly accountId: string;
  /** Region of the keys. */
  readonly region: string;
  /** Days KMS waits before deleting a key scheduled for deletion, 7..30. @default 30 */
  readonly deletionWindowInDays?: number;
  /** Keep the keys on `terraform destroy` (lifecycle.prevent_destroy). @default true */
  readonly deletionProtection?: boolean;
  /** Extra tags on every key. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The purposes, each with its key description. The purpose is also the key's construct id, so a
   * workload's key addresses are `<purpose>` under the scope; keys are created in this order.
   */
  readonly purposes: Readonly<Record<P, string>>;
}

/** The keys of `props.purposes`, by purpose. Each key's policy comes from the constructs that use it (key-usage). */
export function keysPerPurpose<P extends string>(scope: Construct, props: PurposeKeysProps<P>): Readonly<Record<P, EncryptionKey>> {
  const { namePrefix, purposes, ...common } = props;
  const keys = {} as Record<P, EncryptionKey>;
  for (const purpose of Object.keys(purposes) as P[]) {
    keys[purpose] = new EncryptionKey(scope, purpose, { ...common, name: `${namePrefix}-${purpose}`, description: purposes[purpose] });
  }
  return keys;
}

/** The inputs every workload's security/kms module carries (its zod schema in the workload's inputs). */
export interface PurposeKeyInputs {
  /** Alias prefix, e.g. "prod-us-east-1-platform" → alias/prod-us-east-1-platform-logs. */
  readonly name: string;
  /** Days a scheduled key deletion waits (AWS allows 7-30). */
  readonly deletionWindowDays: number;
  /** lifecycle.prevent_destroy on the keys. */
  readonly deletionProtection: boolean;
}

/**
 * The builder of a workload's security/kms module: one key per purpose in the deployment's account
 * and region. `purposes` may depend on the inputs (e.g. a DR region's descriptions).
 *
 * @example
 * export const buildKms: StackBuilder<KmsInputs, KeyOutputs> = purposeKeysBuilder(() => ({
 *   logs: "CloudWatch Logs of the shop",
 *   data: "Shop data at rest",
 * }));
 */
export function purposeKeysBuilder<I extends PurposeKeyInputs, P extends string>(
  purposes: (inputs: I) => Readonly<Record<P, string>>,
  options: { /** Extra tags on every key. @default {} */ readonly tags?: Readonly<Record<string, string>> } = {},
): StackBuilder<I, Readonly<Record<P, EncryptionKey>>> {
  return (stack, inputs, ctx) =>
    keysPerPurpose(stack, {
      namePrefix: inputs.name,
      accountId: ctx.env.accountId,
      region: ctx.deployment.region.name,
      deletionWindowInDays: inputs.deletionWindowDays,
      deletionProtection: inputs.deletionProtection,
      ...(options.tags ? { tags: options.tags } : {}),
      purposes: purposes(inputs),
    });
}
