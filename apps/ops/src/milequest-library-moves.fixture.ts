/**
 * Every managed address of Mile Quest's WebSocket API that the builder made before it moved onto
 * @infra/apigateway's WebSocketApi (ADR 0080): the API, authorizer, integrations, routes, stage,
 * access log group, custom domain, its mapping and the four invoke permissions.
 */
export const WS_ADDRESSES_BEFORE_LIBRARY: readonly string[] = [
  "aws_apigatewayv2_api.api",
  "aws_apigatewayv2_api_mapping.ws-mapping",
  "aws_apigatewayv2_authorizer.jwt-authorizer",
  "aws_apigatewayv2_domain_name.ws-domain",
  "aws_apigatewayv2_integration.integration-aggregateProgress",
  "aws_apigatewayv2_integration.integration-connect",
  "aws_apigatewayv2_integration.integration-disconnect",
  "aws_apigatewayv2_route.route-aggregateProgress",
  "aws_apigatewayv2_route.route-connect",
  "aws_apigatewayv2_route.route-disconnect",
  "aws_apigatewayv2_stage.stage",
  "aws_cloudwatch_log_group.access-logs",
  "aws_lambda_permission.aggregateProgress_allow-ws-aggregateProgress_AAEAB610",
  "aws_lambda_permission.authorizer-permission",
  "aws_lambda_permission.wsConnect_allow-ws-connect_642BCC7F",
  "aws_lambda_permission.wsDisconnect_allow-ws-disconnect_FC07FF8F",
];

/** Every managed address of the Cognito stack before it moved onto @infra/cognito's UserPool and IdentityPool (ADR 0080). */
export const COGNITO_ADDRESSES_BEFORE_LIBRARY: readonly string[] = [
  "aws_cognito_identity_pool.identity-pool",
  "aws_cognito_identity_pool_roles_attachment.identity-pool-roles",
  "aws_cognito_user_pool.user-pool",
  "aws_cognito_user_pool_client.admin-client",
  "aws_cognito_user_pool_client.web-client",
  "aws_iam_role.authenticated-role",
  "aws_iam_role_policy.authenticated-policy",
];
