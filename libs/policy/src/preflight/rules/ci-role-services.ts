import { get } from "../../rules/helpers";
import { allowsAction, readPolicy, type Statement } from "../policy";
import type { EnvIndex, Finding, Located, PreflightRule } from "../types";
import { LOCAL_DATA, servicesOf } from "./ci-services";

/** What an AWS-managed policy attached to a role allows, as statements. */
const MANAGED: Readonly<Record<string, Pick<Statement, "actions" | "notActions">>> = {
  AdministratorAccess: { actions: ["*"], notActions: [] },
  PowerUserAccess: { actions: [], notActions: ["iam:*", "organizations:*", "account:*"] },
  ReadOnlyAccess: { actions: ["*:Describe*", "*:Get*", "*:List*", "apigateway:GET"], notActions: [] },
};

/** A CI role: assumable with a web identity token through an OIDC provider (e.g. GitHub Actions). */
const isOidcTrusted = (env: EnvIndex, role: Located) =>
  (readPolicy(env, role.stack, role.resource.values["assume_role_policy"]) ?? []).some(
    (s) =>
      s.effect === "Allow" &&
      allowsAction(s, "sts:AssumeRoleWithWebIdentity") &&
      s.principals.some((p) => p.type === "Federated" && /oidc-provider\/|openid_connect_provider/.test(p.value + p.raw)),
  );

/**
 * The tag that marks an application delivery role (push images, deploy services): it trusts the
 * OIDC provider too, but runs no Terraform, so it needs no service of the env beyond its own list.
 */
export const CI_SCOPE_TAG = "CiScope";
export const APPLICATION_DELIVERY = "application-delivery";

const isApplicationDelivery = (role: Located) => {
  const tags = role.resource.values["tags"];
  return typeof tags === "object" && tags !== null && (tags as Record<string, unknown>)[CI_SCOPE_TAG] === APPLICATION_DELIVERY;
};

/** Every Allow statement that applies to the role: inline, inline_policy blocks, attached customer or AWS-managed policies. */
function permissions(env: EnvIndex, role: Located): Statement[] {
  const out: Statement[] = [];
  const add = (stack: Located["stack"], value: unknown) => out.push(...(readPolicy(env, stack, value as string) ?? []));
  for (const inline of (role.resource.values["inline_policy"] as unknown[] | undefined) ?? []) add(role.stack, get(inline as never, "policy"));
  for (const p of env.referencing(role, "aws_iam_role_policy", "role")) add(p.stack, p.resource.values["policy"]);
  for (const a of [...env.referencing(role, "aws_iam_role_policy_attachment", "role"), ...env.referencing(role, "aws_iam_policy_attachment", "roles")]) {
    const arn = a.resource.values["policy_arn"];
    const target = env.resolve(a.stack, arn);
    if (target?.resource?.type === "aws_iam_policy") add(target.stack, target.resource.values["policy"]);
    const managed = typeof arn === "string" ? /^arn:aws[\w-]*:iam::aws:policy\/(.+)$/.exec(arn)?.[1] : undefined;
    const known = managed && MANAGED[managed];
    if (known) out.push({ effect: "Allow", principals: [], notPrincipal: false, resources: ["*"], notResources: [], conditions: [], ...known });
  }
  return out.filter((s) => s.effect === "Allow");
}

/** A deploy role may change infrastructure (a service wildcard or write verbs on any resource); else it plans (reads). */
function isDeployRole(statements: Statement[]): boolean {
  return statements.some(
    (s) =>
      (s.resources.includes("*") || s.notResources.length > 0) &&
      (s.notActions.length > 0 || s.actions.some((a) => a === "*" || /:(\*|Create|Put|Delete|Update)/.test(a))),
  );
}

const WRITE_PROBE: Readonly<Record<string, string>> = { apigateway: "POST" };
const READ_PROBES = (service: string) =>
  service === "apigateway" ? ["apigateway:GET"] : [`${service}:DescribeProbe`, `${service}:GetProbe`, `${service}:ListProbe`];

/** Types of every stack of the account, with where each first appears. */
function typesOf(env: EnvIndex, account: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const stack of env.stacks) {
    if (stack.account !== account) continue;
    for (const r of stack.index.resources) {
      if (r.mode === "data" && LOCAL_DATA.has(r.type)) continue;
      // Other providers' types (terraform_data guards, random_*, time_*) make no AWS call with the CI role.
      if (!r.type.startsWith("aws_")) continue;
      const key = r.mode === "data" ? `data.${r.type}` : r.type;
      if (!out.has(key)) out.set(key, `${stack.name}/${r.address}`);
    }
  }
  return out;
}

/**
 * The CI roles (trusted through an OIDC provider, e.g. GitHub Actions) may act on every service the
 * env synthesizes in their account: a deploy role may change each service, a plan role may read
 * it. The services come from the resource types of every stack (SERVICE_OF_PREFIX), so a phase
 * that adds Cloud Map, Application Auto Scaling, CodeDeploy or OpenSearch adds them here.
 */
export const ciRoleServices: PreflightRule = {
  id: "PRE-CI-001",
  title: "CI roles are allowed every AWS service the env synthesizes in their account",
  consequence:
    'the pipeline\'s plan or apply fails: "AccessDenied: User: arn:aws:sts::<account>:assumed-role/<ci-role>/... is not authorized to perform: <service>:<Action>"',
  severity: "high",
  catalogue: [],
  defects: [13],
  scope: "env",
  resourceTypes: ["aws_iam_role"],
  // Application delivery roles (CiScope = application-delivery) run no Terraform: their scoped lists are theirs.
  appliesTo: (role, env) => isOidcTrusted(env, role) && !isApplicationDelivery(role),
  check(role, env) {
    const statements = permissions(env, role);
    const deploy = isDeployRole(statements);
    const missing = new Map<string, string[]>();
    const unknown: string[] = [];
    for (const [type, where] of typesOf(env, role.stack.account)) {
      const services = servicesOf(type.replace(/^data\./, ""));
      if (!services) {
        unknown.push(`${type} (${where})`);
        continue;
      }
      for (const service of services) {
        const probes = deploy ? [`${service}:${WRITE_PROBE[service] ?? "CreateProbe"}`] : READ_PROBES(service);
        if (probes.some((p) => statements.some((s) => allowsAction(s, p)))) continue;
        missing.set(service, [...(missing.get(service) ?? []), `${type} (${where})`]);
      }
    }
    const out: Finding[] = [...missing.entries()].map(([service, users]) => ({
      attribute: "policy",
      found: `${service} not allowed (${deploy ? "deploy" : "plan"} role; needed for ${users[0]}${users.length > 1 ? ` and ${users.length - 1} more types` : ""})`,
      expected: deploy
        ? `${service}:* (or the actions Terraform calls) in the deploy role's policy`
        : `${service}:Describe*/Get*/List* in the plan role's policy`,
    }));
    if (unknown.length)
      out.push({
        attribute: "policy",
        found: `no known IAM service for ${unknown.join(", ")}`,
        expected: "an entry in SERVICE_OF_PREFIX (libs/policy/src/preflight/rules/ci-services.ts)",
      });
    return out;
  },
};
