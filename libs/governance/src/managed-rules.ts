/** AWS Config managed rules as typed data: identifier, parameters, scope. */

export interface ManagedRule {
  /** The managed rule's source identifier, e.g. "S3_BUCKET_PUBLIC_READ_PROHIBITED". */
  readonly identifier: string;
  /** Rule name in the account. @default the identifier, lower-cased with hyphens */
  readonly name?: string;
  /** Rule parameters (AWS Config takes them all as strings). @default none */
  readonly inputParameters?: Readonly<Record<string, string | number | boolean>>;
  /** Limit evaluation to these resource types, e.g. ["AWS::EC2::SecurityGroup"]. @default the rule's own scope */
  readonly resourceTypes?: readonly string[];
  /** For periodic rules. @default AWS's (24 hours) */
  readonly maximumExecutionFrequency?: "One_Hour" | "Three_Hours" | "Six_Hours" | "Twelve_Hours" | "TwentyFour_Hours";
}

/** What seed 002 ("AWS Config for compliance monitoring") and POLICIES.md check at run time too. */
export const BASELINE_MANAGED_RULES: readonly ManagedRule[] = [
  { identifier: "S3_BUCKET_PUBLIC_READ_PROHIBITED" },
  { identifier: "S3_BUCKET_PUBLIC_WRITE_PROHIBITED" },
  { identifier: "S3_BUCKET_SSL_REQUESTS_ONLY" },
  { identifier: "RDS_STORAGE_ENCRYPTED" },
  { identifier: "RDS_INSTANCE_PUBLIC_ACCESS_CHECK" },
  { identifier: "ENCRYPTED_VOLUMES" },
  { identifier: "EC2_IMDSV2_CHECK" },
  { identifier: "VPC_FLOW_LOGS_ENABLED" },
  { identifier: "VPC_DEFAULT_SECURITY_GROUP_CLOSED" },
  {
    identifier: "RESTRICTED_INCOMING_TRAFFIC",
    inputParameters: { blockedPort1: 22, blockedPort2: 3389, blockedPort3: 3306, blockedPort4: 5432, blockedPort5: 6379 },
  },
  { identifier: "CLOUD_TRAIL_ENABLED" },
  { identifier: "CLOUDWATCH_LOG_GROUP_ENCRYPTED" },
];

const IDENTIFIER_RE = /^[A-Z0-9_]+$/;

export function ruleName(rule: ManagedRule): string {
  return rule.name ?? rule.identifier.toLowerCase().replaceAll("_", "-");
}

/** `input_parameters` JSON with sorted keys and string values, or undefined when there are none. */
export function renderInputParameters(params: ManagedRule["inputParameters"]): string | undefined {
  const entries = Object.entries(params ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return undefined;
  return JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, String(v)])));
}

export function validateRules(rules: readonly ManagedRule[]): void {
  const names = new Set<string>();
  for (const r of rules) {
    if (!IDENTIFIER_RE.test(r.identifier))
      throw new RangeError(`AWS Config rule ${JSON.stringify(r.identifier)}: managed rule identifiers are UPPER_SNAKE_CASE`);
    const name = ruleName(r);
    if (names.has(name)) throw new RangeError(`AWS Config rule name ${JSON.stringify(name)} is used twice`);
    names.add(name);
  }
}
