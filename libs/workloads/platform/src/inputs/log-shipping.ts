import { logRetentionDays } from "@infra/config";
import { z } from "zod";

/** A Splunk HTTP Event Collector URL Firehose can deliver to: HTTPS, a host name, an optional port. */
const HEC_ENDPOINT = /^https:\/\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?\/?$/;
const HEC_ENDPOINT_MESSAGE = 'must be the HTTPS URL of a Splunk HTTP Event Collector, e.g. "https://http-inputs-firehose-acme.splunkcloud.com:443" (no path)';
export const hecEndpoint = z.string().regex(HEC_ENDPOINT, { message: HEC_ENDPOINT_MESSAGE });

/**
 * Inputs of ops/log-shipping (prod: seed 004 "Logging: CloudWatch + Splunk"): the platform's log groups
 * subscribed to a Firehose stream that delivers to Splunk HEC; what Splunk refuses lands in S3.
 */
export const logShippingInputs = z
  .object({
    /** The platform's name prefix (`<env>-<region>-platform`): the stream is `<name>-splunk`. */
    name: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: "must be 1-40 lowercase letters, digits or hyphens" }),
    /** Where Firehose sends the events (env.ts `workloads.platform.splunk.hecEndpoint`). */
    hecEndpoint: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'is not set: give env.ts workloads.platform.splunk = { hecEndpoint: "https://..." } (the Splunk HEC URL), or leave logShipping out of this region\'s platform.ts (except)'
            : undefined,
      })
      .regex(HEC_ENDPOINT, { message: HEC_ENDPOINT_MESSAGE }),
    /** "Raw" takes each log line as it is; "Event" expects Splunk's JSON event envelope. */
    hecEndpointType: z.enum(["Raw", "Event"]),
    /** Seconds Firehose waits for Splunk's indexer acknowledgement (180-600). */
    hecAcknowledgmentTimeoutSeconds: z.number().int().min(180).max(600),
    /** Seconds Firehose retries a refused batch before it goes to the failed-events bucket (0-7200). */
    retryDurationSeconds: z.number().int().min(0).max(7200),
    /** Days the failed-events bucket keeps what Splunk refused (re-send it from there). */
    failedEventsRetentionDays: z.number().int().min(1).max(3650),
    /** Retention of the stream's own delivery-error log group. */
    logRetentionDays,
    /** Keep the token secret and the failed-events bucket on destroy. */
    deletionProtection: z.boolean(),
  })
  .strict();
export type LogShippingInputs = z.infer<typeof logShippingInputs>;
