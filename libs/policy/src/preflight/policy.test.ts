import { describe, expect, it } from "vitest";
import { buildEnvIndex } from "./env-index";
import { allowsAction, conditionsHold, globMatch, principalMatch, readPolicy } from "./policy";
import { EnvFixture, TEST_TODAY } from "./test-harness";

const index = buildEnvIndex(
  new EnvFixture({
    s: {
      data: {
        aws_iam_policy_document: {
          base: {
            statement: [
              {
                sid: "A",
                effect: "Allow",
                actions: ["s3:GetObject"],
                resources: ["*"],
                principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
              },
            ],
          },
          top: {
            source_policy_documents: ["${data.aws_iam_policy_document.base.json}"],
            statement: [
              { sid: "B", effect: "Allow", actions: ["s3:PutObject"], resources: ["*"], principals: [{ type: "AWS", identifiers: ["127311923021"] }] },
            ],
          },
        },
      },
    },
  }).inputs(),
  { today: TEST_TODAY },
);
const stack = index.stack("s")!;

describe("policy reading and matching", () => {
  it("reads documents with their source documents, and JSON strings", () => {
    expect(readPolicy(index, stack, "${data.aws_iam_policy_document.top.json}")!.map((s) => s.sid)).toEqual(["A", "B"]);
    expect(
      readPolicy(index, stack, JSON.stringify({ Statement: { Effect: "Deny", Principal: "*", NotAction: "s3:Get*" } }))!.map((s) => [
        s.effect,
        s.principals[0]!.type,
        s.notActions,
      ]),
    ).toEqual([["Deny", "*", ["s3:Get*"]]]);
    expect(readPolicy(index, stack, "${jsonencode({})}")).toBeUndefined();
  });

  it("matches IAM wildcards, account ids as root ARNs, and never invents a failure from unknown conditions", () => {
    const [a, b] = readPolicy(index, stack, "${data.aws_iam_policy_document.top.json}")!;
    expect([globMatch("arn:aws:s3:::b/alb/*", "arn:aws:s3:::b/alb/AWSLogs/1/x"), globMatch("arn:aws:s3:::b/alb/*", "arn:aws:s3:::b/other/x")]).toEqual([
      true,
      false,
    ]);
    expect([allowsAction(a!, "S3:getobject"), allowsAction(a!, "s3:PutObject")]).toEqual([true, false]);
    expect(principalMatch(b!, { type: "AWS", value: "arn:aws:iam::127311923021:root" })).toBe("exact");
    const conditioned = { ...a!, conditions: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }] };
    expect([
      conditionsHold(conditioned, {}),
      conditionsHold(conditioned, { "aws:sourceaccount": "111111111111" }),
      conditionsHold(conditioned, { "aws:sourceaccount": "222222222222" }),
    ]).toEqual([true, true, false]);
  });
});
