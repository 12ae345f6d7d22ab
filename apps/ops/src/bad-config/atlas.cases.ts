import { type BadConfigCase, FILES, inputCase, prod, withInputs, withWorkload } from "./variants";

const APP_DEPLOY = "us-east-1/atlas-security/app-deploy.inputs";
/** Prod at phase 4: the ADR 0106 DR copy in us-west-2 exists. */
const phase4 = () => withWorkload(prod(), "atlas", { phase: 4 });
/** Prod at phase 2: the services on ECS log in as alternating application users (ADR 0145). */
const phase2 = () => withWorkload(prod(), "atlas", { phase: 2 });
const logins = { username: "atlas_app", owner: "atlas_owner", secretName: "accountabilityatlas/prod/database-app", rotationDays: 30 };

/** AccountabilityAtlas (seed 001): the app repositories' deploy role and SMS alarms (issue 14). */
export const ATLAS_CASES: readonly BadConfigCase[] = [
  {
    name: "an app repository without its org (the OIDC sub claim names <org>/<repo>)",
    variant: () => withWorkload(prod(), "atlas", { appRepositories: ["AccountabilityAtlas"] }),
    expect: {
      level: FILES.prod.env,
      path: "workloads.atlas.appRepositories.0",
      value: '"AccountabilityAtlas"',
      allowed: 'must be "<org>/<repo>" as GitHub spells it',
    },
  },
  {
    name: "an app deploy role that trusts pull_request (a PR's code would push images)",
    variant: () =>
      withInputs(prod(), "us-east-1", "atlas-security/app-deploy", { trust: [{ repository: "acme/AccountabilityAtlas", subjects: ["pull_request"] }] }),
    expect: {
      level: FILES.prod.atlas,
      path: `${APP_DEPLOY}.trust.0.subjects.0`,
      value: '"pull_request"',
      allowed: 'never "pull_request": a PR\'s code must not push images or deploy',
    },
  },
  inputCase(
    "prod's app deploy role trusting a branch instead of its gated GitHub Environment",
    prod,
    "atlas-security/app-deploy",
    { trust: [{ repository: "acme/AccountabilityAtlas", subjects: ["ref:refs/heads/master"] }] },
    FILES.prod.atlas,
    "a protected env's deploy role trusts only GitHub Environments",
    { at: "trust.0.subjects.0" },
  ),
  {
    name: "an SMS number that is not E.164",
    variant: () => withWorkload(prod(), "atlas", { criticalAlarmSms: ["555-0100"] }),
    expect: {
      level: FILES.prod.env,
      path: "workloads.atlas.criticalAlarmSms.0",
      value: '"555-0100"',
      allowed: "must be an E.164 phone number like +15555550100",
    },
  },
  {
    name: "an SMS delivery mode SNS does not have",
    variant: () => withWorkload(prod(), "atlas", { smsDelivery: { mode: "verified" } }),
    expect: { level: FILES.prod.env, path: "workloads.atlas.smsDelivery.mode", value: '"verified"', allowed: "" },
  },
  {
    name: "an origination number that is not E.164",
    variant: () => withWorkload(prod(), "atlas", { smsDelivery: { mode: "production", originationNumber: "888-555-0100" } }),
    expect: { level: FILES.prod.env, path: "workloads.atlas.smsDelivery.originationNumber", value: '"888-555-0100"', allowed: "must be an E.164 phone number" },
  },
  {
    name: "phase 4 DR repositories in us-west-2 that the account's ECR replication does not fill (ADR 0106)",
    variant: () => withWorkload(withWorkload(prod(), "atlas", { phase: 4 }), "account", { ecrReplicationPrefixes: [] }),
    expect: {
      level: FILES.prod.env,
      path: "us-west-2/atlas-services/ecr.workloads.account.ecrReplicationPrefixes",
      value: "[]",
      allowed: "a prefix of every repository of the DR copy in us-west-2",
    },
  },
  {
    name: "an ECR replication prefix with a wildcard (ECR filters are plain name prefixes)",
    variant: () => withWorkload(prod(), "account", { ecrReplicationPrefixes: ["acct-atlas-*"] }),
    expect: { level: FILES.prod.env, path: "workloads.account.ecrReplicationPrefixes.0", value: '"acct-atlas-*"', allowed: "no wildcard" },
  },
  {
    name: "a DR api health check outside /api/ (the ALB would send it to web-app, not api-gateway)",
    variant: () => withInputs(phase4(), "us-east-1", "atlas-dns/records", { apiFailover: { healthCheckPath: "/actuator/health" } }),
    expect: {
      level: FILES.prod.atlas,
      path: "us-east-1/atlas-dns/records.inputs.apiFailover.healthCheckPath",
      value: '"/actuator/health"',
      allowed: "must be a path under /api/",
    },
  },
  {
    name: "a DR copy of the services with CodeDeploy blue/green (nothing runs in standby; ADR 0106)",
    variant: () =>
      withInputs(phase4(), "us-west-2", "atlas-services/ecs", { blueGreen: { deploymentConfig: "CodeDeployDefault.ECSAllAtOnce", terminationWaitMinutes: 5 } }),
    expect: {
      level: FILES.prod.in("us-west-2", "atlas.ts"),
      path: "us-west-2/atlas-services/ecs.inputs.blueGreen",
      value: '{"deploymentConfig":"CodeDeployDefault.ECSAllAtOnce","terminationWaitMinutes":5}',
      allowed: "a DR copy (dr is set) has no CodeDeploy blue/green",
    },
  },
  {
    name: "secrets replicated twice to the same region",
    variant: () => withInputs(phase4(), "us-east-1", "atlas-security/secrets", { replicaRegions: ["us-west-2", "us-west-2"] }),
    expect: {
      level: FILES.prod.atlas,
      path: "us-east-1/atlas-security/secrets.inputs.replicaRegions",
      value: '["us-west-2","us-west-2"]',
      allowed: "must not list a region twice",
    },
  },
  {
    name: "an application login whose _clone twin PostgreSQL would truncate (ADR 0145)",
    variant: () => withInputs(phase2(), "us-east-1", "atlas-data/rds", { appLogins: { ...logins, username: "a".repeat(58) } }),
    expect: {
      level: FILES.prod.atlas,
      path: "us-east-1/atlas-data/rds.inputs.appLogins.username",
      value: JSON.stringify("a".repeat(58)),
      allowed: "a lower-case PostgreSQL name of at most 57 characters (its _clone twin must fit in 63)",
    },
  },
  {
    name: "an owner role that is one of the two logins (ADR 0145)",
    variant: () => withInputs(phase2(), "us-east-1", "atlas-data/rds", { appLogins: { ...logins, owner: "atlas_app_clone" } }),
    expect: {
      level: FILES.prod.atlas,
      path: "us-east-1/atlas-data/rds.inputs.appLogins.owner",
      value: '"atlas_app_clone"',
      allowed: "must differ from both logins",
    },
  },
  {
    name: "login rotation beyond the 90-day credential limit (ADR 0145)",
    variant: () => withInputs(phase2(), "us-east-1", "atlas-data/rds", { appLogins: { ...logins, rotationDays: 120 } }),
    expect: { level: FILES.prod.atlas, path: "us-east-1/atlas-data/rds.inputs.appLogins.rotationDays", value: "120", allowed: "" },
  },
];
