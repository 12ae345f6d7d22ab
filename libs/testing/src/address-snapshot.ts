import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Per stack: its state key and every Terraform address it manages. */
export type AddressSnapshot = Record<string, { readonly stateKey: string; readonly addresses: readonly string[] }>;

/**
 * Compare an env's Terraform addresses with the committed, reviewed snapshot. An address that changes
 * makes Terraform destroy and recreate the resource, so this fails loudly and says what to do.
 * `UPDATE_ADDRESSES=1` rewrites the snapshot (review the diff before committing it).
 */
export function checkAddressSnapshot(file: string, actual: AddressSnapshot): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (!existsSync(file) && process.env["CI"]) {
    throw new Error(`${file} is missing: run the test locally, review and commit the address snapshot`);
  }
  if (process.env["UPDATE_ADDRESSES"] === "1" || !existsSync(file)) {
    writeFileSync(file, text);
    return;
  }
  const expected = JSON.parse(readFileSync(file, "utf8")) as AddressSnapshot;
  const problems: string[] = [];
  for (const stack of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const before = expected[stack];
    const after = actual[stack];
    if (!before) {
      problems.push(`  + new stack ${stack} (state ${after!.stateKey})`);
      continue;
    }
    if (!after) {
      problems.push(`  - stack ${stack} is gone: its state ${before.stateKey} would be orphaned`);
      continue;
    }
    if (before.stateKey !== after.stateKey) problems.push(`  ~ ${stack}: state key ${before.stateKey} -> ${after.stateKey}`);
    const removed = before.addresses.filter((a) => !after.addresses.includes(a));
    const added = after.addresses.filter((a) => !before.addresses.includes(a));
    for (const a of removed) problems.push(`  - ${stack}: ${a}   (Terraform would DESTROY it)`);
    for (const a of added) problems.push(`  + ${stack}: ${a}`);
  }
  if (problems.length === 0) return;
  throw new Error(
    [
      `Terraform addresses changed against ${file}:`,
      ...problems,
      "",
      "Two ways out:",
      "  1. A new or intentionally replaced resource: accept the snapshot with",
      "       UPDATE_ADDRESSES=1 npx vitest run <this test file>",
      "     and commit the reviewed diff of the snapshot file.",
      "  2. A refactor (construct moved or renamed, same real resource): keep the old address —",
      "     call resource.moveTo(...)/moveFromId(...) (CDKTF emits a `moved` block) or restore the construct id.",
      "     See docs/refactoring.md.",
    ].join("\n"),
  );
}
