/**
 * security/ci-access (seed 004 "CI/CD (GitHub Actions)", docs/delivery.md's role contract) in every
 * real env: the OIDC provider, which roles exist where, their trust conditions, least privilege on
 * the state backend, and that the role outputs are the variables the workflows read.
 */
import { WORKLOADS, platformModules } from "@envs/envcommon";
import { root } from "@envs/root";
import { ConfigError, type EnvConfig, deploy, iamServicesOf, iamServicesOfTypes, resolveEnv } from "@infra/config";
import type { JsonPolicyStatement as Statement } from "@infra/iam";
import { envSynthOnce, synthEnvOnce } from "@infra/testing";
import type { StackJson } from "@infra/workloads";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENVS, findEnv } from "./envs";
import { withInputs } from "./bad-config/variants";
import { withAtlasPhase } from "./preflight-variants";

type R = Record<string, unknown>;
const statements = (doc: unknown): Statement[] => (JSON.parse(doc as string) as { Statement: Statement[] }).Statement;
const list = (x: string | string[] | undefined): string[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

const REPO = "acme/aws-infra-monorepo";
const ACCOUNTS: Record<string, string> = { dev: "111111111111", staging: "222222222222", uat: "333333333333", prod: "444444444444" };
/** docs/delivery.md "OIDC roles": the deploy role and its variable per env. */
const DEPLOY = {
  dev: { name: "dev-us-east-1-ci-deploy", output: "AWS_DEPLOY_ROLE_ARN" },
  staging: { name: "staging-us-east-1-ci-deploy", output: "AWS_DEPLOY_ROLE_ARN" },
  uat: { name: "uat-us-east-1-uat-deploy", output: "AWS_DEPLOY_ROLE_ARN" },
  prod: { name: "prod-us-east-1-prod-deploy", output: "AWS_PROD_DEPLOY_ROLE_ARN" },
} as const;

const SYNTH = new Map<string, StackJson[]>(ENVS.map((e) => [e.name, synthEnvOnce(e)]));
const resources = (json: StackJson["json"], type: string): [string, R][] => Object.entries((json.resource?.[type] ?? {}) as Record<string, R>);

describe.each(ENVS.map((e) => [e.name] as const))("ci-access in %s", (name) => {
  const stacks = SYNTH.get(name)!;
  const account = ACCOUNTS[name]!;
  const deployRole = DEPLOY[name as keyof typeof DEPLOY];
  const ci = stacks.filter((s) => s.stackName.endsWith("-security-ci-access"));
  const json = ci[0]!.json;
  const roles = Object.fromEntries(resources(json, "aws_iam_role").map(([id, r]) => [id, r]));
  const inline = (role: string) =>
    resources(json, "aws_iam_role_policy")
      .filter(([, p]) => p["role"] === `\${aws_iam_role.${role}.name}`)
      .flatMap(([, p]) => statements(p["policy"]));
  const bucket = `arn:aws:s3:::acme-infra-tfstate-${account}`;
  const table = `arn:aws:dynamodb:us-east-1:${account}:table/acme-infra-tf-locks`;
  const provider = "${aws_iam_openid_connect_provider.github.arn}";

  it("one deployment per account, in the primary region, with the GitHub OIDC provider (audience sts.amazonaws.com)", () => {
    expect(ci.map((s) => s.stackName)).toEqual([`${name}-us-east-1-security-ci-access`]);
    expect(resources(json, "aws_iam_openid_connect_provider").map(([, p]) => p)).toEqual([
      expect.objectContaining({ url: "https://token.actions.githubusercontent.com", client_id_list: ["sts.amazonaws.com"] }),
    ]);
  });

  it("exactly two roles: the plan role and this env's deploy role, their ARNs as the workflows' variables", () => {
    expect(
      Object.values(roles)
        .map((r) => r["name"])
        .sort(),
    ).toEqual([`${name}-us-east-1-ci-plan`, deployRole.name].sort());
    expect(json.output).toEqual({
      [`AWS_PLAN_ROLE_ARN_${name.toUpperCase()}`]: { value: "${aws_iam_role.plan-role.arn}", description: expect.any(String) },
      [deployRole.output]: { value: "${aws_iam_role.deploy-role.arn}", description: expect.any(String) },
      // The provider's ARN for the app deploy roles that trust it (AccountabilityAtlas runs in prod at the committed phase).
      ...(stacks.some((s) => s.stackName.endsWith("-atlas-security-app-deploy"))
        ? { "cross-stack-output-aws_iam_openid_connect_providergithubarn": { value: "${aws_iam_openid_connect_provider.github.arn}", sensitive: true } }
        : {}),
    });
    // No other stack of the env creates a role GitHub can assume, except the application delivery
    // roles (CiScope tag: push images and deploy, no Terraform; docs/ci-access.md), each in its workload's stack.
    const federated = stacks.flatMap((s) =>
      resources(s.json, "aws_iam_role")
        .filter(([, r]) => String(r["assume_role_policy"]).includes("token.actions.githubusercontent.com"))
        .map(([, r]) => ({ stack: s.stackName, name: r["name"], scope: (r["tags"] as Record<string, string> | undefined)?.["CiScope"] })),
    );
    expect(
      federated
        .filter((r) => r.scope === undefined)
        .map((r) => r.name)
        .sort(),
    ).toEqual(
      Object.values(roles)
        .map((r) => r["name"])
        .sort(),
    );
    for (const app of federated.filter((r) => r.scope !== undefined)) {
      expect(app).toEqual({ stack: `${name}-us-east-1-atlas-security-app-deploy`, name: `acct-atlas-${name}-app-deploy`, scope: "application-delivery" });
    }
  });

  it("trust: the plan role for PRs and main only, the deploy role for its GitHub Environment only", () => {
    const trust = (id: string) => statements(roles[id]!["assume_role_policy"]);
    const expected = (sub: string | string[]): Statement[] => [
      {
        Sid: "GitHubActionsOidc",
        Effect: "Allow",
        Principal: { Federated: provider },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": sub } },
      },
    ];
    // Prod's plan role is never assumed by a PR's code directly: PR plans of prod wait for the prod-plan environment's reviewers.
    const planSubjects = name === "prod" ? ["environment:prod-plan", "ref:refs/heads/main"] : ["pull_request", "ref:refs/heads/main"];
    expect(trust("plan-role")).toEqual(expected(planSubjects.map((s) => `repo:${REPO}:${s}`)));
    expect(trust("deploy-role")).toEqual(expected(`repo:${REPO}:environment:${name}`));
    expect(roles["plan-role"]!["max_session_duration"]).toBe(3600);
  });

  it("the plan role is read-only: Describe/List/Get, the state read, the lock items, the state key through the backend", () => {
    const allowed = inline("plan-role").filter((s) => s.Effect === "Allow");
    const writes = allowed
      .flatMap((s) => list(s.Action).map((a) => ({ a, s })))
      .filter(({ a }) => !/^[a-z0-9-]+:(Describe|List|Get|BatchGet)/.test(a) && a !== "apigateway:GET" && a !== "budgets:ViewBudget");
    expect(writes.map(({ a, s }) => `${s.Sid}:${a}`).sort()).toEqual(
      [
        "StateLockTable:dynamodb:PutItem",
        "StateLockTable:dynamodb:DeleteItem",
        "StateKeyThroughTheBackend:kms:Decrypt",
        "StateKeyThroughTheBackend:kms:Encrypt",
        "StateKeyThroughTheBackend:kms:GenerateDataKey",
        "DecryptManagedSecretsThroughSecretsManager:kms:Decrypt",
      ].sort(),
    );
    expect(allowed.find((s) => s.Sid === "StateLockTable")!.Resource).toBe(table);
    expect(allowed.find((s) => s.Sid === "DecryptManagedSecretsThroughSecretsManager")!.Condition).toEqual({
      StringLike: { "kms:ViaService": "secretsmanager.*.amazonaws.com" },
    });
    const denies = inline("plan-role").filter((s) => s.Effect === "Deny");
    expect(denies).toEqual([
      {
        Sid: "NoSecretsOutsideThisRepository",
        Effect: "Deny",
        Action: ["secretsmanager:GetSecretValue"],
        Resource: "*",
        Condition: { StringNotEquals: { "secretsmanager:ResourceTag/ManagedBy": "cdktf" } },
      },
      { Sid: "NoObjectReadsOutsideTheState", Effect: "Deny", Action: ["s3:GetObject", "s3:GetObjectVersion"], NotResource: [`${bucket}/${name}/*`] },
    ]);
  });

  it("state backend: exact statements on this account's bucket, this env's objects, the lock table and the state key", () => {
    const key = { "kms:ResourceAliases": `alias/acme-infra-tfstate-${account}-key` };
    const state = (write: boolean): Statement[] => [
      { Sid: "ListStateBucket", Effect: "Allow", Action: ["s3:ListBucket", "s3:GetBucketLocation"], Resource: bucket },
      {
        Sid: write ? "ReadWriteState" : "ReadState",
        Effect: "Allow",
        Action: write ? ["s3:GetObject", "s3:PutObject"] : ["s3:GetObject"],
        Resource: `${bucket}/${name}/*`,
      },
      ...(write
        ? [{ Sid: "NotTheBootstrapState", Effect: "Deny" as const, Action: ["s3:PutObject", "s3:DeleteObject"], Resource: `${bucket}/${name}/bootstrap/*` }]
        : []),
      {
        Sid: "StateLockTable",
        Effect: "Allow",
        Action: ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
        Resource: table,
      },
      {
        Sid: "StateKeyThroughTheBackend",
        Effect: "Allow",
        Action: ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:ViaService": ["s3.us-east-1.amazonaws.com", "dynamodb.us-east-1.amazonaws.com"] }, "ForAnyValue:StringEquals": key },
      },
    ];
    const byName = (role: string, policy: string) =>
      statements(resources(json, "aws_iam_role_policy").find(([, p]) => p["role"] === `\${aws_iam_role.${role}.name}` && p["name"] === policy)![1]["policy"]);
    expect(byName("plan-role", "terraform-state")).toEqual(state(false));
    expect(byName("deploy-role", "terraform-state")).toEqual(state(true));
    // Nothing else allows anything on the state bucket or table: the broad statement excludes them.
    for (const role of ["plan-role", "deploy-role"]) {
      const others = inline(role).filter(
        (s) => s.Effect === "Allow" && !["ListStateBucket", "ReadState", "ReadWriteState", "StateLockTable", "StateKeyThroughTheBackend"].includes(s.Sid),
      );
      for (const s of others) {
        for (const r of list(s.Resource))
          expect(
            [bucket, table].some((x) => r === x || r.startsWith(`${bucket}/`)),
            `${role} ${s.Sid} ${r}`,
          ).toBe(false);
      }
    }
    const manage = inline("deploy-role").find((s) => s.Sid === "ManageInfrastructure")!;
    expect(manage.Resource).toBeUndefined();
    expect(manage.NotResource).toEqual([bucket, `${bucket}/*`, `${bucket}-access-logs`, `${bucket}-access-logs/*`, table]);
  });

  it("the deploy role manages the services in use, cannot change CI access and cannot weaken the state key", () => {
    const deny = inline("deploy-role").filter((s) => s.Effect === "Deny");
    expect(deny.map((s) => s.Sid)).toEqual(["CannotChangeCiAccess", "CannotWeakenTheStateKey", "NotTheBootstrapState"]);
    expect(deny[0]).toMatchObject({
      NotAction: ["iam:Get*", "iam:List*"],
      Resource: ["${aws_iam_role.plan-role.arn}", "${aws_iam_role.deploy-role.arn}", provider],
    });
    expect(deny[1]!.Condition).toEqual({ "ForAnyValue:StringEquals": { "kms:ResourceAliases": `alias/acme-infra-tfstate-${account}-key` } });
    // Exactly the services of what the env synthesizes (resources and data sources of every stack).
    const types = stacks.flatMap((s) => [...Object.keys(s.json.resource ?? {}), ...Object.keys(s.json.data ?? {})]);
    expect(list(inline("deploy-role").find((s) => s.Sid === "ManageInfrastructure")!.Action)).toEqual(iamServicesOfTypes(types).map((s) => `${s}:*`));
    expect(roles["deploy-role"]).toMatchObject({ max_session_duration: 7200 });
  });

  it("every resource type of every stack of the env belongs to a service the roles cover", () => {
    const types = new Set(
      stacks.flatMap((s) => [...Object.keys(s.json.resource ?? {}), ...Object.keys(s.json.data ?? {})]).filter((t) => t.startsWith("aws_")),
    );
    const managed = new Set(list(inline("deploy-role").find((s) => s.Sid === "ManageInfrastructure")!.Action).map((a) => a.replace(/:\*$/, "")));
    const read = new Set(list(inline("plan-role").find((s) => s.Sid === "ReadConfiguration")!.Action).map((a) => a.split(":")[0]!));
    const missing: string[] = [];
    for (const type of types) {
      const services = iamServicesOf(type);
      if (!services) missing.push(`${type}: unknown to IAM_SERVICES_OF_TYPE`);
      else for (const s of services) if (!managed.has(s) || !read.has(s)) missing.push(`${type}: service ${s} is not in the roles`);
    }
    expect(missing).toEqual([]);
  });

  it("each role's inline policies stay under IAM's 10,240-character limit", () => {
    for (const role of ["plan-role", "deploy-role"]) {
      const size = resources(json, "aws_iam_role_policy")
        .filter(([, p]) => p["role"] === `\${aws_iam_role.${role}.name}`)
        .reduce((n, [, p]) => n + String(p["policy"]).length, 0);
      expect(size, role).toBeLessThan(10_240);
    }
  });
});

describe("ci-access follows what later atlas phases synthesize", () => {
  // The committed config runs atlas phase 1; phases 2-4 bring Cloud Map, Application Auto Scaling,
  // CodeDeploy and OpenSearch. The deploy role must manage them the day the phase changes.
  const prod = findEnv("prod");
  const atPhase = (phase: 1 | 2 | 3 | 4): EnvConfig => withAtlasPhase(prod, phase);
  const manage = (env: EnvConfig) => {
    const ci = envSynthOnce(env).stacks.find((s) => s.stackName.endsWith("-security-ci-access"))!;
    const policies = Object.values(ci.json.resource!["aws_iam_role_policy"] as Record<string, R>).filter((p) => p["name"] === "manage-infrastructure");
    return list(statements(policies[0]!["policy"]).find((s) => s.Sid === "ManageInfrastructure")!.Action);
  };
  const phase1 = list(
    statements(
      Object.values(
        SYNTH.get("prod")!.find((s) => s.stackName.endsWith("-security-ci-access"))!.json.resource!["aws_iam_role_policy"] as Record<string, R>,
      ).find((p) => p["name"] === "manage-infrastructure")!["policy"],
    ).find((s) => s.Sid === "ManageInfrastructure")!.Action,
  );

  it.each([
    [2, ["servicediscovery:*"]],
    [3, ["servicediscovery:*", "es:*"]],
    // Application Auto Scaling is there from phase 1: the timeline's API (prod, both regions) scales with it.
    // CodeDeploy too since Mile Quest's Lambda canary deploys (prod, both regions; ADR 0111).
    [4, ["servicediscovery:*", "es:*"]],
  ] as const)("phase %i: the prod deploy role gains %j", (phase, expected) => {
    expect(manage(atPhase(phase))).toEqual(expect.arrayContaining([...expected]));
    for (const a of expected) expect(phase1, `phase 1 has no ${a}`).not.toContain(a);
  });

  it("CodeDeploy is in the prod deploy role from phase 1: Mile Quest's canary deploys use it (bcm-data-exports for its cost export too)", () => {
    expect(phase1).toEqual(expect.arrayContaining(["codedeploy:*", "bcm-data-exports:*", "cur:*"]));
  });

  it("the timeline's API autoscaling brings application-autoscaling:* already at phase 1", () => {
    expect(phase1).toContain("application-autoscaling:*");
  });
});

describe("ci-access and the workflows agree", () => {
  const workflow = (file: string) =>
    parse(readFileSync(resolve(__dirname, "../../../.github/workflows", file), "utf8")) as {
      jobs: Record<string, { environment?: string; steps?: { with?: R }[] }>;
    };
  const roleVariable = (job: { steps?: { with?: R }[] }) =>
    String(job.steps!.find((s) => s.with?.["role-to-assume"])!.with!["role-to-assume"]).match(/vars\.([A-Z_]+)|'([A-Z_]+)\{0\}'/)!;

  it("each deploy job's environment and role variable are the deploy role's trusted environment and output", () => {
    const deploy = workflow("deploy.yml");
    for (const env of ENVS) {
      const job = deploy.jobs[env.name]!;
      const stack = SYNTH.get(env.name)!.find((s) => s.stackName.endsWith("-security-ci-access"))!;
      expect(job.environment).toBe(env.name);
      expect(Object.keys(stack.json.output as R)).toContain(roleVariable(job)[1]);
      expect(String((stack.json.resource!["aws_iam_role"] as Record<string, R>)["deploy-role"]!["assume_role_policy"])).toContain(
        `:environment:${job.environment}"`,
      );
    }
  });

  it("the PR plan and drift jobs read AWS_PLAN_ROLE_ARN_<ENV>, the plan role's output", () => {
    for (const file of ["pr.yml", "drift.yml"]) {
      const jobs = Object.values(workflow(file).jobs).filter((j) => j.steps?.some((s) => s.with?.["role-to-assume"]));
      expect(jobs.map((j) => roleVariable(j)[2])).toEqual(["AWS_PLAN_ROLE_ARN_"]);
    }
    for (const env of ENVS) {
      const stack = SYNTH.get(env.name)!.find((s) => s.stackName.endsWith("-security-ci-access"))!;
      expect(Object.keys(stack.json.output as R)).toContain(`AWS_PLAN_ROLE_ARN_${env.name.toUpperCase()}`);
    }
  });
});

describe("ci-access config errors", () => {
  const prod = findEnv("prod");
  const withDeployment = (region: string, d: ReturnType<typeof deploy>): EnvConfig => ({
    ...prod,
    regions: prod.regions.map((r) => (r.region === region ? { ...r, deployments: [...r.deployments, d] } : r)),
  });
  const error = (env: EnvConfig): string => {
    try {
      resolveEnv(root, env, WORKLOADS);
    } catch (e) {
      if (e instanceof ConfigError) return e.message;
      throw e;
    }
    throw new Error("resolved without an error");
  };

  it("a second deployment in a DR region is refused: IAM is global", () => {
    expect(error(withDeployment("eu-west-1", deploy(platformModules.ciAccess)))).toContain(
      "IAM is global: deploy security/ci-access once, in the primary region (us-east-1)",
    );
  });

  it("a deploy role trusting another env's GitHub Environment is refused", () => {
    const message = error(withInputs(prod, "us-east-1", "security/ci-access", { deployRole: { githubEnvironment: "staging" } }));
    expect(message).toContain("inputs.deployRole.githubEnvironment");
    expect(message).toContain('"prod": the deploy role of prod trusts only the GitHub Environment of the same name');
  });

  it("a malformed repository and an environment subject on the plan role are refused with the field named", () => {
    expect(error({ ...prod, workloads: { ...prod.workloads, platform: { domain: "acme-platform.com", githubRepository: "not a repo" } } })).toContain(
      'must be "<org>/<repo>" as GitHub spells it',
    );
    const message = error(withInputs(prod, "us-east-1", "security/ci-access", { planRole: { subjects: ["environment:prod"] } }));
    expect(message).toContain("planRole.subjects");
    expect(message).toContain("other environment subjects belong to the deploy role");
    const other = error({
      ...prod,
      regions: prod.regions.map((r) =>
        r.role === "primary"
          ? {
              ...r,
              deployments: r.deployments.map((d) =>
                d.definition === platformModules.ciAccess
                  ? deploy(platformModules.ciAccess, { inputs: { planRole: { subjects: ["environment:staging-plan"] } } })
                  : d,
              ),
            }
          : r,
      ),
    });
    expect(other).toContain('"environment:prod-plan": the plan role of prod trusts only its own plan environment');
  });
});
