import type { ResolvedEnv } from "@infra/config";

/** The env's stacks in deploy order, each with its state object and dependencies. */
export function formatStacks(env: ResolvedEnv, format: "text" | "json"): string {
  const rows = env.deployments.map((d, i) => ({
    order: i + 1,
    stack: d.stackName,
    region: d.region.name,
    workload: d.workload,
    state: `s3://${d.backend.bucket}/${d.backend.key}`,
    lockTable: d.backend.dynamodbTable ?? null,
    dependsOn: Object.values(d.dependencies).map((id) => env.deployments.find((x) => x.id === id)!.stackName),
  }));
  if (format === "json") return `${JSON.stringify(rows, null, 2)}\n`;
  const lines = rows.map(
    (r) => `${String(r.order).padStart(2)}. ${r.stack}\n    state: ${r.state}\n    after: ${r.dependsOn.length ? r.dependsOn.join(", ") : "-"}`,
  );
  return `${env.name} (account ${env.accountId}): ${rows.length} stacks in deploy order\n${lines.join("\n")}\n`;
}
