import { describe, expect, it } from "vitest";
import { REST_ACCESS_LOG_FORMAT } from "./common";
import { RestApi, type RestApiProps } from "./rest-api";
import { methodSettingsPath, planRestResources, validateRestPath } from "./rest-paths";
import { type Json, only, synthWith } from "@infra/testing-core/blocks";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/abc";
const fn = (name: string) => ({ functionName: name, functionArn: `arn:aws:lambda:us-east-1:111111111111:function:${name}`, invokeArn: `invoke:${name}` });

// Seed 003 Mile Quest: Lambda authorizer (JWT validation) in front of functions by domain.
const mileQuest: RestApiProps = {
  name: "mile-quest-prod-api",
  integrations: { auth: fn("auth"), teams: fn("teams"), activities: fn("activities") },
  routes: [
    { path: "/auth/login", method: "POST", integration: "auth", public: true },
    { path: "/auth/register", method: "POST", integration: "auth", public: true },
    { path: "/teams", method: "POST", integration: "teams" },
    { path: "/teams/{teamId}", method: "PUT", integration: "teams" },
    { path: "/teams/{teamId}/invites", method: "POST", integration: "teams", throttling: { burstLimit: 20, rateLimit: 5 } },
    { path: "/activities/{proxy+}", method: "ANY", integration: "activities" },
  ],
  authorizer: { type: "TOKEN", function: fn("jwt-authorizer") },
  throttling: { burstLimit: 200, rateLimit: 100 },
  accessLogs: { retentionDays: 30, kmsKeyArn: KEY },
  webAclArn: "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/mile-quest/1",
};
const restApi = synthWith(RestApi, "api", mileQuest);

describe("rest paths", () => {
  it("plans parents before children, once each", () => {
    expect(planRestResources(["/teams/{teamId}/invites", "/teams", "/auth/login", "/"])).toEqual([
      { path: "/auth", parentPath: "/", pathPart: "auth" },
      { path: "/teams", parentPath: "/", pathPart: "teams" },
      { path: "/auth/login", parentPath: "/auth", pathPart: "login" },
      { path: "/teams/{teamId}", parentPath: "/teams", pathPart: "{teamId}" },
      { path: "/teams/{teamId}/invites", parentPath: "/teams/{teamId}", pathPart: "invites" },
    ]);
  });
  it("validates paths and builds method settings paths", () => {
    expect(validateRestPath("/a/{id}/b")).toBeUndefined();
    expect(validateRestPath("a/b")).toBe('path "a/b" must start with "/" and not end with one');
    expect(validateRestPath("/a/{proxy+}/b")).toBe('path "/a/{proxy+}/b": a greedy {param+} must be the last segment');
    expect(validateRestPath("/a b")).toMatch(/has an invalid segment "a b"/);
    expect(methodSettingsPath("/teams/{teamId}/invites", "POST")).toBe("teams/{teamId}/invites/POST");
    expect(methodSettingsPath("/activities/{proxy+}", "ANY")).toBe("activities/{proxy+}/*");
  });
});

describe("RestApi", () => {
  it("builds the resource tree and methods: authorizer on all but public routes", () => {
    const { resource } = restApi();
    expect(only(resource.aws_api_gateway_rest_api, "api")).toMatchObject({ name: "mile-quest-prod-api", endpoint_configuration: { types: ["REGIONAL"] } });
    const resources = Object.values(resource.aws_api_gateway_resource as Json) as Json[];
    expect(resources.map((r) => r.path_part).sort()).toEqual(["activities", "auth", "invites", "login", "register", "teams", "{proxy+}", "{teamId}"]);
    const methods = Object.values(resource.aws_api_gateway_method as Json) as Json[];
    expect(methods).toHaveLength(6);
    const secured = methods.filter((m) => m.authorization === "CUSTOM");
    expect(secured).toHaveLength(4);
    for (const m of secured) expect(m.authorizer_id).toMatch(/^\$\{aws_api_gateway_authorizer\.api_authorizer_[A-Z0-9]+\.id\}$/);
    expect(methods.filter((m) => m.authorization === "NONE").map((m) => m.http_method)).toEqual(["POST", "POST"]);
    expect(methods.find((m) => m.http_method === "ANY")!.request_parameters).toEqual({ "method.request.path.proxy": true });
    expect(only(resource.aws_api_gateway_authorizer, "authorizer")).toMatchObject({
      type: "TOKEN",
      authorizer_uri: "invoke:jwt-authorizer",
      identity_source: "method.request.header.Authorization",
      authorizer_result_ttl_in_seconds: 300,
    });
    const integrations = Object.values(resource.aws_api_gateway_integration as Json) as Json[];
    expect(integrations).toHaveLength(6);
    for (const i of integrations) expect(i).toMatchObject({ type: "AWS_PROXY", integration_http_method: "POST", uri: expect.stringMatching(/^invoke:/) });
  });

  it("scopes each function's invoke permission to the method and path of its routes, and the authorizer to itself", () => {
    const { resource } = restApi();
    const perms = Object.values(resource.aws_lambda_permission as Json) as Json[];
    const api = /^\$\{aws_api_gateway_rest_api\.api_[A-Z0-9]+\.execution_arn\}/;
    expect(perms.map((p) => [p.function_name, p.source_arn.replace(api, "API")]).sort()).toEqual([
      ["activities", "API/*/*/activities/*"],
      ["auth", "API/*/POST/auth/login"],
      ["auth", "API/*/POST/auth/register"],
      ["jwt-authorizer", expect.stringMatching(/^API\/authorizers\/\$\{aws_api_gateway_authorizer\.api_authorizer_[A-Z0-9]+\.id\}$/)],
      ["teams", "API/*/POST/teams"],
      ["teams", "API/*/POST/teams/*/invites"],
      ["teams", "API/*/PUT/teams/*"],
    ]);
    expect(perms.map((p) => p.statement_id).sort()).toContain("AllowRestApi-mile-quest-prod-api-POST-teams-teamId-invites");
  });

  it("grants each permission on the alias a target names (a permission on the bare function does not cover an alias)", () => {
    const alias = (name: string) => ({ ...fn(name), invokeArn: `invoke:${name}:live`, qualifier: "live" });
    const { resource } = restApi({
      integrations: { auth: alias("auth"), teams: alias("teams"), activities: alias("activities") },
      authorizer: { type: "TOKEN", function: alias("jwt-authorizer") },
    });
    const perms = Object.values(resource.aws_lambda_permission as Json) as Json[];
    expect(perms).toHaveLength(7);
    for (const p of perms) expect(p.qualifier).toBe("live");
    for (const i of Object.values(resource.aws_api_gateway_integration as Json) as Json[]) expect(i.uri).toMatch(/^invoke:\w+:live$/);
    const { resource: bare } = restApi();
    for (const p of Object.values(bare.aws_lambda_permission as Json) as Json[]) expect(p.qualifier).toBeUndefined();
  });

  it("keeps given statement ids, and grants whole-API permissions per integration with permissionScope api", () => {
    const kept = restApi({
      authorizer: { ...mileQuest.authorizer!, permissionStatementId: "Allow-rest-authorizer" },
      routes: [{ path: "/teams", method: "POST", integration: "teams", permissionStatementId: "Allow-rest-post-teams" }],
    });
    expect((Object.values(kept.resource.aws_lambda_permission as Json) as Json[]).map((p) => p.statement_id).sort()).toEqual([
      "Allow-rest-authorizer",
      "Allow-rest-post-teams",
    ]);
    const { resource } = restApi({ permissionScope: "api" });
    const perms = Object.values(resource.aws_lambda_permission as Json) as Json[];
    expect(
      perms
        .filter((p) => p.function_name !== "jwt-authorizer")
        .map((p) => [p.function_name, p.source_arn.replace(/^\$\{[^}]+\}/, "API")])
        .sort(),
    ).toEqual([
      ["activities", "API/*"],
      ["auth", "API/*"],
      ["teams", "API/*"],
    ]);
  });

  it("puts a request validator on every method: body and parameters with a model, parameters otherwise", () => {
    const teamModel = { name: "TeamInput", schema: { type: "object", required: ["name"], properties: { name: { type: "string", minLength: 1 } } } };
    const { resource } = restApi({
      routes: [
        { path: "/teams", method: "POST", integration: "teams", requestModel: teamModel },
        { path: "/teams/{teamId}", method: "PUT", integration: "teams", requestModel: teamModel },
        { path: "/map/geocode", method: "GET", integration: "teams", requiredParameters: { queryStrings: ["q"], headers: ["X-Client"] } },
        { path: "/activities/{proxy+}", method: "ANY", integration: "activities" },
      ],
    });
    const validators = Object.entries(resource.aws_api_gateway_request_validator as Json).map(([k, v]) => [k.replace(/_[A-Z0-9]+$/, ""), v]);
    expect(Object.fromEntries(validators)).toEqual({
      "api_validator-body-and-params": {
        name: "body-and-params",
        rest_api_id: expect.any(String),
        validate_request_body: true,
        validate_request_parameters: true,
      },
      "api_validator-params": { name: "params", rest_api_id: expect.any(String), validate_request_body: false, validate_request_parameters: true },
    });
    const model = only(resource.aws_api_gateway_model, "model");
    expect(model).toMatchObject({ name: "TeamInput", content_type: "application/json" });
    expect(JSON.parse(model.schema)).toEqual({ $schema: "http://json-schema.org/draft-04/schema#", title: "TeamInput", ...teamModel.schema });
    const methods = Object.values(resource.aws_api_gateway_method as Json) as Json[];
    expect(methods).toHaveLength(4);
    for (const m of methods) expect(m.request_validator_id).toMatch(/^\$\{aws_api_gateway_request_validator\.api_validator-/);
    const byMethod = Object.fromEntries(methods.map((m) => [m.http_method, m]));
    expect(byMethod.POST!.request_validator_id).toMatch(/validator-body-and-params/);
    expect(byMethod.POST!.request_models).toEqual({
      "application/json": expect.stringMatching(/^\$\{aws_api_gateway_model\.api_model-TeamInput_[A-Z0-9]+\.name\}$/),
    });
    expect(byMethod.PUT!.request_parameters).toEqual({ "method.request.path.teamId": true });
    expect(byMethod.GET!.request_validator_id).toMatch(/validator-params/);
    expect(byMethod.GET!.request_parameters).toEqual({ "method.request.querystring.q": true, "method.request.header.X-Client": true });
    expect(byMethod.ANY!.request_parameters).toEqual({ "method.request.path.proxy": true });
  });

  it("creates the execution log group (retention, CMK) before execution logging is turned on; none when OFF", () => {
    const { resource } = restApi({ loggingLevel: "INFO" });
    const groups = Object.entries(resource.aws_cloudwatch_log_group as Json);
    const [execId, exec] = groups.find(([k]) => k.includes("execution-logs"))!;
    expect(exec).toMatchObject({
      name: expect.stringMatching(
        /^API-Gateway-Execution-Logs_\$\{aws_api_gateway_rest_api\.api_[A-Z0-9]+\.id\}\/\$\{aws_api_gateway_stage\.api_stage_[A-Z0-9]+\.stage_name\}$/,
      ),
      retention_in_days: 30,
      kms_key_id: KEY,
    });
    const settings = Object.values(resource.aws_api_gateway_method_settings as Json) as Json[];
    expect(settings).toHaveLength(2);
    for (const x of settings) {
      expect(x.settings.logging_level).toBe("INFO");
      expect(x.depends_on).toEqual([`aws_cloudwatch_log_group.${execId}`]);
    }
    const off = restApi({ loggingLevel: "OFF", routes: mileQuest.routes.slice(0, 1) });
    expect(Object.keys(off.resource.aws_cloudwatch_log_group as Json).filter((k) => k.includes("execution-logs"))).toEqual([]);
  });

  it("keeps an existing access log group name when given", () => {
    const { resource } = restApi({ accessLogs: { ...mileQuest.accessLogs, logGroupName: "/aws/apigateway/mq/access" } });
    expect((Object.values(resource.aws_cloudwatch_log_group as Json) as Json[]).map((g) => g.name)).toContain("/aws/apigateway/mq/access");
  });

  it("deploys on change to a traced stage with access logs, throttling, per-method override and WAF", () => {
    const { resource } = restApi();
    const deployment = only(resource.aws_api_gateway_deployment, "deployment");
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    expect(deployment.triggers.redeployment).toMatch(/^\$\{sha1\(jsonencode\(\[/);
    expect(deployment.depends_on).toHaveLength(12);
    expect(deployment.triggers.redeployment).toContain("request_validator_id");
    const stage = only(resource.aws_api_gateway_stage, "stage");
    expect(stage).toMatchObject({
      stage_name: "v1",
      xray_tracing_enabled: true,
      access_log_settings: { destination_arn: expect.stringMatching(/aws_cloudwatch_log_group\.api_access-logs_/), format: REST_ACCESS_LOG_FORMAT },
      deployment_id: expect.stringMatching(/aws_api_gateway_deployment\.api_deployment_/),
    });
    const settings = Object.values(resource.aws_api_gateway_method_settings as Json) as Json[];
    expect(settings.map((x) => [x.method_path, x.settings.throttling_burst_limit, x.settings.throttling_rate_limit]).sort()).toEqual([
      ["*/*", 200, 100],
      ["teams/{teamId}/invites/POST", 20, 5],
    ]);
    for (const x of settings) expect(x.settings).toMatchObject({ metrics_enabled: true, logging_level: "ERROR", data_trace_enabled: false });
    expect(only(resource.aws_wafv2_web_acl_association, "waf")).toEqual({
      resource_arn: expect.stringMatching(/^\$\{aws_api_gateway_stage\.api_stage_[A-Z0-9]+\.arn\}$/),
      web_acl_arn: "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/mile-quest/1",
    });
  });

  it("maps a custom domain with TLS 1.2 and alias records", () => {
    const { resource } = restApi({ customDomain: { domainName: "api.mile-quest.com", certificateArn: "arn:cert", zoneId: "Z1" } });
    expect(only(resource.aws_api_gateway_domain_name, "domain")).toMatchObject({
      domain_name: "api.mile-quest.com",
      regional_certificate_arn: "arn:cert",
      security_policy: "TLS_1_2",
      endpoint_configuration: { types: ["REGIONAL"] },
    });
    expect(only(resource.aws_api_gateway_base_path_mapping, "mapping").stage_name).toMatch(/aws_api_gateway_stage\.api_stage_[A-Z0-9]+\.stage_name/);
    const aliases = Object.values(resource.aws_route53_record as Json) as Json[];
    expect(aliases[0]!.alias).toMatchObject({ name: expect.stringMatching(/regional_domain_name/), zone_id: expect.stringMatching(/regional_zone_id/) });
  });

  it("refuses duplicate routes, unknown integrations and unauthorized routes", () => {
    expect(() =>
      restApi({
        authorizer: undefined,
        routes: [
          { path: "/x", method: "GET", integration: "teams", public: true },
          { path: "/x", method: "GET", integration: "ghost", public: true },
          { path: "/y", method: "GET", integration: "teams" },
        ],
      }),
    ).toThrow(
      'RestApi "mile-quest-prod-api": routes repeat: GET /x; route "GET /x" uses integration "ghost", not one of: auth, teams, activities; route "GET /y" needs the authorizer (set authorizer) or an explicit public: true',
    );
  });

  it("refuses bad models and parameters, naming the route and value", () => {
    expect(() =>
      restApi({
        routes: [
          { path: "/a", method: "POST", integration: "teams", requestModel: { name: "Team-Input", schema: { type: "object" } } },
          { path: "/b", method: "POST", integration: "teams", requestModel: { name: "Body", schema: { type: "object" } } },
          { path: "/c", method: "POST", integration: "teams", requestModel: { name: "Body", schema: { type: "array" } } },
          {
            path: "/d",
            method: "GET",
            integration: "teams",
            requestModel: { name: "Body", schema: { type: "object" } },
            requiredParameters: { queryStrings: ["a b"], headers: ["X:Y"] },
          },
        ],
      }),
    ).toThrow(
      'RestApi "mile-quest-prod-api": requestModel name "Team-Input" must be 1-128 letters or digits (API Gateway\'s model name rule); requestModel "Body" is declared with 2 different schemas; route "GET /d": query string "a b" must be letters, digits, . _ ~ or -; route "GET /d": header "X:Y" is not a valid header name; route "GET /d" has a requestModel, but a GET has no body',
    );
  });
});
