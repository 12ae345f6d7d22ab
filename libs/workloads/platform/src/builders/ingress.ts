import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { ApplicationLoadBalancer } from "@infra/alb";
import type { StackBuilder } from "@infra/core";
import { Certificate } from "@infra/dns";
import { logBucket } from "@infra/workload-shared";
import { WebAcl } from "@infra/waf";
import type { IngressInputs } from "../inputs/ingress";
import { buildZone } from "./dns";
import { buildEcs } from "./ecs";
import { buildKms } from "./kms";
import { buildVpc } from "./vpc";

export interface IngressOutputs {
  readonly alb: ApplicationLoadBalancer;
  /** The region's log bucket (ALB access logs; S3 server access logs of the platform's other buckets). */
  readonly accessLogBucketName: string;
}

/**
 * The region's ingress (seed 004 network security: an ALB in the public subnets, 80/443): TLS with an
 * ACM certificate validated in the env's zone, HTTP redirected, a regional WAF, access logs to S3 for
 * 30 days, and the ECS instances opened to the ALB only.
 */
export const buildIngress: StackBuilder<IngressInputs, IngressOutputs> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependencyOn("vpc", buildVpc);
  const { zone } = ctx.dependencyOn("zone", buildZone);
  const { cluster } = ctx.dependencyOn("ecs", buildEcs);
  const keys = ctx.dependencyOn("kms", buildKms);
  const region = ctx.deployment.region.name;

  const certificate = new Certificate(stack, "certificate", { domainName: inputs.domainName, zoneId: zone.zoneId });
  // ALB access logs can only be delivered to an SSE-S3 bucket.
  const logs = logBucket(stack, "access-logs", {
    bucketName: `${ctx.env.project}-${ctx.env.name}-${region}-alb-logs`,
    logSources: ["alb", "s3-access-logs"],
    accountId: ctx.env.accountId,
    region,
    expiration: { ruleId: "expire-alb-logs", days: inputs.accessLogRetentionDays },
    deletionProtection: inputs.deletionProtection,
    forceDestroy: !inputs.deletionProtection,
  });
  const waf = new WebAcl(stack, "waf", {
    name: inputs.name,
    scope: "REGIONAL",
    rateLimit: { limit: inputs.rateLimitPer5Min },
    logging: { retentionDays: inputs.wafLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
  });
  const alb = new ApplicationLoadBalancer(stack, "alb", {
    name: inputs.name,
    vpcId: vpc.vpcId,
    vpcCidr: vpc.cidr,
    subnetIds: vpc.publicSubnetIds,
    certificateArn: certificate.certificateArn,
    deletionProtection: inputs.deletionProtection,
    // The prefix the bucket policy allows, from the bucket itself.
    accessLogs: logs.albLogTarget!,
    webAclArn: waf.webAclArn,
  });
  // Tasks on the cluster's instances use dynamic host ports: the ALB may reach that range, nothing else may.
  // The rule lives here, not in the cluster's stack, so the dependency runs one way (ingress after cluster).
  new VpcSecurityGroupIngressRule(stack, "alb-to-ecs", {
    securityGroupId: cluster.instanceSecurityGroupId,
    referencedSecurityGroupId: alb.securityGroupId,
    ipProtocol: "tcp",
    fromPort: 32768,
    toPort: 65535,
    description: "ALB to ECS dynamic host ports",
  });
  return { alb, accessLogBucketName: logs.bucketName };
};
