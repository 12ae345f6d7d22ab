import { DataAwsDynamodbTable } from "@cdktf/provider-aws/lib/data-aws-dynamodb-table";
import { LambdaEventSourceMapping } from "@cdktf/provider-aws/lib/lambda-event-source-mapping";
import { WebSocketApi } from "@infra/apigateway";
import type { StackBuilder } from "@infra/core";
import { Certificate } from "@infra/dns";
import type { LambdaAlias, LambdaFunction } from "@infra/lambda";
import { Lazy } from "cdktf";
import type { WebsocketFunction, WebsocketInputs } from "../inputs";
import { buildZone } from "./edge";
import { FunctionFactory, appDependencies } from "./functions";
import { buildRestApi } from "./rest-api";
import { keepLegacyWsAddresses, legacyWsRouteId } from "./websocket-moves";

/** WebSocket routes (route key → function). Only $connect is authorized: API Gateway authorizes the connection, not each message. */
export const WEBSOCKET_ROUTES: readonly { readonly routeKey: string; readonly fn: Exclude<WebsocketFunction, "wsBroadcast"> }[] = [
  { routeKey: "$connect", fn: "wsConnect" },
  { routeKey: "$disconnect", fn: "wsDisconnect" },
  { routeKey: "aggregateProgress", fn: "aggregateProgress" },
];

const DESCRIPTIONS: Record<WebsocketFunction, string> = {
  aggregateProgress: "activity: aggregate team progress (WebSocket, read path: Redis → Aurora reader)",
  wsConnect: "WebSocket $connect: registers the connection in the real-time table",
  wsDisconnect: "WebSocket $disconnect: removes the connection",
  wsBroadcast: "Real-time path: DynamoDB stream → Redis pub/sub → connected clients",
};

export interface WebsocketOutputs {
  readonly apiId: string;
  readonly apiName: string;
  readonly stageName: string;
  readonly regionalDomainName: string;
  readonly regionalZoneId: string;
  readonly functions: Readonly<Record<WebsocketFunction, LambdaFunction>>;
  /** The aliases the routes invoke (seed 003 "Canary Deploy"); wsBroadcast is fed by the stream, not by the API. */
  readonly aliases: Readonly<Record<RouteFunction, LambdaAlias>>;
}

/** The functions behind a WebSocket route. */
export type RouteFunction = (typeof WEBSOCKET_ROUTES)[number]["fn"];

/**
 * Seed 003 "WebSocket API ws.mile-quest.com" → aggregateProgress, and the real-time path
 * (WS → DynamoDB → Redis pub/sub): connection functions write the real-time table, whose stream
 * feeds wsBroadcast. The $connect route uses the REST API's JWT authorizer (REQUEST type). The API,
 * routes, stage, access logs and regional custom domain are `@infra/apigateway`'s WebSocketApi.
 */
export const buildWebsocket: StackBuilder<WebsocketInputs, WebsocketOutputs> = (stack, inputs, ctx) => {
  const deps = appDependencies(ctx);
  const zone = ctx.dependencyOn("dns", buildZone);
  const rest = ctx.dependencyOn("rest", buildRestApi);
  const factory = new FunctionFactory(stack, inputs, deps, ctx);
  const region = ctx.deployment.region.name;

  // The functions need the API's id (their callback URL) and the API needs the functions (its
  // routes): the id is read lazily at synth, once the API below exists. Terraform sees api → function → route.
  const apiId = Lazy.stringValue({ produce: () => api.apiId });
  const callbackUrl = `https://${apiId}.execute-api.${region}.amazonaws.com/${inputs.stageName}`;
  const env = { WS_CALLBACK_URL: callbackUrl };
  const routed = new Set<string>(WEBSOCKET_ROUTES.map((r) => r.fn));
  const aliases: Partial<Record<RouteFunction, LambdaAlias>> = {};
  const fns = Object.fromEntries(
    (Object.keys(DESCRIPTIONS) as WebsocketFunction[]).map((fn) => {
      if (!routed.has(fn)) return [fn, factory.create(fn, inputs.functions[fn], DESCRIPTIONS[fn], env)];
      // Routes invoke an alias, so a CodeDeploy traffic shift is what clients see.
      const { fn: created, alias } = factory.createAliased(fn, inputs.functions[fn], DESCRIPTIONS[fn], inputs.aliasName, env);
      aliases[fn as RouteFunction] = alias;
      return [fn, created];
    }),
  ) as Record<WebsocketFunction, LambdaFunction>;

  factory.grantTable(fns.wsConnect, "realtime", "readWrite");
  factory.grantTable(fns.wsDisconnect, "realtime", "readWrite");
  factory.grantTable(fns.aggregateProgress, "realtime", "readWrite");
  factory.grantDatabase(fns.aggregateProgress);
  factory.grantCache(fns.aggregateProgress);
  factory.grantCache(fns.wsBroadcast);
  factory.grantTable(fns.wsBroadcast, "realtime", "read");

  // The real-time table's stream in this region (a global table replica has its own stream).
  const realtime = new DataAwsDynamodbTable(stack, "realtime-table", { name: deps.tables.realtime.tableName });
  fns.wsBroadcast.addToRolePolicy({
    sid: "ReadRealtimeStream",
    actions: ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"],
    resources: [realtime.streamArn],
  });
  new LambdaEventSourceMapping(stack, "realtime-stream", {
    eventSourceArn: realtime.streamArn,
    functionName: fns.wsBroadcast.functionArn,
    startingPosition: "LATEST",
    batchSize: 100,
    maximumBatchingWindowInSeconds: 1,
    maximumRetryAttempts: 3,
    bisectBatchOnFunctionError: true,
    functionResponseTypes: ["ReportBatchItemFailures"],
    destinationConfig: { onFailure: { destinationArn: deps.messaging.functionDlq.queueArn } },
  });
  fns.wsBroadcast.addToRolePolicy({ sid: "StreamFailures", actions: ["sqs:SendMessage"], resources: [deps.messaging.functionDlq.queueArn] });

  const certificate = new Certificate(stack, "ws-certificate", { domainName: inputs.domain, zoneId: zone.zoneId });
  const routeKeys = WEBSOCKET_ROUTES.map((r) => r.routeKey);
  const api = new WebSocketApi(stack, "ws", {
    name: inputs.name,
    description: "Mile Quest WebSocket API (seed 003)",
    routes: Object.fromEntries(
      WEBSOCKET_ROUTES.map((r) => [r.routeKey, { function: aliases[r.fn]!, permissionStatementId: `Allow-ws-${legacyWsRouteId(r.routeKey)}` }]),
    ),
    // Each function may be invoked by this API's stage only, on its own route.
    permissionScope: "stage-route",
    // The REST API's JWT authorizer, REQUEST type here (browsers cannot set headers on a WebSocket upgrade).
    connectAuthorizer: {
      function: rest.authorizer,
      name: "jwt",
      identitySources: ["route.request.querystring.token"],
      permissionStatementId: "Allow-websocket-authorizer",
    },
    stageName: inputs.stageName,
    throttling: { rateLimit: inputs.throttle.rateLimit, burstLimit: inputs.throttle.burstLimit },
    accessLogs: { retentionDays: inputs.logRetentionDays, kmsKeyArn: deps.keys.logs.keyArn, logGroupName: `/aws/apigateway/${inputs.name}/access` },
    customDomain: { domainName: inputs.domain, certificateArn: certificate.certificateArn },
  });
  keepLegacyWsAddresses(api, routeKeys);
  for (const fn of [fns.aggregateProgress, fns.wsBroadcast]) api.grantManageConnections(fn, { methods: ["POST"], sid: "PostToConnections" });

  return {
    apiId: api.apiId,
    apiName: inputs.name,
    stageName: api.stageName,
    regionalDomainName: api.customDomainTarget!.dnsName,
    regionalZoneId: api.customDomainTarget!.hostedZoneId,
    functions: fns,
    aliases: aliases as Record<RouteFunction, LambdaAlias>,
  };
};
