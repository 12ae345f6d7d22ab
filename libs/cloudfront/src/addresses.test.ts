import { describe, expect, it } from "vitest";
import { Distribution } from "./distribution";
import { addresses, synthJson } from "@infra/testing-core/blocks";

describe("Terraform addresses", () => {
  it("stay stable for a distribution with S3 and API origins", () => {
    const json = synthJson(
      (s) =>
        new Distribution(s, "cdn", {
          name: "cdn",
          origins: { web: { type: "s3", bucketRegionalDomainName: "b.s3.us-east-1.amazonaws.com" }, api: { type: "http", domainName: "api.example.com" } },
          defaultBehavior: { origin: "web", cache: { type: "ttl", defaultTtlSeconds: 3600 } },
          behaviors: [
            { pathPattern: "/api/*", origin: "api", allowedMethods: "ALL", cache: { type: "disabled" } },
            { pathPattern: "/static/*", origin: "web", cache: { type: "ttl", defaultTtlSeconds: 31536000 } },
          ],
          certificate: { type: "cloudfront-default" },
        }),
    );
    expect(addresses(json)).toMatchSnapshot();
  });
});
