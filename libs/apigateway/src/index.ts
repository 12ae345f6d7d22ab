export { ApiGatewayLoggingRole, type ApiGatewayLoggingRoleProps } from "./account";
export {
  type AccessLogs,
  type CustomDomain,
  type CustomDomainTarget,
  HTTP_ACCESS_LOG_FORMAT,
  REST_ACCESS_LOG_FORMAT,
  type Throttling,
  WEBSOCKET_ACCESS_LOG_FORMAT,
} from "./common";
export {
  HttpApi,
  type HttpApiProps,
  type HttpCors,
  type HttpIntegration,
  type HttpRoute,
  type JwtAuthorizer,
  corsOriginError,
  validateHttpApiProps,
} from "./http-api";
export { RestApi, type RestApiProps, type RestAuthorizer, type RestMethod, type RestRoute, validateRestApiProps } from "./rest-api";
export { methodSettingsPath, planRestResources, validateRestPath } from "./rest-paths";
export {
  type RestRequestModel,
  type RestRequiredParameters,
  type RestValidatorKind,
  methodRequestParameters,
  routeSourceArnSuffix,
  validatorKind,
} from "./rest-requests";
export {
  type ConnectionMethod,
  type ManageConnectionsOptions,
  WebSocketApi,
  type WebSocketApiProps,
  type WebSocketAuthorizer,
  type WebSocketRoute,
  validateWebSocketApiProps,
} from "./websocket-api";
