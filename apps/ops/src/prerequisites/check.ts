import type { Prerequisite } from "@infra/config";
import { spawnSync } from "node:child_process";

/** What a check found: `present`/`missing` are answers from AWS (or DNS); `unchecked` says why there is none. */
export type CheckStatus = { readonly status: "present" | "missing"; readonly detail: string } | { readonly status: "unchecked"; readonly detail: string };

/** Runs one command (`aws ...`, `dig ...`) and returns its exit code and output. Injected so tests need no AWS. */
export type CommandRunner = (command: string, args: readonly string[]) => { code: number; stdout: string; stderr: string };

/** Runs commands as child processes with `env` (the CLI's environment: credentials, profile, region). */
export function spawnRunner(env: NodeJS.ProcessEnv): CommandRunner {
  return (command, args) => {
    const r = spawnSync(command, [...args], { encoding: "utf8", timeout: 30_000, env });
    if (r.error) return { code: 127, stdout: "", stderr: r.error.message };
    return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
  };
}

export interface CheckContext {
  readonly run: CommandRunner;
  /** The AWS CLI to call. @default "aws" ($INFRA_AWS_CLI) */
  readonly aws: string;
}

/**
 * Ask AWS whether each prerequisite exists, with the caller's credentials. A prerequisite in another
 * account than the credentials' is left unchecked (its own account's operator checks it), as is one
 * AWS cannot answer for (Timestream's customer list).
 */
export function checkPrerequisites(list: readonly Prerequisite[], ctx: CheckContext): CheckStatus[] {
  const who = ctx.run(ctx.aws, ["sts", "get-caller-identity", "--query", "Account", "--output", "text"]);
  if (who.code === 127) return list.map(() => ({ status: "unchecked", detail: `${ctx.aws} not found: install the AWS CLI, or set INFRA_AWS_CLI` }));
  if (who.code !== 0) return list.map(() => ({ status: "unchecked", detail: `no AWS credentials (${firstLine(who.stderr)})` }));
  const account = who.stdout.trim();
  return list.map((p) =>
    p.accountId !== account ? { status: "unchecked", detail: `in account ${p.accountId}; the credentials are of ${account}` } : checkOne(p, ctx),
  );
}

function checkOne(p: Prerequisite, ctx: CheckContext): CheckStatus {
  const aws = (...args: string[]) => ctx.run(ctx.aws, [...args, "--region", p.region]);
  const r = p.requirement;
  switch (r.kind) {
    case "secret-value": {
      const out = aws(
        "secretsmanager",
        "list-secret-version-ids",
        "--secret-id",
        r.secret,
        "--query",
        "Versions[?contains(VersionStages, 'AWSCURRENT')] | length(@)",
        "--output",
        "text",
      );
      if (out.code !== 0) return notFound(out, `secret ${r.secret}`);
      return out.stdout.trim() === "0"
        ? { status: "missing", detail: `secret ${r.secret} has no current value` }
        : { status: "present", detail: `secret ${r.secret} has a current value` };
    }
    case "service-quota": {
      const out = aws(
        "service-quotas",
        "get-service-quota",
        "--service-code",
        r.serviceCode,
        "--quota-code",
        r.quotaCode,
        "--query",
        "Quota.Value",
        "--output",
        "text",
      );
      if (out.code !== 0) return failed(out, `quota ${r.quotaCode}`);
      const value = Number(out.stdout.trim());
      return value >= r.minimum
        ? { status: "present", detail: `${r.quotaName} = ${value}` }
        : { status: "missing", detail: `${r.quotaName} = ${value}, needs ${r.minimum}` };
    }
    case "s3-object": {
      const out = aws("s3api", "head-object", "--bucket", r.bucket, "--key", r.key);
      return out.code === 0 ? { status: "present", detail: `s3://${r.bucket}/${r.key}` } : notFound(out, `s3://${r.bucket}/${r.key}`);
    }
    case "ecr-image": {
      const out = aws("ecr", "describe-images", "--repository-name", r.repository, "--image-ids", `imageTag=${r.tag}`);
      return out.code === 0 ? { status: "present", detail: `${r.repository}:${r.tag}` } : notFound(out, `${r.repository}:${r.tag}`);
    }
    case "state-backend": {
      const bucket = aws("s3api", "head-bucket", "--bucket", r.bucket);
      if (bucket.code !== 0) return notFound(bucket, `bucket ${r.bucket}`);
      if (!r.lockTable) return { status: "present", detail: `bucket ${r.bucket}` };
      const table = aws("dynamodb", "describe-table", "--table-name", r.lockTable, "--query", "Table.TableStatus", "--output", "text");
      return table.code === 0
        ? { status: "present", detail: `bucket ${r.bucket}, table ${r.lockTable} (${table.stdout.trim()})` }
        : notFound(table, `table ${r.lockTable}`);
    }
    case "zone-delegation":
      return checkDelegation(r.zone.replace(/\.$/, ""), ctx);
    case "timestream-liveanalytics-customer":
      return { status: "unchecked", detail: "AWS publishes no API that answers it: CreateDatabase on the first apply does" };
    case "sms-delivery":
      return checkSms(r, aws);
  }
}

/** The account's SMS sandbox state, and the verified numbers (sandbox) or the origination number (production). */
function checkSms(r: Extract<Prerequisite["requirement"], { kind: "sms-delivery" }>, aws: (...args: string[]) => ReturnType<CommandRunner>): CheckStatus {
  const status = aws("sns", "get-sms-sandbox-account-status", "--query", "IsInSandbox", "--output", "text");
  if (status.code !== 0) return failed(status, "SMS sandbox status");
  const inSandbox = status.stdout.trim().toLowerCase() === "true";
  if (r.access === "production") {
    if (inSandbox) return { status: "missing", detail: "the account is still in the SNS SMS sandbox (production access is a support case)" };
    if (!r.originationNumber) return { status: "present", detail: "SNS SMS production access" };
    const number = aws(
      "pinpoint-sms-voice-v2",
      "describe-phone-numbers",
      "--filters",
      `Name=phone-number,Values=${r.originationNumber}`,
      "--query",
      "PhoneNumbers[0].Status",
      "--output",
      "text",
    );
    if (number.code !== 0) return failed(number, `origination number ${r.originationNumber}`);
    return number.stdout.trim() === "ACTIVE"
      ? { status: "present", detail: `SNS SMS production access, origination number ${r.originationNumber} active` }
      : { status: "missing", detail: `origination number ${r.originationNumber} is ${number.stdout.trim() || "not in the account"}` };
  }
  if (!inSandbox) return { status: "present", detail: "the account has SNS SMS production access (no verification needed)" };
  const verified = aws("sns", "list-sms-sandbox-phone-numbers", "--query", "PhoneNumbers[?Status=='Verified'].PhoneNumber", "--output", "text");
  if (verified.code !== 0) return failed(verified, "SMS sandbox numbers");
  const have = new Set(verified.stdout.split(/\s+/).filter(Boolean));
  const missing = r.numbers.filter((n) => !have.has(n));
  return missing.length === 0
    ? { status: "present", detail: `${r.numbers.join(", ")} verified in the SMS sandbox` }
    : { status: "missing", detail: `not verified in the SMS sandbox: ${missing.join(", ")}` };
}

/** The zone's Route 53 name servers against what public DNS answers for its NS records. */
function checkDelegation(zone: string, ctx: CheckContext): CheckStatus {
  const id = ctx.run(ctx.aws, [
    "route53",
    "list-hosted-zones-by-name",
    "--dns-name",
    zone,
    "--max-items",
    "1",
    "--query",
    "HostedZones[0].[Name,Id]",
    "--output",
    "text",
  ]);
  if (id.code !== 0) return failed(id, `zone ${zone}`);
  const [name, zoneId] = id.stdout.trim().split(/\s+/);
  if (name?.replace(/\.$/, "") !== zone || !zoneId) return { status: "unchecked", detail: `zone ${zone} does not exist yet: apply its stack first` };
  const ours = ctx.run(ctx.aws, ["route53", "get-hosted-zone", "--id", zoneId, "--query", "DelegationSet.NameServers", "--output", "text"]);
  if (ours.code !== 0) return failed(ours, `zone ${zone}`);
  const dig = ctx.run("dig", ["+short", "NS", `${zone}.`]);
  if (dig.code === 127) return { status: "unchecked", detail: "dig not found (package dnsutils / bind-utils)" };
  const norm = (s: string) =>
    new Set(
      s
        .split(/\s+/)
        .map((n) => n.trim().toLowerCase().replace(/\.$/, ""))
        .filter(Boolean),
    );
  const expected = norm(ours.stdout);
  const answered = norm(dig.stdout);
  if (answered.size === 0) return { status: "missing", detail: `no NS records for ${zone} in public DNS` };
  const same = expected.size === answered.size && [...expected].every((n) => answered.has(n));
  return same
    ? { status: "present", detail: `${zone} delegated to its Route 53 name servers` }
    : { status: "missing", detail: `${zone} resolves to ${[...answered].join(", ")}, not its zone's ${[...expected].join(", ")}` };
}

function notFound(out: { code: number; stderr: string }, what: string): CheckStatus {
  return /NotFound|404|does not exist|NoSuchKey|ImageNotFound|RepositoryNotFound/i.test(out.stderr)
    ? { status: "missing", detail: `${what} does not exist` }
    : failed(out, what);
}

function failed(out: { stderr: string }, what: string): CheckStatus {
  return { status: "unchecked", detail: `${what}: ${firstLine(out.stderr) || "the AWS CLI failed"}` };
}

function firstLine(s: string): string {
  return s.trim().split("\n")[0] ?? "";
}
