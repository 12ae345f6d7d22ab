import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { type Prerequisite, fixCommands } from "@infra/config";
import { declaredPrerequisites } from "@infra/core";
import { buildEnv } from "@infra/workloads";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findEnv } from "../envs";
import { withAtlasPhase } from "../preflight-variants";

// AccountabilityAtlas in a whole account (issue 14): what the workload needs from the account's
// singletons (GitHub OIDC provider, SNS SMS settings) and from the fresh-account prerequisites (SMS
// sandbox, staging zone delegation). One full synth of staging at phase 3 (every workload of the env).

type Json = { resource?: Record<string, Record<string, Record<string, unknown>>> };

function build(env: ReturnType<typeof findEnv>): { stacks: Map<string, Json>; prerequisites: Prerequisite[] } {
  const outdir = mkdtempSync(join(tmpdir(), `atlas-account-${env.name}-`));
  try {
    const built = buildEnv(env, { root, workloads: WORKLOADS, outdir });
    built.app.synth();
    const stacks = new Map(
      built.resolved.deployments.map((d) => [d.stackName, JSON.parse(readFileSync(join(outdir, "stacks", d.stackName, "cdk.tf.json"), "utf8")) as Json]),
    );
    return { stacks, prerequisites: declaredPrerequisites(built.app) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const staging = findEnv("staging");
const { stacks, prerequisites } = build(withAtlasPhase(staging, 3));
const ofType = (type: string) => [...stacks].flatMap(([name, j]) => Object.entries(j.resource?.[type] ?? {}).map(([id, r]) => ({ stack: name, id, r })));

describe("AccountabilityAtlas in the staging account at phase 3", () => {
  it("one GitHub OIDC provider in the account, owned by security/ci-access; the app deploy role trusts it", () => {
    expect(ofType("aws_iam_openid_connect_provider").map((p) => p.stack)).toEqual(["staging-us-east-1-security-ci-access"]);
    const role = ofType("aws_iam_role").find((r) => r.r["name"] === "acct-atlas-staging-app-deploy")!;
    expect(role.stack).toBe("staging-us-east-1-atlas-security-app-deploy");
    expect(String(role.r["assume_role_policy"])).toContain("cross-stack-reference-input-staging-us-east-1-security-ci-access");
  });

  it("critical alarms by SMS: the subscription on the critical topic, the account's SMS settings once, in account/foundation", () => {
    const sms = ofType("aws_sns_topic_subscription").filter((s) => s.r["protocol"] === "sms");
    expect(sms.map((s) => [s.stack, s.r["endpoint"]])).toEqual([["staging-us-east-1-atlas-ops-alerts", "+15555550100"]]);
    expect(String(sms[0]!.r["topic_arn"])).toContain("aws_sns_topic.critical");
    const prefs = ofType("aws_sns_sms_preferences");
    expect(prefs.map((p) => [p.stack, p.r])).toEqual([
      ["staging-us-east-1-account-foundation", expect.objectContaining({ region: "us-east-1", default_sms_type: "Transactional", monthly_spend_limit: 1 })],
    ]);
  });

  it("the SMS sandbox is a listed prerequisite with the verification commands (committed config: sandbox)", () => {
    const sms = prerequisites.filter((p) => p.requirement.kind === "sms-delivery");
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({
      requirement: { kind: "sms-delivery", numbers: ["+15555550100"], access: "sandbox" },
      accountId: staging.accountId,
      region: "us-east-1",
      neededBy: [{ stack: "staging-us-east-1-atlas-ops-alerts", neededAt: "runtime" }],
    });
    expect(fixCommands(sms[0]!)).toEqual([
      `# with credentials of account ${staging.accountId}`,
      "aws sns create-sms-sandbox-phone-number --region us-east-1 --phone-number +15555550100 --language-code en-US",
      "aws sns verify-sms-sandbox-phone-number --region us-east-1 --phone-number +15555550100 --one-time-password <code received on +15555550100>",
    ]);
  });

  it("staging.accountabilityatlas.com is delegated from prod's zone like every env zone (ADR 0014), before the ALB's certificate validates", () => {
    const zone = prerequisites.find((p) => p.requirement.kind === "zone-delegation" && p.requirement.zone === "staging.accountabilityatlas.com")!;
    expect(zone.requirement).toEqual({
      kind: "zone-delegation",
      zone: "staging.accountabilityatlas.com",
      parent: { kind: "zone", zone: "accountabilityatlas.com", env: "prod" },
    });
    expect(zone.after).toEqual(["staging-us-east-1-atlas-dns-zone"]);
    expect(zone.neededBy).toEqual(expect.arrayContaining([{ stack: "staging-us-east-1-atlas-edge-alb", neededAt: "apply" }]));
    // No stack writes into prod's zone from staging (another account): no NS record in the staging zone stack.
    expect(ofType("aws_route53_record").filter((r) => r.stack === "staging-us-east-1-atlas-dns-zone" && r.r["type"] === "NS")).toEqual([]);
  });
});
