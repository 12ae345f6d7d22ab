import { type Apigatewayv2StageRouteSettings, Apigatewayv2Stage } from "@cdktf/provider-aws/lib/apigatewayv2-stage";
import type { ITerraformDependable } from "cdktf";
import type { Construct } from "constructs";
import { type AccessLogs, type CustomDomain, type Throttling, accessLogGroup, v2CustomDomain } from "./common";
import type { StageOutputs } from "./gateway-api";

/** The stage of an HTTP or WebSocket API (API Gateway v2). */
export interface V2StageProps {
  readonly apiId: string;
  /** The API's name: names the access log group. */
  readonly apiName: string;
  readonly stageName: string;
  readonly accessLogs: AccessLogs;
  /** JSON access log line ($context variables) of the API's protocol. */
  readonly accessLogFormat: string;
  /** Default route throttling. */
  readonly throttling: Throttling;
  readonly detailedMetrics: boolean;
  /** Per-route settings. @default none */
  readonly routeSettings?: Apigatewayv2StageRouteSettings[];
  /** @default none */
  readonly customDomain?: CustomDomain;
  readonly tags: Record<string, string>;
  /** What must exist before the stage (routes). @default none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * An auto-deployed v2 stage with JSON access logs to an encrypted log group and default route
 * throttling, mapped to the custom domain when there is one.
 */
export function v2Stage(scope: Construct, props: V2StageProps): StageOutputs {
  const logGroup = accessLogGroup(scope, props.apiName, props.accessLogs, props.tags);
  const stage = new Apigatewayv2Stage(scope, "stage", {
    apiId: props.apiId,
    name: props.stageName,
    autoDeploy: true,
    accessLogSettings: { destinationArn: logGroup.arn, format: props.accessLogFormat },
    defaultRouteSettings: {
      throttlingBurstLimit: props.throttling.burstLimit,
      throttlingRateLimit: props.throttling.rateLimit,
      detailedMetricsEnabled: props.detailedMetrics,
    },
    routeSettings: props.routeSettings,
    tags: props.tags,
    dependsOn: props.dependsOn,
  });
  const customDomainTarget = props.customDomain ? v2CustomDomain(scope, props.apiId, stage.id, props.customDomain, props.tags) : undefined;
  return { stageName: stage.name, stageArn: stage.arn, invokeUrl: stage.invokeUrl, logGroupName: logGroup.name, customDomainTarget };
}
