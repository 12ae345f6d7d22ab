import { describe, expect, it } from "vitest";
import { Distribution, type DistributionProps } from "./distribution";
import { type FailoverStatusCode, S3_FAILOVER_STATUS_CODES } from "./origin-group";
import { only, synthJson } from "@infra/testing-core/blocks";

// A web app with static assets in a bucket and its cross-region replica, dynamic requests to an ALB.
const props: DistributionProps = {
  name: "web-cdn",
  origins: {
    app: { type: "http", domainName: "api.example.com" },
    assets: { type: "s3", bucketRegionalDomainName: "web-us-east-1-static.s3.us-east-1.amazonaws.com" },
    "assets-replica": { type: "s3", bucketRegionalDomainName: "web-us-west-2-static.s3.us-west-2.amazonaws.com" },
  },
  originGroups: { "assets-failover": { primary: "assets", secondary: "assets-replica", failoverStatusCodes: [504, 403, 404, 500, 502, 503] } },
  defaultBehavior: { origin: "app", allowedMethods: "ALL", cache: { type: "disabled" } },
  behaviors: [
    { pathPattern: "/_next/static/*", origin: "assets-failover", cache: { type: "managed-optimized" } },
    { pathPattern: "/static/*", origin: "assets-failover", allowedMethods: "GET_HEAD_OPTIONS", cache: { type: "managed-optimized" } },
  ],
  certificate: { type: "cloudfront-default" },
};

describe("Distribution origin groups", () => {
  it("synthesizes the failover pair (primary first) with the status codes sorted, used by the behaviours that name it", () => {
    const { resource } = synthJson((s) => new Distribution(s, "cdn", props));
    const dist = only(resource.aws_cloudfront_distribution, "distribution");
    expect(dist.origin_group).toEqual([
      {
        origin_id: "assets-failover",
        failover_criteria: { status_codes: [403, 404, 500, 502, 503, 504] },
        member: [{ origin_id: "assets" }, { origin_id: "assets-replica" }],
      },
    ]);
    expect(dist.ordered_cache_behavior.map((b: { path_pattern: string; target_origin_id: string }) => [b.path_pattern, b.target_origin_id])).toEqual([
      ["/_next/static/*", "assets-failover"],
      ["/static/*", "assets-failover"],
    ]);
    expect(dist.default_cache_behavior.target_origin_id).toBe("app");
  });

  it("signs both bucket origins with the one OAC, so one statement shape opens each bucket to this distribution", () => {
    const { resource } = synthJson((s) => new Distribution(s, "cdn", props));
    const dist = only(resource.aws_cloudfront_distribution, "distribution");
    const oac = expect.stringMatching(/^\$\{aws_cloudfront_origin_access_control\.cdn_oac_[A-Z0-9]+\.id\}$/);
    expect(Object.keys(resource.aws_cloudfront_origin_access_control)).toHaveLength(1);
    const byId = Object.fromEntries(dist.origin.map((o: { origin_id: string }) => [o.origin_id, o]));
    expect(byId["assets"]).toMatchObject({ domain_name: "web-us-east-1-static.s3.us-east-1.amazonaws.com", origin_access_control_id: oac });
    expect(byId["assets-replica"]).toMatchObject({ domain_name: "web-us-west-2-static.s3.us-west-2.amazonaws.com", origin_access_control_id: oac });
  });

  it("defaults to the 5xx codes; the S3 set adds 403/404; no origin_group without groups", () => {
    const { failoverStatusCodes: _codes, ...group } = props.originGroups!["assets-failover"]!;
    const { resource } = synthJson((s) => new Distribution(s, "cdn", { ...props, originGroups: { "assets-failover": group } }));
    expect(only(resource.aws_cloudfront_distribution, "distribution").origin_group[0].failover_criteria).toEqual({ status_codes: [500, 502, 503, 504] });
    expect(S3_FAILOVER_STATUS_CODES).toEqual([403, 404, 500, 502, 503, 504]);
    const plain = synthJson((s) => new Distribution(s, "cdn", { ...props, originGroups: undefined, behaviors: [] }));
    expect(only(plain.resource.aws_cloudfront_distribution, "distribution").origin_group).toBeUndefined();
  });

  it("reports every bad group, repeating the bad value", () => {
    const bad: DistributionProps = {
      ...props,
      originGroups: {
        app: { primary: "assets", secondary: "assets-replica" },
        nested: { primary: "app", secondary: "assets-failover" },
        same: { primary: "assets", secondary: "assets", failoverStatusCodes: [503, 418 as FailoverStatusCode, 503] },
        empty: { primary: "assets", secondary: "assets-replica", failoverStatusCodes: [] },
        "assets-failover": { primary: "assets", secondary: "assets-replica" },
      },
      behaviors: [{ pathPattern: "/static/*", origin: "assets-failover", allowedMethods: "ALL", cache: { type: "managed-optimized" } }],
    };
    expect(() => synthJson((s) => new Distribution(s, "cdn", bad))).toThrow(
      [
        'Distribution "web-cdn": originGroups.app: "app" is also an origin id; a behaviour\'s origin must name one or the other',
        'originGroups.nested.secondary "assets-failover" is not an origin (groups cannot nest); origins: app, assets, assets-replica',
        'originGroups.same: primary and secondary are both "assets"; failing over to the same origin retries nothing',
        "originGroups.same.failoverStatusCodes: 418 is not a code CloudFront fails over on (allowed: 400, 403, 404, 416, 500, 502, 503, 504)",
        "originGroups.same.failoverStatusCodes repeat a code: 503, 418, 503",
        "originGroups.empty.failoverStatusCodes is empty; leave it unset for [500, 502, 503, 504]",
        // "app" names both: the default behaviour is read as using the group.
        'defaultBehavior uses origin group "app" with allowedMethods "ALL": CloudFront fails over GET, HEAD and OPTIONS only; use "GET_HEAD" or "GET_HEAD_OPTIONS"',
        'behavior "/static/*" uses origin group "assets-failover" with allowedMethods "ALL": CloudFront fails over GET, HEAD and OPTIONS only; use "GET_HEAD" or "GET_HEAD_OPTIONS"',
      ].join("; "),
    );
  });
});
