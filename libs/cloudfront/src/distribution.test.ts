import { describe, expect, it } from "vitest";
import { Distribution, type DistributionProps } from "./distribution";
import { MANAGED_CACHE_POLICIES, MANAGED_ORIGIN_REQUEST_POLICIES, SEED_TTLS } from "./policies";
import { type Json, only, synthJson } from "@infra/testing-core/blocks";

const CERT = "arn:aws:acm:us-east-1:111111111111:certificate/abc";
const WAF = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/aerologue-prod-waf/123";

// Seed 000 ARC-008: /api/* and /ws/* uncached, /tiles/* 30 days, /static/* 1 year, /* 1 hour.
const aerologue: DistributionProps = {
  name: "aerologue-prod-cdn",
  origins: {
    api: { type: "http", domainName: "abc.execute-api.us-east-1.amazonaws.com" },
    ws: { type: "http", domainName: "def.execute-api.us-east-1.amazonaws.com", originPath: "/live" },
    tiles: { type: "s3", bucketRegionalDomainName: "aerologue-static.s3.us-east-1.amazonaws.com", originPath: "/tiles" },
    static: { type: "s3", bucketRegionalDomainName: "aerologue-static.s3.us-east-1.amazonaws.com" },
  },
  behaviors: [
    { pathPattern: "/api/*", origin: "api", allowedMethods: "ALL", cache: { type: "disabled" }, originRequestPolicy: "AllViewerExceptHostHeader" },
    { pathPattern: "/ws/*", origin: "ws", allowedMethods: "ALL", cache: { type: "disabled" }, originRequestPolicy: "AllViewerExceptHostHeader" },
    { pathPattern: "/tiles/*", origin: "tiles", cache: { type: "ttl", defaultTtlSeconds: SEED_TTLS.tiles } },
    { pathPattern: "/static/*", origin: "static", cache: { type: "ttl", defaultTtlSeconds: SEED_TTLS.static } },
  ],
  defaultBehavior: { origin: "static", cache: { type: "ttl", defaultTtlSeconds: SEED_TTLS.default } },
  certificate: { type: "acm", certificateArn: CERT, aliases: ["aerologue.app", "www.aerologue.app"] },
  webAclArn: WAF,
  priceClass: "PriceClass_100",
  logging: { bucketDomainName: "aerologue-logs.s3.amazonaws.com", prefix: "cloudfront/" },
  defaultRootObject: "index.html",
};

function policyRef(resource: Json, ttl: number): string {
  const [name] = Object.entries(resource.aws_cloudfront_cache_policy as Json).find(([, p]) => (p as Json).default_ttl === ttl)!;
  return `\${aws_cloudfront_cache_policy.${name}.id}`;
}

describe("Distribution", () => {
  it("maps seed 000's behaviours to exact cache policies, HTTPS-only, with the security headers", () => {
    const { resource } = synthJson((s) => new Distribution(s, "cdn", aerologue));
    const dist = only(resource.aws_cloudfront_distribution, "distribution");
    const headersRef = expect.stringMatching(/^\$\{aws_cloudfront_response_headers_policy\.cdn_security-headers_[A-Z0-9]+\.id\}$/);
    const ordered = dist.ordered_cache_behavior as Json[];
    expect(ordered.map((b) => [b.path_pattern, b.target_origin_id, b.cache_policy_id])).toEqual([
      ["/api/*", "api", MANAGED_CACHE_POLICIES.CachingDisabled],
      ["/ws/*", "ws", MANAGED_CACHE_POLICIES.CachingDisabled],
      ["/tiles/*", "tiles", policyRef(resource, 2592000)],
      ["/static/*", "static", policyRef(resource, 31536000)],
    ]);
    expect(ordered[0]).toMatchObject({
      allowed_methods: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"],
      cached_methods: ["GET", "HEAD"],
      origin_request_policy_id: MANAGED_ORIGIN_REQUEST_POLICIES.AllViewerExceptHostHeader,
      viewer_protocol_policy: "redirect-to-https",
      compress: true,
      response_headers_policy_id: headersRef,
    });
    expect(dist.default_cache_behavior).toMatchObject({
      target_origin_id: "static",
      cache_policy_id: policyRef(resource, 3600),
      allowed_methods: ["GET", "HEAD"],
      viewer_protocol_policy: "redirect-to-https",
      response_headers_policy_id: headersRef,
    });
    for (const b of [...ordered, dist.default_cache_behavior]) expect(b.viewer_protocol_policy).toBe("redirect-to-https");

    const policies = Object.values(resource.aws_cloudfront_cache_policy as Json) as Json[];
    expect(policies.map((p) => [p.name, p.min_ttl, p.default_ttl, p.max_ttl]).sort()).toEqual([
      ["aerologue-prod-cdn-default", 0, 3600, 3600],
      ["aerologue-prod-cdn-static", 0, 31536000, 31536000],
      ["aerologue-prod-cdn-tiles", 0, 2592000, 2592000],
    ]);
    expect(policies.find((p) => p.name === "aerologue-prod-cdn-tiles")!.parameters_in_cache_key_and_forwarded_to_origin).toEqual({
      enable_accept_encoding_gzip: true,
      enable_accept_encoding_brotli: true,
      query_strings_config: { query_string_behavior: "none" },
      cookies_config: { cookie_behavior: "none" },
      headers_config: { header_behavior: "none" },
    });
  });

  it("uses OAC for S3 origins and https-only TLSv1.2 for API origins", () => {
    const { resource } = synthJson((s) => new Distribution(s, "cdn", aerologue));
    const dist = only(resource.aws_cloudfront_distribution, "distribution");
    const oac = only(resource.aws_cloudfront_origin_access_control, "oac");
    expect(oac).toEqual({
      name: "aerologue-prod-cdn-s3",
      description: "S3 origins of aerologue-prod-cdn",
      origin_access_control_origin_type: "s3",
      signing_behavior: "always",
      signing_protocol: "sigv4",
    });
    const origins = dist.origin as Json[];
    expect(origins.find((o) => o.origin_id === "tiles")).toEqual({
      origin_id: "tiles",
      domain_name: "aerologue-static.s3.us-east-1.amazonaws.com",
      origin_path: "/tiles",
      origin_access_control_id: expect.stringMatching(/^\$\{aws_cloudfront_origin_access_control\.cdn_oac_[A-Z0-9]+\.id\}$/),
    });
    expect(origins.find((o) => o.origin_id === "api")!.custom_origin_config).toEqual({
      http_port: 80,
      https_port: 443,
      origin_protocol_policy: "https-only",
      origin_ssl_protocols: ["TLSv1.2"],
      origin_read_timeout: 30,
      origin_keepalive_timeout: 5,
    });
  });

  it("uses the ACM certificate with SNI and TLSv1.2_2021, the WAF, logging, HSTS and no geo restriction", () => {
    const { resource } = synthJson((s) => new Distribution(s, "cdn", aerologue));
    const dist = only(resource.aws_cloudfront_distribution, "distribution");
    expect(dist).toMatchObject({
      enabled: true,
      aliases: ["aerologue.app", "www.aerologue.app"],
      price_class: "PriceClass_100",
      web_acl_id: WAF,
      http_version: "http2and3",
      is_ipv6_enabled: true,
      default_root_object: "index.html",
      viewer_certificate: { acm_certificate_arn: CERT, ssl_support_method: "sni-only", minimum_protocol_version: "TLSv1.2_2021" },
      restrictions: { geo_restriction: { restriction_type: "none", locations: [] } },
      logging_config: { bucket: "aerologue-logs.s3.amazonaws.com", prefix: "cloudfront/", include_cookies: false },
    });
    expect(only(resource.aws_cloudfront_response_headers_policy, "headers").security_headers_config).toMatchObject({
      strict_transport_security: { access_control_max_age_sec: 31536000, include_subdomains: true, preload: false, override: true },
      content_type_options: { override: true },
      frame_options: { frame_option: "DENY", override: true },
    });
  });

  it("exposes the OAC bucket policy statement scoped to the distribution", () => {
    let statement: Json = {};
    synthJson((s) => {
      statement = new Distribution(s, "cdn", aerologue).bucketPolicyStatement("arn:aws:s3:::aerologue-static");
    });
    expect(statement).toMatchObject({
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: "arn:aws:s3:::aerologue-static/*",
      Condition: { StringEquals: { "AWS:SourceArn": expect.stringContaining("TOKEN") } },
    });
  });

  it("supports the default certificate, geo restriction, SPA errors, no OAC without S3 origins", () => {
    const { resource } = synthJson(
      (s) =>
        new Distribution(s, "cdn", {
          name: "dev-cdn",
          origins: { alb: { type: "http", domainName: "alb.example.com", customHeaders: { "X-Origin-Verify": "from-config" } } },
          defaultBehavior: { origin: "alb", allowedMethods: "GET_HEAD_OPTIONS", cache: { type: "managed-optimized" }, originRequestPolicy: "AllViewer" },
          certificate: { type: "cloudfront-default" },
          geoRestriction: { mode: "deny", countries: ["KP"] },
          customErrorResponses: [{ errorCode: 404, responseCode: 200, responsePagePath: "/index.html" }],
        }),
    );
    const dist = only(resource.aws_cloudfront_distribution, "distribution");
    expect(resource.aws_cloudfront_origin_access_control).toBeUndefined();
    expect(resource.aws_cloudfront_cache_policy).toBeUndefined();
    expect(dist.viewer_certificate).toEqual({ cloudfront_default_certificate: true });
    expect(dist.aliases).toBeUndefined();
    expect(dist.restrictions.geo_restriction).toEqual({ restriction_type: "blacklist", locations: ["KP"] });
    expect(dist.default_cache_behavior.cache_policy_id).toBe(MANAGED_CACHE_POLICIES.CachingOptimized);
    expect(dist.default_cache_behavior.cached_methods).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(dist.custom_error_response).toEqual([{ error_code: 404, response_code: 200, response_page_path: "/index.html", error_caching_min_ttl: 10 }]);
    expect(dist.origin[0].custom_header).toEqual([{ name: "X-Origin-Verify", value: "from-config" }]);
  });

  it("reports every bad prop", () => {
    expect(() =>
      synthJson(
        (s) =>
          new Distribution(s, "cdn", {
            ...aerologue,
            behaviors: [
              { pathPattern: "/a/*", origin: "nowhere", cache: { type: "ttl", defaultTtlSeconds: 100, maxTtlSeconds: 50 } },
              { pathPattern: "/a/*", origin: "api", cache: { type: "disabled" } },
            ],
            certificate: { type: "acm", certificateArn: CERT, aliases: [] },
            geoRestriction: { mode: "allow", countries: ["usa"] },
          }),
      ),
    ).toThrow(
      'Distribution "aerologue-prod-cdn": behavior "/a/*" uses origin "nowhere", not one of: api, ws, tiles, static; behavior "/a/*": TTLs must satisfy min (0) <= default (100) <= max (50); path patterns repeat: /a/*, /a/*; an ACM certificate needs at least one alias; geo restriction country "usa" must be an ISO alpha-2 code',
    );
  });
});
