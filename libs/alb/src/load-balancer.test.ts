import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { describe, expect, it } from "vitest";
import { scopeSynthWith } from "@infra/testing-core/blocks";
import { ApplicationLoadBalancer, type ApplicationLoadBalancerProps } from "./load-balancer";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- synthesized Terraform JSON is untyped
type Tf = { resource: Record<string, Record<string, Record<string, any>>> };

const CERT = "arn:aws:acm:us-east-1:111111111111:certificate/abc";
const BASE: ApplicationLoadBalancerProps = {
  name: "prod-atlas",
  vpcId: "vpc-1",
  vpcCidr: "10.0.0.0/16",
  subnetIds: ["subnet-a", "subnet-b"],
  certificateArn: CERT,
};
const SEED_001 = {
  targetGroups: [
    { key: "api", port: 8080, healthCheck: { path: "/actuator/health" } },
    { key: "web", port: 3000, healthCheck: { path: "/api/health", matcher: "200-299" } },
  ],
  defaultTargetGroup: "web",
  rules: [
    { priority: 10, pathPatterns: ["/api/*"], targetGroup: "api" },
    { priority: 20, hostHeaders: ["api.accountabilityatlas.com"], targetGroup: "api" },
  ],
};

const synth = scopeSynthWith(ApplicationLoadBalancer, "alb", BASE);
const entries = (tf: Tf, type: string) => Object.entries(tf.resource[type] ?? {});
const ref = (tf: Tf, type: string, attr: string, index = 0) => `\${${type}.${entries(tf, type)[index]![0]}.${attr}}`;

describe("ApplicationLoadBalancer", () => {
  it("creates a hardened internet-facing ALB with deletion protection", () => {
    const { json, tf } = synth({ accessLogs: { bucket: "prod-alb-logs", prefix: "prod-atlas" } });
    expect(json).toHaveResourceWithProperties(Lb, {
      name: "prod-atlas",
      load_balancer_type: "application",
      internal: false,
      subnets: ["subnet-a", "subnet-b"],
      drop_invalid_header_fields: true,
      desync_mitigation_mode: "defensive",
      enable_deletion_protection: true,
      access_logs: { bucket: "prod-alb-logs", prefix: "prod-atlas", enabled: true },
    });
    expect(entries(tf, "aws_lb")[0]![1].security_groups).toEqual([ref(tf, "aws_security_group", "id")]);
  });

  it("opens 443 and 80 to the world and egresses only into the VPC", () => {
    const { tf } = synth();
    const ingress = entries(tf, "aws_vpc_security_group_ingress_rule").map(([, r]) => [r.from_port, r.to_port, r.ip_protocol, r.cidr_ipv4]);
    expect(ingress.sort()).toEqual([
      [443, 443, "tcp", "0.0.0.0/0"],
      [80, 80, "tcp", "0.0.0.0/0"],
    ]);
    const [, egress] = entries(tf, "aws_vpc_security_group_egress_rule")[0]!;
    expect(egress).toMatchObject({ ip_protocol: "tcp", from_port: 0, to_port: 65535, cidr_ipv4: "10.0.0.0/16" });
  });

  it("has an HTTPS listener with the TLS 1.3 policy and an HTTP listener that only redirects", () => {
    const { tf, construct: alb } = synth();
    const listeners = Object.fromEntries(entries(tf, "aws_lb_listener").map(([, l]) => [l.port, l]));
    expect(listeners[443]).toMatchObject({
      load_balancer_arn: ref(tf, "aws_lb", "arn"),
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      certificate_arn: CERT,
      default_action: [{ type: "fixed-response", fixed_response: { content_type: "text/plain", status_code: "404", message_body: "Not Found" } }],
    });
    expect(listeners[80]).toMatchObject({
      protocol: "HTTP",
      default_action: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", status_code: "HTTP_301" } }],
    });
    expect(alb.httpsListenerArn).not.toBe(alb.httpListenerArn);
  });

  it("creates ip target groups with health checks and path/host rules in priority order", () => {
    const { json, tf, construct: alb } = synth(SEED_001);
    expect(json).toHaveResourceWithProperties(LbTargetGroup, {
      name: "prod-atlas-api",
      port: 8080,
      protocol: "HTTP",
      target_type: "ip",
      vpc_id: "vpc-1",
      deregistration_delay: "30",
      health_check: {
        enabled: true,
        path: "/actuator/health",
        port: "traffic-port",
        protocol: "HTTP",
        matcher: "200",
        interval: 30,
        timeout: 5,
        healthy_threshold: 3,
        unhealthy_threshold: 3,
      },
    });
    const tgs = Object.fromEntries(entries(tf, "aws_lb_target_group").map(([name, t]) => [t.name, name]));
    const https = entries(tf, "aws_lb_listener").find(([, l]) => l.port === 443)!;
    expect(https[1].default_action).toEqual([{ type: "forward", target_group_arn: `\${aws_lb_target_group.${tgs["prod-atlas-web"]}.arn}` }]);
    const rules = entries(tf, "aws_lb_listener_rule").map(([, r]) => r);
    expect(rules).toEqual([
      expect.objectContaining({
        listener_arn: `\${aws_lb_listener.${https[0]}.arn}`,
        priority: 10,
        action: [{ type: "forward", target_group_arn: `\${aws_lb_target_group.${tgs["prod-atlas-api"]}.arn}` }],
        condition: [{ path_pattern: { values: ["/api/*"] } }],
      }),
      expect.objectContaining({ priority: 20, condition: [{ host_header: { values: ["api.accountabilityatlas.com"] } }] }),
    ]);
    expect(Object.keys(alb.targetGroupArns)).toEqual(["api", "web"]);
    expect(Object.keys(alb.targetGroupNames)).toEqual(["api", "web"]);
  });

  it("lets CodeDeploy own listener actions for blue/green and adds a restricted test listener", () => {
    const { tf, construct: alb } = synth({
      ...SEED_001,
      defaultActionManagedByCodeDeploy: true,
      rules: [{ priority: 10, pathPatterns: ["/api/*"], targetGroup: "api", managedByCodeDeploy: true }],
      testListener: { port: 8443, allowedCidrs: ["10.0.0.0/16"] },
    });
    const byPort = Object.fromEntries(entries(tf, "aws_lb_listener").map(([, l]) => [l.port, l]));
    expect(byPort[443]!.lifecycle).toEqual({ ignore_changes: ["default_action"] });
    expect(byPort[8443]).toMatchObject({
      protocol: "HTTPS",
      ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      lifecycle: { ignore_changes: ["default_action"] },
    });
    expect(entries(tf, "aws_lb_listener_rule")[0]![1].lifecycle).toEqual({ ignore_changes: ["action"] });
    const test = entries(tf, "aws_vpc_security_group_ingress_rule").find(([, r]) => r.from_port === 8443)![1];
    expect(test.cidr_ipv4).toBe("10.0.0.0/16");
    expect(alb.testListenerArn).toBeDefined();
  });

  it("builds an internal ALB reachable only from given CIDRs and security groups", () => {
    const { tf } = synth({ scheme: "internal", httpRedirect: false, allowedCidrs: ["10.0.0.0/16"], deletionProtection: false }, (alb) =>
      alb.allowFrom("cdn-proxy", "sg-proxy", "From the proxy"),
    );
    expect(entries(tf, "aws_lb")[0]![1]).toMatchObject({ internal: true, enable_deletion_protection: false });
    expect(entries(tf, "aws_lb_listener")).toHaveLength(1);
    const ingress = entries(tf, "aws_vpc_security_group_ingress_rule").map(([, r]) => [r.from_port, r.cidr_ipv4 ?? r.referenced_security_group_id]);
    expect(ingress).toEqual([
      [443, "10.0.0.0/16"],
      [443, "sg-proxy"],
    ]);
  });

  it("associates a WAF web ACL from props or through the method", () => {
    const { tf } = synth({ webAclArn: "arn:aws:wafv2:us-east-1:1:regional/webacl/a/1" });
    const [, assoc] = entries(tf, "aws_wafv2_web_acl_association")[0]!;
    expect(assoc).toEqual({ resource_arn: ref(tf, "aws_lb", "arn"), web_acl_arn: "arn:aws:wafv2:us-east-1:1:regional/webacl/a/1" });
    const viaMethod = synth({}, (alb) => alb.associateWebAcl("arn:waf")).tf;
    expect(entries(viaMethod, "aws_wafv2_web_acl_association")).toHaveLength(1);
  });

  it("rejects bad names, routing and open test listeners", () => {
    expect(() => synth({ name: "this-name-is-far-too-long-for-an-alb" })).toThrow("must be 1-32 letters, digits or hyphens");
    expect(() => synth({ subnetIds: ["subnet-a"] })).toThrow("needs subnets in at least 2 AZs, got 1");
    expect(() => synth({ ...SEED_001, rules: [{ priority: 1, pathPatterns: ["/x"], targetGroup: "nope" }] })).toThrow(
      'ApplicationLoadBalancer prod-atlas rule priority 1: forwards to unknown target group "nope"; known: api, web',
    );
    expect(() =>
      synth({
        ...SEED_001,
        rules: [
          { priority: 5, pathPatterns: ["/a"], targetGroup: "api" },
          { priority: 5, pathPatterns: ["/b"], targetGroup: "web" },
        ],
      }),
    ).toThrow("priority is used by another rule");
    expect(() => synth({ ...SEED_001, rules: [{ priority: 5, targetGroup: "api" }] })).toThrow("needs pathPatterns or hostHeaders");
    expect(() => synth({ ...SEED_001, defaultTargetGroup: "x" })).toThrow('defaultTargetGroup "x" is not a target group key');
    expect(() => synth({ testListener: { port: 8443, allowedCidrs: ["0.0.0.0/0"] } })).toThrow("test listener must not be open to the world");
    expect(() => synth({ targetGroups: [{ key: "a", port: 1, healthCheck: { path: "health" } }] })).toThrow('health check path must start with "/"');
  });
});
