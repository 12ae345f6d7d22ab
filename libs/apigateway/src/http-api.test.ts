import { describe, expect, it } from "vitest";
import { HTTP_ACCESS_LOG_FORMAT } from "./common";
import { HttpApi, type HttpApiProps, corsOriginError, validateHttpApiProps } from "./http-api";
import { type Json, only, synthWith } from "@infra/testing-core/blocks";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const rest = {
  functionName: "api-rest-handler",
  functionArn: "arn:aws:lambda:us-east-1:111111111111:function:api-rest-handler",
  invokeArn: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:111111111111:function:api-rest-handler/invocations",
};
const ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc";

// Seed 000 ARC-006.
const aerologue: HttpApiProps = {
  name: "aerologue-prod-rest-api",
  cors: { allowOrigins: ["https://aerologue.app", "https://www.aerologue.app", "http://localhost:3000"] },
  jwtAuthorizer: { issuer: ISSUER, audience: ["client123"] },
  integrations: { rest: { function: rest } },
  routes: {
    "GET /api/v1/flights/{proxy+}": { integration: "rest" },
    "POST /api/v1/flights/{proxy+}": { integration: "rest" },
    "GET /api/v1/users/{proxy+}": { integration: "rest", scopes: ["aerologue/users"] },
    "GET /api/v1/health": { integration: "rest", public: true },
  },
  throttling: { burstLimit: 2000, rateLimit: 1000 },
  accessLogs: { retentionDays: 90, kmsKeyArn: KEY },
};
const httpApi = synthWith(HttpApi, "api", aerologue);

describe("HttpApi", () => {
  it("secures every route with the JWT authorizer except the explicit public health route", () => {
    const { resource } = httpApi();
    expect(only(resource.aws_apigatewayv2_api, "api")).toMatchObject({
      name: "aerologue-prod-rest-api",
      protocol_type: "HTTP",
      disable_execute_api_endpoint: false,
      cors_configuration: {
        allow_origins: ["https://aerologue.app", "https://www.aerologue.app", "http://localhost:3000"],
        allow_methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
        allow_headers: ["Authorization", "Content-Type"],
        max_age: 3600,
        allow_credentials: false,
      },
    });
    expect(only(resource.aws_apigatewayv2_authorizer, "authorizer")).toMatchObject({
      authorizer_type: "JWT",
      identity_sources: ["$request.header.Authorization"],
      jwt_configuration: { issuer: ISSUER, audience: ["client123"] },
    });
    const routes = Object.values(resource.aws_apigatewayv2_route as Json) as Json[];
    const byKey = Object.fromEntries(routes.map((r) => [r.route_key, r]));
    const authRef = expect.stringMatching(/^\$\{aws_apigatewayv2_authorizer\.api_jwt-authorizer_[A-Z0-9]+\.id\}$/);
    expect(byKey["GET /api/v1/flights/{proxy+}"]).toMatchObject({ authorization_type: "JWT", authorizer_id: authRef });
    expect(byKey["POST /api/v1/flights/{proxy+}"]).toMatchObject({ authorization_type: "JWT", authorizer_id: authRef });
    expect(byKey["GET /api/v1/users/{proxy+}"]).toMatchObject({ authorization_scopes: ["aerologue/users"] });
    // No route matches OPTIONS: API Gateway answers every preflight from cors_configuration, before any authorizer.
    expect(routes.filter((r) => /^(OPTIONS|ANY) |^\$default$/.test(r.route_key))).toEqual([]);
    expect(byKey["GET /api/v1/health"]).toMatchObject({ authorization_type: "NONE" });
    expect(byKey["GET /api/v1/health"].authorizer_id).toBeUndefined();
    for (const r of routes) expect(r.target).toMatch(/^integrations\/\$\{aws_apigatewayv2_integration\.api_integration-rest_[A-Z0-9]+\.id\}$/);
  });

  it("integrates Lambda with payload 2.0 and a permission scoped to this API", () => {
    const { resource } = httpApi();
    expect(only(resource.aws_apigatewayv2_integration, "integration")).toMatchObject({
      integration_type: "AWS_PROXY",
      integration_method: "POST",
      integration_uri: rest.invokeArn,
      payload_format_version: "2.0",
      timeout_milliseconds: 30000,
    });
    expect(only(resource.aws_lambda_permission, "permission")).toMatchObject({
      function_name: "api-rest-handler",
      principal: "apigateway.amazonaws.com",
      action: "lambda:InvokeFunction",
      source_arn: expect.stringMatching(/^\$\{aws_apigatewayv2_api\.api_[A-Z0-9]+\.execution_arn\}\/\*$/),
    });
  });

  it("auto-deploys a stage with JSON access logs to an encrypted group and seed 000's throttling", () => {
    const { resource } = httpApi();
    expect(only(resource.aws_cloudwatch_log_group, "group")).toMatchObject({
      name: "/aws/apigateway/aerologue-prod-rest-api",
      retention_in_days: 90,
      kms_key_id: KEY,
    });
    const stage = only(resource.aws_apigatewayv2_stage, "stage");
    expect(stage).toMatchObject({
      name: "$default",
      auto_deploy: true,
      access_log_settings: {
        destination_arn: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.api_access-logs_[A-Z0-9]+\.arn\}$/),
        format: HTTP_ACCESS_LOG_FORMAT,
      },
      default_route_settings: { throttling_burst_limit: 2000, throttling_rate_limit: 1000, detailed_metrics_enabled: true },
      route_settings: [],
    });
    expect(JSON.parse(HTTP_ACCESS_LOG_FORMAT)).toMatchObject({ requestId: "$context.requestId", status: "$context.status", routeKey: "$context.routeKey" });
  });

  it("adds route throttling and a custom domain with alias records", () => {
    const { resource } = httpApi({
      routes: { ...aerologue.routes, "POST /api/v1/greetings": { integration: "rest", throttling: { burstLimit: 10, rateLimit: 5 } } },
      customDomain: { domainName: "api.aerologue.app", certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/x", zoneId: "Z1" },
    });
    const stage = only(resource.aws_apigatewayv2_stage, "stage");
    expect(stage.route_settings).toEqual([
      { route_key: "POST /api/v1/greetings", throttling_burst_limit: 10, throttling_rate_limit: 5, detailed_metrics_enabled: true },
    ]);
    expect(stage.depends_on).toHaveLength(5);
    expect(only(resource.aws_apigatewayv2_domain_name, "domain")).toMatchObject({
      domain_name: "api.aerologue.app",
      domain_name_configuration: { certificate_arn: "arn:aws:acm:us-east-1:111111111111:certificate/x", endpoint_type: "REGIONAL", security_policy: "TLS_1_2" },
    });
    expect(only(resource.aws_apigatewayv2_api_mapping, "mapping").stage).toMatch(/aws_apigatewayv2_stage\.api_stage_[A-Z0-9]+\.id/);
    const aliases = Object.values(resource.aws_route53_record as Json) as Json[];
    expect(aliases.map((r) => r.type).sort()).toEqual(["A", "AAAA"]);
    expect(aliases[0]!.alias.name).toMatch(/domain_name_configuration\[0\]\.target_domain_name/);
  });

  it("refuses a secured route without an authorizer and other bad props", () => {
    expect(
      validateHttpApiProps({
        ...aerologue,
        jwtAuthorizer: undefined,
        cors: { allowOrigins: ["*"], allowCredentials: true },
        routes: { "FETCH /x": { integration: "nope" }, "GET /health": { integration: "rest", public: true, scopes: ["a"] } },
        throttling: { burstLimit: -1, rateLimit: 10 },
      }),
    ).toEqual([
      "throttling.burstLimit -1 must be a whole number >= 0",
      'route key "FETCH /x" must be "<METHOD> /path" or "$default"',
      'route "FETCH /x" uses integration "nope", not one of: rest',
      'route "FETCH /x" needs the JWT authorizer (set jwtAuthorizer) or an explicit public: true',
      'route "GET /health" is public and cannot require scopes',
      'CORS cannot allow credentials with origin "*"',
    ]);
    expect(() => httpApi({ jwtAuthorizer: undefined })).toThrow(
      /^HttpApi "aerologue-prod-rest-api": route "GET \/api\/v1\/flights\/\{proxy\+\}" needs the JWT authorizer/,
    );
  });

  it("refuses secured ANY, OPTIONS and $default routes when CORS is on: they would answer the preflight with 401", () => {
    const errors = validateHttpApiProps({
      ...aerologue,
      routes: {
        "ANY /api/v1/flights/{proxy+}": { integration: "rest" },
        "OPTIONS /api/v1/users/{proxy+}": { integration: "rest" },
        $default: { integration: "rest" },
        // A public OPTIONS route for the same path takes the preflight: allowed.
        "ANY /api/v1/games/{proxy+}": { integration: "rest" },
        "OPTIONS /api/v1/games/{proxy+}": { integration: "rest", public: true },
        "GET /api/v1/health": { integration: "rest", public: true },
      },
    });
    expect(errors.map((e) => e.split(" requires")[0])).toEqual([
      'route "ANY /api/v1/flights/{proxy+}"',
      'route "OPTIONS /api/v1/users/{proxy+}"',
      'route "$default"',
    ]);
    expect(errors[0]).toContain("declare the methods instead");
    // Without CORS (no browser clients) an ANY route is fine.
    expect(validateHttpApiProps({ ...aerologue, cors: undefined, routes: { "ANY /x/{proxy+}": { integration: "rest" } } })).toEqual([]);
  });

  it("accepts only the origin forms API Gateway matches", () => {
    for (const ok of ["*", "https://*", "http://*", "https://aerologue.app", "https://www.dev.aerologue.app", "http://localhost:3000"])
      expect(corsOriginError(ok)).toBeUndefined();
    expect(corsOriginError("https://*.aerologue.app")).toBe(
      'CORS origin "https://*.aerologue.app" is not accepted: API Gateway matches only "*", "https://*", "http://*" or exact origins: list each origin (e.g. "https://www.example.com", "http://localhost:3000")',
    );
    expect(corsOriginError("http://localhost:*")).toMatch(/^CORS origin "http:\/\/localhost:\*" is not accepted: API Gateway matches only/);
    expect(corsOriginError("https://aerologue.app/")).toMatch(/without path or trailing "\/"$/);
    expect(corsOriginError("aerologue.app")).toMatch(/scheme:\/\/host\[:port\]/);
  });
});
