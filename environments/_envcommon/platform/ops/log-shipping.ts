import { logShippingInputs } from "@infra/platform-inputs";
import { kms } from "../security/kms";
import { app } from "../services/app";
import { ecsCluster } from "../services/ecs-cluster";
import { ingress } from "../services/ingress";
import { platformModule } from "../workload";

/**
 * Seed 004 prod logging "CloudWatch + Splunk": the platform's log groups → Firehose → Splunk HEC, failed
 * events to S3. Only where an env deploys it (prod); the HEC URL is env config
 * (`workloads.platform.splunk.hecEndpoint`), the token a secret an operator puts (docs/fresh-account.md).
 */
export const logShipping = platformModule("ops/log-shipping", {
  schema: logShippingInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "monitoring" },
  waivers: [
    {
      rule: "INF-SM-002",
      address: "aws_secretsmanager_secret.hec-token_*",
      reason:
        "Seed 004 prod Splunk shipping: the HEC token is issued by Splunk and rotated in Splunk (a new token put with put-secret-value, then the old one disabled; docs/workloads/platform.md); no rotation function can issue one.",
    },
  ],
  dependencies: {
    kms,
    ecs: ecsCluster,
    app,
    // Its log bucket takes the failed-events bucket's access logs.
    ingress,
  },
  defaults: ({ env, region, settings, workload }) => ({
    name: `${env.name}-${region.name}-platform`,
    // Left out when unset: the schema then names the missing field and where to set it.
    ...(workload.splunk ? { hecEndpoint: workload.splunk.hecEndpoint } : {}),
    hecEndpointType: "Raw" as const,
    hecAcknowledgmentTimeoutSeconds: 180,
    retryDurationSeconds: 300,
    failedEventsRetentionDays: 30,
    logRetentionDays: settings.logRetentionDays,
    deletionProtection: settings.deletionProtection,
  }),
});
