import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer";
import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
import { ApiGatewayIntegrationResponse } from "@cdktf/provider-aws/lib/api-gateway-integration-response";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
import { ApiGatewayMethodResponse } from "@cdktf/provider-aws/lib/api-gateway-method-response";
import { ApiGatewayMethodSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { StackBuilder } from "@infra/core";
import { Certificate } from "@infra/dns";
import type { LambdaFunction } from "@infra/lambda";
import { WebAcl } from "@infra/waf";
import { createHash } from "node:crypto";
import type { RestApiInputs, RestFunction } from "../inputs";
import { EXTERNAL_API_SECRETS } from "../inputs";
import { FunctionFactory, appDependencies } from "./functions";
import type { ZoneOutputs } from "./edge";

type Method = "GET" | "POST" | "PATCH";

/** One REST route per domain function of seed 003's API diagram. `auth: false` only for the auth domain (it issues the tokens). */
export const REST_ROUTES: readonly { readonly fn: Exclude<RestFunction, "authorizer">; readonly method: Method; readonly path: string; readonly auth: boolean }[] = [
  { fn: "login", method: "POST", path: "/auth/login", auth: false },
  { fn: "register", method: "POST", path: "/auth/register", auth: false },
  { fn: "refresh", method: "POST", path: "/auth/refresh", auth: false },
  { fn: "createTeam", method: "POST", path: "/teams", auth: true },
  { fn: "updateTeam", method: "PATCH", path: "/teams/{teamId}", auth: true },
  { fn: "inviteMembers", method: "POST", path: "/teams/{teamId}/invitations", auth: true },
  { fn: "logActivity", method: "POST", path: "/activities", auth: true },
  { fn: "syncActivity", method: "POST", path: "/activities/sync", auth: true },
  { fn: "calculateRoute", method: "POST", path: "/map/routes", auth: true },
  { fn: "geocodeAddress", method: "GET", path: "/map/geocode", auth: true },
];

/** The unauthenticated health route (a MOCK integration) that Route 53 health checks call. */
export const HEALTH_PATH = "/health";

const DESCRIPTIONS: Record<RestFunction, string> = {
  authorizer: "Lambda authorizer: validates Cognito JWTs (REST TOKEN and WebSocket $connect REQUEST)",
  login: "auth: login",
  register: "auth: register",
  refresh: "auth: refresh tokens",
  createTeam: "team: create a team",
  updateTeam: "team: update a team",
  inviteMembers: "team: invite members",
  logActivity: "activity: log an activity (write path)",
  syncActivity: "activity: request a wearable sync",
  calculateRoute: "map: calculate a route (Mapbox, PostGIS)",
  geocodeAddress: "map: geocode an address (Mapbox)",
};

export interface RestApiOutputs {
  readonly restApiId: string;
  readonly restApiName: string;
  readonly stageName: string;
  /** `<id>.execute-api.<region>.amazonaws.com`: what the health checks call. */
  readonly executeApiHost: string;
  /** The regional custom domain's target, for alias / failover records. */
  readonly regionalDomainName: string;
  readonly regionalZoneId: string;
  readonly authorizer: LambdaFunction;
  readonly functions: Readonly<Record<RestFunction, LambdaFunction>>;
  readonly region: string;
}

/**
 * Seed 003 "REST API api.mile-quest.com": a regional REST API whose routes invoke the domain
 * functions through the JWT Lambda authorizer, a MOCK /health, access logs, X-Ray, throttling, a
 * regional custom domain (the origin CloudFront and the failover records point at) and a regional
 * WAF (the regional endpoint is reachable without CloudFront).
 */
export const buildRestApi: StackBuilder<RestApiInputs, RestApiOutputs> = (stack, inputs, ctx) => {
  const deps = appDependencies(ctx);
  const zone = ctx.dependency<ZoneOutputs>("dns");
  const factory = new FunctionFactory(stack, inputs, deps, ctx);
  const { keys, messaging, storage, secrets } = deps;
  const region = ctx.deployment.region.name;

  const fns = Object.fromEntries(
    (Object.keys(DESCRIPTIONS) as RestFunction[]).map((fn) => [fn, factory.create(fn, inputs.functions[fn], DESCRIPTIONS[fn])]),
  ) as Record<RestFunction, LambdaFunction>;

  // Least privilege, function by function (seed 003 "IAM Roles").
  factory.grantUserPool(fns.login, ["cognito-idp:AdminInitiateAuth", "cognito-idp:AdminGetUser"]);
  factory.grantTable(fns.login, "sessions", "readWrite");
  factory.grantUserPool(fns.register, ["cognito-idp:AdminGetUser"]);
  factory.grantTable(fns.register, "sessions", "readWrite");
  factory.grantDatabase(fns.register);
  factory.grantUserPool(fns.refresh, ["cognito-idp:AdminInitiateAuth"]);
  factory.grantTable(fns.refresh, "sessions", "readWrite");
  for (const fn of [fns.createTeam, fns.updateTeam]) {
    factory.grantDatabase(fn);
    factory.grantCache(fn);
    factory.grantPutEvents(fn);
  }
  factory.grantDatabase(fns.inviteMembers);
  messaging.teamEvents.grantPublish(fns.inviteMembers, "PublishTeamEvents");
  factory.grantDatabase(fns.logActivity);
  factory.grantPutEvents(fns.logActivity);
  messaging.activityQueue.grantSend(fns.logActivity, "SendActivity");
  factory.grant(fns.logActivity, "UserDataUploads", storage.userData.grantReadWrite("users/"));
  factory.grantDatabase(fns.syncActivity);
  messaging.activityQueue.grantSend(fns.syncActivity, "SendActivity");
  for (const fn of [fns.calculateRoute, fns.geocodeAddress]) {
    factory.grantDatabase(fn);
    factory.grantCache(fn);
    factory.grantSecret(fn, "ReadMapbox", `${secrets.prefix}/external/${EXTERNAL_API_SECRETS[2]}`);
  }

  const api = new ApiGatewayRestApi(stack, "api", {
    name: inputs.name,
    description: "Mile Quest REST API (seed 003)",
    endpointConfiguration: { types: ["REGIONAL"] },
    disableExecuteApiEndpoint: false,
    tags: { Name: inputs.name },
  });
  const authorizer = new ApiGatewayAuthorizer(stack, "jwt-authorizer", {
    name: "jwt",
    restApiId: api.id,
    type: "TOKEN",
    authorizerUri: fns.authorizer.invokeArn,
    identitySource: "method.request.header.Authorization",
    authorizerResultTtlInSeconds: inputs.authorizerCacheSeconds,
  });
  fns.authorizer.allowInvokeFrom("rest-authorizer", "apigateway.amazonaws.com", `${api.executionArn}/authorizers/${authorizer.id}`);

  // Resources: one per path segment, shared by routes.
  const resources = new Map<string, string>([["", api.rootResourceId]]);
  const resourceFor = (path: string): string => {
    const segments = path.split("/").filter(Boolean);
    let current = "";
    for (const segment of segments) {
      const parent = current;
      current = `${current}/${segment}`;
      if (!resources.has(current)) {
        const id = `resource${current.replace(/[{}]/g, "").replace(/\//g, "-")}`;
        resources.set(current, new ApiGatewayResource(stack, id, { restApiId: api.id, parentId: resources.get(parent)!, pathPart: segment }).id);
      }
    }
    return resources.get(current)!;
  };

  const triggers: unknown[] = [];
  const dependsOn: (ApiGatewayMethod | ApiGatewayIntegration | ApiGatewayIntegrationResponse)[] = [];
  for (const route of REST_ROUTES) {
    const id = `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, "").replace(/\//g, "-")}`;
    const method = new ApiGatewayMethod(stack, `method-${id}`, {
      restApiId: api.id,
      resourceId: resourceFor(route.path),
      httpMethod: route.method,
      authorization: route.auth ? "CUSTOM" : "NONE",
      authorizerId: route.auth ? authorizer.id : undefined,
    });
    const integration = new ApiGatewayIntegration(stack, `integration-${id}`, {
      restApiId: api.id,
      resourceId: method.resourceId,
      httpMethod: method.httpMethod,
      type: "AWS_PROXY",
      integrationHttpMethod: "POST",
      uri: fns[route.fn].invokeArn,
    });
    fns[route.fn].allowInvokeFrom(`rest-${id}`, "apigateway.amazonaws.com", `${api.executionArn}/*/${route.method}${route.path.replace(/\{[^}]+\}/g, "*")}`);
    dependsOn.push(method, integration);
    triggers.push(route);
  }
  const health = new ApiGatewayMethod(stack, "method-get-health", { restApiId: api.id, resourceId: resourceFor(HEALTH_PATH), httpMethod: "GET", authorization: "NONE" });
  const healthIntegration = new ApiGatewayIntegration(stack, "integration-get-health", {
    restApiId: api.id,
    resourceId: health.resourceId,
    httpMethod: health.httpMethod,
    type: "MOCK",
    requestTemplates: { "application/json": '{"statusCode": 200}' },
  });
  const healthResponse = new ApiGatewayMethodResponse(stack, "health-200", { restApiId: api.id, resourceId: health.resourceId, httpMethod: health.httpMethod, statusCode: "200" });
  const healthIntegrationResponse = new ApiGatewayIntegrationResponse(stack, "health-integration-200", {
    restApiId: api.id,
    resourceId: health.resourceId,
    httpMethod: health.httpMethod,
    statusCode: healthResponse.statusCode,
    responseTemplates: { "application/json": `{"status":"ok","region":"${region}"}` },
    dependsOn: [healthIntegration],
  });
  dependsOn.push(health, healthIntegration, healthIntegrationResponse);
  triggers.push({ health: HEALTH_PATH });

  const deployment = new ApiGatewayDeployment(stack, "deployment", {
    restApiId: api.id,
    description: "Mile Quest REST API routes",
    // A new deployment whenever the route table changes (deterministic: a hash of the config).
    triggers: { redeployment: createHash("sha256").update(JSON.stringify(triggers)).digest("hex") },
    lifecycle: { createBeforeDestroy: true },
    dependsOn,
  });

  // Access logging needs the account's API Gateway CloudWatch role: a per-region account setting
  // owned by the account foundation (which this stack deploys after), never by a workload.
  const accessLogs = new CloudwatchLogGroup(stack, "access-logs", {
    name: `/aws/apigateway/${inputs.name}/access`,
    retentionInDays: inputs.logRetentionDays,
    kmsKeyId: keys.logs.keyArn,
  });
  keys.logs.allowCloudWatchLogs(accessLogs);
  const stage = new ApiGatewayStage(stack, "stage", {
    restApiId: api.id,
    stageName: inputs.stageName,
    deploymentId: deployment.id,
    xrayTracingEnabled: true,
    accessLogSettings: {
      destinationArn: accessLogs.arn,
      format: JSON.stringify({
        requestId: "$context.requestId",
        ip: "$context.identity.sourceIp",
        method: "$context.httpMethod",
        path: "$context.resourcePath",
        status: "$context.status",
        latency: "$context.responseLatency",
        integrationError: "$context.integration.error",
        principal: "$context.authorizer.principalId",
      }),
    },
    tags: { Name: `${inputs.name}-${inputs.stageName}` },
  });
  new ApiGatewayMethodSettings(stack, "throttling", {
    restApiId: api.id,
    stageName: stage.stageName,
    methodPath: "*/*",
    settings: {
      throttlingRateLimit: inputs.throttle.rateLimit,
      throttlingBurstLimit: inputs.throttle.burstLimit,
      metricsEnabled: true,
      loggingLevel: "OFF",
      dataTraceEnabled: false,
    },
  });

  // The regional custom domain: CloudFront's origin and the failover records' target.
  const certificate = new Certificate(stack, "origin-certificate", { domainName: inputs.originDomain, zoneId: zone.zoneId });
  const domain = new ApiGatewayDomainName(stack, "origin-domain", {
    domainName: inputs.originDomain,
    regionalCertificateArn: certificate.certificateArn,
    endpointConfiguration: { types: ["REGIONAL"] },
    securityPolicy: "TLS_1_2",
    tags: { Name: inputs.originDomain },
  });
  new ApiGatewayBasePathMapping(stack, "origin-mapping", { apiId: api.id, stageName: stage.stageName, domainName: domain.domainName });

  const waf = new WebAcl(stack, "regional-waf", {
    name: `${inputs.name}-regional`,
    scope: "REGIONAL",
    description: "Mile Quest REST API stage, regional endpoint",
    managedRuleGroups: [
      { name: "AWSManagedRulesAmazonIpReputationList" },
      { name: "AWSManagedRulesCommonRuleSet" },
      { name: "AWSManagedRulesKnownBadInputsRuleSet" },
      { name: "AWSManagedRulesSQLiRuleSet" },
    ],
    xssRule: true,
    rateLimit: { limit: inputs.wafRateLimitPer5Min },
    logging: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
  });
  waf.associate("stage", stage.arn);

  return {
    restApiId: api.id,
    restApiName: api.name,
    stageName: stage.stageName,
    executeApiHost: `${api.id}.execute-api.${region}.amazonaws.com`,
    regionalDomainName: domain.regionalDomainName,
    regionalZoneId: domain.regionalZoneId,
    authorizer: fns.authorizer,
    functions: fns,
    region,
  };
};
