import { RdsGlobalCluster } from "@cdktf/provider-aws/lib/rds-global-cluster";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";

export interface AuroraGlobalDatabaseProps {
  /** e.g. "aerologue-prod-global". */
  readonly globalClusterIdentifier: string;
  /** Same version as the member clusters at creation, e.g. "15.8" (later minors come from AWS: ignored drift). */
  readonly engineVersion: string;
  /** @default none (the primary creates it) */
  readonly databaseName?: string;
  /** deletion_protection and lifecycle.prevent_destroy. @default true */
  readonly deletionProtection?: boolean;
  /** Extra tags. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * The global cluster that Aurora clusters join with `global: { role: "primary" | "secondary" }`.
 * Lives in the primary region's stack; the secondary's stack references its identifier.
 */
export class AuroraGlobalDatabase extends Construct {
  readonly globalClusterIdentifier: string;
  readonly globalClusterArn: string;

  constructor(scope: Construct, id: string, props: AuroraGlobalDatabaseProps) {
    super(scope, id);
    markLibrary(this, "aurora");
    const deletionProtection = props.deletionProtection ?? true;
    const global = new RdsGlobalCluster(this, "global", {
      globalClusterIdentifier: props.globalClusterIdentifier,
      engine: "aurora-postgresql",
      engineVersion: props.engineVersion,
      databaseName: props.databaseName,
      storageEncrypted: true,
      deletionProtection,
      tags: { ...(props.tags ?? {}), Name: props.globalClusterIdentifier },
      // Members upgrade their minor version automatically; the global cluster follows them.
      lifecycle: { preventDestroy: deletionProtection, ignoreChanges: ["engine_version"] },
    });
    this.globalClusterIdentifier = global.id;
    this.globalClusterArn = global.arn;
  }
}
