import { finding } from "../../rules/helpers";
import type { PreflightRule } from "../types";

/**
 * Amazon Timestream for LiveAnalytics closed to new customers on 2025-06-20: CreateDatabase fails
 * on an account that has not used it before. An account that already uses it declares so with a
 * waiver (the reason names the account's existing use).
 */
export const timestreamLiveAnalytics: PreflightRule = {
  id: "PRE-TS-001",
  title: "No Timestream for LiveAnalytics resources unless the account is an existing customer",
  consequence:
    "CreateDatabase fails on an account that is not already a Timestream for LiveAnalytics customer (closed to new customers since 2025-06-20): AccessDeniedException",
  severity: "high",
  catalogue: [],
  defects: [12],
  scope: "stack",
  resourceTypes: ["aws_timestreamwrite_database", "aws_timestreamwrite_table", "aws_timestreamquery_scheduled_query"],
  check: ({ resource }) => [
    finding(
      resource.type,
      "Timestream for LiveAnalytics",
      "a store a new account can create (e.g. Timestream for InfluxDB, DynamoDB, Aurora), or a waiver stating this account is an existing LiveAnalytics customer",
    ),
  ],
};
