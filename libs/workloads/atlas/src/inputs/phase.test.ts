import { describe, expect, it } from "vitest";
import { maxConnections, phaseFeatures, SERVICES } from "./phase";
import { atlasConfig } from "./workload";

describe("phaseFeatures: what each phase means per env (seed 001)", () => {
  it("phase 1 and 2 run in prod only; phase 3+ adds staging; dev and uat never run the workload", () => {
    for (const phase of [1, 2, 3, 4] as const) {
      expect(phaseFeatures(phase, "prod").deployed).toBe(true);
      expect(phaseFeatures(phase, "staging").deployed).toBe(phase >= 3);
      expect(phaseFeatures(phase, "dev").deployed).toBe(false);
      expect(phaseFeatures(phase, "uat").deployed).toBe(false);
    }
  });

  it("phase 1: EC2 Docker host, simplified VPC without NAT, db.t4g.micro, no Redis/OpenSearch, phase-1 alarms, no dashboards", () => {
    expect(phaseFeatures(1, "prod")).toEqual({
      phase: 1,
      deployed: true,
      compute: "docker-host",
      network: { azCount: 2, offsets: { public: [1], private: [], database: [20, 21] }, nat: { mode: "none" } },
      rds: { instanceClass: "db.t4g.micro", allocatedStorageGb: 20, multiAz: false, readReplicas: 0, backupRetentionDays: 7, performanceInsights: false },
      desiredCount: 1,
      waf: false,
      cdn: false,
      alarms: "phase1",
      dashboards: [],
    });
  });

  it("phase 2: ECS, full VPC with one NAT, db.t3.medium 50 GB, cache.t3.medium, 1 task, one dashboard", () => {
    const f = phaseFeatures(2, "prod");
    expect(f.compute).toBe("ecs");
    expect(f.network).toEqual({ azCount: 2, offsets: { public: [1, 2], private: [10, 11], database: [20, 21] }, nat: { mode: "single" } });
    expect(f.rds).toEqual({
      instanceClass: "db.t3.medium",
      allocatedStorageGb: 50,
      multiAz: false,
      readReplicas: 0,
      backupRetentionDays: 7,
      performanceInsights: false,
    });
    expect(f.redis).toEqual({ nodeType: "cache.t3.medium", nodes: 1 });
    expect(f.search).toBeUndefined();
    expect(f.desiredCount).toBe(1);
    expect(f.dashboards).toEqual(["overview"]);
    expect(f.alarms).toBe("full");
  });

  it("phase 3: the staging/production tables for RDS, Redis, OpenSearch; WAF, X-Ray 5 %, CloudFront in prod only, SMS, 3 dashboards", () => {
    const prod = phaseFeatures(3, "prod");
    const staging = phaseFeatures(3, "staging");
    expect(prod.rds).toEqual({
      instanceClass: "db.r6g.large",
      allocatedStorageGb: 100,
      multiAz: true,
      readReplicas: 1,
      backupRetentionDays: 30,
      performanceInsights: true,
    });
    expect(staging.rds).toEqual({
      instanceClass: "db.t3.medium",
      allocatedStorageGb: 50,
      multiAz: false,
      readReplicas: 0,
      backupRetentionDays: 7,
      performanceInsights: true,
    });
    expect(prod.redis).toEqual({ nodeType: "cache.r6g.large", nodes: 2 });
    expect(staging.redis).toEqual({ nodeType: "cache.t3.medium", nodes: 1 });
    expect(prod.search).toEqual({ instanceType: "r6g.large.search", nodes: 3, volumeGiB: 100 });
    expect(staging.search).toEqual({ instanceType: "t3.small.search", nodes: 1, volumeGiB: 20 });
    for (const f of [prod, staging]) {
      expect(f.desiredCount).toBe(2);
      expect(f.waf).toBe(true);
      expect(f.xray).toEqual({ samplingRate: 0.05 });
      // "Metrics, Phase 3+: CloudWatch Metrics + Prometheus".
      expect(f.prometheus).toEqual({ scrapeIntervalSeconds: 30 });
      expect(f.alarms).toBe("full-sms");
      expect(f.dashboards).toEqual(["overview", "database", "search"]);
    }
    expect(prod.cdn).toBe(true);
    expect(staging.cdn).toBe(false);
  });

  it("phase 4: auto-scaling (70 %, 300/60) and DR in prod; blue/green everywhere, canary in prod", () => {
    const prod = phaseFeatures(4, "prod");
    const staging = phaseFeatures(4, "staging");
    expect(prod.autoScaling).toEqual({ targetCpuPercent: 70, scaleInCooldown: 300, scaleOutCooldown: 60 });
    expect(staging.autoScaling).toBeUndefined();
    expect(prod.blueGreen).toEqual({ deploymentConfig: "CodeDeployDefault.ECSCanary10Percent5Minutes", terminationWaitMinutes: 5 });
    expect(staging.blueGreen).toEqual({ deploymentConfig: "CodeDeployDefault.ECSAllAtOnce", terminationWaitMinutes: 5 });
    // Seed "Region failure | 4 hours | 1 hour | DR region activation".
    expect(prod.dr).toEqual({ region: "us-west-2", rtoHours: 4, rpoHours: 1 });
    expect(staging.dr).toBeUndefined();
    expect(prod.rds.backupReplication).toEqual({ region: "us-west-2", retentionDays: 7 });
  });

  it("the service table matches the seed's ECS task definitions and auto-scaling limits", () => {
    expect(SERVICES.map((s) => [s.name, s.cpu, s.memory, s.port, s.healthPath, s.scaling.min, s.scaling.max])).toEqual([
      ["api-gateway", 512, 1024, 8080, "/actuator/health", 2, 10],
      ["user-service", 512, 1024, 8081, "/actuator/health", 2, 10],
      ["video-service", 512, 1024, 8082, "/actuator/health", 2, 10],
      ["location-service", 512, 1024, 8083, "/actuator/health", 2, 10],
      ["search-service", 512, 1024, 8084, "/actuator/health", 2, 10],
      ["moderation-service", 256, 512, 8085, "/actuator/health", 1, 5],
      ["notification-service", 256, 512, 8086, "/actuator/health", 1, 5],
      ["web-app", 512, 1024, 3000, "/api/health", 2, 5],
    ]);
    // Compose limits with nginx (0.25, 256) and redis (0.15, 640): 3.90 vCPU as the seed says; the seed's
    // "~7,040 MB" total is an addition error: its own rows sum to 8,064 MB (still inside 16 GB).
    const cpu = SERVICES.reduce((n, s) => n + s.composeCpu, 0.25 + 0.15);
    const mem = SERVICES.reduce((n, s) => n + s.composeMemoryMb, 256 + 640);
    expect(cpu).toBeCloseTo(3.9);
    expect(mem).toBe(8064);
  });

  it("max_connections follows RDS's formula", () => {
    expect(maxConnections("db.t3.medium")).toBe(450);
    expect(maxConnections("db.r6g.large")).toBe(1802);
    expect(() => maxConnections("db.x9.huge")).toThrow(/INSTANCE_MEMORY_GIB/);
  });
});

describe("atlasConfig", () => {
  const base = {
    phase: 1,
    domain: "accountabilityatlas.com",
    adminCidrs: ["203.0.113.10/32"],
    imageTag: "1.0.0",
    alarmEmails: [],
    criticalAlarmSms: [],
    smsDelivery: { mode: "sandbox" },
    appRepositories: ["acme/AccountabilityAtlas"],
    drRegion: "us-west-2",
  };
  it("accepts phase 1 without an SMS number, and says what is wrong with a bad phase", () => {
    expect(atlasConfig.safeParse(base).success).toBe(true);
    const bad = atlasConfig.safeParse({ ...base, phase: 5 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain("must be a phase number: 1 | 2 | 3 | 4");
  });
  it("phase 3+ needs an on-call SMS number (critical alarms go by SMS + email)", () => {
    const bad = atlasConfig.safeParse({ ...base, phase: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["criticalAlarmSms"]);
  });
  it("refuses SSH from the whole internet", () => {
    const bad = atlasConfig.safeParse({ ...base, adminCidrs: ["0.0.0.0/0"] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain("admin network");
  });
});
