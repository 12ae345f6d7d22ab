import { type BadConfigCase, FILES, inputCase, prod, withInputs, withWorkload } from "./variants";

const APP_DEPLOY = "us-east-1/atlas-security/app-deploy.inputs";

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
];
