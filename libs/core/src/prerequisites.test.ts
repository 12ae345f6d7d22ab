import type { RegionName, ResolvedDeployment } from "@infra/config";
import { testDeployment } from "@infra/config/testing";
import { Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { DeploymentStack } from "./deployment-stack";
import { declaredPrerequisites, provideRequirement, requireDnsValidation, requirePrerequisite } from "./prerequisites";

function deployment(stackName: string, accountId = "111111111111", region: RegionName = "us-east-1"): ResolvedDeployment {
  const [category, module] = stackName.split("-").slice(-2) as [string, string];
  return testDeployment({ module, category, region, accountId, stackName, builder: "demo/x" });
}

const stack = (app: Construct, name: string, accountId?: string) => new DeploymentStack(app, deployment(name, accountId), { terraformVersion: ">= 1.11.0" });

describe("fresh-account prerequisites declared by constructs", () => {
  it("merges one requirement declared by its container's stack and by two readers, placed in the stacks' account and region", () => {
    const app = Testing.app();
    const secrets = stack(app, "dev-us-east-1-security-secrets");
    const auth = stack(app, "dev-us-east-1-auth-cognito");
    const fns = stack(app, "dev-us-east-1-compute-functions");
    const requirement = { kind: "secret-value", secret: "app/oauth/google", format: 'JSON {"client_id","client_secret"}' } as const;
    requirePrerequisite(new Construct(secrets, "secret"), { requirement, createdHere: true, reason: "created empty" });
    requirePrerequisite(new Construct(auth, "idp"), { requirement, neededAt: "plan", reason: "read at plan time" });
    requirePrerequisite(new Construct(fns, "fn"), { requirement, neededAt: "runtime", reason: "read at plan time" });
    expect(declaredPrerequisites(app)).toEqual([
      {
        requirement,
        accountId: "111111111111",
        region: "us-east-1",
        neededBy: [
          { stack: "dev-us-east-1-auth-cognito", neededAt: "plan" },
          { stack: "dev-us-east-1-compute-functions", neededAt: "runtime" },
        ],
        after: ["dev-us-east-1-security-secrets"],
        reason: "created empty; read at plan time",
        declaredBy: ["dev-us-east-1-security-secrets/secret", "dev-us-east-1-auth-cognito/idp", "dev-us-east-1-compute-functions/fn"],
      },
    ]);
  });

  it("drops a requirement a stack of the app provides (a generated secret value), and only in that account and region", () => {
    const app = Testing.app();
    const secrets = stack(app, "dev-us-east-1-security-secrets");
    const db = stack(app, "dev-us-east-1-data-aurora");
    const requirement = { kind: "secret-value", secret: "app/db", format: "database credentials" } as const;
    requirePrerequisite(new Construct(secrets, "secret"), { requirement, createdHere: true, reason: "created empty" });
    requirePrerequisite(new Construct(secrets, "other-region"), { requirement, createdHere: true, reason: "created empty", region: "us-west-2" });
    provideRequirement(new Construct(db, "credentials"), requirement);
    expect(declaredPrerequisites(app).map((p) => `${p.region}:${p.requirement.kind}`)).toEqual(["us-west-2:secret-value"]);
  });

  it("a zone delegation is needed at apply by the stacks whose certificates validate under it (the most specific zone wins)", () => {
    const app = Testing.app();
    const apex = stack(app, "dev-us-east-1-edge-dns");
    const sub = stack(app, "dev-us-east-1-api-dns");
    const cdn = stack(app, "dev-us-east-1-edge-cdn");
    const api = stack(app, "dev-us-east-1-api-rest");
    const other = stack(app, "dev-us-east-1-other-cert", "222222222222");
    requirePrerequisite(new Construct(apex, "zone"), {
      requirement: { kind: "zone-delegation", zone: "example.org", parent: { kind: "registrar" } },
      createdHere: true,
      reason: "apex",
    });
    requirePrerequisite(new Construct(sub, "zone"), {
      requirement: { kind: "zone-delegation", zone: "api.example.org", parent: { kind: "zone", zone: "example.org", env: "prod" } },
      createdHere: true,
      reason: "sub",
    });
    requireDnsValidation(new Construct(cdn, "cert"), "www.example.org");
    requireDnsValidation(new Construct(api, "cert"), "*.api.example.org");
    requireDnsValidation(new Construct(other, "cert"), "x.example.org");
    const byZone = Object.fromEntries(declaredPrerequisites(app).map((p) => [(p.requirement as { zone: string }).zone, p.neededBy]));
    expect(byZone).toEqual({
      "example.org": [{ stack: "dev-us-east-1-edge-cdn", neededAt: "apply" }],
      "api.example.org": [{ stack: "dev-us-east-1-api-rest", neededAt: "apply" }],
    });
  });

  it("lists the same way on every synth (sorted by account, region and requirement)", () => {
    const build = (order: string[]) => {
      const app = Testing.app();
      const s = stack(app, "dev-us-east-1-security-secrets");
      for (const name of order)
        requirePrerequisite(new Construct(s, name), { requirement: { kind: "secret-value", secret: name, format: "x" }, createdHere: true, reason: "r" });
      return declaredPrerequisites(app).map((p) => (p.requirement as { secret: string }).secret);
    };
    expect(build(["b", "a", "c"])).toEqual(build(["c", "b", "a"]));
    expect(build(["b", "a", "c"])).toEqual(["a", "b", "c"]);
  });
});
