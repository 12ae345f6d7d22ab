import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener, type LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule, type LbListenerRuleCondition } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { checkElbName, type ListenerRuleProps, type TargetGroupProps, validateRouting } from "./routing";
import { ingressFromSecurityGroup } from "@infra/vpc";

/** TLS 1.3 + 1.2 only, forward-secret ciphers: what POLICIES.md #38 asks of HTTPS listeners. */
export const DEFAULT_SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

/**
 * Where access logs go: pass the log bucket's `albLogTarget` (@infra/s3 SecureBucket), whose policy
 * allows exactly `<prefix>/AWSLogs/<account>/*`. ELB test-writes there when the load balancer is
 * created and fails with "Access Denied for bucket" if the policy names another prefix.
 */
export interface AccessLogsProps {
  /** S3 bucket name. */
  readonly bucket: string;
  /** Key prefix, the one the bucket policy allows (no leading or trailing "/"). */
  readonly prefix: string;
}

export interface TestListenerProps {
  /** Port of the HTTPS test listener CodeDeploy sends test traffic to, e.g. 8443. */
  readonly port: number;
  /** CIDRs that may reach it (never the world). */
  readonly allowedCidrs: readonly string[];
}

export interface ApplicationLoadBalancerProps {
  /** Load balancer name (<= 32 characters), e.g. "prod-atlas". */
  readonly name: string;
  readonly vpcId: string;
  /** CIDR of the VPC: the load balancer talks to targets inside it only. */
  readonly vpcCidr: string;
  /** Public subnets for an internet-facing LB, private ones for an internal LB (>= 2 AZs). */
  readonly subnetIds: readonly string[];
  /** "internet-facing" opens 443 (and 80 for the redirect) to the world; "internal" only to `allowedCidrs`. @default "internet-facing" */
  readonly scheme?: "internet-facing" | "internal";
  /** For an internal LB: CIDRs allowed to reach 443/80. @default [] (use allowFrom) */
  readonly allowedCidrs?: readonly string[];
  /** ACM certificate of the HTTPS listener. */
  readonly certificateArn: string;
  /** @default "ELBSecurityPolicy-TLS13-1-2-2021-06" */
  readonly sslPolicy?: string;
  /** Listen on 80 and redirect to 443. @default true */
  readonly httpRedirect?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
  /** Access logs to S3. @default none (POLICIES.md #34: dev relaxation only) */
  readonly accessLogs?: AccessLogsProps;
  /** @default 60 */
  readonly idleTimeoutSeconds?: number;
  /** @default [] */
  readonly targetGroups?: readonly TargetGroupProps[];
  /** Key of the target group the HTTPS listener forwards to when no rule matches. @default a fixed 404 */
  readonly defaultTargetGroup?: string;
  /** CodeDeploy blue/green rewrites the HTTPS listener's default action: ignore it in plans. @default false */
  readonly defaultActionManagedByCodeDeploy?: boolean;
  /** Path/host routing on the HTTPS listener. @default [] */
  readonly rules?: readonly ListenerRuleProps[];
  /** Optional HTTPS test listener for CodeDeploy blue/green. @default none */
  readonly testListener?: TestListenerProps;
  /** Regional WAFv2 web ACL to associate (see also associateWebAcl). @default none */
  readonly webAclArn?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An Application Load Balancer that only speaks TLS to clients: HTTPS with a TLS 1.2/1.3 policy,
 * HTTP redirected, invalid headers dropped, desync mitigation defensive, its own security group.
 */
export class ApplicationLoadBalancer extends Construct {
  readonly arn: string;
  /** For CloudWatch metrics (LoadBalancer dimension). */
  readonly arnSuffix: string;
  readonly dnsName: string;
  readonly zoneId: string;
  readonly securityGroupId: string;
  readonly httpsListenerArn: string;
  readonly httpListenerArn?: string;
  readonly testListenerArn?: string;
  /** Target group ARNs by key. */
  readonly targetGroupArns: Readonly<Record<string, string>>;
  /** Target group names by key (CodeDeploy blue/green names target groups). */
  readonly targetGroupNames: Readonly<Record<string, string>>;
  /** Target group ARN suffixes by key (TargetGroup dimension of CloudWatch metrics). */
  readonly targetGroupArnSuffixes: Readonly<Record<string, string>>;
  private readonly name: string;
  private readonly tags: Readonly<Record<string, string>>;
  private wafCount = 0;

  constructor(scope: Construct, id: string, props: ApplicationLoadBalancerProps) {
    super(scope, id);
    markLibrary(this, "alb");
    checkElbName(props.name, "ApplicationLoadBalancer");
    const scheme = props.scheme ?? "internet-facing";
    const targetGroups = props.targetGroups ?? [];
    const rules = props.rules ?? [];
    const httpRedirect = props.httpRedirect ?? true;
    validateRouting(props.name, targetGroups, rules);
    if (props.subnetIds.length < 2)
      throw new RangeError(`ApplicationLoadBalancer ${props.name}: needs subnets in at least 2 AZs, got ${props.subnetIds.length}`);
    if (props.defaultTargetGroup !== undefined && !targetGroups.some((t) => t.key === props.defaultTargetGroup)) {
      throw new RangeError(`ApplicationLoadBalancer ${props.name}: defaultTargetGroup ${JSON.stringify(props.defaultTargetGroup)} is not a target group key`);
    }
    if (props.testListener?.allowedCidrs.some((c) => c === "0.0.0.0/0" || c === "::/0")) {
      throw new RangeError(`ApplicationLoadBalancer ${props.name}: the test listener must not be open to the world`);
    }
    this.name = props.name;
    this.tags = props.tags ?? {};
    const tags = (suffix: string) => ({ ...props.tags, Name: `${props.name}-${suffix}` });

    // --- Security group: only the listener ports in, only the VPC out ----------------------------
    const sg = new SecurityGroup(this, "sg", { name: `${props.name}-alb`, description: `Load balancer ${props.name}`, vpcId: props.vpcId, tags: tags("alb") });
    this.securityGroupId = sg.id;
    const listenerPorts = httpRedirect ? [443, 80] : [443];
    const sources = scheme === "internet-facing" ? ["0.0.0.0/0"] : [...(props.allowedCidrs ?? [])];
    for (const port of listenerPorts) {
      sources.forEach((cidr, j) => {
        new VpcSecurityGroupIngressRule(this, `ingress-${port}-${j}`, {
          securityGroupId: sg.id,
          ipProtocol: "tcp",
          fromPort: port,
          toPort: port,
          cidrIpv4: cidr,
          description: port === 443 ? "HTTPS from clients" : "HTTP from clients (redirected to HTTPS)",
          tags: tags(`ingress-${port}`),
        });
      });
    }
    props.testListener?.allowedCidrs.forEach((cidr, j) => {
      new VpcSecurityGroupIngressRule(this, `ingress-test-${j}`, {
        securityGroupId: sg.id,
        ipProtocol: "tcp",
        fromPort: props.testListener!.port,
        toPort: props.testListener!.port,
        cidrIpv4: cidr,
        description: "Blue/green test listener",
        tags: tags("ingress-test"),
      });
    });
    new VpcSecurityGroupEgressRule(this, "egress-vpc", {
      securityGroupId: sg.id,
      ipProtocol: "tcp",
      fromPort: 0,
      toPort: 65535,
      cidrIpv4: props.vpcCidr,
      description: "To targets in the VPC",
      tags: tags("egress"),
    });

    // --- Load balancer -------------------------------------------------------------------------
    const lb = new Lb(this, "lb", {
      name: props.name,
      loadBalancerType: "application",
      internal: scheme === "internal",
      subnets: [...props.subnetIds],
      securityGroups: [sg.id],
      dropInvalidHeaderFields: true,
      desyncMitigationMode: "defensive",
      enableDeletionProtection: props.deletionProtection ?? true,
      enableHttp2: true,
      idleTimeout: props.idleTimeoutSeconds ?? 60,
      accessLogs: props.accessLogs ? { bucket: props.accessLogs.bucket, prefix: props.accessLogs.prefix, enabled: true } : undefined,
      tags: tags("alb"),
    });
    this.arn = lb.arn;
    this.arnSuffix = lb.arnSuffix;
    this.dnsName = lb.dnsName;
    this.zoneId = lb.zoneId;

    // --- Target groups -------------------------------------------------------------------------
    const tgArns: Record<string, string> = {};
    const tgNames: Record<string, string> = {};
    const tgSuffixes: Record<string, string> = {};
    for (const t of targetGroups) {
      const hc = t.healthCheck;
      const tg = new LbTargetGroup(this, `tg-${t.key}`, {
        name: t.name ?? `${props.name}-${t.key}`,
        port: t.port,
        protocol: t.protocol ?? "HTTP",
        targetType: t.targetType ?? "ip",
        vpcId: props.vpcId,
        deregistrationDelay: String(t.deregistrationDelaySeconds ?? 30),
        healthCheck: {
          enabled: true,
          path: hc.path,
          port: hc.port ?? "traffic-port",
          protocol: t.protocol ?? "HTTP",
          matcher: hc.matcher ?? "200",
          interval: hc.intervalSeconds ?? 30,
          timeout: hc.timeoutSeconds ?? 5,
          healthyThreshold: hc.healthyThreshold ?? 3,
          unhealthyThreshold: hc.unhealthyThreshold ?? 3,
        },
        tags: tags(`tg-${t.key}`),
      });
      tgArns[t.key] = tg.arn;
      tgNames[t.key] = tg.name;
      tgSuffixes[t.key] = tg.arnSuffix;
    }
    this.targetGroupArns = tgArns;
    this.targetGroupNames = tgNames;
    this.targetGroupArnSuffixes = tgSuffixes;

    // --- Listeners -----------------------------------------------------------------------------
    const defaultAction: LbListenerDefaultAction =
      props.defaultTargetGroup !== undefined
        ? { type: "forward", targetGroupArn: tgArns[props.defaultTargetGroup] }
        : { type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404", messageBody: "Not Found" } };
    const https = new LbListener(this, "https", {
      loadBalancerArn: lb.arn,
      port: 443,
      protocol: "HTTPS",
      sslPolicy: props.sslPolicy ?? DEFAULT_SSL_POLICY,
      certificateArn: props.certificateArn,
      defaultAction: [defaultAction],
      lifecycle: props.defaultActionManagedByCodeDeploy ? { ignoreChanges: ["default_action"] } : undefined,
      tags: tags("https"),
    });
    this.httpsListenerArn = https.arn;

    if (httpRedirect) {
      const http = new LbListener(this, "http", {
        loadBalancerArn: lb.arn,
        port: 80,
        protocol: "HTTP",
        defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
        tags: tags("http"),
      });
      this.httpListenerArn = http.arn;
    }

    if (props.testListener) {
      const test = new LbListener(this, "test", {
        loadBalancerArn: lb.arn,
        port: props.testListener.port,
        protocol: "HTTPS",
        sslPolicy: props.sslPolicy ?? DEFAULT_SSL_POLICY,
        certificateArn: props.certificateArn,
        defaultAction: [defaultAction],
        // CodeDeploy points the test listener at the green target group during a deployment.
        lifecycle: { ignoreChanges: ["default_action"] },
        tags: tags("test"),
      });
      this.testListenerArn = test.arn;
    }

    for (const rule of rules) {
      const condition: LbListenerRuleCondition[] = [];
      if (rule.pathPatterns?.length) condition.push({ pathPattern: { values: [...rule.pathPatterns] } });
      if (rule.hostHeaders?.length) condition.push({ hostHeader: { values: [...rule.hostHeaders] } });
      new LbListenerRule(this, `rule-${rule.priority}`, {
        listenerArn: https.arn,
        priority: rule.priority,
        action: [{ type: "forward", targetGroupArn: tgArns[rule.targetGroup] }],
        condition,
        lifecycle: rule.managedByCodeDeploy ? { ignoreChanges: ["action"] } : undefined,
        tags: tags(`rule-${rule.priority}`),
      });
    }

    if (props.webAclArn !== undefined) this.associateWebAcl(props.webAclArn);
  }

  /** Associates a regional WAFv2 web ACL with the load balancer (POLICIES.md #33). */
  associateWebAcl(webAclArn: string): void {
    const id = this.wafCount === 0 ? "waf" : `waf-${this.wafCount}`;
    this.wafCount += 1;
    new Wafv2WebAclAssociation(this, id, { resourceArn: this.arn, webAclArn });
  }

  /** Lets a security group (e.g. clients inside the VPC) reach the HTTPS listener of an internal LB. */
  allowFrom(id: string, sourceSecurityGroupId: string, description: string): void {
    ingressFromSecurityGroup(this, `ingress-from-${id}`, {
      securityGroupId: this.securityGroupId,
      sourceSecurityGroupId,
      port: 443,
      description,
      tags: { ...this.tags, Name: `${this.name}-ingress-${id}` },
    });
  }
}
