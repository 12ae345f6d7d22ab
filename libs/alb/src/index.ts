export { ApplicationLoadBalancer, DEFAULT_SSL_POLICY, type AccessLogsProps, type ApplicationLoadBalancerProps, type TestListenerProps } from "./load-balancer";
export { type HealthCheckProps, type ListenerRuleProps, type TargetGroupProps } from "./routing";
