import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixCommands, prerequisiteReports } from "./prerequisite-fixes";
import type { Prerequisite, Requirement } from "./prerequisites";

const at = (requirement: Requirement, extra: Partial<Prerequisite> = {}): Prerequisite => ({
  requirement,
  accountId: "111111111111",
  region: "us-east-1",
  neededBy: [],
  after: [],
  reason: "r",
  declaredBy: ["x"],
  ...extra,
});

/**
 * Run the fix lines in bash with `aws` stubbed: the Route 53 reads answer fixed values, and the call
 * that changes something prints its arguments, one per line (what AWS would receive).
 */
function runWithStubbedAws(lines: readonly string[]): string[] {
  const stub = `aws() {
  case "$*" in
    *list-hosted-zones-by-name*) echo "/hostedzone/Z123";;
    *get-hosted-zone*) printf 'ns-1.awsdns-01.org\\tns-2.awsdns-02.com\\n';;
    *get-dnssec*) echo "12345 13 2 ABCDEF";;
    *) printf '%s\\n' "$@";;
  esac
}
`;
  return execFileSync("bash", ["-euo", "pipefail", "-c", stub + lines.join("\n")], { encoding: "utf8" })
    .trim()
    .split("\n");
}

describe("prerequisite fixes (what preflight prints)", () => {
  it("delegates a child zone from another env's zone: the UPSERT batch carries the child's name servers and DS record", () => {
    const p = at(
      { kind: "zone-delegation", zone: "dev.acme-platform.com", parent: { kind: "zone", zone: "acme-platform.com", env: "prod" }, signed: true },
      { after: ["dev-dns-zone"] },
    );
    const fix = fixCommands(p, { prod: "444444444444" });
    expect(fix[0]).toBe("# with credentials of account 111111111111 (the zone dev.acme-platform.com; after dev-dns-zone applied)");
    expect(fix).toContain("# with credentials of account 444444444444 (the parent zone acme-platform.com, env prod)");
    const args = runWithStubbedAws(fix);
    expect(args.slice(0, 4)).toEqual(["route53", "change-resource-record-sets", "--hosted-zone-id", "/hostedzone/Z123"]);
    const batch = JSON.parse(args[args.indexOf("--change-batch") + 1]!) as { Changes: { Action: string; ResourceRecordSet: Record<string, unknown> }[] };
    expect(batch.Changes).toEqual([
      {
        Action: "UPSERT",
        ResourceRecordSet: {
          Name: "dev.acme-platform.com",
          Type: "NS",
          TTL: 172800,
          ResourceRecords: [{ Value: "ns-1.awsdns-01.org" }, { Value: "ns-2.awsdns-02.com" }],
        },
      },
      { Action: "UPSERT", ResourceRecordSet: { Name: "dev.acme-platform.com", Type: "DS", TTL: 172800, ResourceRecords: [{ Value: "12345 13 2 ABCDEF" }] } },
    ]);
  });

  it("an unsigned child gets the NS records only; a parent outside the repo is named as such", () => {
    const fix = fixCommands(at({ kind: "zone-delegation", zone: "api.corp.org", parent: { kind: "zone", zone: "corp.org" } }));
    expect(fix).toContain("# with credentials of account that holds the zone (outside this repo) (the parent zone corp.org)");
    const args = runWithStubbedAws(fix);
    const batch = JSON.parse(args[args.indexOf("--change-batch") + 1]!) as { Changes: { ResourceRecordSet: { Type: string } }[] };
    expect(batch.Changes.map((c) => c.ResourceRecordSet.Type)).toEqual(["NS"]);
  });

  it("delegates an apex at the registrar (Route 53 Domains when registered there)", () => {
    const args = runWithStubbedAws(fixCommands(at({ kind: "zone-delegation", zone: "acme-platform.com", parent: { kind: "registrar" } })));
    expect(args).toEqual([
      "route53domains",
      "update-domain-nameservers",
      "--region",
      "us-east-1",
      "--domain-name",
      "acme-platform.com",
      "--nameservers",
      "Name=ns-1.awsdns-01.org",
      "Name=ns-2.awsdns-02.com",
    ]);
  });

  it("gives each other kind its command, in the prerequisite's account and region", () => {
    const put = runWithStubbedAws(
      fixCommands(at({ kind: "secret-value", secret: "aerologue/oauth/google", format: "JSON client_id, client_secret" }, { region: "eu-west-1" })),
    );
    expect(put).toEqual([
      "secretsmanager",
      "put-secret-value",
      "--region",
      "eu-west-1",
      "--secret-id",
      "aerologue/oauth/google",
      "--secret-string",
      "<JSON client_id, client_secret>",
    ]);
    const quota = runWithStubbedAws(
      fixCommands(at({ kind: "service-quota", serviceCode: "lambda", quotaCode: "L-B99A9384", quotaName: "Concurrent executions", minimum: 1100 })),
    );
    expect(quota).toEqual([
      "service-quotas",
      "request-service-quota-increase",
      "--region",
      "us-east-1",
      "--service-code",
      "lambda",
      "--quota-code",
      "L-B99A9384",
      "--desired-value",
      "1100",
    ]);
    expect(fixCommands(at({ kind: "ecr-image", repository: "atlas/api", tag: "v1" }))).toContain(
      "docker push 111111111111.dkr.ecr.us-east-1.amazonaws.com/atlas/api:v1",
    );
  });

  it("reports who needs it and whether the deploy is blocked", () => {
    const [report] = prerequisiteReports([
      at(
        { kind: "zone-delegation", zone: "dev.aerologue.app", parent: { kind: "zone", zone: "aerologue.app", env: "prod" } },
        { neededBy: [{ stack: "dev-aerologue-edge-cdn", neededAt: "apply" }], after: ["dev-aerologue-edge-dns"] },
      ),
    ]);
    expect(report).toMatchObject({
      summary: "dev.aerologue.app is delegated by NS records in the zone aerologue.app (env prod)",
      neededBy: ["dev-aerologue-edge-cdn (apply)"],
      after: ["dev-aerologue-edge-dns"],
      blocksDeploy: true,
    });
    expect(
      prerequisiteReports([at({ kind: "secret-value", secret: "s", format: "f" }, { neededBy: [{ stack: "fns", neededAt: "runtime" }] })])[0]!.blocksDeploy,
    ).toBe(false);
  });
});
