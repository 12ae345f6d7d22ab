import type { KeyType } from "./keys";

/** A plain item value: marshalled to DynamoDB JSON (S, N, BOOL, NULL, L, M). */
export type ItemValue = string | number | boolean | null | readonly ItemValue[] | { readonly [key: string]: ItemValue };
export type Item = Readonly<Record<string, ItemValue>>;

type AttributeValue = { S: string } | { N: string } | { BOOL: boolean } | { NULL: true } | { L: AttributeValue[] } | { M: Record<string, AttributeValue> };

/** DynamoDB JSON of one value. Object keys are sorted: the same item always gives the same JSON. */
export function marshalValue(value: ItemValue): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === "string") return { S: value };
  if (typeof value === "boolean") return { BOOL: value };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`item number ${value} is not finite`);
    return { N: String(value) };
  }
  if (Array.isArray(value)) return { L: (value as readonly ItemValue[]).map(marshalValue) };
  const entries = Object.entries(value as Record<string, ItemValue>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { M: Object.fromEntries(entries.map(([k, v]) => [k, marshalValue(v)])) };
}

/** The `item` argument of aws_dynamodb_table_item: deterministic DynamoDB JSON. */
export function marshalItem(item: Item): string {
  return JSON.stringify((marshalValue(item) as { M: Record<string, AttributeValue> }).M);
}

/** Problems with an item's key attributes (missing, or the wrong scalar type). */
export function itemKeyErrors(item: Item, keys: readonly { name: string; type: KeyType }[]): string[] {
  const errors: string[] = [];
  for (const key of keys) {
    const v = item[key.name];
    const ok = key.type === "S" ? typeof v === "string" && v.length > 0 : key.type === "N" ? typeof v === "number" : false;
    if (key.type === "B") errors.push(`key "${key.name}" is binary: items with binary keys are not supported here`);
    else if (!ok) errors.push(`key "${key.name}" must be a ${key.type === "S" ? "non-empty string" : "number"} (got ${JSON.stringify(v)})`);
  }
  return errors;
}
