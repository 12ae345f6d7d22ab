import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import type { StackBuilder } from "@infra/core";
import { TracingSamplingRule } from "@infra/lambda";
import { type ContainerSecret, FargateCluster, FargateService, PrivateNamespace } from "@infra/ecs-service";
import { MetricAlarm, SecretRotationFailureAlarm } from "@infra/monitoring";
import type { AtlasEcsInputs } from "../inputs/modules";
import type { SecretName, ServiceName } from "../inputs/phase";
import { buildAtlasAlb } from "./alb";
import { COLLECTOR_CLIENT_ENV, collectorConfig, collectorSidecar, type MetricsDestination, metricsWorkspace, XRAY_WRITE_STATEMENT } from "./collector";
import { atlasTags } from "./common";
import { computeDependencies } from "./compute-dependencies";
import { buildAtlasEcr } from "./ecr";
import { buildAtlasKms } from "./kms";
import { buildAtlasQueues } from "./queues";
import { buildAtlasBuckets } from "./buckets";
import { DrReadinessProbe } from "./dr-readiness";
import { buildAtlasRds } from "./rds";
import { replicaArn } from "./replica";
import { buildAtlasSecrets } from "./secrets";
import { buildAtlasVpc } from "./vpc";
import { buildAtlasSearch } from "./opensearch";
import { queueStatements } from "./queues";
import { type BlueGreenTarget, type RollingTarget, RotationRedeploy } from "./rotation-redeploy";
import { buildAtlasRedis } from "./redis";

/** Environment variable each secret is injected as (seed: "injected as env var from Secrets Manager"). */
export const SECRET_ENV: Readonly<Record<Exclude<SecretName, "database-password">, string>> = {
  "jwt-rsa-key-pair": "APP_JWT_PRIVATE_KEY",
  "mapbox-access-token": "MAPBOX_ACCESS_TOKEN",
  "youtube-api-key": "YOUTUBE_API_KEY",
  "admin-password-hash": "ADMIN_PASSWORD_HASH",
};

export interface AtlasServiceOutputs {
  readonly serviceName: string;
  readonly securityGroupId: string;
  readonly logGroupName: string;
  readonly discoveryName?: string;
  readonly codeDeployAppName?: string;
  readonly codeDeployDeploymentGroupName?: string;
  /** The roles a deploy passes to ECS (the app deploy role's iam:PassRole). */
  readonly taskRoleArn: string;
  readonly executionRoleArn: string;
}

export interface AtlasCompute {
  readonly clusterName: string;
  readonly services: Readonly<Partial<Record<ServiceName, AtlasServiceOutputs>>>;
}

const envKey = (name: string) => name.toUpperCase().replace(/-/g, "_");

/** How the services reach their database: its master secret ({username, password[, host]}), address and security group. */
interface DatabaseAccess {
  readonly secretArn: string;
  /** SPRING_DATASOURCE_URL. */
  readonly jdbcUrl: string;
  /** The address is read from the secret's `host` key at task start (DB_HOST), not written into the task definition. */
  readonly hostFromSecret: boolean;
  readonly securityGroupId: string;
}

/**
 * What the services read. The primary: computeDependencies (its database stack among them). A DR copy
 * (ADR 0106): the keys, VPC, queues, buckets and image repositories of its own region, the replicas of
 * the primary's secrets, and a database that exists only once the runbook restored it: a security
 * group here for the restore to attach, and the address from the master secret's replica.
 */
function dependencies(
  stack: Parameters<StackBuilder<AtlasEcsInputs, AtlasCompute>>[0],
  inputs: AtlasEcsInputs,
  ctx: Parameters<StackBuilder<AtlasEcsInputs, AtlasCompute>>[2],
) {
  const dr = inputs.dr;
  if (!dr) {
    const { db, ...rest } = computeDependencies(ctx);
    const database: DatabaseAccess = {
      // ADR 0145: the alternating application logins; the master secret only where there are none.
      secretArn: db.appSecretArn ?? db.passwordSecretArn,
      jdbcUrl: `jdbc:postgresql://${db.database.address}:5432/atlas?sslmode=require`,
      hostFromSecret: false,
      securityGroupId: db.database.securityGroupId,
    };
    // What the rotation alarm watches: the secret the services read and, when our function rotates it, the master secret.
    const rotatedSecretArns = [...new Set([database.secretArn, ...(db.database.masterSecret ? [db.database.masterSecret.secretArn] : [])])];
    return {
      ...rest,
      alerts: rest.alerts as ReturnType<typeof computeDependencies>["alerts"] | undefined,
      database,
      rotatedSecretArns,
      primaryDbIdentifier: undefined,
    };
  }
  const here = ctx.deployment.region.name;
  const inRegion = (id: string, arn: string) => replicaArn(stack, `${id}-replica-arn`, arn, dr.primaryRegion, here);
  const primarySecrets = ctx.dependencyOn("secrets", buildAtlasSecrets);
  const primaryDb = ctx.dependencyOn("rds", buildAtlasRds);
  const vpc = ctx.dependencyOn("vpc", buildAtlasVpc).vpc;
  const group = new SecurityGroup(stack, "dr-database", {
    name: dr.databaseSecurityGroupName,
    description: "The database restored at DR activation (docs/runbooks/atlas-dr.md): PostgreSQL from the services only",
    vpcId: vpc.vpcId,
    tags: atlasTags("database"),
  });
  const secrets = {
    ...primarySecrets,
    arns: Object.fromEntries(Object.entries(primarySecrets.arns).map(([name, arn]) => [name, inRegion(name, arn)])) as typeof primarySecrets.arns,
  };
  const database: DatabaseAccess = {
    secretArn: inRegion("database-secret", primaryDb.appSecretArn ?? primaryDb.passwordSecretArn),
    // `$${` is Terraform's literal `${`: Spring resolves ${DB_HOST} from the task's environment at start.
    jdbcUrl: `jdbc:postgresql://$\${DB_HOST}:5432/${dr.databaseName}?sslmode=require`,
    hostFromSecret: true,
    securityGroupId: group.id,
  };
  return {
    keys: ctx.dependencyOn("kms", buildAtlasKms),
    vpc,
    registry: ctx.dependencyOn("ecr", buildAtlasEcr),
    secrets,
    queues: ctx.dependencyOn("queues", buildAtlasQueues),
    buckets: ctx.dependencyOn("buckets", buildAtlasBuckets),
    alerts: undefined,
    database,
    /** The secrets rotate in the primary region; its alarm watches them. */
    rotatedSecretArns: [],
    /** Whose replicated automated backups the standby would restore (the readiness probe measures them). */
    primaryDbIdentifier: primaryDb.database.instanceId,
  };
}

/**
 * Phase 2+: ECS Fargate, one service per app of the task-definition table, images from ECR, secrets
 * from Secrets Manager, logs to CloudWatch, Cloud Map names so api-gateway reaches the others as
 * `<service>.<namespace>`. Phase 3: 2 tasks, OpenSearch, X-Ray. Phase 4: auto-scaling and CodeDeploy
 * blue/green for the services behind the ALB.
 */
export const buildAtlasEcs: StackBuilder<AtlasEcsInputs, AtlasCompute> = (stack, inputs, ctx) => {
  const { keys, vpc, registry, secrets, queues, buckets, alerts, database, rotatedSecretArns, primaryDbIdentifier } = dependencies(stack, inputs, ctx);
  const alb = ctx.dependencyOn("alb", buildAtlasAlb);
  const cache = inputs.redis ? ctx.dependencyOn("redis", buildAtlasRedis) : undefined;
  const search = inputs.search ? ctx.dependencyOn("search", buildAtlasSearch) : undefined;

  const cluster = new FargateCluster(stack, "cluster", {
    name: inputs.cluster,
    containerInsights: inputs.containerInsights ? "enabled" : "disabled",
    tags: atlasTags("ecs"),
  });
  const namespace = new PrivateNamespace(stack, "namespace", { name: inputs.namespace, vpcId: vpc.vpcId, tags: atlasTags("ecs") });

  if (inputs.xray) {
    new TracingSamplingRule(stack, "xray-sampling", {
      name: `${inputs.servicePrefix}-5pct`.slice(0, 32),
      fixedRate: inputs.xray.samplingRate,
      tags: atlasTags("xray"),
    });
  }

  // Phase 3+: one Prometheus workspace per env; the ADOT sidecar of each task remote-writes to it.
  const region = new DataAwsRegion(stack, "region");
  const workspace = inputs.collector?.prometheus
    ? metricsWorkspace(stack, {
        alias: inputs.cluster,
        kmsKeyArn: keys.data.keyArn,
        logKmsKeyArn: keys.logs.keyArn,
        logRetentionDays: inputs.logRetentionDays,
        tags: atlasTags("prometheus"),
      })
    : undefined;
  const metrics: MetricsDestination | undefined =
    workspace && inputs.collector?.prometheus
      ? { remoteWriteUrl: workspace.remoteWriteUrl, region: region.region, scrapeIntervalSeconds: inputs.collector.prometheus.scrapeIntervalSeconds }
      : undefined;

  const discovery = (name: ServiceName, port: number) => `http://${name}.${inputs.namespace}:${port}`;
  const created = new Map<ServiceName, FargateService>();
  const javaServices = inputs.services.filter((s) => s.name !== "web-app");

  for (const s of inputs.services) {
    const isJava = s.name !== "web-app";
    const serviceSecrets: Record<string, ContainerSecret> = {};
    for (const name of s.secrets) {
      if (name === "database-password") {
        serviceSecrets["SPRING_DATASOURCE_USERNAME"] = { secretArn: database.secretArn, jsonKey: "username" };
        serviceSecrets["SPRING_DATASOURCE_PASSWORD"] = { secretArn: database.secretArn, jsonKey: "password" };
        if (database.hostFromSecret) serviceSecrets["DB_HOST"] = { secretArn: database.secretArn, jsonKey: "host" };
      } else {
        serviceSecrets[SECRET_ENV[name]] = { secretArn: secrets.arns[name]! };
      }
    }
    const environment: Record<string, string> = { ...s.environment };
    if (s.name === "search-service") environment["SPRING_PROFILES_ACTIVE"] = search ? "prod,opensearch" : "prod,fts";
    if (isJava) environment["SPRING_DATASOURCE_URL"] = database.jdbcUrl;
    if (s.name === "api-gateway")
      for (const other of javaServices) if (other.name !== s.name) environment[`${envKey(other.name)}_URL`] = discovery(other.name, other.port);
    if (s.name === "web-app") environment["API_GATEWAY_URL"] = discovery("api-gateway", 8080);
    for (const q of queues.queues) {
      if (q.consumer === s.name || q.producers.includes(s.name)) environment[`${envKey(q.consumer)}_QUEUE_URL`] = q.queueUrl;
    }
    const statements: DataAwsIamPolicyDocumentStatement[] = [...queueStatements(s.name, queues)];
    if (cache?.clients.includes(s.name)) {
      // AUTH over TLS with a password from Secrets Manager: no AWS SDK in the services (ADR 0100).
      environment["REDIS_HOST"] = cache.primaryEndpoint;
      environment["REDIS_PORT"] = String(cache.port);
      environment["REDIS_SSL"] = "true";
      serviceSecrets["REDIS_PASSWORD"] = { secretArn: cache.authTokenSecretArn };
    }
    if (search && s.name === "search-service") {
      environment["OPENSEARCH_ENDPOINT"] = `https://${search.endpoint}`;
      statements.push({
        sid: "SearchHttp",
        effect: "Allow",
        actions: ["es:ESHttpDelete", "es:ESHttpGet", "es:ESHttpHead", "es:ESHttpPost", "es:ESHttpPut"],
        resources: [`${search.domainArn}/*`],
      });
    }
    if (s.name === "video-service" || s.name === "web-app") {
      statements.push({ sid: "StaticAssets", effect: "Allow", actions: ["s3:GetObject", "s3:PutObject"], resources: [`${buckets.staticAssets.bucketArn}/*`] });
      statements.push({ sid: "StaticAssetsKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [buckets.kmsKeyArn] });
    }
    if (inputs.xray) environment["AWS_XRAY_SAMPLING_RATE"] = String(inputs.xray.samplingRate);
    const collector = inputs.collector;
    if (collector) {
      Object.assign(environment, COLLECTOR_CLIENT_ENV);
      // The collector exports with the task role: X-Ray, and remote write to exactly this workspace.
      statements.push(XRAY_WRITE_STATEMENT);
      if (workspace) statements.push({ sid: "PrometheusRemoteWrite", effect: "Allow", actions: ["aps:RemoteWrite"], resources: [workspace.arn] });
    }
    const sidecars = collector
      ? [
          collectorSidecar(
            collector.image,
            collector.memoryReservation,
            collectorConfig({
              service: s.name,
              ...(isJava ? { scrape: { port: s.port, path: "/actuator/prometheus" } } : {}),
              region: region.region,
              ...(metrics ? { metrics } : {}),
            }),
          ),
        ]
      : [];
    const blueGreen = s.public && inputs.blueGreen ? alb.targets[s.name] : undefined;
    const targets = s.public ? alb.targets[s.name] : undefined;
    const serviceName = `${inputs.servicePrefix}-${s.name}`;
    let rollbackAlarms: string[] = [];
    if (blueGreen?.green && alerts) {
      // DEPLOYMENT_STOP_ON_ALARM: 5XX from the new tasks during the canary stops and rolls back.
      const alarm = new MetricAlarm(stack, `${s.name}-deploy-5xx`, {
        name: `${serviceName}-deploy-5xx`,
        description: `${s.name}: target 5XX during a blue/green deployment; CodeDeploy rolls back`,
        comparison: "GreaterThanThreshold",
        threshold: 10,
        period: 60,
        evaluationPeriods: 2,
        alarmTopicArns: [alerts.criticalTopicArn],
        metricQueries: [
          {
            id: "blue",
            namespace: "AWS/ApplicationELB",
            metricName: "HTTPCode_Target_5XX_Count",
            dimensions: { LoadBalancer: alb.arnSuffix, TargetGroup: blueGreen.blue.arnSuffix },
            stat: "Sum",
          },
          {
            id: "green",
            namespace: "AWS/ApplicationELB",
            metricName: "HTTPCode_Target_5XX_Count",
            dimensions: { LoadBalancer: alb.arnSuffix, TargetGroup: blueGreen.green.arnSuffix },
            stat: "Sum",
          },
          { id: "errors", expression: "FILL(blue, 0) + FILL(green, 0)", label: "5XX of both target groups" },
        ],
        returnId: "errors",
        tags: atlasTags(s.name),
      });
      rollbackAlarms = [alarm.alarmName];
    }
    const service = new FargateService(stack, s.name, {
      name: serviceName,
      cluster,
      vpcId: vpc.vpcId,
      subnetIds: vpc.privateSubnetIds,
      cpu: s.cpu,
      memory: s.memory,
      container: {
        name: s.name,
        image: `${registry.repositories[s.repository]!.url}:${inputs.imageTag}`,
        port: s.port,
        healthCheck: { path: s.healthPath, startPeriodSeconds: isJava ? 120 : 30 },
        environment,
        secrets: serviceSecrets,
        writablePaths: ["/tmp"],
      },
      sidecars,
      ecrRepositoryArns: [registry.repositories[s.repository]!.arn],
      secretsKmsKeyArn: keys.data.keyArn,
      taskPolicyStatements: statements,
      logRetentionDays: inputs.logRetentionDays,
      logKmsKeyArn: keys.logs.keyArn,
      desiredCount: s.desiredCount,
      ...(targets ? { loadBalancer: { securityGroupId: alb.securityGroupId, ...(blueGreen ? {} : { targetGroupArn: targets.blue.arn }) } } : {}),
      serviceDiscovery: { namespaceId: namespace.namespaceId, namespaceName: namespace.namespaceName, name: s.name },
      ...(blueGreen?.green
        ? {
            deployment: {
              mode: "blueGreen" as const,
              listenerArn: alb.httpsListenerArn,
              blueTargetGroup: { arn: blueGreen.blue.arn, name: blueGreen.blue.name },
              greenTargetGroup: { name: blueGreen.green.name },
              deploymentConfig: inputs.blueGreen!.deploymentConfig,
              terminationWaitMinutes: inputs.blueGreen!.terminationWaitMinutes,
              rollbackAlarms,
            },
          }
        : {}),
      ...(s.autoScaling && inputs.autoScaling ? { autoScaling: { min: s.autoScaling.min, max: s.autoScaling.max, ...inputs.autoScaling } } : {}),
      tags: atlasTags(s.name),
    });
    created.set(s.name, service);
  }

  // Who may call whom: api-gateway calls every backend; web-app (SSR) calls api-gateway.
  const gateway = created.get("api-gateway");
  for (const s of javaServices) {
    if (s.name !== "api-gateway" && gateway) created.get(s.name)!.allowFrom("api-gateway", gateway.securityGroupId, "From api-gateway");
  }
  const web = created.get("web-app");
  if (gateway && web) gateway.allowFrom("web-app", web.securityGroupId, "From web-app (server-side rendering)");

  // Data stores' ingress lives with their clients, so data stacks never depend on a phase's compute.
  for (const s of javaServices) {
    const svc = created.get(s.name)!;
    new VpcSecurityGroupIngressRule(stack, `rds-from-${s.name}`, {
      securityGroupId: database.securityGroupId,
      referencedSecurityGroupId: svc.securityGroupId,
      ipProtocol: "tcp",
      fromPort: 5432,
      toPort: 5432,
      description: `PostgreSQL from ${s.name}`,
      tags: atlasTags(s.name),
    });
    if (cache?.clients.includes(s.name)) {
      new VpcSecurityGroupIngressRule(stack, `redis-from-${s.name}`, {
        securityGroupId: cache.securityGroupId,
        referencedSecurityGroupId: svc.securityGroupId,
        ipProtocol: "tcp",
        fromPort: cache.port,
        toPort: cache.port,
        description: `Redis from ${s.name}`,
        tags: atlasTags(s.name),
      });
    }
  }
  if (search && created.get("search-service")) {
    new VpcSecurityGroupIngressRule(stack, "search-from-search-service", {
      securityGroupId: search.securityGroupId,
      referencedSecurityGroupId: created.get("search-service")!.securityGroupId,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      description: "HTTPS from search-service",
      tags: atlasTags("search-service"),
    });
  }

  // ECS reads `secrets` only at task start: when the database secret rotates, every task reading it
  // is replaced by one holding the new value (docs/adr/0100-atlas-service-credentials.md).
  const rolling: RollingTarget[] = [];
  const blueGreenTargets: BlueGreenTarget[] = [];
  for (const s of inputs.services) {
    const svc = created.get(s.name)!;
    if (!s.secrets.includes("database-password")) continue;
    if (svc.codeDeployAppName && svc.codeDeployDeploymentGroupName) {
      blueGreenTargets.push({
        serviceName: svc.serviceName,
        serviceArn: svc.serviceArn,
        application: svc.codeDeployAppName,
        deploymentGroup: svc.codeDeployDeploymentGroupName,
        containerName: s.name,
        containerPort: s.port,
      });
    } else {
      rolling.push({ serviceName: svc.serviceName, serviceArn: svc.serviceArn });
    }
  }
  // A DR copy runs nothing in standby, and its database secret is a replica (rotated in the primary region).
  if (!inputs.dr && rolling.length + blueGreenTargets.length > 0) {
    new RotationRedeploy(stack, "db-rotation-redeploy", {
      name: `${inputs.cluster}-db-rotation`,
      secretArns: [database.secretArn],
      clusterArn: cluster.clusterArn,
      rolling,
      blueGreen: blueGreenTargets,
      kmsKeyArn: keys.logs.keyArn,
      logRetentionDays: inputs.logRetentionDays,
      tags: atlasTags("ecs"),
    });
  }
  // The standby is measured hourly where it would be used; the primary region alarms on it (ADR 0106).
  if (inputs.dr && primaryDbIdentifier) {
    new DrReadinessProbe(stack, "dr-readiness", {
      name: `${inputs.cluster}-dr-readiness`,
      env: ctx.env.name,
      region: ctx.deployment.region.name,
      primaryRegion: inputs.dr.primaryRegion,
      accountId: ctx.env.accountId,
      sourceDbIdentifier: primaryDbIdentifier,
      repositories: registry.repositories,
      imageTag: inputs.imageTag,
      secretArns: [...Object.values(secrets.arns), ...(cache ? [cache.authTokenSecretArn] : []), database.secretArn],
      vpcId: vpc.vpcId,
      subnetIds: vpc.privateSubnetIds,
      kmsKeyArn: keys.logs.keyArn,
      logRetentionDays: inputs.logRetentionDays,
      tags: atlasTags("dr-readiness"),
    });
  }
  // A rotation that fails leaves the services on the previous login and retries; on call hears of it at once (ADR 0145).
  // With a rotated master secret (mode rotated-secret), its rotation too: the login function reads it (ADR 0150).
  if (!inputs.dr && alerts) {
    new SecretRotationFailureAlarm(stack, "db-rotation-failed", {
      name: `${inputs.cluster}-db-rotation-failed`,
      secretArns: rotatedSecretArns,
      topicArn: alerts.criticalTopicArn,
      tags: atlasTags("ecs"),
    });
  }

  const services: Partial<Record<ServiceName, AtlasServiceOutputs>> = {};
  for (const [name, svc] of created) {
    services[name] = {
      serviceName: svc.serviceName,
      securityGroupId: svc.securityGroupId,
      logGroupName: svc.logGroupName,
      discoveryName: svc.discoveryName,
      codeDeployAppName: svc.codeDeployAppName,
      codeDeployDeploymentGroupName: svc.codeDeployDeploymentGroupName,
      taskRoleArn: svc.taskRoleArn,
      executionRoleArn: svc.executionRoleArn,
    };
  }
  return { clusterName: cluster.clusterName, services };
};
