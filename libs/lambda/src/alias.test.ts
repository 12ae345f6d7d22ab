import { describe, expect, it } from "vitest";
import { LambdaFunction, type LambdaFunctionProps } from "./function";
import { only, synthJson } from "@infra/testing-core/blocks";

const props: LambdaFunctionProps = {
  name: "staging-us-east-1-milequest-login",
  runtime: "nodejs22.x",
  handler: "index.handler",
  code: { s3Bucket: "artifacts", s3Key: "milequest/1.0.0/login.zip" },
  kmsKeyArn: "arn:aws:kms:us-east-1:222222222222:key/abc",
  logging: { retentionDays: 30 },
};

describe("LambdaFunction.addAlias", () => {
  it("points the alias at the published version and leaves later moves to the deployment tool", () => {
    let target!: { invokeArn: string; qualifier?: string; functionArn: string };
    const { resource } = synthJson((s) => {
      target = new LambdaFunction(s, "login", { ...props, publish: true }).addAlias("live", "shifted by CodeDeploy");
    });
    expect(only(resource.aws_lambda_function, "function").publish).toBe(true);
    expect(only(resource.aws_lambda_alias, "alias")).toMatchObject({
      name: "live",
      description: "shifted by CodeDeploy",
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\.login_function_\w+\.function_name\}$/),
      function_version: expect.stringMatching(/^\$\{aws_lambda_function\.login_function_\w+\.version\}$/),
      // CodeDeploy moves the alias after creation: a plan must not move it back (nor undo a canary's weights).
      lifecycle: { ignore_changes: ["function_version", "routing_config"] },
    });
    expect(target.invokeArn).toBeDefined();
    expect(target.qualifier).toBeDefined();
  });

  it("refuses an alias on a function that publishes no versions, and a name Lambda rejects", () => {
    expect(() => synthJson((s) => new LambdaFunction(s, "login", props).addAlias("live"))).toThrow(
      "an alias needs publish: true (it points at a published version)",
    );
    expect(() => synthJson((s) => new LambdaFunction(s, "login", { ...props, publish: true }).addAlias("42"))).toThrow(
      'name "42" must be 1-128 letters, digits, - or _, and not only digits',
    );
  });
});
