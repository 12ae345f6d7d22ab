import { Fn, TerraformLocal } from "cdktf";
import type { Construct } from "constructs";

/**
 * The ARN of a secret's Secrets Manager replica in `region`, from the primary's ARN: a replica keeps
 * the primary's name and random suffix, so only the region differs (ADR 0106: the DR services and cache
 * read the replicas atlas-security/secrets and atlas-data/rds make). A local value, so that container
 * definitions hold a plain reference (`local.<id>`), not a function call with quotes inside their JSON.
 */
export function replicaArn(scope: Construct, id: string, primaryArn: string, primaryRegion: string, region: string): string {
  return new TerraformLocal(scope, id, Fn.replace(primaryArn, `:${primaryRegion}:`, `:${region}:`)).asString;
}
