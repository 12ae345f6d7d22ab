import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** Test helper: build into a small stack with an AWS provider and return the parsed Terraform JSON. */
export function synthJson(build: (scope: Construct) => void): { resource: Json; data: Json } {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  build(stack);
  const json = JSON.parse(Testing.synth(stack)) as Json;
  return { resource: json.resource ?? {}, data: json.data ?? {} };
}

/** The only resource of a type (fails the test when there are none or several). */
export function only(block: Json | undefined, type: string): Json {
  const entries = Object.values(block ?? {});
  if (entries.length !== 1) throw new Error(`expected exactly one ${type}, found ${entries.length}`);
  return entries[0] as Json;
}

/** Every Terraform address of a synthesized stack, sorted: snapshot them so a refactor that moves one shows up in review. */
export function addresses(json: { resource: Json; data: Json }): string[] {
  const list = (block: Json, prefix: string) => Object.entries(block).flatMap(([type, byName]) => Object.keys(byName as Json).map((name) => `${prefix}${type}.${name}`));
  return [...list(json.resource, ""), ...list(json.data, "data.")].sort();
}
