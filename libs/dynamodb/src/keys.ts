/** DynamoDB scalar key types: string, number, binary. */
export type KeyType = "S" | "N" | "B";

export interface KeyAttribute {
  readonly name: string;
  readonly type: KeyType;
}

/**
 * A key of an index: a full attribute, or just the name of an attribute that another key
 * (table or index) already declares with its type.
 */
export type KeyRef = KeyAttribute | string;

export type Projection = "ALL" | "KEYS_ONLY" | "INCLUDE";

export interface GlobalSecondaryIndex {
  /** Unique within the table. */
  readonly name: string;
  readonly partitionKey: KeyRef;
  /** @default none */
  readonly sortKey?: KeyRef;
  /** @default "ALL" */
  readonly projection?: Projection;
  /** Attributes copied into the index, only with projection INCLUDE. */
  readonly nonKeyAttributes?: readonly string[];
}

export interface TableKeySpec {
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalSecondaryIndexes?: readonly GlobalSecondaryIndex[];
}

export const MAX_GSIS = 20;
const NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/** Key attributes by name with their type, in order of first use: table keys first, then index keys. */
export function keyAttributes(spec: TableKeySpec): KeyAttribute[] {
  const declared = new Map<string, KeyType>();
  const add = (ref: KeyRef | undefined) => {
    if (ref && typeof ref !== "string" && !declared.has(ref.name)) declared.set(ref.name, ref.type);
  };
  add(spec.partitionKey);
  add(spec.sortKey);
  for (const gsi of spec.globalSecondaryIndexes ?? []) {
    add(gsi.partitionKey);
    add(gsi.sortKey);
  }
  return [...declared].map(([name, type]) => ({ name, type }));
}

export const keyName = (ref: KeyRef): string => (typeof ref === "string" ? ref : ref.name);

/**
 * Every problem with a table's keys and indexes, as readable messages (empty when valid). AWS
 * rejects attribute definitions no key uses, so attributes are derived from the keys; this
 * catches what derivation cannot: names no key declares, conflicting types, duplicate or too many
 * indexes, projections that do not fit.
 */
export function validateTableKeys(spec: TableKeySpec): string[] {
  const errors: string[] = [];
  const types = new Map<string, KeyType>();
  const declare = (ref: KeyRef | undefined, where: string) => {
    if (!ref || typeof ref === "string") return;
    if (ref.name.length === 0 || ref.name.length > 255) errors.push(`${where}: attribute name must be 1-255 characters`);
    const seen = types.get(ref.name);
    if (seen && seen !== ref.type) errors.push(`${where}: attribute "${ref.name}" is declared as ${ref.type} here and as ${seen} elsewhere`);
    else types.set(ref.name, ref.type);
  };
  declare(spec.partitionKey, "partitionKey");
  declare(spec.sortKey, "sortKey");
  if (spec.sortKey && spec.sortKey.name === spec.partitionKey.name) errors.push(`sortKey "${spec.sortKey.name}" must differ from the partition key`);

  const gsis = spec.globalSecondaryIndexes ?? [];
  if (gsis.length > MAX_GSIS) errors.push(`${gsis.length} global secondary indexes: a table has at most ${MAX_GSIS}`);
  const names = new Set<string>();
  for (const gsi of gsis) {
    const at = `index "${gsi.name}"`;
    if (!NAME.test(gsi.name)) errors.push(`${at}: name must be 3-255 letters, digits, "_", "." or "-"`);
    if (names.has(gsi.name)) errors.push(`${at}: name is used twice`);
    names.add(gsi.name);
    declare(gsi.partitionKey, `${at} partitionKey`);
    declare(gsi.sortKey, `${at} sortKey`);
    if (gsi.sortKey && keyName(gsi.sortKey) === keyName(gsi.partitionKey)) errors.push(`${at}: sortKey must differ from its partitionKey`);
    const projection = gsi.projection ?? "ALL";
    const nonKey = gsi.nonKeyAttributes ?? [];
    if (projection === "INCLUDE" && nonKey.length === 0) errors.push(`${at}: projection INCLUDE needs nonKeyAttributes`);
    if (projection !== "INCLUDE" && nonKey.length > 0) errors.push(`${at}: nonKeyAttributes only go with projection INCLUDE (got ${projection})`);
  }
  const projected = new Set(gsis.flatMap((g) => g.nonKeyAttributes ?? []));
  if (projected.size > 100) errors.push(`${projected.size} distinct nonKeyAttributes across indexes: at most 100`);

  // Bare names must refer to an attribute some key declares with a type.
  for (const gsi of gsis) {
    for (const [role, ref] of [
      ["partitionKey", gsi.partitionKey],
      ["sortKey", gsi.sortKey],
    ] as const) {
      if (typeof ref === "string" && !types.has(ref)) {
        errors.push(`index "${gsi.name}" ${role}: attribute "${ref}" is not declared by any key; give it as { name: "${ref}", type: "S" | "N" | "B" }`);
      }
    }
  }
  return errors;
}
