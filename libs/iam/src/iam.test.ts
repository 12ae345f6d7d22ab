import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { synthStack } from "@infra/testing-core/stack";
import { describe, expect, it } from "vitest";
import {
  type Grantee,
  PolicyStatements,
  type PolicyStatement,
  documentStatements,
  grantOptions,
  grantStatements,
  numbered,
  sidOf,
  statementErrors,
  toJsonStatement,
} from "./index";

const REASON = "X-Ray has no resource-level permissions";

describe("statementErrors (the one validator)", () => {
  // Compliance: what every library grant and workload statement looks like.
  it.each<[string, PolicyStatement]>([
    ["scoped actions and ARNs", { sid: "ReadAssets", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::assets/*"] }],
    [
      "a Deny with a condition",
      {
        sid: "DenyPlain",
        effect: "Deny",
        actions: ["s3:PutObject"],
        resources: ["arn:aws:s3:::b/*"],
        conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
    ["action-name wildcards", { sid: "UseKey", actions: ["kms:GenerateDataKey*", "es:ESHttp?et"], resources: ["arn:aws:kms:us-east-1:1:key/k"] }],
    ["a Terraform reference as resource", { sid: "Table", actions: ["dynamodb:GetItem"], resources: ["${TfToken[TOKEN.1]}", "${TfToken[TOKEN.1]}/index/*"] }],
    ["'*' with a reason", { sid: "Xray", actions: ["xray:PutTraceSegments"], resources: ["*"], wildcardReason: REASON }],
  ])("accepts %s", (_name, statement) => {
    expect(statementErrors(statement)).toEqual([]);
  });

  // Noncompliance: each sentence names the sid and repeats the bad value.
  it("refuses '*' actions and wildcards without a reason", () => {
    expect(statementErrors({ sid: "All", actions: ["*"], resources: ["*"] })).toEqual([
      'All: action "*" grants everything; list the actions',
      "All: * needs a wildcardReason (least privilege: use specific actions and ARNs)",
    ]);
    expect(statementErrors({ sid: "S3", actions: ["s3:*"], resources: ["arn:aws:s3:::b"] })).toEqual([
      "S3: s3:* needs a wildcardReason (least privilege: use specific actions and ARNs)",
    ]);
    expect(statementErrors({ sid: "S3", actions: ["s3:GetObject"], resources: ["*"], wildcardReason: "  " })).toHaveLength(1);
  });

  it("lets a Deny use wildcards (it narrows, it grants nothing)", () => {
    expect(
      statementErrors({
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["sqs:*"],
        resources: ["arn:aws:sqs:us-east-1:1:q"],
      }),
    ).toEqual([]);
  });

  it("refuses bad sids, empty lists, malformed actions and resources, bad effects and conditions", () => {
    expect(statementErrors({ sid: "bad-sid", actions: [], resources: [] })).toEqual([
      'sid "bad-sid" must be 1-100 letters and digits',
      "bad-sid: no actions",
      "bad-sid: no resources",
    ]);
    expect(statementErrors({ sid: "x".repeat(101), actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] })[0]).toMatch(
      /must be 1-100 letters and digits/,
    );
    expect(statementErrors({ sid: "Typo", actions: ["s3GetObject", "s3:Get Object"], resources: ["my-bucket"] })).toEqual([
      'Typo: action(s) "s3GetObject", "s3:Get Object" must be "service:Action" (wildcards * and ? allowed in the action name)',
      'Typo: resource(s) "my-bucket" must be an ARN ("arn:...") or "*"',
    ]);
    expect(statementErrors({ sid: "Eff", effect: "allow" as "Allow", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] })).toEqual([
      'Eff: effect "allow" must be "Allow" or "Deny"',
    ]);
    expect(
      statementErrors({
        sid: "Cond",
        actions: ["s3:GetObject"],
        resources: ["arn:aws:s3:::b/*"],
        conditions: [{ test: "StringEquals", variable: "", values: [] }],
      }),
    ).toEqual([
      'Cond: conditions[0] {"test":"StringEquals","variable":"","values":[]} needs a test (operator), a variable (context key) and at least one value',
    ]);
  });
});

describe("grants (one shape: grantX(grantee, options?))", () => {
  const statements = numbered([
    { actions: ["s3:ListBucket"], resources: ["arn:aws:s3:::b"] },
    { actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] },
  ]);

  it("names statements from the default sid, a base sid (position suffixes) or a function", () => {
    const sids = (naming?: string | ((i: number) => string)) => {
      const g = new PolicyStatements();
      grantStatements(g, naming, "ReadB", statements);
      return g.statements.map((s) => s.sid);
    };
    expect(sids()).toEqual(["ReadB", "ReadB2"]);
    expect(sids("Uploads")).toEqual(["Uploads", "Uploads2"]);
    expect(sids((i) => `S3b${i + 1}`)).toEqual(["S3b1", "S3b2"]);
  });

  it("hands every statement to the grantee's addToRolePolicy, in order", () => {
    const received: PolicyStatement[] = [];
    const grantee: Grantee = { addToRolePolicy: (s) => received.push(s) };
    grantStatements(grantee, "Key", "Unused", [
      { suffix: "", actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-1:1:q"] },
      { suffix: "Key", actions: ["kms:Decrypt"], resources: ["arn:aws:kms:us-east-1:1:key/k"] },
    ]);
    expect(received).toEqual([
      { sid: "Key", actions: ["sqs:SendMessage"], resources: ["arn:aws:sqs:us-east-1:1:q"] },
      { sid: "KeyKey", actions: ["kms:Decrypt"], resources: ["arn:aws:kms:us-east-1:1:key/k"] },
    ]);
  });

  it("PolicyStatements validates like every grantee and refuses a sid twice", () => {
    const g = new PolicyStatements('task role of "api"');
    g.addToRolePolicy({ sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] });
    expect(() => g.addToRolePolicy({ sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::c/*"] })).toThrow(
      'IAM statement for task role of "api": sid "Read" is already granted to task role of "api"',
    );
    expect(() => g.addToRolePolicy({ sid: "All", actions: ["*"], resources: ["arn:aws:s3:::c"] })).toThrow(
      'All: action "*" grants everything; list the actions',
    );
    expect(g.statements).toHaveLength(1);
  });

  it("renders document statements that reach Terraform unchanged (effect explicit, conditions only when present)", () => {
    const blocks = documentStatements((g) =>
      grantStatements(g, "UseKey", "Unused", [
        {
          suffix: "",
          actions: ["kms:Decrypt"],
          resources: ["arn:aws:kms:us-east-1:1:key/k"],
          conditions: [{ test: "StringEquals", variable: "kms:ViaService", values: ["s3.us-east-1.amazonaws.com"] }],
        },
        { suffix: "Plain", effect: "Deny", actions: ["kms:Encrypt"], resources: ["arn:aws:kms:us-east-1:1:key/k"] },
      ]),
    );
    const synth = synthStack((s) => new DataAwsIamPolicyDocument(s, "doc", { statement: blocks }));
    expect(synth.data?.["aws_iam_policy_document"]?.["doc"]?.statement).toEqual([
      {
        sid: "UseKey",
        effect: "Allow",
        actions: ["kms:Decrypt"],
        resources: ["arn:aws:kms:us-east-1:1:key/k"],
        condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["s3.us-east-1.amazonaws.com"] }],
      },
      { sid: "UseKeyPlain", effect: "Deny", actions: ["kms:Encrypt"], resources: ["arn:aws:kms:us-east-1:1:key/k"] },
    ]);
  });

  it("a grantee refuses principals: they belong in resource policies", () => {
    const g = new PolicyStatements();
    expect(() =>
      g.addToRolePolicy({
        sid: "P",
        actions: ["sqs:SendMessage"],
        resources: ["arn:aws:sqs:us-east-1:1:q"],
        principals: [{ type: "Service", identifiers: ["sns.amazonaws.com"] }],
      }),
    ).toThrow("P: principals belong in resource policies; a grantee's policy is an identity policy");
  });

  it("renders IAM JSON for resource policies in IAM's own key order, a list of one as its value", () => {
    const json = (s: PolicyStatement) => JSON.stringify(toJsonStatement(s));
    expect(
      json({
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["sns:Publish", "sns:Subscribe"],
        resources: ["arn:t"],
        conditions: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      }),
    ).toBe(
      '{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":["sns:Publish","sns:Subscribe"],"Resource":"arn:t","Condition":{"Bool":{"aws:SecureTransport":"false"}}}',
    );
    expect(
      json({
        sid: "FromRule",
        principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
        actions: ["sqs:SendMessage"],
        resources: ["arn:q"],
        conditions: [{ test: "ArnEquals", variable: "aws:SourceArn", values: ["arn:r1", "arn:r2"] }],
      }),
    ).toBe(
      '{"Sid":"FromRule","Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:q","Condition":{"ArnEquals":{"aws:SourceArn":["arn:r1","arn:r2"]}}}',
    );
  });

  it("sidOf makes ids from construct names; the deprecated string sid still works", () => {
    expect(sidOf("activity-queue.fifo")).toBe("ActivityQueueFifo");
    expect(grantOptions("SendActivity")).toEqual({ sid: "SendActivity" });
    expect(grantOptions<{ sid?: string; keyPrefix?: string }>({ keyPrefix: "a/" })).toEqual({ keyPrefix: "a/" });
    expect(grantOptions(undefined)).toEqual({});
  });
});
