import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Testing, TerraformStack } from "cdktf";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Synth = { resource: Record<string, Record<string, any>>; data?: Record<string, Record<string, any>> };

/** Synthesize a one-stack app with an AWS provider and return its Terraform JSON. Test-only. */
export function synthStack(build: (stack: TerraformStack) => void): Synth {
  const app = Testing.app();
  const stack = new TerraformStack(app, "test");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  build(stack);
  return JSON.parse(Testing.synth(stack)) as Synth;
}

/** The single resource of a type (fails when there is not exactly one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function only(synth: Synth, type: string): { address: string; values: any } {
  const entries = Object.entries(synth.resource[type] ?? {});
  if (entries.length !== 1) throw new Error(`expected exactly one ${type}, found ${entries.length}`);
  const [name, values] = entries[0]!;
  return { address: `${type}.${name}`, values };
}

/** All resources of a type, by name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function all(synth: Synth, type: string): Record<string, any> {
  return synth.resource[type] ?? {};
}
