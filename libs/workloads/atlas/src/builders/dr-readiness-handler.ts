/** Namespace and metric names of the DR readiness probe (ADR 0106): the probe writes them, the primary's alarms read them. */
export const DR_READINESS = {
  namespace: "AccountabilityAtlas/DR",
  restorePointAge: "RestorePointAgeSeconds",
  imagesMissing: "ReplicatedImagesMissing",
  secretsMissing: "SecretReplicasMissing",
} as const;

/**
 * Source of the DR readiness probe (ADR 0106): an ES module for nodejs24.x (AWS SDK v3 of the runtime,
 * no other dependency). Run hourly in the DR region, it measures what the failover script needs there and
 * publishes it to CloudWatch in the primary region, where the alarm topics are:
 * - RestorePointAgeSeconds: age of the latest restorable time of SOURCE_DB's automated backups replicated
 *   here (a very large value when there are none);
 * - ReplicatedImagesMissing: how many of REPOSITORIES have no IMAGE_TAG here (the tag the DR services run);
 * - SecretReplicasMissing: how many of SECRETS (replica ARNs) do not exist here.
 * Dimension Env = ENV. A failed run publishes nothing; the alarms treat missing data as breaching.
 */
export const DR_READINESS_HANDLER_SOURCE = String.raw`import { CloudWatchClient, PutMetricDataCommand } from "@aws-sdk/client-cloudwatch";
import { DescribeImagesCommand, ECRClient } from "@aws-sdk/client-ecr";
import { DescribeDBInstanceAutomatedBackupsCommand, RDSClient } from "@aws-sdk/client-rds";
import { DescribeSecretCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

const list = (name) => (process.env[name] ?? "").split(",").filter(Boolean);
const NO_RESTORE_POINT = 10 * 365 * 24 * 3600;

// Listed and filtered here: the DBInstanceIdentifier parameter must name an instance of this region, and the
// source instance is in the primary one.
export async function restorePointAgeSeconds(rds, sourceDb, now = Date.now()) {
  const latest = [];
  let Marker;
  do {
    const out = await rds.send(new DescribeDBInstanceAutomatedBackupsCommand({ ...(Marker ? { Marker } : {}) }));
    for (const b of out.DBInstanceAutomatedBackups ?? []) {
      if (b.DBInstanceIdentifier === sourceDb && b.RestoreWindow?.LatestTime) latest.push(new Date(b.RestoreWindow.LatestTime).getTime());
    }
    Marker = out.Marker;
  } while (Marker);
  return latest.length ? Math.max(0, Math.round((now - Math.max(...latest)) / 1000)) : NO_RESTORE_POINT;
}

export async function missingImages(ecr, repositories, tag) {
  let missing = 0;
  for (const repositoryName of repositories) {
    try {
      await ecr.send(new DescribeImagesCommand({ repositoryName, imageIds: [{ imageTag: tag }] }));
    } catch (err) {
      if (err && (err.name === "ImageNotFoundException" || err.name === "RepositoryNotFoundException")) missing++;
      else throw err;
    }
  }
  return missing;
}

export async function missingSecrets(sm, secretIds) {
  let missing = 0;
  for (const SecretId of secretIds) {
    try {
      await sm.send(new DescribeSecretCommand({ SecretId }));
    } catch (err) {
      if (err && err.name === "ResourceNotFoundException") missing++;
      else throw err;
    }
  }
  return missing;
}

export async function handler() {
  const values = {
    RestorePointAgeSeconds: await restorePointAgeSeconds(new RDSClient({}), process.env.SOURCE_DB),
    ReplicatedImagesMissing: await missingImages(new ECRClient({}), list("REPOSITORIES"), process.env.IMAGE_TAG),
    SecretReplicasMissing: await missingSecrets(new SecretsManagerClient({}), list("SECRETS")),
  };
  const cloudwatch = new CloudWatchClient({ region: process.env.METRICS_REGION });
  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: process.env.NAMESPACE,
      MetricData: Object.entries(values).map(([MetricName, Value]) => ({
        MetricName,
        Value,
        Unit: MetricName === "RestorePointAgeSeconds" ? "Seconds" : "Count",
        Dimensions: [{ Name: "Env", Value: process.env.ENV }],
      })),
    }),
  );
  return values;
}
`;
