import { ServiceDiscoveryPrivateDnsNamespace } from "@cdktf/provider-aws/lib/service-discovery-private-dns-namespace";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

export interface PrivateNamespaceProps {
  /** DNS domain the services register under, e.g. "atlas.internal". */
  readonly name: string;
  readonly vpcId: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/** A Cloud Map private DNS namespace: services find each other as `<service>.<namespace>` inside the VPC. */
export class PrivateNamespace extends Construct {
  readonly namespaceId: string;
  readonly namespaceName: string;
  readonly namespaceArn: string;

  constructor(scope: Construct, id: string, props: PrivateNamespaceProps) {
    super(scope, id);
    markLibrary(this, "ecs-service");
    const ns = new ServiceDiscoveryPrivateDnsNamespace(this, "namespace", {
      name: props.name,
      vpc: props.vpcId,
      description: `Service discovery for ${props.name}`,
      tags: { ...props.tags, Name: props.name },
    });
    this.namespaceId = ns.id;
    this.namespaceArn = ns.arn;
    // The literal name, not the attribute: DNS names built from it stay readable in plans.
    this.namespaceName = props.name;
  }
}
