import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { type LambdaTarget, permissionStatementId } from "@infra/lambda";
import type { Construct } from "constructs";
import { type AccessLogs, type CustomDomain, HTTP_ACCESS_LOG_FORMAT, type Throttling, apiInvokePermission, commonErrors, idOf } from "./common";
import { GatewayApi } from "./gateway-api";
import { v2Stage } from "./v2-stage";

export interface HttpCors {
  /**
   * Exact origins ("https://aerologue.app", "http://localhost:3000") or the only wildcards API
   * Gateway accepts: "*", "https://*", "http://*". Partial wildcards ("https://*.example.com",
   * "http://localhost:*") are not origins API Gateway matches: list each origin.
   */
  readonly allowOrigins: readonly string[];
  /** @default ["GET", "POST", "PUT", "DELETE", "OPTIONS"] */
  readonly allowMethods?: readonly string[];
  /** @default ["Authorization", "Content-Type"] */
  readonly allowHeaders?: readonly string[];
  /** @default [] */
  readonly exposeHeaders?: readonly string[];
  /** Seconds browsers cache the preflight. @default 3600 */
  readonly maxAgeSeconds?: number;
  /** @default false */
  readonly allowCredentials?: boolean;
}

export interface JwtAuthorizer {
  /** Cognito: `https://cognito-idp.<region>.amazonaws.com/<poolId>` (UserPool.issuerUrl). */
  readonly issuer: string;
  /** Accepted `aud` / `client_id` values: the app client ids. */
  readonly audience: readonly string[];
  /** @default "$request.header.Authorization" */
  readonly identitySource?: string;
  /** @default "jwt" */
  readonly name?: string;
}

export interface HttpIntegration {
  readonly function: LambdaTarget;
  /** 50..30000 ms. @default 30000 */
  readonly timeoutMilliseconds?: number;
}

export interface HttpRoute {
  /** Key of `integrations`. */
  readonly integration: string;
  /**
   * Explicit opt-out from the JWT authorizer (health checks). Every other route requires a
   * valid token. @default false
   */
  readonly public?: boolean;
  /** OAuth scopes the token must carry. @default [] */
  readonly scopes?: readonly string[];
  /** Override the stage's default throttling for this route. @default the stage default */
  readonly throttling?: Throttling;
}

export interface HttpApiProps {
  /** API name, e.g. "aerologue-prod-rest-api"; also names the log group. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** @default none (no CORS headers) */
  readonly cors?: HttpCors;
  /** Required unless every route is public. @default none */
  readonly jwtAuthorizer?: JwtAuthorizer;
  /** Lambda integrations (payload format 2.0) by id. */
  readonly integrations: Readonly<Record<string, HttpIntegration>>;
  /** Routes by route key, e.g. "ANY /api/v1/flights/{proxy+}", "GET /api/v1/health", "$default". */
  readonly routes: Readonly<Record<string, HttpRoute>>;
  /** @default "$default" */
  readonly stageName?: string;
  /** Default route throttling of the stage. */
  readonly throttling: Throttling;
  readonly accessLogs: AccessLogs;
  /** Per-route CloudWatch metrics. @default true */
  readonly detailedMetrics?: boolean;
  /** @default none */
  readonly customDomain?: CustomDomain;
  /** Force clients through the custom domain. @default false */
  readonly disableExecuteApiEndpoint?: boolean;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const ROUTE_KEY = /^((ANY|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \/[^\s]*|\$default)$/;

/** The allowOrigins forms API Gateway HTTP APIs accept (developer guide, "Configuring CORS for an HTTP API"). */
const WHOLE_WILDCARDS = ["*", "https://*", "http://*"];
const EXACT_ORIGIN = /^https?:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/;

/** Why `origin` is not an allowOrigins entry API Gateway matches, or undefined. Pure. */
export function corsOriginError(origin: string): string | undefined {
  if (WHOLE_WILDCARDS.includes(origin) || EXACT_ORIGIN.test(origin)) return undefined;
  const hint = origin.includes("*")
    ? 'API Gateway matches only "*", "https://*", "http://*" or exact origins: list each origin (e.g. "https://www.example.com", "http://localhost:3000")'
    : 'an origin is scheme://host[:port], lower-case, without path or trailing "/"';
  return `CORS origin "${origin}" is not accepted: ${hint}`;
}

/**
 * A route that requires a token and receives the browser's preflight: `OPTIONS` carries no
 * Authorization header, so the JWT authorizer answers 401 and the browser blocks the real
 * request. API Gateway answers preflight from the API's CORS configuration only when no route
 * matches `OPTIONS <path>`; an `ANY` or `$default` route matches it.
 */
function capturesPreflight(key: string, route: HttpRoute, routes: Readonly<Record<string, HttpRoute>>): boolean {
  if (route.public) return false;
  if (key.startsWith("OPTIONS ")) return true;
  if (key === "$default") return routes["OPTIONS /{proxy+}"]?.public !== true;
  if (key.startsWith("ANY ")) return routes[`OPTIONS ${key.slice(4)}`]?.public !== true;
  return false;
}

/** Every validation error for a set of HTTP API props. Pure. */
export function validateHttpApiProps(props: HttpApiProps): string[] {
  const integrations = Object.keys(props.integrations);
  const routes = Object.entries(props.routes);
  const c = props.cors;
  return [
    ...commonErrors(props.name, props.throttling, props.accessLogs),
    routes.length === 0 ? "at least one route is required" : undefined,
    ...routes.flatMap(([key, r]) => [
      ROUTE_KEY.test(key) ? undefined : `route key "${key}" must be "<METHOD> /path" or "$default"`,
      integrations.includes(r.integration) ? undefined : `route "${key}" uses integration "${r.integration}", not one of: ${integrations.join(", ")}`,
      !r.public && !props.jwtAuthorizer ? `route "${key}" needs the JWT authorizer (set jwtAuthorizer) or an explicit public: true` : undefined,
      r.public && (r.scopes ?? []).length > 0 ? `route "${key}" is public and cannot require scopes` : undefined,
    ]),
    ...Object.entries(props.integrations).map(([id, i]) => {
      const t = i.timeoutMilliseconds;
      return t !== undefined && (t < 50 || t > 30000) ? `integration "${id}": timeoutMilliseconds ${t} must be 50..30000` : undefined;
    }),
    c?.allowCredentials && c.allowOrigins.includes("*") ? 'CORS cannot allow credentials with origin "*"' : undefined,
    ...(c?.allowOrigins ?? []).map(corsOriginError),
    ...(c
      ? routes
          .filter(([key, r]) => capturesPreflight(key, r, props.routes))
          .map(
            ([key]) =>
              `route "${key}" requires a JWT and would receive the browsers' CORS preflight (OPTIONS has no token: 401): ` +
              "declare the methods instead (GET, POST, ... of the path) so API Gateway answers preflight from cors, or add a public OPTIONS route for the path",
          )
      : []),
    props.jwtAuthorizer && props.jwtAuthorizer.audience.length === 0 ? "jwtAuthorizer.audience needs at least one client id" : undefined,
  ].filter((e): e is string => e !== undefined);
}

/**
 * An API Gateway HTTP API: Lambda proxy integrations (payload 2.0) with invoke permissions scoped
 * to this API, a JWT authorizer on every route unless a route says `public: true`, CORS, an
 * auto-deployed stage with JSON access logs and default throttling, and an optional custom domain.
 * HTTP APIs have no X-Ray tracing and no WAF association (AWS limits): put CloudFront + WAF in front.
 */
export class HttpApi extends GatewayApi {
  readonly apiId: string;
  readonly apiEndpoint: string;

  constructor(scope: Construct, id: string, props: HttpApiProps) {
    super(scope, id, "HttpApi", props, validateHttpApiProps(props));
    const tags = this.tags;
    const c = props.cors;

    const api = new Apigatewayv2Api(this, "api", {
      name: props.name,
      description: props.description,
      protocolType: "HTTP",
      disableExecuteApiEndpoint: props.disableExecuteApiEndpoint ?? false,
      corsConfiguration: c
        ? {
            allowOrigins: [...c.allowOrigins],
            allowMethods: [...(c.allowMethods ?? ["GET", "POST", "PUT", "DELETE", "OPTIONS"])],
            allowHeaders: [...(c.allowHeaders ?? ["Authorization", "Content-Type"])],
            exposeHeaders: c.exposeHeaders ? [...c.exposeHeaders] : undefined,
            maxAge: c.maxAgeSeconds ?? 3600,
            allowCredentials: c.allowCredentials ?? false,
          }
        : undefined,
      tags,
    });
    this.apiId = api.id;
    this.apiEndpoint = api.apiEndpoint;

    const jwt = props.jwtAuthorizer;
    const authorizer = jwt
      ? new Apigatewayv2Authorizer(this, "jwt-authorizer", {
          apiId: api.id,
          name: jwt.name ?? "jwt",
          authorizerType: "JWT",
          identitySources: [jwt.identitySource ?? "$request.header.Authorization"],
          jwtConfiguration: { issuer: jwt.issuer, audience: [...jwt.audience] },
        })
      : undefined;

    const integrationIds = new Map<string, string>();
    for (const [intId, integration] of Object.entries(props.integrations)) {
      const resource = new Apigatewayv2Integration(this, `integration-${intId}`, {
        apiId: api.id,
        integrationType: "AWS_PROXY",
        integrationMethod: "POST",
        integrationUri: integration.function.invokeArn,
        payloadFormatVersion: "2.0",
        timeoutMilliseconds: integration.timeoutMilliseconds ?? 30000,
      });
      integrationIds.set(intId, resource.id);
      // Only this API (any stage, route and method) may invoke the function.
      apiInvokePermission(
        this,
        `integration-${intId}-permission`,
        integration.function,
        permissionStatementId("AllowHttpApi", props.name, intId),
        `${api.executionArn}/*`,
      );
    }

    const routes: Apigatewayv2Route[] = [];
    for (const [key, route] of Object.entries(props.routes)) {
      const secured = !route.public;
      const r = new Apigatewayv2Route(this, `route-${idOf(key)}`, {
        apiId: api.id,
        routeKey: key,
        target: `integrations/${integrationIds.get(route.integration)}`,
        authorizationType: secured ? "JWT" : "NONE",
        authorizerId: secured ? authorizer!.id : undefined,
        authorizationScopes: secured && route.scopes && route.scopes.length > 0 ? [...route.scopes] : undefined,
      });
      routes.push(r);
    }

    const detailed = props.detailedMetrics ?? true;
    const stage = v2Stage(this, {
      apiId: api.id,
      apiName: props.name,
      stageName: props.stageName ?? "$default",
      accessLogs: props.accessLogs,
      accessLogFormat: HTTP_ACCESS_LOG_FORMAT,
      throttling: props.throttling,
      detailedMetrics: detailed,
      routeSettings: Object.entries(props.routes)
        .filter(([, r]) => r.throttling)
        .map(([routeKey, r]) => ({
          routeKey,
          throttlingBurstLimit: r.throttling!.burstLimit,
          throttlingRateLimit: r.throttling!.rateLimit,
          detailedMetricsEnabled: detailed,
        })),
      customDomain: props.customDomain,
      tags,
      // Route settings name routes by key: they must exist first.
      dependsOn: Object.values(props.routes).some((r) => r.throttling) ? routes : undefined,
    });
    this.expose({ ...stage, executionArn: api.executionArn, authorizerId: authorizer?.id });
  }
}
