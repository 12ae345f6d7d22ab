import { ApplicationLoadBalancer, type TargetGroupProps } from "@infra/alb";
import type { StackBuilder } from "@infra/core";
import { Certificate } from "@infra/dns";
import type { AtlasAlbInputs } from "../inputs/modules";
import { buildAtlasBuckets } from "./buckets";
import { atlasTags } from "./common";
import { buildAtlasZone } from "./dns";
import { buildAtlasVpc } from "./vpc";
import { buildAtlasWaf } from "./waf";

export interface AtlasTargetGroup {
  readonly arn: string;
  readonly name: string;
  readonly arnSuffix: string;
}

export interface AtlasAlb {
  readonly dnsName: string;
  readonly zoneId: string;
  readonly arnSuffix: string;
  readonly securityGroupId: string;
  readonly httpsListenerArn: string;
  /** By service name: the (blue) target group, and the green one in phase 4. */
  readonly targets: Readonly<Record<string, { readonly blue: AtlasTargetGroup; readonly green?: AtlasTargetGroup }>>;
}

/**
 * Phase 2+: the ALB replaces nginx — ACM certificate, HTTPS listener (TLS 1.2/1.3), HTTP → HTTPS 301,
 * `/api/*` → api-gateway, everything else → web-app. Phase 3 adds WAF; phase 4 green target groups for
 * CodeDeploy, which then owns the listener's actions.
 */
export const buildAtlasAlb: StackBuilder<AtlasAlbInputs, AtlasAlb> = (stack, inputs, ctx) => {
  const { vpc } = ctx.dependencyOn("vpc", buildAtlasVpc);
  const zone = ctx.dependencyOn("zone", buildAtlasZone);
  const buckets = inputs.accessLogs ? ctx.dependencyOn("buckets", buildAtlasBuckets) : undefined;
  const waf = inputs.waf ? ctx.dependencyOn("waf", buildAtlasWaf) : undefined;
  const tags = atlasTags("load-balancer");
  const cert = new Certificate(stack, "certificate", {
    domainName: inputs.certificateDomain,
    subjectAlternativeNames: inputs.certificateAlternativeNames,
    zoneId: zone.zoneId,
    tags,
  });
  const group = (s: AtlasAlbInputs["api"], color: "" | "-green"): TargetGroupProps => ({
    key: `${s.key}${color}`,
    name: `${inputs.name}-${s.key}${color}`,
    port: s.port,
    targetType: "ip",
    healthCheck: { path: s.healthPath },
  });
  const services = [inputs.api, inputs.web];
  const targetGroups = services.flatMap((s) => (inputs.blueGreen ? [group(s, ""), group(s, "-green")] : [group(s, "")]));
  const alb = new ApplicationLoadBalancer(stack, "alb", {
    name: inputs.name,
    vpcId: vpc.vpcId,
    vpcCidr: vpc.cidr,
    subnetIds: vpc.publicSubnetIds,
    certificateArn: cert.certificateArn,
    httpRedirect: true,
    deletionProtection: inputs.deletionProtection,
    // The bucket's own target: the prefix its policy allows.
    accessLogs: buckets?.accessLogs.albLogTarget,
    targetGroups,
    defaultTargetGroup: inputs.web.key,
    defaultActionManagedByCodeDeploy: inputs.blueGreen,
    rules: [{ priority: 10, pathPatterns: inputs.apiPaths, targetGroup: inputs.api.key, managedByCodeDeploy: inputs.blueGreen }],
    webAclArn: waf?.webAclArn,
    tags,
  });
  const tg = (key: string): AtlasTargetGroup => ({
    arn: alb.targetGroupArns[key]!,
    name: alb.targetGroupNames[key]!,
    arnSuffix: alb.targetGroupArnSuffixes[key]!,
  });
  const targets = Object.fromEntries(services.map((s) => [s.name, { blue: tg(s.key), ...(inputs.blueGreen ? { green: tg(`${s.key}-green`) } : {}) }]));
  return {
    dnsName: alb.dnsName,
    zoneId: alb.zoneId,
    arnSuffix: alb.arnSuffix,
    securityGroupId: alb.securityGroupId,
    httpsListenerArn: alb.httpsListenerArn,
    targets,
  };
};
