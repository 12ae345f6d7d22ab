import { EcrReplicationConfiguration } from "@cdktf/provider-aws/lib/ecr-replication-configuration";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SnsSmsPreferences } from "@cdktf/provider-aws/lib/sns-sms-preferences";
import { ApiGatewayLoggingRole } from "@infra/apigateway";
import { type DeploymentStack, type ServiceLinkedRoleService, type StackBuilder, accountRequirements } from "@infra/core";
import { ServiceLinkedRoles } from "@infra/governance";
import { TerraformResource } from "cdktf";
import type { FoundationInputs } from "../inputs";
import { buildAccountAudit } from "./audit";

/**
 * Resource types whose service needs its service-linked role before the resource is created (or
 * whose role a policy names). The services create some roles themselves on first use, but only
 * when the caller may `iam:CreateServiceLinkedRole`, and never before a key policy that names the
 * role is put: owning them here makes the account's state explicit and ordered.
 */
export const SERVICE_LINKED_ROLE_OF_RESOURCE: Readonly<Record<string, ServiceLinkedRoleService>> = {
  aws_autoscaling_group: "autoscaling.amazonaws.com",
  aws_ecs_cluster: "ecs.amazonaws.com",
  aws_elasticache_replication_group: "elasticache.amazonaws.com",
  aws_elasticache_serverless_cache: "elasticache.amazonaws.com",
  aws_elasticache_cluster: "elasticache.amazonaws.com",
  aws_db_instance: "rds.amazonaws.com",
  aws_rds_cluster: "rds.amazonaws.com",
  aws_opensearch_domain: "opensearchservice.amazonaws.com",
};

/** What the env's other stacks need from the account: service-linked roles and API Gateway logging regions. */
export interface AccountNeeds {
  readonly serviceLinkedRoles: readonly ServiceLinkedRoleService[];
  /** Regions with a REST or WebSocket API (both log through the account's API Gateway CloudWatch role). */
  readonly apiGatewayLoggingRegions: readonly string[];
  /** Regions with an SNS SMS subscription (the account's SMS settings are set there). */
  readonly smsRegions: readonly string[];
  /** ECR repository names the stacks create, by region (sorted): where the registry's replication can deliver. */
  readonly ecrRepositories: Readonly<Record<string, readonly string[]>>;
}

/** Derive the account's needs from what the stacks actually contain (and what their constructs declared). */
export function accountNeeds(stacks: readonly DeploymentStack[]): AccountNeeds {
  const roles = new Set<ServiceLinkedRoleService>();
  const apiRegions = new Set<string>();
  const smsRegions = new Set<string>();
  const repositories = new Map<string, Set<string>>();
  for (const stack of stacks) {
    for (const r of accountRequirements(stack)) if (r.requiredBy.length > 0) roles.add(r.serviceLinkedRole);
    for (const node of stack.node.findAll()) {
      if (!(node instanceof TerraformResource)) continue;
      const type = node.terraformResourceType;
      const role = SERVICE_LINKED_ROLE_OF_RESOURCE[type];
      if (role) roles.add(role);
      const websocket = type === "aws_apigatewayv2_api" && (node as unknown as { protocolTypeInput?: string }).protocolTypeInput === "WEBSOCKET";
      if (type === "aws_api_gateway_stage" || websocket) {
        const region = (node.provider as AwsProvider | undefined)?.region ?? stack.deployment.region.name;
        apiRegions.add(region);
      }
      if (type === "aws_sns_topic_subscription" && (node as unknown as { protocolInput?: string }).protocolInput === "sms") {
        smsRegions.add((node.provider as AwsProvider | undefined)?.region ?? stack.deployment.region.name);
      }
      const repository = type === "aws_ecr_repository" ? (node as unknown as { nameInput?: string }).nameInput : undefined;
      if (repository !== undefined) {
        const region = (node.provider as AwsProvider | undefined)?.region ?? stack.deployment.region.name;
        if (!repositories.has(region)) repositories.set(region, new Set());
        repositories.get(region)!.add(repository);
      }
    }
  }
  const ecrRepositories = Object.fromEntries([...repositories].sort(([a], [b]) => a.localeCompare(b)).map(([region, names]) => [region, [...names].sort()]));
  return { serviceLinkedRoles: [...roles].sort(), apiGatewayLoggingRegions: [...apiRegions].sort(), smsRegions: [...smsRegions].sort(), ecrRepositories };
}

/** One replication rule per destination region: the repositories of `source` under `prefixes` that `region` also has. */
export function ecrReplicationRules(
  ecrRepositories: AccountNeeds["ecrRepositories"],
  source: string,
  prefixes: readonly string[],
): { readonly region: string; readonly repositories: readonly string[] }[] {
  const own = (ecrRepositories[source] ?? []).filter((name) => prefixes.some((p) => name.startsWith(p)));
  return Object.entries(ecrRepositories)
    .filter(([region]) => region !== source)
    .map(([region, names]) => ({ region, repositories: own.filter((name) => names.includes(name)) }))
    .filter((rule) => rule.repositories.length > 0);
}

/** What the foundation made: the audit trail and human roles at once, the rest once the env is built. */
export interface FoundationOutputs {
  readonly needs: () => AccountNeeds | undefined;
  /** ARN of the account's CloudTrail trail. */
  readonly trailArn: string;
  /** The human roles that exist in this account, ARN by role name. */
  readonly humanRoleArns: Readonly<Record<string, string>>;
}

/**
 * The account foundation (`account/foundation`): what the account must have before any other
 * stack of the env deploys, one owner per account. Its content follows from the other stacks, so
 * it is built once the env is: the service-linked roles their resources and key policies need
 * (created, or imported where the account already has them), and the per-region API Gateway
 * account setting with its CloudWatch role (a singleton per account and region, which workloads
 * must not set themselves). Every other deployment depends on it (resolve: `foundation: true`).
 * From config: the account's CloudTrail trail and the roles people assume (ADR 0065).
 */
export const buildFoundation: StackBuilder<FoundationInputs, FoundationOutputs> = (stack, inputs, ctx) => {
  const audit = buildAccountAudit(stack, inputs, ctx);
  let built: AccountNeeds | undefined;
  ctx.afterEnvBuilt(({ stacks }) => {
    const needs = accountNeeds([...stacks.values()].filter((s) => s !== stack));
    // Roles the account already has are imported; one that no stack needs is simply not managed.
    const existing = inputs.existingServiceLinkedRoles.filter((s) => needs.serviceLinkedRoles.includes(s));
    new ServiceLinkedRoles(stack, "service-linked-roles", { accountId: ctx.env.accountId, services: needs.serviceLinkedRoles, existing });
    if (needs.apiGatewayLoggingRegions.length > 0) {
      new ApiGatewayLoggingRole(stack, "apigateway-logging", { roleName: inputs.apiGatewayCloudWatchRoleName, regions: needs.apiGatewayLoggingRegions });
    }
    // aws_sns_sms_preferences is one per account and region (PRE-ONE-001): owned here, never by a workload.
    for (const region of needs.smsRegions) {
      new SnsSmsPreferences(stack, `sms-preferences-${region}`, {
        region,
        defaultSmsType: inputs.sms.defaultSmsType,
        monthlySpendLimit: inputs.sms.monthlySpendLimitUsd,
      });
    }
    // aws_ecr_replication_configuration is one per account and region (the source registry's): owned here.
    // ECR replicates into the destination's existing repository of the same name, so each copy keeps the
    // encryption key, lifecycle and immutable tags its own stack gave it (a repository ECR would create
    // instead gets AES256 and no lifecycle policy).
    const rules = ecrReplicationRules(needs.ecrRepositories, stack.deployment.region.name, inputs.ecrReplication.repositoryPrefixes);
    for (const r of rules) {
      // ECR's limit: 100 repository filters per rule.
      if (r.repositories.length > 100)
        throw new Error(
          `${stack.node.path}: ${r.repositories.length} repositories replicate to ${r.region}; ECR takes at most 100 filters per rule (narrow ecrReplicationPrefixes)`,
        );
    }
    if (rules.length > 0) {
      new EcrReplicationConfiguration(stack, "ecr-replication", {
        replicationConfiguration: {
          rule: rules.map((r) => ({
            destination: [{ region: r.region, registryId: ctx.env.accountId }],
            repositoryFilter: r.repositories.map((name) => ({ filter: name, filterType: "PREFIX_MATCH" })),
          })),
        },
      });
    }
    built = needs;
  });
  return { needs: () => built, trailArn: audit.trailArn, humanRoleArns: audit.humanRoleArns };
};
