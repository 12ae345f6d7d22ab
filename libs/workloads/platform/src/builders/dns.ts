import type { StackBuilder } from "@infra/core";
import { AliasRecord, FailoverRecordSet, HealthCheck, type HostedZone, type ZoneRef } from "@infra/dns";
import { publicZone } from "@infra/workload-shared";
import type { AppRecordInputs, ZoneInputs } from "../inputs/dns";
import { buildApp } from "./app";
import { buildIngress } from "./ingress";

import { buildKms } from "./kms";

export interface ZoneOutputs {
  readonly zone: HostedZone;
  readonly zoneName: string;
  /** For a child zone of this env delegated from this one (delegation "env-zone"). */
  readonly zoneRef: ZoneRef;
}

export const buildZone: StackBuilder<ZoneInputs, ZoneOutputs> = (stack, inputs, ctx) => {
  const keys = ctx.dependencyOn("kms", buildKms);
  const zone = publicZone(stack, ctx, {
    domain: inputs.zoneName,
    comment: `Platform zone of ${ctx.env.name}`,
    ...(inputs.queryLogging.enabled ? { queryLogging: { retentionDays: inputs.queryLogging.retentionDays, kmsKeyArn: keys.logs.keyArn } } : {}),
    dnssec: inputs.dnssec,
    deletionProtection: inputs.deletionProtection,
    delegation: inputs.delegation,
  });
  return { zone, zoneName: inputs.zoneName, zoneRef: { zoneId: zone.zoneId, zoneName: inputs.zoneName } };
};

export interface AppRecordOutputs {
  readonly fqdn: string;
}

/** app.<zone>: a plain alias, or Route 53 failover between the primary and DR ingress (seed 004 failover strategy). */
export const buildAppRecord: StackBuilder<AppRecordInputs, AppRecordOutputs> = (stack, inputs, ctx) => {
  const { zone, zoneName } = ctx.dependencyOn("zone", buildZone);
  const primary = ctx.dependencyOn("ingress", buildIngress).alb;
  const name = `${inputs.recordName}.${zoneName}`;
  const routing = inputs.routing;
  if (routing.mode === "simple") {
    const record = new AliasRecord(stack, "app", {
      zoneId: zone.zoneId,
      name,
      target: { dnsName: primary.dnsName, hostedZoneId: primary.zoneId, evaluateTargetHealth: true },
    });
    return { fqdn: record.fqdn };
  }
  const secondary = ctx.dependencyOn("secondary", buildIngress).alb;
  if (routing.healthCheck.type === "HTTPS") {
    const served = ctx.dependencyOn("app", buildApp).healthCheckPath;
    if (routing.healthCheck.path !== served) {
      throw new Error(
        `${ctx.deployment.stackName}: routing.healthCheck.path "${routing.healthCheck.path}" is not the path the service answers on the ALB ("${served}", services/app healthCheckPath): Route 53 would fail over a healthy region`,
      );
    }
  }
  const check = new HealthCheck(stack, "primary-health", {
    name: `${ctx.env.name}-platform-primary`,
    fqdn: primary.dnsName,
    port: 443,
    failureThreshold: routing.failureThreshold,
    requestInterval: routing.requestIntervalSeconds,
    ...(routing.healthCheck.type === "HTTPS" ? { type: "HTTPS" as const, path: routing.healthCheck.path } : { type: "TCP" as const }),
  });
  const records = new FailoverRecordSet(stack, "app", {
    zoneId: zone.zoneId,
    name,
    primary: {
      target: { alias: { dnsName: primary.dnsName, hostedZoneId: primary.zoneId, evaluateTargetHealth: true } },
      healthCheckId: check.healthCheckId,
    },
    secondary: { target: { alias: { dnsName: secondary.dnsName, hostedZoneId: secondary.zoneId, evaluateTargetHealth: true } } },
  });
  return { fqdn: records.fqdn };
};
