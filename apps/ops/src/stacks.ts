import type { ResolvedDeployment, ResolvedEnv } from "@infra/config";
import { levels, waitsFor } from "./operate/selection";

/**
 * The env's stacks in deploy order, each with its state object, dependencies and dependency level
 * (0 = depends on nothing; stacks of one level run in parallel). `selected` narrows the list.
 */
export function formatStacks(env: ResolvedEnv, format: "text" | "json", selected: readonly ResolvedDeployment[] = env.deployments): string {
  const waits = waitsFor(env, env.deployments, false);
  const level = levels(
    env.deployments.map((d) => d.stackName),
    waits,
  );
  const rows = selected.map((d) => ({
    order: env.deployments.indexOf(d) + 1,
    stack: d.stackName,
    region: d.region.name,
    workload: d.workload,
    level: level.get(d.stackName)!,
    state: `s3://${d.backend.bucket}/${d.backend.key}`,
    lockTable: d.backend.dynamodbTable ?? null,
    dependsOn: Object.values(d.dependencies).map((id) => env.deployments.find((x) => x.id === id)!.stackName),
  }));
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  const lines = rows.map(
    (r) => `${String(r.order).padStart(2)}. ${r.stack}\n    state: ${r.state}\n    after: ${r.dependsOn.length ? r.dependsOn.join(", ") : "-"}`,
  );
  const depth = Math.max(0, ...level.values()) + 1;
  const of = selected.length === env.deployments.length ? "" : ` (of ${env.deployments.length})`;
  return `${env.name} (account ${env.accountId}): ${rows.length} stacks${of} in deploy order, ${depth} dependency levels\n${lines.join("\n")}\n`;
}
