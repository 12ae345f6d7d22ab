import { LambdaFunction } from "@infra/lambda";
import { describe, expect, it } from "vitest";
import { type Json, only, synthJson, synthWith } from "@infra/testing-core/blocks";
import { WebSocketApi, type WebSocketApiProps, validateWebSocketApiProps } from "./websocket-api";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const fn = (name: string) => ({ functionName: name, functionArn: `arn:aws:lambda:us-east-1:111111111111:function:${name}`, invokeArn: `invoke:${name}` });

const aerologue: WebSocketApiProps = {
  name: "aerologue-prod-ws-api",
  routes: { $connect: fn("api-ws-connect"), $disconnect: fn("api-ws-disconnect"), $default: fn("api-ws-message"), ping: fn("api-ws-message") },
  connectAuthorizer: { function: fn("ws-authorizer") },
  throttling: { burstLimit: 500, rateLimit: 200 },
  accessLogs: { retentionDays: 30, kmsKeyArn: KEY },
};
const wsApi = synthWith(WebSocketApi, "ws", aerologue);

describe("WebSocketApi", () => {
  it("authorizes $connect only, integrates each route with a route-scoped permission", () => {
    const { resource } = wsApi();
    expect(only(resource.aws_apigatewayv2_api, "api")).toMatchObject({ protocol_type: "WEBSOCKET", route_selection_expression: "$request.body.action" });
    expect(only(resource.aws_apigatewayv2_authorizer, "authorizer")).toMatchObject({
      authorizer_type: "REQUEST",
      authorizer_uri: "invoke:ws-authorizer",
      identity_sources: ["route.request.querystring.token"],
    });
    const routes = Object.values(resource.aws_apigatewayv2_route as Json) as Json[];
    const byKey = Object.fromEntries(routes.map((r) => [r.route_key, r]));
    expect(byKey.$connect).toMatchObject({
      authorization_type: "CUSTOM",
      authorizer_id: expect.stringMatching(/aws_apigatewayv2_authorizer\.ws_connect-authorizer_/),
    });
    for (const k of ["$disconnect", "$default", "ping"]) {
      expect(byKey[k].authorization_type).toBe("NONE");
      expect(byKey[k].authorizer_id).toBeUndefined();
    }
    const perms = Object.values(resource.aws_lambda_permission as Json) as Json[];
    expect(perms.map((p) => [p.function_name, p.source_arn.replace(/^\$\{aws_apigatewayv2_api\.ws_api_[A-Z0-9]+\.execution_arn\}/, "API")]).sort()).toEqual([
      ["api-ws-connect", "API/*/$connect"],
      ["api-ws-disconnect", "API/*/$disconnect"],
      ["api-ws-message", "API/*/$default"],
      ["api-ws-message", "API/*/ping"],
      ["ws-authorizer", expect.stringMatching(/^API\/authorizers\/\$\{aws_apigatewayv2_authorizer\.ws_connect-authorizer_[A-Z0-9]+\.id\}$/)],
    ]);
  });

  it("has a named stage with access logs, throttling, and a callback URL", () => {
    let callback = "";
    const { resource } = synthJson((s) => {
      callback = new WebSocketApi(s, "ws", aerologue).callbackUrl;
    });
    expect(callback).toContain("TOKEN");
    const stage = only(resource.aws_apigatewayv2_stage, "stage");
    expect(stage).toMatchObject({
      name: "live",
      auto_deploy: true,
      default_route_settings: { throttling_burst_limit: 500, throttling_rate_limit: 200, detailed_metrics_enabled: true },
      access_log_settings: { destination_arn: expect.stringMatching(/aws_cloudwatch_log_group\.ws_access-logs_/) },
    });
    expect(stage.depends_on).toHaveLength(4);
    expect(only(resource.aws_cloudwatch_log_group, "group")).toMatchObject({
      name: "/aws/apigateway/aerologue-prod-ws-api",
      kms_key_id: KEY,
      retention_in_days: 30,
    });
  });

  it("grants execute-api:ManageConnections on the stage's @connections only", () => {
    const { data } = synthJson((s) => {
      const broadcaster = new LambdaFunction(s, "broadcast", {
        name: "ws-broadcast",
        runtime: "nodejs22.x",
        handler: "index.handler",
        code: { s3Bucket: "b", s3Key: "k" },
        kmsKeyArn: KEY,
        logging: { retentionDays: 30 },
      });
      new WebSocketApi(s, "ws", aerologue).grantManageConnections(broadcaster, ["POST", "DELETE"]);
    });
    const doc = Object.entries(data.aws_iam_policy_document as Json).find(([k]) => k.startsWith("broadcast_grant-ManageWebSocketConnections"))![1] as Json;
    const prefix = "\\$\\{aws_apigatewayv2_api\\.ws_api_[A-Z0-9]+\\.execution_arn\\}/\\$\\{aws_apigatewayv2_stage\\.ws_stage_[A-Z0-9]+\\.name\\}";
    expect(doc.statement).toEqual([
      {
        sid: "ManageWebSocketConnections",
        effect: "Allow",
        actions: ["execute-api:ManageConnections"],
        resources: [
          expect.stringMatching(new RegExp(`^${prefix}/POST/@connections/\\*$`)),
          expect.stringMatching(new RegExp(`^${prefix}/DELETE/@connections/\\*$`)),
        ],
      },
    ]);
  });

  it("requires an authorizer on $connect or an explicit opt-out", () => {
    expect(() => wsApi({ connectAuthorizer: undefined })).toThrow(
      'WebSocketApi "aerologue-prod-ws-api": $connect needs connectAuthorizer, or an explicit publicConnect: true',
    );
    const { resource } = wsApi({ connectAuthorizer: undefined, publicConnect: true });
    expect(resource.aws_apigatewayv2_authorizer).toBeUndefined();
  });

  it("scopes route permissions to its stage and keeps given statement ids (an API moving onto the construct)", () => {
    let target: WebSocketApi["customDomainTarget"];
    const { resource } = synthJson((s) => {
      const api = new WebSocketApi(s, "ws", {
        ...aerologue,
        routes: { $connect: { function: fn("connect"), permissionStatementId: "Allow-ws-connect" }, ping: fn("ping") },
        connectAuthorizer: { function: fn("ws-authorizer"), name: "jwt", permissionStatementId: "Allow-websocket-authorizer" },
        permissionScope: "stage-route",
        stageName: "v1",
        customDomain: { domainName: "ws.aerologue.app", certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/c" },
      });
      target = api.customDomainTarget;
    });
    const perms = Object.values(resource.aws_lambda_permission as Json) as Json[];
    expect(perms.map((p) => [p.statement_id, p.source_arn.replace(/^\$\{aws_apigatewayv2_api\.ws_api_[A-Z0-9]+\.execution_arn\}/, "API")]).sort()).toEqual([
      ["Allow-websocket-authorizer", expect.stringMatching(/^API\/authorizers\//)],
      ["Allow-ws-connect", "API/v1/$connect"],
      ["AllowWsApi-aerologue-prod-ws-api-ping", "API/v1/ping"],
    ]);
    expect(only(resource.aws_apigatewayv2_authorizer, "authorizer").name).toBe("jwt");
    expect(only(resource.aws_apigatewayv2_domain_name, "domain")).toMatchObject({
      domain_name: "ws.aerologue.app",
      domain_name_configuration: { endpoint_type: "REGIONAL", security_policy: "TLS_1_2" },
    });
    expect(only(resource.aws_apigatewayv2_api_mapping, "mapping").stage).toMatch(/^\$\{aws_apigatewayv2_stage\.ws_stage_[A-Z0-9]+\.id\}$/);
    expect(target?.dnsName).toContain("TOKEN");
    expect(target?.hostedZoneId).toContain("TOKEN");
  });

  it("has no custom domain target without a custom domain", () => {
    let api: WebSocketApi | undefined;
    synthJson((s) => {
      api = new WebSocketApi(s, "ws", aerologue);
    });
    expect(api?.customDomainTarget).toBeUndefined();
  });

  it("rejects bad permission settings with every reason, repeating the value", () => {
    expect(
      validateWebSocketApiProps({
        ...aerologue,
        routes: { $connect: { function: fn("c"), permissionStatementId: "has space" }, ping: fn("p") },
        connectAuthorizer: { function: fn("a"), permissionStatementId: "x".repeat(101) },
        permissionScope: "api" as "route",
        stageName: "v 1",
      }),
    ).toEqual([
      'stageName "v 1" must be 1-128 letters, digits, "-" or "_"',
      'permissionScope "api" must be "route" or "stage-route"',
      'routes["$connect"].permissionStatementId "has space" must be 1-100 letters, digits, "-" or "_"',
      `connectAuthorizer.permissionStatementId "${"x".repeat(101)}" must be 1-100 letters, digits, "-" or "_"`,
    ]);
  });
});
