import { describe, expect, it } from "vitest";
import { addresses, synthJson } from "@infra/testing-core/blocks";
import { WebAcl } from "./web-acl";

describe("Terraform addresses", () => {
  it("stay stable for a regional ACL with an association", () => {
    const json = synthJson((s) => {
      const acl = new WebAcl(s, "waf", { name: "waf", scope: "REGIONAL", rateLimit: { limit: 2000 }, logging: { retentionDays: 30, kmsKeyArn: "arn:key" } });
      acl.associate("stage", "arn:aws:apigateway:us-east-1::/restapis/a/stages/v1");
    });
    expect(addresses(json)).toMatchSnapshot();
  });
});
