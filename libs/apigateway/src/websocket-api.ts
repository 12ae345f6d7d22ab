import { Apigatewayv2Api } from "@cdktf/provider-aws/lib/apigatewayv2-api";
import { Apigatewayv2Authorizer } from "@cdktf/provider-aws/lib/apigatewayv2-authorizer";
import { Apigatewayv2Integration } from "@cdktf/provider-aws/lib/apigatewayv2-integration";
import { Apigatewayv2Route } from "@cdktf/provider-aws/lib/apigatewayv2-route";
import { Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { markLibrary } from "@infra/core";
import { type Grantable, type LambdaTarget, permissionStatementId } from "@infra/lambda";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import {
  type AccessLogs,
  type CustomDomain,
  type Throttling,
  WEBSOCKET_ACCESS_LOG_FORMAT,
  accessLogGroup,
  commonErrors,
  idOf,
  throwIfInvalid,
  v2CustomDomain,
} from "./common";

export interface WebSocketAuthorizer {
  /** A Lambda REQUEST authorizer (WebSocket APIs take no JWT authorizers). */
  readonly function: LambdaTarget;
  /** Where the token is read on $connect. @default ["route.request.querystring.token"] (browsers cannot set headers on WebSocket upgrade) */
  readonly identitySources?: readonly string[];
  /** @default "connect-authorizer" */
  readonly name?: string;
}

export interface WebSocketApiProps {
  /** e.g. "aerologue-prod-ws-api"; also names the log group. */
  readonly name: string;
  /** @default none */
  readonly description?: string;
  /** @default "$request.body.action" */
  readonly routeSelectionExpression?: string;
  /** Lambda integrations by route key: "$connect", "$disconnect", "$default", or custom actions. */
  readonly routes: Readonly<Record<string, LambdaTarget>>;
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
    ...keys.map((k) => (/^(\$connect|\$disconnect|\$default|[A-Za-z0-9_.-]{1,128})$/.test(k) ? undefined : `route key "${k}" is not a valid WebSocket route key`)),
  ].filter((e): e is string => e !== undefined);
}

/**
 * An API Gateway WebSocket API: Lambda proxy integrations per route with invoke permissions
 * scoped to this API, a Lambda REQUEST authorizer on $connect only, a stage with JSON access logs
 * and throttling. {@link grantManageConnections} lets a backend role post to connected clients.
 * Fixed by AWS, not configurable: 10 min idle timeout, 2 h connection lifetime, 128 KB messages
 * (32 KB frames). X-Ray is not available for WebSocket APIs.
 */
export class WebSocketApi extends Construct {
  readonly apiId: string;
  /** wss://<id>.execute-api.<region>.amazonaws.com */
  readonly apiEndpoint: string;
  readonly executionArn: string;
  readonly stageName: string;
  readonly stageArn: string;
  /** wss:// URL clients connect to. */
  readonly invokeUrl: string;
  /** https:// URL of the @connections management API (what backends post to). */
  readonly callbackUrl: string;
  readonly authorizerId?: string;
  readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: WebSocketApiProps) {
    super(scope, id);
    markLibrary(this, "apigateway");
    throwIfInvalid(`WebSocketApi "${props.name}"`, validateWebSocketApiProps(props));
    const tags = { ...(props.tags ?? {}), Name: props.name };

    const api = new Apigatewayv2Api(this, "api", {
      name: props.name,
      description: props.description,
      protocolType: "WEBSOCKET",
      routeSelectionExpression: props.routeSelectionExpression ?? "$request.body.action",
      tags,
    });
    this.apiId = api.id;
    this.apiEndpoint = api.apiEndpoint;
    this.executionArn = api.executionArn;

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
    this.authorizerId = authorizer?.id;
    if (auth && authorizer) {
      new LambdaPermission(this, "connect-authorizer-permission", {
        statementId: permissionStatementId("AllowWsAuthorizer", props.name),
        action: "lambda:InvokeFunction",
        functionName: auth.function.functionName,
        principal: "apigateway.amazonaws.com",
        sourceArn: `${api.executionArn}/authorizers/${authorizer.id}`,
      });
    }

    const routes: Apigatewayv2Route[] = [];
    for (const [key, fn] of Object.entries(props.routes)) {
      const rid = idOf(key.replace(/^\$/, ""));
      const integration = new Apigatewayv2Integration(this, `integration-${rid}`, {
        apiId: api.id,
        integrationType: "AWS_PROXY",
        integrationMethod: "POST",
        integrationUri: fn.invokeArn,
        contentHandlingStrategy: "CONVERT_TO_TEXT",
      });
      new LambdaPermission(this, `integration-${rid}-permission`, {
        statementId: permissionStatementId("AllowWsApi", props.name, key),
        action: "lambda:InvokeFunction",
        functionName: fn.functionName,
        principal: "apigateway.amazonaws.com",
        sourceArn: `${api.executionArn}/*/${key}`,
      });
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

    const logGroup = accessLogGroup(this, props.name, props.accessLogs, tags);
    this.logGroupName = logGroup.name;
    const stage = new Apigatewayv2Stage(this, "stage", {
      apiId: api.id,
      name: props.stageName ?? "live",
      autoDeploy: true,
      accessLogSettings: { destinationArn: logGroup.arn, format: WEBSOCKET_ACCESS_LOG_FORMAT },
      defaultRouteSettings: {
        throttlingBurstLimit: props.throttling.burstLimit,
        throttlingRateLimit: props.throttling.rateLimit,
        detailedMetricsEnabled: props.detailedMetrics ?? true,
      },
      tags,
      // Auto-deploy needs at least one route in place.
      dependsOn: routes,
    });
    this.stageName = stage.name;
    this.stageArn = stage.arn;
    this.invokeUrl = stage.invokeUrl;
    this.callbackUrl = Fn.replace(stage.invokeUrl, "wss://", "https://");

    if (props.customDomain) v2CustomDomain(this, api.id, stage.id, props.customDomain, tags);
  }

  /**
   * Let a role post to (and optionally read/close) connections of this API's stage:
   * execute-api:ManageConnections on arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/@connections/*.
   */
  grantManageConnections(grantee: Grantable, methods: readonly ("POST" | "GET" | "DELETE")[] = ["POST"], sid = "ManageWebSocketConnections"): void {
    grantee.addToRolePolicy({
      sid,
      actions: ["execute-api:ManageConnections"],
      resources: methods.map((m) => `${this.executionArn}/${this.stageName}/${m}/@connections/*`),
    });
  }
}
