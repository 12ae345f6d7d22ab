/** The four OpenSearch log streams and the CloudWatch names they publish to. */

export type SearchLogType = "INDEX_SLOW_LOGS" | "SEARCH_SLOW_LOGS" | "ES_APPLICATION_LOGS" | "AUDIT_LOGS";

/** POLICIES.md #22: slow, application and audit logs are all published. */
export const ALL_LOG_TYPES: readonly SearchLogType[] = ["INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "ES_APPLICATION_LOGS", "AUDIT_LOGS"];

const SUFFIX: Readonly<Record<SearchLogType, string>> = {
  INDEX_SLOW_LOGS: "index-slow",
  SEARCH_SLOW_LOGS: "search-slow",
  ES_APPLICATION_LOGS: "application",
  AUDIT_LOGS: "audit",
};

export function logGroupName(domainName: string, type: SearchLogType): string {
  return `/aws/opensearch/${domainName}/${SUFFIX[type]}`;
}

export function logKey(type: SearchLogType): string {
  return SUFFIX[type];
}
