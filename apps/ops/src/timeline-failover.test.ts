import { WORKLOADS } from "@envs/envcommon";
import { env as dev } from "@envs/dev";
import { env as prod } from "@envs/prod";
import { root } from "@envs/root";
import { resolveEnv } from "@infra/config";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { failoverPlan, failoverScript } from "@infra/timeline";
import { timelineOnly } from "./timeline-env";

describe("timeline DR failover", () => {
  const plan = failoverPlan(resolveEnv(root, timelineOnly(prod), WORKLOADS));

  it("reads the replica, zone and cache from prod's config", () => {
    expect({ ...plan, api: undefined }).toEqual({
      env: "prod",
      accountId: "444444444444",
      primaryRegion: "us-east-1",
      drRegion: "us-west-2",
      replicaId: "prod-us-west-2-timeline",
      backupRetentionDays: 30,
      makeMultiAz: false,
      readerRecords: ["reader-1", "reader-2"],
      zoneName: "prod.timeline.internal",
      writerRecord: "db-writer.prod.timeline.internal",
      readerRecord: "db-reader.prod.timeline.internal",
      cacheRecord: "cache.prod.timeline.internal",
      drCacheId: "prod-us-west-2-timeline",
      api: undefined,
    });
  });

  it("promotes the (Multi-AZ) replica and re-points writer, readers and cache in one Route 53 change", () => {
    const script = failoverScript(plan);
    const commands = script.split("\n").filter((l) => l.startsWith("aws ") || l.includes("then aws "));
    expect(commands.map((c) => c.replace(/^.*?(aws [a-z0-9-]+ [a-z-]+).*$/, "$1"))).toEqual([
      "aws rds describe-db-instances",
      "aws rds promote-read-replica",
      "aws rds wait",
      "aws route53 change-resource-record-sets",
      "aws application-autoscaling register-scalable-target",
      "aws ecs update-service",
      "aws ecs wait",
      "aws route53 change-resource-record-sets",
    ]);
    expect(script).toContain("aws rds promote-read-replica --region us-west-2 --db-instance-identifier prod-us-west-2-timeline --backup-retention-period 30");
    expect(script).toContain('if [ "$ACCOUNT" != "444444444444" ]');
    const change = script.split("\n").find((l) => l.startsWith("aws route53 change-resource-record-sets"))!;
    const batch = JSON.parse(JSON.parse(`"${/--change-batch "(.*)"$/.exec(change)![1]}"`)) as {
      Changes: { ResourceRecordSet: { Name: string; SetIdentifier?: string; ResourceRecords: { Value: string }[] } }[];
    };
    expect(
      batch.Changes.map((c) => [c.ResourceRecordSet.Name, c.ResourceRecordSet.SetIdentifier ?? null, c.ResourceRecordSet.ResourceRecords[0]!.Value]),
    ).toEqual([
      ["db-writer.prod.timeline.internal", null, "$WRITER"],
      ["db-reader.prod.timeline.internal", "reader-1", "$WRITER"],
      ["db-reader.prod.timeline.internal", "reader-2", "$WRITER"],
      ["cache.prod.timeline.internal", null, "$CACHE"],
    ]);
  });

  it("starts the standby API with the primary's task bounds and points api.<domain> at the DR load balancer", () => {
    expect(plan.api).toEqual({
      cluster: "prod-us-west-2-timeline",
      service: "prod-us-west-2-timeline-api",
      minTasks: 2,
      maxTasks: 10,
      loadBalancerName: "prod-us-west-2-timeline-api",
      publicZoneName: "acme-timeline.com",
      apiName: "api.acme-timeline.com",
    });
    const script = failoverScript(plan);
    expect(script).toContain(
      "aws application-autoscaling register-scalable-target --region us-west-2 --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/prod-us-west-2-timeline/prod-us-west-2-timeline-api --min-capacity 2 --max-capacity 10",
    );
    const change = script.split("\n").filter((l) => l.startsWith("aws route53 change-resource-record-sets"))[1]!;
    expect(change).toContain('--hosted-zone-id "$PUBLIC_ZONE_ID"');
    const batch = JSON.parse(JSON.parse(`"${/--change-batch "(.*)"$/.exec(change)![1]}"`)) as { Changes: { ResourceRecordSet: Record<string, unknown> }[] };
    expect(batch.Changes[0]!.ResourceRecordSet).toEqual({
      Name: "api.acme-timeline.com",
      Type: "A",
      AliasTarget: { HostedZoneId: "$LB_ZONE", DNSName: "$LB_DNS", EvaluateTargetHealth: true },
    });
  });

  it("the committed runbook script is what the config generates", () => {
    const committed = readFileSync(resolve(__dirname, "../../../docs/runbooks/timeline-failover-prod.sh"), "utf8");
    expect(committed).toBe(failoverScript(plan));
  });

  it("restores Multi-AZ after promotion when the DR replica is single-AZ", () => {
    const script = failoverScript({ ...plan, makeMultiAz: true });
    expect(script).toContain("aws rds modify-db-instance --region us-west-2 --db-instance-identifier prod-us-west-2-timeline --multi-az --apply-immediately");
  });

  it("refuses an env without a DR region", () => {
    expect(() => failoverPlan(resolveEnv(root, timelineOnly(dev), WORKLOADS))).toThrow(
      "dev has no DR region for the timeline app: no timeline-data/rds deployment with replicaOfPrimary: true",
    );
  });
});
