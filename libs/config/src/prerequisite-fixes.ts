import { type Prerequisite, type Requirement, blocksDeployOf, describeRequirement } from "./prerequisites";

/**
 * What `infra preflight --env X` prints for each fresh-account prerequisite: what must exist, where,
 * who needs it, and the commands that provide it. Pure: the CLI passes the prerequisites the app
 * declared (libs/core `declaredPrerequisites`) and the accounts of the envs they point at.
 */
export interface PrerequisiteReport extends Pick<Prerequisite, "accountId" | "region" | "after" | "reason"> {
  /** One line naming the requirement (describeRequirement). */
  readonly summary: string;
  /** `stack (plan|apply|runtime)` for each stack that fails without it. */
  readonly neededBy: readonly string[];
  /** Whether deploying the given stacks fails without it (plan or apply). */
  readonly blocksDeploy: boolean;
  /**
   * Shell lines that provide it, in order. `#` lines say which account's credentials run what follows;
   * `<...>` marks a value only the operator has (a secret, an artifact path).
   */
  readonly fix: readonly string[];
}

export interface PrerequisiteReportOptions {
  /** Account id of each env, to name the account a cross-env step runs in. @default {} */
  readonly envAccounts?: Readonly<Record<string, string>>;
  /** The stacks about to be deployed (blocksDeploy). @default every stack that needs a prerequisite */
  readonly stacks?: ReadonlySet<string>;
}

/** The report of each prerequisite, in the order given (mergePrerequisites sorts them). */
export function prerequisiteReports(list: readonly Prerequisite[], options: PrerequisiteReportOptions = {}): PrerequisiteReport[] {
  const stacks = options.stacks ?? new Set(list.flatMap((p) => p.neededBy.map((n) => n.stack)));
  return list.map((p) => ({
    summary: describeRequirement(p.requirement),
    accountId: p.accountId,
    region: p.region,
    neededBy: p.neededBy.map((n) => `${n.stack} (${n.neededAt})`),
    after: p.after,
    blocksDeploy: blocksDeployOf(p, stacks),
    reason: p.reason,
    fix: fixCommands(p, options.envAccounts ?? {}),
  }));
}

/** The commands that provide one prerequisite. */
export function fixCommands(p: Prerequisite, envAccounts: Readonly<Record<string, string>> = {}): string[] {
  const r = p.requirement;
  const inAccount = `# with credentials of account ${p.accountId}`;
  switch (r.kind) {
    case "secret-value":
      return [inAccount, `aws secretsmanager put-secret-value --region ${p.region} --secret-id ${quote(r.secret)} --secret-string '<${r.format}>'`];
    case "zone-delegation":
      return zoneDelegationFix(p, r, envAccounts);
    case "service-quota":
      return [
        inAccount,
        `aws service-quotas request-service-quota-increase --region ${p.region} --service-code ${r.serviceCode} --quota-code ${r.quotaCode} --desired-value ${r.minimum}`,
      ];
    case "s3-object":
      return [inAccount, `aws s3 cp <${r.key.split("/").pop() ?? r.key}> s3://${r.bucket}/${r.key} --region ${p.region}`];
    case "ecr-image": {
      const registry = `${p.accountId}.dkr.ecr.${p.region}.amazonaws.com`;
      return [
        inAccount,
        `aws ecr get-login-password --region ${p.region} | docker login --username AWS --password-stdin ${registry}`,
        `docker tag <local image> ${registry}/${r.repository}:${r.tag}`,
        `docker push ${registry}/${r.repository}:${r.tag}`,
      ];
    }
    case "timestream-liveanalytics-customer":
      // No command creates it: AWS decides. The config choice is the fix (ADR 0012).
      return [
        "# not something a command provides: AWS closed Timestream for LiveAnalytics to new accounts",
        "# set the workload's time-series store to its default (DynamoDB) in env.ts, or ask AWS support to allow the account",
      ];
    case "state-backend":
      return [inAccount, "npm run infra -- bootstrap deploy --env <env>   # the state bucket and lock table (docs/operating.md#bootstrap-the-state-backend)"];
    case "sms-delivery":
      return r.access === "sandbox"
        ? [
            inAccount,
            ...r.numbers.flatMap((n) => [
              `aws sns create-sms-sandbox-phone-number --region ${p.region} --phone-number ${quote(n)} --language-code en-US`,
              `aws sns verify-sms-sandbox-phone-number --region ${p.region} --phone-number ${quote(n)} --one-time-password <code received on ${n}>`,
            ]),
          ]
        : [
            inAccount,
            `# SNS SMS production access is a support case (Service: SNS, "SMS production access") for ${p.region}; it also sets the monthly spend limit (account/foundation's smsMonthlySpendLimitUsd)`,
            r.originationNumber
              ? `aws pinpoint-sms-voice-v2 describe-phone-numbers --region ${p.region} --filters Name=phone-number,Values=${quote(r.originationNumber)}   # the origination number is registered and ACTIVE`
              : `aws pinpoint-sms-voice-v2 request-phone-number --region ${p.region} --iso-country-code US --message-type TRANSACTIONAL --number-capabilities SMS --number-type TOLL_FREE   # US destinations; then register it`,
          ];
  }
}

function zoneDelegationFix(p: Prerequisite, r: Extract<Requirement, { kind: "zone-delegation" }>, envAccounts: Readonly<Record<string, string>>): string[] {
  const zone = r.zone.replace(/\.$/, "");
  const zoneId = `$(aws route53 list-hosted-zones-by-name --dns-name ${zone} --max-items 1 --query 'HostedZones[0].Id' --output text)`;
  // Read the child's name servers (and DS record) where the zone lives: they exist once its stack applied.
  const read = [
    `# with credentials of account ${p.accountId} (the zone ${zone}; after ${p.after.length > 0 ? p.after.join(", ") : "its stack"} applied)`,
    `ZONE_ID=${zoneId}`,
    `NS=$(aws route53 get-hosted-zone --id "$ZONE_ID" --query 'DelegationSet.NameServers' --output text)`,
    ...(r.signed ? [`DS=$(aws route53 get-dnssec --hosted-zone-id "$ZONE_ID" --query 'KeySigningKeys[0].DSRecord' --output text)`] : []),
  ];
  if (r.parent.kind === "registrar") {
    return [
      ...read,
      `# at the registrar of ${zone}: set its name servers to $NS${r.signed ? " and add the DS record $DS" : ""}; if it is registered with Route 53 Domains:`,
      `aws route53domains update-domain-nameservers --region us-east-1 --domain-name ${zone} --nameservers $(for ns in $NS; do printf 'Name=%s ' "$ns"; done)`,
      ...(r.signed
        ? [`# then: aws route53domains associate-delegation-signer-to-domain --region us-east-1 --domain-name ${zone} --signing-attributes <from $DS>`]
        : []),
    ];
  }
  const parent = r.parent.zone.replace(/\.$/, "");
  const parentAccount = r.parent.env ? (envAccounts[r.parent.env] ?? `of env ${r.parent.env}`) : "that holds the zone (outside this repo)";
  const records = [
    `{"Action":"UPSERT","ResourceRecordSet":{"Name":"${zone}","Type":"NS","TTL":172800,"ResourceRecords":['"$(for ns in $NS; do printf '{"Value":"%s"},' "$ns"; done | sed 's/,$//')"']}}`,
  ];
  if (r.signed) records.push(`{"Action":"UPSERT","ResourceRecordSet":{"Name":"${zone}","Type":"DS","TTL":172800,"ResourceRecords":[{"Value":"'"$DS"'"}]}}`);
  return [
    ...read,
    `# with credentials of account ${parentAccount} (the parent zone ${parent}${r.parent.env ? `, env ${r.parent.env}` : ""})`,
    `PARENT_ID=$(aws route53 list-hosted-zones-by-name --dns-name ${parent} --max-items 1 --query 'HostedZones[0].Id' --output text)`,
    `aws route53 change-resource-record-sets --hosted-zone-id "$PARENT_ID" --change-batch '{"Changes":[${records.join(",")}]}'`,
  ];
}

function quote(s: string): string {
  return /^[\w/+=.@:-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
