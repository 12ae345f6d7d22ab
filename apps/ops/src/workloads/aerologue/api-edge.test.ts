import { WORKLOADS, aerologueModules as a } from "@envs/envcommon";
import { env as dev } from "@envs/dev";
import { env as prod } from "@envs/prod";
import { root } from "@envs/root";
import { type EnvConfig, deploy, onlyWorkloads, resolveEnv } from "@infra/config";
import { declaredPrerequisites } from "@infra/core";
import { synthEnvOnce } from "@infra/testing";
import { buildEnv } from "@infra/workloads";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorOf as configErrorOf } from "@infra/config/testing";
import { describe, expect, it } from "vitest";
import { one, policyDocs, resources, stack } from "./helpers";

const CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac";
const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/** Issue 14 / ADR 0075: api.<domain> and ws.<domain> behind CloudFront and the ARC-009 web ACL. */
describe.each([
  ["dev", dev, "dev.aerologue.app", "PriceClass_100"],
  ["prod", prod, "aerologue.app", "PriceClass_All"],
] as const)("aerologue %s: the APIs at the edge", (name, env, domain, priceClass) => {
  const stacks = () => synthEnvOnce(env);
  const s = (layer: string) => stack(stacks(), `${name}-us-east-1-aerologue-${layer}`);

  it("api. and ws. are each a distribution behind the web ACL: everything to the API origin, uncached, origin-verify header, logs", () => {
    const cdn = s("edge-cdn");
    const acl = resources(cdn, "aws_wafv2_web_acl")[0]!.__name;
    const verify = Object.keys(cdn.json.data?.["aws_secretsmanager_secret_version"] ?? {});
    expect(verify).toEqual([expect.stringMatching(/^origin-verify/)]);
    // Read by ARN from the secrets stack (which deploys first), whose value an operator puts.
    const versions = cdn.json.data!["aws_secretsmanager_secret_version"] as Record<string, { secret_id: string }>;
    expect(versions[verify[0]!]!.secret_id).toMatch(
      /aerologue-security-secrets\.outputs\.cross-stack-output-aws_secretsmanager_secretaerologue-edge-origin-verify_secret_\w+arn\}$/,
    );
    // The workload's log bucket (data/storage), like the app distribution's logs.
    const logs = (one(cdn, "aws_cloudfront_distribution", "comment", `aerologue-${name}-cdn`)["logging_config"] as { bucket: string }).bucket;
    expect(logs).toMatch(/aerologue-data-storage\.outputs\.cross-stack-output-aws_s3_bucketlogs_bucket_\w+\}\.s3\.amazonaws\.com$/);
    for (const [id, origin] of [
      ["api", "api"],
      ["ws", "ws"],
    ] as const) {
      const d = one(cdn, "aws_cloudfront_distribution", "comment", `aerologue-${name}-${id}-cdn`);
      expect(d).toMatchObject({
        enabled: true,
        aliases: [`${id}.${domain}`],
        web_acl_id: `\${aws_wafv2_web_acl.${acl}.arn}`,
        price_class: priceClass,
        is_ipv6_enabled: true,
        viewer_certificate: {
          acm_certificate_arn: expect.stringMatching(/^\$\{aws_acm_certificate_validation\.api-certificate_validation_\w+\.certificate_arn\}$/),
          ssl_support_method: "sni-only",
          minimum_protocol_version: "TLSv1.2_2021",
        },
        logging_config: { bucket: logs, prefix: `cloudfront/${id}/`, include_cookies: false },
      });
      expect(d["origin"]).toEqual([
        {
          origin_id: origin,
          domain_name: `origin-${id}.${domain}`,
          custom_origin_config: {
            http_port: 80,
            https_port: 443,
            origin_protocol_policy: "https-only",
            origin_ssl_protocols: ["TLSv1.2"],
            origin_read_timeout: 30,
            origin_keepalive_timeout: 5,
          },
          custom_header: [{ name: "X-Origin-Verify", value: `\${data.aws_secretsmanager_secret_version.${verify[0]}.secret_string}` }],
        },
      ]);
      expect(d["ordered_cache_behavior"] ?? []).toEqual([]);
      expect(d["default_cache_behavior"]).toMatchObject({
        target_origin_id: origin,
        allowed_methods: ALL_METHODS,
        cache_policy_id: CACHING_DISABLED,
        // Host = the origin name (API Gateway maps it); Authorization (caching off), query strings and Sec-WebSocket-* pass.
        origin_request_policy_id: ALL_VIEWER_EXCEPT_HOST,
        viewer_protocol_policy: "redirect-to-https",
      });
    }
    // The app distribution's /api/* and /ws/* reach the same origins, with the same header, not api./ws. (no CloudFront -> CloudFront hop).
    const app = one(cdn, "aws_cloudfront_distribution", "comment", `aerologue-${name}-cdn`);
    const origins = app["origin"] as { origin_id: string; domain_name: string; custom_header: unknown[] }[];
    expect(origins.filter((o) => o.origin_id === "api" || o.origin_id === "websocket").map((o) => [o.domain_name, o.custom_header.length])).toEqual([
      [`origin-api.${domain}`, 1],
      [`origin-ws.${domain}`, 1],
    ]);
    for (const b of (app["ordered_cache_behavior"] as Record<string, unknown>[]).slice(0, 2))
      expect(b["origin_request_policy_id"]).toBe(ALL_VIEWER_EXCEPT_HOST);
  });

  it("the api./ws. certificate is issued in us-east-1 (CloudFront's region), DNS-validated in the env's zone; the aliases point at the distributions", () => {
    const cdn = s("edge-cdn");
    expect((cdn.json.provider as { aws: { region: string; alias?: string }[] }).aws.map((p) => p.region)).toEqual(["us-east-1"]);
    const cert = one(cdn, "aws_acm_certificate", "domain_name", `api.${domain}`);
    expect(cert).toMatchObject({ subject_alternative_names: [`ws.${domain}`], validation_method: "DNS" });
    expect(cert["provider"]).toBeUndefined();
    const records = resources(cdn, "aws_route53_record").filter((r) => r["alias"] && /^(api|ws)\./.test(String(r["name"])));
    expect(records.map((r) => `${r["name"]} ${r["type"]} ${JSON.stringify(r["alias"])}`).sort()).toEqual(
      ["api", "ws"]
        .flatMap((id) =>
          ["A", "AAAA"].map((t) => {
            const dist = one(cdn, "aws_cloudfront_distribution", "comment", `aerologue-${name}-${id}-cdn`).__name;
            return `${id}.${domain} ${t} ${JSON.stringify({ evaluate_target_health: false, name: `\${aws_cloudfront_distribution.${dist}.domain_name}`, zone_id: `\${aws_cloudfront_distribution.${dist}.hosted_zone_id}` })}`;
          }),
        )
        .sort(),
    );
  });

  it("API Gateway answers only the origin names: regional TLS 1.2 custom domains, execute-api off for HTTP, no api./ws. record left in the API stack", () => {
    const api = s("compute-api");
    expect(
      resources(api, "aws_apigatewayv2_domain_name")
        .map((d) => [
          d["domain_name"],
          (d["domain_name_configuration"] as Record<string, unknown>)["endpoint_type"],
          (d["domain_name_configuration"] as Record<string, unknown>)["security_policy"],
        ])
        .sort(),
    ).toEqual([
      [`origin-api.${domain}`, "REGIONAL", "TLS_1_2"],
      [`origin-ws.${domain}`, "REGIONAL", "TLS_1_2"],
    ]);
    expect(one(api, "aws_acm_certificate", "domain_name", `origin-api.${domain}`)["subject_alternative_names"]).toEqual([`origin-ws.${domain}`]);
    expect(
      resources(api, "aws_route53_record")
        .filter((r) => r["alias"])
        .map((r) => `${r["name"]} ${r["type"]}`)
        .sort(),
    ).toEqual([`origin-api.${domain} A`, `origin-api.${domain} AAAA`, `origin-ws.${domain} A`, `origin-ws.${domain} AAAA`]);
    expect(one(api, "aws_apigatewayv2_api", "protocol_type", "HTTP")["disable_execute_api_endpoint"]).toBe(true);
  });

  it("the functions that answer CloudFront (api-rest-handler, api-ws-connect) may read the origin-verify secret; no other function may", () => {
    const fns = s("compute-functions");
    const readers = policyDocs(fns)
      .filter((d) => JSON.stringify(d["statement"]).includes("aerologue-edge-origin-verify"))
      .map((d) => d.__name.split("_")[0]);
    expect(readers.sort()).toEqual([expect.stringContaining("api-rest-handler"), expect.stringContaining("api-ws-connect")]);
  });
});

describe("the origin-verify value is a plan-time prerequisite of the edge stack", () => {
  it("is declared for aerologue/edge/origin-verify, needed at plan by edge-cdn", () => {
    const env: EnvConfig = onlyWorkloads(dev, ["aerologue"]);
    const built = buildEnv(env, { root, workloads: WORKLOADS, outdir: mkdtempSync(join(tmpdir(), "edge-")) });
    const verify = declaredPrerequisites(built.app).filter(
      (p) => p.requirement.kind === "secret-value" && p.requirement.secret === "aerologue/edge/origin-verify",
    );
    expect(verify).toEqual([
      expect.objectContaining({ accountId: dev.accountId, region: "us-east-1", neededBy: [{ stack: "dev-us-east-1-aerologue-edge-cdn", neededAt: "plan" }] }),
    ]);
  });
});

const errorOf = (env: EnvConfig): string => configErrorOf(() => resolveEnv(root, env, WORKLOADS)).message;

describe("bad edge config", () => {
  const region = dev.regions[0]!;
  const swap = (d: ReturnType<typeof deploy>): EnvConfig => ({
    ...dev,
    regions: [
      {
        ...region,
        deployments: region.deployments.map((x) =>
          x.definition.module === d.definition.module && x.definition.workload === "aerologue" ? { ...d, source: "test.ts" } : x,
        ),
      },
    ],
  });

  it("refuses an origin custom domain that is a public name (CloudFront would fetch from itself), or one domain for both APIs", () => {
    const loop = errorOf(swap(deploy(a.api, { inputs: { originApiDomain: "api.dev.aerologue.app" } })));
    expect(loop).toContain("originApiDomain");
    expect(loop).toContain('"api.dev.aerologue.app" is a public name (a CloudFront alias): the origin needs its own name, e.g. "origin-api.dev.aerologue.app"');
    expect(errorOf(swap(deploy(a.api, { inputs: { originWsDomain: "origin-api.dev.aerologue.app" } })))).toContain(
      '"origin-api.dev.aerologue.app" is also originApiDomain',
    );
  });

  it("refuses an origin-verify header that is not X-..., a secret outside aerologue/, and turning it off without a reason", () => {
    const header = errorOf(
      swap(deploy(a.cdn, { inputs: { originVerify: { kind: "secret-header", headerName: "Host", secretName: "aerologue/edge/origin-verify" } } })),
    );
    expect(header).toContain("originVerify.headerName");
    expect(header).toContain('must be an "X-" header name');
    expect(
      errorOf(swap(deploy(a.cdn, { inputs: { originVerify: { kind: "secret-header", headerName: "X-Origin-Verify", secretName: "other/x" } } }))),
    ).toContain('must be a secret under "aerologue/"');
    expect(errorOf(swap(deploy(a.cdn, { inputs: { originVerify: { kind: "none", reason: "no" } } })))).toContain(
      "say why the APIs may be called without CloudFront",
    );
  });

  it("with originVerify none and a reason, the origins carry no header and no secret is read", () => {
    const env = swap(deploy(a.cdn, { inputs: { originVerify: { kind: "none", reason: "a dev sandbox without WAF enforcement for load tests" } } }));
    const only = onlyWorkloads(env, ["aerologue"]);
    const built = buildEnv(only, { root, workloads: WORKLOADS, outdir: mkdtempSync(join(tmpdir(), "edge-")) });
    const json = built.stacks.get("us-east-1/aerologue-edge/cdn")!.toTerraform() as {
      data?: Record<string, unknown>;
      resource: { aws_cloudfront_distribution: Record<string, { origin: { custom_header?: unknown[] }[] }> };
    };
    expect(json.data?.["aws_secretsmanager_secret_version"]).toBeUndefined();
    for (const d of Object.values(json.resource.aws_cloudfront_distribution)) for (const o of d.origin) expect(o.custom_header ?? []).toEqual([]);
  });
});
