import { ConfigError, DeploymentBuildError, type ResolvedDeployment, type ResolvedEnv } from "@infra/config";
import { testDeployment, testEnv } from "@infra/config/testing";
import { App } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { ownServiceLinkedRole, requireServiceLinkedRole } from "./account-requirements";
import type { BuilderRegistry } from "./builder";
import { composeEnv } from "./compose";

const deployment = (module: string, dependencies: Record<string, string> = {}): ResolvedDeployment => testDeployment({ module, dependencies });

const env = (deployments: ResolvedDeployment[]): ResolvedEnv => testEnv(deployments);

describe("composeEnv", () => {
  it("runs afterEnvBuilt callbacks once every stack exists, in registration order", () => {
    const seen: string[] = [];
    const builders: BuilderRegistry = {
      "demo/foundation": (stack, _inputs, ctx) =>
        ctx.afterEnvBuilt(({ stacks }) => seen.push(`foundation saw ${[...stacks.keys()].join(",")} from ${stack.node.id}`)),
      "demo/app": (_stack, _inputs, ctx) => ctx.afterEnvBuilt(() => seen.push("app")),
    };
    composeEnv(new App(), env([deployment("foundation"), deployment("app", { foundation: "us-east-1/demo/foundation" })]), builders);
    expect(seen).toEqual(["foundation saw us-east-1/demo/foundation,us-east-1/demo/app from dev-us-east-1-demo-foundation", "app"]);
  });

  it("a construct's constraint error becomes a config error naming the deployment's file; a missing dependency says which", () => {
    const failing: BuilderRegistry = {
      "demo/x": () => {
        throw new Error("DatabaseInstance demo:\n  - maxAllocatedStorage 30 GB must be above allocatedStorage (30)");
      },
    };
    const build = (builders: BuilderRegistry) => () => composeEnv(new App(), env([{ ...deployment("db"), builder: "demo/x" }]), builders);
    expect(build(failing)).toThrow(DeploymentBuildError);
    expect(build(failing)).toThrow(
      "Invalid configuration (1 problem):\n  - [environments/dev/us-east-1/demo.ts] us-east-1/demo/db (built by demo/x): DatabaseInstance demo:\n      - maxAllocatedStorage 30 GB must be above allocatedStorage (30)",
    );
    const needsPrimary: BuilderRegistry = { "demo/x": (_s, _i, ctx) => ctx.dependency("primary") };
    expect(build(needsPrimary)).toThrow('its builder needs a dependency named "primary", which the deployment does not declare (it has: none)');
    expect(build(needsPrimary)).toThrow(ConfigError);
  });

  it("dependencyOn returns the named builder's outputs, and fails naming both builders when the dependency is another module", () => {
    const buildVpc = () => ({ vpcId: "vpc-1" });
    const buildZone = () => ({ zoneId: "Z1" });
    const seen: string[] = [];
    const builders: BuilderRegistry = {
      "demo/vpc": buildVpc,
      "demo/zone": buildZone,
      "demo/app": (_stack, _inputs, ctx) => seen.push(ctx.dependencyOn("net", buildVpc).vpcId),
    };
    const wired = (target: string) => env([deployment("vpc"), deployment("zone"), { ...deployment("app", { net: `us-east-1/demo/${target}` }) }]);
    composeEnv(new App(), wired("vpc"), builders);
    expect(seen).toEqual(["vpc-1"]);
    expect(() => composeEnv(new App(), wired("zone"), builders)).toThrow(
      'its builder reads dependency "net" as the outputs of demo/vpc, but us-east-1/demo/zone is built by demo/zone; name a module built by demo/vpc in dependencies.net',
    );
  });

  it("a bug in a builder (a TypeError) keeps its trace: it is not the user's config", () => {
    const buggy: BuilderRegistry = { "demo/x": () => (undefined as unknown as { a: () => void }).a() };
    const run = () => composeEnv(new App(), env([{ ...deployment("db"), builder: "demo/x" }]), buggy);
    expect(run).toThrow(TypeError);
    expect(run).not.toThrow(ConfigError);
  });

  it("fails when a construct needs a service-linked role that no deployment creates, and passes once one owns it", () => {
    const needs: BuilderRegistry = { "demo/app": (stack) => requireServiceLinkedRole(new Construct(stack, "capacity"), "autoscaling.amazonaws.com") };
    expect(() => composeEnv(new App(), env([deployment("app")]), needs)).toThrow(
      "dev: account prerequisites nobody creates:\n  - dev-us-east-1-demo-app/capacity needs the service-linked role AWSServiceRoleForAutoScaling (autoscaling.amazonaws.com)",
    );
    const owned: BuilderRegistry = {
      ...needs,
      "demo/foundation": (stack, _inputs, ctx) => ctx.afterEnvBuilt(() => ownServiceLinkedRole(new Construct(stack, "roles"), "autoscaling.amazonaws.com")),
    };
    expect(() => composeEnv(new App(), env([deployment("foundation"), deployment("app")]), owned)).not.toThrow();
  });
});
