import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformDataSource, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";

/**
 * Put every resource and data source under `scope` on `provider`. Construct libraries create
 * their resources on the stack's default provider; ARC-012 needs a few of them (replica keys,
 * replica buckets) in another region of the same account, from the primary region's stack.
 */
export function onProvider(scope: IConstruct, provider: AwsProvider): void {
  for (const node of scope.node.findAll()) {
    if (node instanceof TerraformResource || node instanceof TerraformDataSource) node.provider = provider;
  }
}
