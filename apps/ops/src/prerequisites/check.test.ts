import type { Prerequisite, Requirement } from "@infra/config";
import { describe, expect, it } from "vitest";
import { type CommandRunner, checkPrerequisites } from "./check";

const ACCOUNT = "111111111111";
const prerequisite = (requirement: Requirement, accountId = ACCOUNT): Prerequisite => ({
  requirement,
  accountId,
  region: "us-east-1",
  neededBy: [{ stack: "dev-us-east-1-x", neededAt: "plan" }],
  after: [],
  reason: "test",
  declaredBy: ["test"],
});

/** A stand-in AWS CLI and dig: answers by the command line's start; records what was asked. */
function runner(answers: Record<string, { code?: number; stdout?: string; stderr?: string }>) {
  const calls: string[] = [];
  const run: CommandRunner = (command, args) => {
    const line = `${command} ${args.join(" ")}`;
    calls.push(line);
    const key = Object.keys(answers).find((k) => line.startsWith(k));
    const a = key ? answers[key]! : { code: 255, stderr: `unexpected ${line}` };
    return { code: a.code ?? 0, stdout: a.stdout ?? "", stderr: a.stderr ?? "" };
  };
  return { run, calls };
}
const me = { "aws sts get-caller-identity": { stdout: `${ACCOUNT}\n` } };
const secret = prerequisite({ kind: "secret-value", secret: "aerologue/oauth/google", format: "JSON" });

describe("checkPrerequisites asks AWS whether each prerequisite exists", () => {
  it("a secret with a current version is present; one without is missing; one that does not exist is missing", () => {
    for (const [stdout, code, stderr, status] of [
      ["1\n", 0, "", "present"],
      ["0\n", 0, "", "missing"],
      ["", 254, "An error occurred (ResourceNotFoundException) when calling the ListSecretVersionIds operation", "missing"],
    ] as const) {
      const { run, calls } = runner({ ...me, "aws secretsmanager list-secret-version-ids": { stdout, code, stderr } });
      expect(checkPrerequisites([secret], { run, aws: "aws" })[0]!.status).toBe(status);
      expect(calls[1]).toContain("--secret-id aerologue/oauth/google");
      expect(calls[1]).toContain("--region us-east-1");
    }
  });

  it("leaves unchecked what it cannot answer: no CLI, no credentials, another account, an access error, Timestream", () => {
    expect(checkPrerequisites([secret], { run: runner({ "aws sts": { code: 127 } }).run, aws: "aws" })[0]).toEqual({
      status: "unchecked",
      detail: "aws not found: install the AWS CLI, or set INFRA_AWS_CLI",
    });
    expect(
      checkPrerequisites([secret], { run: runner({ "aws sts": { code: 255, stderr: "Unable to locate credentials\n" } }).run, aws: "aws" })[0]!.detail,
    ).toBe("no AWS credentials (Unable to locate credentials)");
    const other = prerequisite({ kind: "secret-value", secret: "s", format: "f" }, "444444444444");
    expect(checkPrerequisites([other], { run: runner(me).run, aws: "aws" })[0]).toEqual({
      status: "unchecked",
      detail: `in account 444444444444; the credentials are of ${ACCOUNT}`,
    });
    const denied = runner({ ...me, "aws secretsmanager": { code: 254, stderr: "AccessDeniedException: not authorized" } });
    expect(checkPrerequisites([secret], { run: denied.run, aws: "aws" })[0]!.status).toBe("unchecked");
    expect(checkPrerequisites([prerequisite({ kind: "timestream-liveanalytics-customer" })], { run: runner(me).run, aws: "aws" })[0]!.status).toBe("unchecked");
  });

  it("a quota below the minimum is missing, at or above it present", () => {
    const quota = prerequisite({ kind: "service-quota", serviceCode: "lambda", quotaCode: "L-B99A9384", quotaName: "Concurrent executions", minimum: 1500 });
    expect(checkPrerequisites([quota], { run: runner({ ...me, "aws service-quotas": { stdout: "1000.0\n" } }).run, aws: "aws" })[0]).toEqual({
      status: "missing",
      detail: "Concurrent executions = 1000, needs 1500",
    });
    expect(checkPrerequisites([quota], { run: runner({ ...me, "aws service-quotas": { stdout: "2000.0\n" } }).run, aws: "aws" })[0]!.status).toBe("present");
  });

  it("the state backend needs the bucket and the lock table", () => {
    const backend = prerequisite({ kind: "state-backend", bucket: "acme-infra-tfstate-111111111111", lockTable: "acme-infra-tf-locks" });
    const ok = runner({ ...me, "aws s3api head-bucket": {}, "aws dynamodb describe-table": { stdout: "ACTIVE\n" } });
    expect(checkPrerequisites([backend], { run: ok.run, aws: "aws" })[0]).toEqual({
      status: "present",
      detail: "bucket acme-infra-tfstate-111111111111, table acme-infra-tf-locks (ACTIVE)",
    });
    const noBucket = runner({
      ...me,
      "aws s3api head-bucket": { code: 254, stderr: "An error occurred (404) when calling the HeadBucket operation: Not Found" },
    });
    expect(checkPrerequisites([backend], { run: noBucket.run, aws: "aws" })[0]).toEqual({
      status: "missing",
      detail: "bucket acme-infra-tfstate-111111111111 does not exist",
    });
  });

  it("a zone is delegated when public DNS answers exactly its Route 53 name servers", () => {
    const zone = prerequisite({ kind: "zone-delegation", zone: "dev.aerologue.app", parent: { kind: "zone", zone: "aerologue.app", env: "prod" } });
    const base = {
      ...me,
      "aws route53 list-hosted-zones-by-name": { stdout: "dev.aerologue.app.\t/hostedzone/Z123\n" },
      "aws route53 get-hosted-zone": { stdout: "ns-1.awsdns-01.org\tns-2.awsdns-02.com\n" },
    };
    const check = (dig: { code?: number; stdout?: string }) => checkPrerequisites([zone], { run: runner({ ...base, dig }).run, aws: "aws" })[0]!;
    expect(check({ stdout: "ns-2.awsdns-02.com.\nNS-1.awsdns-01.org.\n" }).status).toBe("present");
    expect(check({ stdout: "" })).toEqual({ status: "missing", detail: "no NS records for dev.aerologue.app in public DNS" });
    expect(check({ stdout: "ns-9.other.net.\n" }).status).toBe("missing");
    expect(check({ code: 127 }).status).toBe("unchecked");
    // The zone's stack has not been applied: nothing to compare yet.
    const before = runner({ ...me, "aws route53 list-hosted-zones-by-name": { stdout: "aerologue.app.\t/hostedzone/Z9\n" } });
    expect(checkPrerequisites([zone], { run: before.run, aws: "aws" })[0]).toEqual({
      status: "unchecked",
      detail: "zone dev.aerologue.app does not exist yet: apply its stack first",
    });
  });

  it("SMS delivery: sandboxed numbers must be verified; production access means out of the sandbox with an active origination number", () => {
    const sandbox = prerequisite({ kind: "sms-delivery", numbers: ["+15555550100", "+15555550101"], access: "sandbox" });
    const production = prerequisite({ kind: "sms-delivery", numbers: ["+15555550100"], access: "production", originationNumber: "+18885550100" });
    const status = (inSandbox: string, extra: Record<string, { stdout?: string; code?: number }>, p: Prerequisite) => {
      const { run } = runner({ ...me, "aws sns get-sms-sandbox-account-status": { stdout: `${inSandbox}\n` }, ...extra });
      return checkPrerequisites([p], { run, aws: "aws" })[0]!;
    };
    expect(status("True", { "aws sns list-sms-sandbox-phone-numbers": { stdout: "+15555550100\t+15555550101\n" } }, sandbox).status).toBe("present");
    expect(status("True", { "aws sns list-sms-sandbox-phone-numbers": { stdout: "+15555550100\n" } }, sandbox)).toEqual({
      status: "missing",
      detail: "not verified in the SMS sandbox: +15555550101",
    });
    expect(status("False", {}, sandbox).status).toBe("present");
    expect(status("True", {}, production)).toEqual({
      status: "missing",
      detail: "the account is still in the SNS SMS sandbox (production access is a support case)",
    });
    expect(status("False", { "aws pinpoint-sms-voice-v2 describe-phone-numbers": { stdout: "ACTIVE\n" } }, production).status).toBe("present");
    expect(status("False", { "aws pinpoint-sms-voice-v2 describe-phone-numbers": { stdout: "PENDING\n" } }, production)).toEqual({
      status: "missing",
      detail: "origination number +18885550100 is PENDING",
    });
  });
});
