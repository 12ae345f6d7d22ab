import { accountRequirements, requireServiceLinkedRole, unmetAccountRequirements } from "@infra/core";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { ServiceLinkedRoles } from "./service-linked-roles";

type Json = { resource: Record<string, Record<string, Record<string, unknown>>>; import?: { to: string; id: string }[] };
const ACCOUNT = "444444444444";

describe("ServiceLinkedRoles", () => {
  it("creates one role per service, protected from destroy, and owns each requirement", () => {
    let scope!: Construct;
    const json = JSON.parse(
      Testing.synthScope((s) => {
        scope = s;
        requireServiceLinkedRole(new Construct(s, "key"), "autoscaling.amazonaws.com");
        new ServiceLinkedRoles(s, "slr", { accountId: ACCOUNT, services: ["rds.amazonaws.com", "autoscaling.amazonaws.com"] });
      }),
    ) as Json;
    const roles = Object.values(json.resource["aws_iam_service_linked_role"]!);
    expect(roles).toEqual([
      { aws_service_name: "autoscaling.amazonaws.com", lifecycle: { prevent_destroy: true } },
      { aws_service_name: "rds.amazonaws.com", lifecycle: { prevent_destroy: true } },
    ]);
    expect(json.import).toBeUndefined();
    expect(unmetAccountRequirements(scope)).toEqual([]);
    expect(accountRequirements(scope).map((r) => [r.serviceLinkedRole, r.ownedBy])).toEqual([
      ["autoscaling.amazonaws.com", "stack/slr"],
      ["rds.amazonaws.com", "stack/slr"],
    ]);
  });

  it("imports the roles an older account already has instead of creating them (IAM refuses a second one)", () => {
    const json = JSON.parse(
      Testing.synthScope((s) => {
        new ServiceLinkedRoles(s, "slr", { accountId: ACCOUNT, services: ["rds.amazonaws.com", "ecs.amazonaws.com"], existing: ["rds.amazonaws.com"] });
      }),
    ) as Json;
    const rds = Object.keys(json.resource["aws_iam_service_linked_role"]!).find((k) => k.startsWith("slr_rds"))!;
    expect(json.import).toEqual([
      { to: `aws_iam_service_linked_role.${rds}`, id: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS` },
    ]);
    expect(() =>
      Testing.synthScope((s) => {
        new ServiceLinkedRoles(s, "slr", { accountId: ACCOUNT, services: ["ecs.amazonaws.com"], existing: ["rds.amazonaws.com"] });
      }),
    ).toThrow("existing rds.amazonaws.com is not needed by this account");
  });

  it("reports a requirement nobody owns, naming who asked, and refuses two owners", () => {
    Testing.synthScope((s) => {
      requireServiceLinkedRole(new Construct(s, "capacity"), "autoscaling.amazonaws.com");
      expect(unmetAccountRequirements(s)).toEqual([
        "stack/capacity needs the service-linked role AWSServiceRoleForAutoScaling (autoscaling.amazonaws.com) before it deploys, and no deployment of the env creates it: deploy the account foundation (account/foundation) in the env's primary region",
      ]);
      new ServiceLinkedRoles(s, "one", { accountId: ACCOUNT, services: ["autoscaling.amazonaws.com"] });
      expect(() => new ServiceLinkedRoles(s, "two", { accountId: ACCOUNT, services: ["autoscaling.amazonaws.com"] })).toThrow(
        "the service-linked role for autoscaling.amazonaws.com has two owners: stack/one and stack/two (one owner per account)",
      );
    });
  });
});
