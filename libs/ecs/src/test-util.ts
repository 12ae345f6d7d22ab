import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App, TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";

/** Synthesizes what `build` creates in a small stack with an AWS provider and returns the parsed JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function synthJson(build: (scope: Construct) => void): any {
  const app = Testing.app() as App;
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** The single resource of a type in a synthesized stack (fails if there is not exactly one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The single data source of a type in a synthesized stack. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function onlyData(json: any, type: string): any {
  const all = Object.values(json.data?.[type] ?? {});
  if (all.length !== 1) throw new Error(`expected exactly one data.${type}, found ${all.length}`);
  return all[0];
}
