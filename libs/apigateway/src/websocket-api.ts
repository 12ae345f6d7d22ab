import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { type GrantOptions, type Grantee, grantStatements } from "@infra/iam";
import { type LambdaTarget, permissionStatementId } from "@infra/lambda";
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { type AccessLogs, type CustomDomain, type Throttling, WEBSOCKET_ACCESS_LOG_FORMAT, apiInvokePermission, commonErrors, idOf } from "./common";
import { GatewayApi } from "./gateway-api";
import { v2Stage } from "./v2-stage";

export interface WebSocketAuthorizer {
  /** A Lambda REQUEST authorizer (WebSocket APIs take no JWT authorizers). */
  readonly function: LambdaTarget;
  /** Where the token is read on $connect. @default ["route.request.querystring.token"] (browsers cannot set headers on WebSocket upgrade) */
  readonly identitySources?: readonly string[];
  /** @default "connect-authorizer" */
  readonly name?: string;
  /** Statement id of the authorizer's invoke permission; set it to keep an existing permission when an API moves onto this construct. @default "AllowWsAuthorizer-<api name>" */
  readonly permissionStatementId?: string;
}

/** A route's Lambda integration, with what its invoke permission is called. */
export interface WebSocketRoute {
  readonly function: LambdaTarget;
  /** Statement id of the route's invoke permission; set it to keep an existing permission when a route moves onto this construct. @default "AllowWsApi-<api name>-<route key>" */
  readonly permissionStatementId?: string;
}

export interface WebSocketApiProps {
  /** e.g. "aerologue-prod-ws-api"; also names the log group. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** @default "$request.body.action" */
  readonly routeSelectionExpression?: string;
  /** Lambda integrations by route key: "$connect", "$disconnect", "$default", or custom actions. */
  readonly routes: Readonly<Record<string, LambdaTarget | WebSocketRoute>>;
  /**
   * What each route's invoke permission allows: "route" any stage of this API on that route key
   * (`<executionArn>/*\/<routeKey>`), "stage-route" only this construct's stage (`<executionArn>/<stage>/<routeKey>`).
   * @default "route"
   */
  readonly permissionScope?: "route" | "stage-route";
  /** Authorizes $connect only: a connection, once open, is trusted (API Gateway's model). */
  readonly connectAuthorizer?: WebSocketAuthorizer;
  /** Explicit opt-out: allow $connect without an authorizer (the handler must then authenticate). @default false */
  readonly publicConnect?: boolean;
  /** WebSocket stages are named (no $default). @default "live" */
  readonly stageName?: string;
  readonly throttling: Throttling;
  readonly accessLogs: AccessLogs;
  /** @default true */
  readonly detailedMetrics?: boolean;
  /** @default none */
  readonly customDomain?: CustomDomain;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** Every validation error for a set of WebSocket API props. Pure. */
export function validateWebSocketApiProps(props: WebSocketApiProps): string[] {
  const keys = Object.keys(props.routes);
  return [
    ...commonErrors(props.name, props.throttling, props.accessLogs),
    keys.includes("$connect") ? undefined : "a $connect route is required",
    !props.connectAuthorizer && !props.publicConnect ? "$connect needs connectAuthorizer, or an explicit publicConnect: true" : undefined,
    props.connectAuthorizer && props.publicConnect ? "set either connectAuthorizer or publicConnect, not both" : undefined,
    props.stageName === "$default" ? 'WebSocket APIs cannot use the "$default" stage name' : undefined,
    props.stageName !== undefined && !/^[A-Za-z0-9_-]{1,128}$/.test(props.stageName)
      ? `stageName "${props.stageName}" must be 1-128 letters, digits, "-" or "_"`
      : undefined,
    props.permissionScope !== undefined && !["route", "stage-route"].includes(props.permissionScope)
      ? `permissionScope "${props.permissionScope}" must be "route" or "stage-route"`
      : undefined,
    ...Object.entries(props.routes).map(([k, r]) => statementIdError(`routes["${k}"].permissionStatementId`, routeOf(r).permissionStatementId)),
    statementIdError("connectAuthorizer.permissionStatementId", props.connectAuthorizer?.permissionStatementId),
    ...keys.map((k) =>
      /^(\$connect|\$disconnect|\$default|[A-Za-z0-9_.-]{1,128})$/.test(k) ? undefined : `route key "${k}" is not a valid WebSocket route key`,
    ),
  ].filter((e): e is string => e !== undefined);
}

/** A route given as a bare function takes the default statement id. */
function routeOf(r: LambdaTarget | WebSocketRoute): WebSocketRoute {
  return "function" in r ? r : { function: r };
}

/** Lambda statement ids: 1-100 letters, digits, "-" or "_". */
function statementIdError(field: string, id: string | undefined): string | undefined {
  return id === undefined || /^[A-Za-z0-9_-]{1,100}$/.test(id) ? undefined : `${field} "${id}" must be 1-100 letters, digits, "-" or "_"`;
}

/**
 * An API Gateway WebSocket API: Lambda proxy integrations per route with invoke permissions
 * scoped to this API, a Lambda REQUEST authorizer on $connect only, a stage with JSON access logs
 * and throttling. {@link grantManageConnections} lets a backend role post to connected clients.
 * Fixed by AWS, not configurable: 10 min idle timeout, 2 h connection lifetime, 128 KB messages
 * (32 KB frames). X-Ray is not available for WebSocket APIs.
 */
export class WebSocketApi extends GatewayApi {
  readonly apiId: string;
  /** wss://<id>.execute-api.<region>.amazonaws.com */
  readonly apiEndpoint: string;
  /** https:// URL of the @connections management API (what backends post to). */
  readonly callbackUrl: string;

  constructor(scope: Construct, id: string, props: WebSocketApiProps) {
    super(scope, id, "WebSocketApi", props, validateWebSocketApiProps(props));
    const tags = this.tags;

    const api = new Apigatewayv2Api(this, "api", {
      name: props.name,
      description: props.description,
      protocolType: "WEBSOCKET",
      routeSelectionExpression: props.routeSelectionExpression ?? "$request.body.action",
      tags,
    });
    this.apiId = api.id;
    this.apiEndpoint = api.apiEndpoint;

    const auth = props.connectAuthorizer;
    const authorizer = auth
      ? new Apigatewayv2Authorizer(this, "connect-authorizer", {
          apiId: api.id,
          name: auth.name ?? "connect-authorizer",
          authorizerType: "REQUEST",
          authorizerUri: auth.function.invokeArn,
          identitySources: [...(auth.identitySources ?? ["route.request.querystring.token"])],
        })
      : undefined;
    if (auth && authorizer) {
      apiInvokePermission(
        this,
        "connect-authorizer-permission",
        auth.function,
        auth.permissionStatementId ?? permissionStatementId("AllowWsAuthorizer", props.name),
        `${api.executionArn}/authorizers/${authorizer.id}`,
      );
    }

    const stageName = props.stageName ?? "live";
    // The literal stage name, not the stage's attribute: a permission must not wait for the stage, which waits for the routes.
    const permissionPrefix = (props.permissionScope ?? "route") === "stage-route" ? `${api.executionArn}/${stageName}` : `${api.executionArn}/*`;
    const routes: Apigatewayv2Route[] = [];
    for (const [key, target] of Object.entries(props.routes)) {
      const route = routeOf(target);
      const fn = route.function;
      const rid = idOf(key.replace(/^\$/, ""));
      const integration = new Apigatewayv2Integration(this, `integration-${rid}`, {
        apiId: api.id,
        integrationType: "AWS_PROXY",
        integrationMethod: "POST",
        integrationUri: fn.invokeArn,
        contentHandlingStrategy: "CONVERT_TO_TEXT",
      });
      apiInvokePermission(
        this,
        `integration-${rid}-permission`,
        fn,
        route.permissionStatementId ?? permissionStatementId("AllowWsApi", props.name, key),
        `${permissionPrefix}/${key}`,
      );
      const isConnect = key === "$connect";
      routes.push(
        new Apigatewayv2Route(this, `route-${rid}`, {
          apiId: api.id,
          routeKey: key,
          target: `integrations/${integration.id}`,
          authorizationType: isConnect && authorizer ? "CUSTOM" : "NONE",
          authorizerId: isConnect && authorizer ? authorizer.id : undefined,
        }),
      );
    }

    const stage = v2Stage(this, {
      apiId: api.id,
      apiName: props.name,
      stageName,
      accessLogs: props.accessLogs,
      accessLogFormat: WEBSOCKET_ACCESS_LOG_FORMAT,
      throttling: props.throttling,
      detailedMetrics: props.detailedMetrics ?? true,
      customDomain: props.customDomain,
      tags,
      // Auto-deploy needs at least one route in place.
      dependsOn: routes,
    });
    this.callbackUrl = Fn.replace(stage.invokeUrl, "wss://", "https://");
    this.expose({ ...stage, executionArn: api.executionArn, authorizerId: authorizer?.id });
  }

  /**
   * Let a role post to (and optionally read/close) connections of this API's stage:
   * execute-api:ManageConnections on arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/@connections/*.
   */
  grantManageConnections(grantee: Grantee, options?: ManageConnectionsOptions): void;
  /** @deprecated Pass options: `grantManageConnections(grantee, { methods, sid })` (ADR 0115). */
  grantManageConnections(grantee: Grantee, methods: readonly ConnectionMethod[], sid?: string): void;
  grantManageConnections(grantee: Grantee, options: ManageConnectionsOptions | readonly ConnectionMethod[] = {}, sid?: string): void {
    const o: ManageConnectionsOptions = isMethodList(options) ? { methods: options, ...(sid !== undefined ? { sid } : {}) } : options;
    grantStatements(grantee, o.sid, "ManageWebSocketConnections", [
      {
        suffix: "",
        actions: ["execute-api:ManageConnections"],
        resources: (o.methods ?? ["POST"]).map((m) => `${this.executionArn}/${this.stageName}/${m}/@connections/*`),
      },
    ]);
  }
}

/** An HTTP method of the @connections API. */
export type ConnectionMethod = "POST" | "GET" | "DELETE";

/** Options of `grantManageConnections`. */
export interface ManageConnectionsOptions extends GrantOptions {
  /** POST sends, GET reads a connection's info, DELETE closes it. @default ["POST"] */
  readonly methods?: readonly ConnectionMethod[];
}

function isMethodList(o: ManageConnectionsOptions | readonly ConnectionMethod[]): o is readonly ConnectionMethod[] {
  return Array.isArray(o);
}
