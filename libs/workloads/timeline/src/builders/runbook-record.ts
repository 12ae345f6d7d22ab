import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import type { Construct } from "constructs";

/**
 * A CNAME in the timeline's private zone that the failover runbook re-points at the DR region's
 * endpoint (the promoted replica, the DR cache): Terraform creates it and then leaves its records
 * alone, so an apply after a failover does not undo the failover. Returns the record's name.
 */
export function runbookCname(scope: Construct, id: string, zone: { readonly zoneId: string; readonly name: string }, record: string, target: string): string {
  const name = `${record}.${zone.name}`;
  new Route53Record(scope, id, { zoneId: zone.zoneId, name, type: "CNAME", ttl: 60, records: [target], lifecycle: { ignoreChanges: ["records"] } });
  return name;
}
