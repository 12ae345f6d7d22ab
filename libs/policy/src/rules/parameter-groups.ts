/** Reading RDS parameter groups: engine family and `parameter` blocks. */
import type { SynthResource } from "../types";
import { blocks } from "./helpers";

export const PARAMETER_GROUP_TYPES = ["aws_db_parameter_group", "aws_rds_cluster_parameter_group"];

export function family(group: SynthResource): string {
  return typeof group.values["family"] === "string" ? group.values["family"] : "";
}

export const isPostgres = (group: SynthResource) => /^(postgres|aurora-postgresql)/.test(family(group));
export const isMysql = (group: SynthResource) => /^(mysql|aurora-mysql|mariadb)/.test(family(group));

export function parameter(group: SynthResource, name: string): string | undefined {
  const found = blocks(group.values, "parameter").find((p) => p["name"] === name);
  return found?.["value"] === undefined ? undefined : String(found["value"]);
}
