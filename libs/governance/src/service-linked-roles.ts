import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { type ServiceLinkedRoleService, markLibrary, ownServiceLinkedRole, serviceLinkedRoleArn } from "@infra/core";
import { Construct } from "constructs";

export interface ServiceLinkedRolesProps {
  /** Account of the roles (import ids are role ARNs). */
  readonly accountId: string;
  /** @default "aws" */
  readonly partition?: string;
  /** The services whose role the account needs. */
  readonly services: readonly ServiceLinkedRoleService[];
  /**
   * Roles that already exist in the account (AWS creates some on first use of a service: an older
   * account usually has AWSServiceRoleForRDS or AWSServiceRoleForECS). Each gets a Terraform `import`
   * block instead of a create, which IAM would refuse ("has been taken in this account"). @default []
   */
  readonly existing?: readonly ServiceLinkedRoleService[];
}

/**
 * The account's service-linked roles, one resource each, owned here once per account: KMS refuses a
 * key policy that names a role that does not exist yet (AWSServiceRoleForAutoScaling), and a VPC
 * OpenSearch domain needs its role before it is created. Deleting a role that services still use
 * fails, so every role has `prevent_destroy`.
 */
export class ServiceLinkedRoles extends Construct {
  /** Role ARN by service. */
  readonly roleArns: Readonly<Partial<Record<ServiceLinkedRoleService, string>>>;

  constructor(scope: Construct, id: string, props: ServiceLinkedRolesProps) {
    super(scope, id);
    markLibrary(this, "governance");
    const existing = new Set(props.existing ?? []);
    const unknown = [...existing].filter((s) => !props.services.includes(s));
    if (unknown.length > 0) {
      throw new Error(
        `${this.node.path}: existing ${unknown.join(", ")} is not needed by this account (needed: ${props.services.join(", ") || "none"}); remove it from the config`,
      );
    }
    const arns: Partial<Record<ServiceLinkedRoleService, string>> = {};
    for (const service of [...new Set(props.services)].sort()) {
      // No description: an imported role keeps the one AWS gave it (no update on the first plan).
      const role = new IamServiceLinkedRole(this, service.split(".")[0]!, { awsServiceName: service, lifecycle: { preventDestroy: true } });
      const arn = serviceLinkedRoleArn(service, props.accountId, props.partition);
      if (existing.has(service)) role.importFrom(arn);
      ownServiceLinkedRole(this, service);
      arns[service] = arn;
    }
    this.roleArns = arns;
  }
}
