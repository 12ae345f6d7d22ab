import type { CognitoUserPoolSchema } from "@cdktf/provider-aws/lib/cognito-user-pool";

/** OIDC standard attributes Cognito knows. */
export type StandardAttributeName =
  | "address"
  | "birthdate"
  | "email"
  | "family_name"
  | "gender"
  | "given_name"
  | "locale"
  | "middle_name"
  | "name"
  | "nickname"
  | "phone_number"
  | "picture"
  | "preferred_username"
  | "profile"
  | "zoneinfo"
  | "website";

export interface StandardAttribute {
  /** Required at sign-up. Cannot be changed after the pool exists. @default false */
  readonly required?: boolean;
  /** @default true */
  readonly mutable?: boolean;
}

export interface CustomAttribute {
  readonly type: "String" | "Number" | "Boolean" | "DateTime";
  /** Custom attributes can never be required; they can be read-only after creation. @default true */
  readonly mutable?: boolean;
  /** String only. @default 0 */
  readonly minLength?: number;
  /** String only. @default 2048 */
  readonly maxLength?: number;
  /** Number only. @default none */
  readonly min?: number;
  /** Number only. @default none */
  readonly max?: number;
}

/**
 * Schema entries: standard attributes only when required or immutable (the rest exist anyway),
 * custom attributes always (names without the "custom:" prefix, which Cognito adds).
 */
export function schemaOf(
  standard: Readonly<Partial<Record<StandardAttributeName, StandardAttribute>>>,
  custom: Readonly<Record<string, CustomAttribute>>,
): CognitoUserPoolSchema[] {
  const schema: CognitoUserPoolSchema[] = [];
  for (const [name, a] of Object.entries(standard) as [StandardAttributeName, StandardAttribute][]) {
    if (!(a.required ?? false) && (a.mutable ?? true)) continue;
    schema.push({
      name,
      attributeDataType: "String",
      required: a.required ?? false,
      mutable: a.mutable ?? true,
      developerOnlyAttribute: false,
      stringAttributeConstraints: { minLength: "0", maxLength: "2048" },
    });
  }
  for (const [raw, a] of Object.entries(custom)) {
    const name = raw.replace(/^custom:/, "");
    schema.push({
      name,
      attributeDataType: a.type,
      required: false,
      mutable: a.mutable ?? true,
      developerOnlyAttribute: false,
      stringAttributeConstraints: a.type === "String" ? { minLength: String(a.minLength ?? 0), maxLength: String(a.maxLength ?? 2048) } : undefined,
      numberAttributeConstraints:
        a.type === "Number" && (a.min !== undefined || a.max !== undefined)
          ? { minValue: a.min !== undefined ? String(a.min) : undefined, maxValue: a.max !== undefined ? String(a.max) : undefined }
          : undefined,
    });
  }
  return schema;
}

export function attributeErrors(custom: Readonly<Record<string, CustomAttribute>>): (string | undefined)[] {
  return Object.entries(custom).flatMap(([raw, a]) => {
    const name = raw.replace(/^custom:/, "");
    return [
      /^[A-Za-z0-9_]{1,20}$/.test(name) ? undefined : `custom attribute "${raw}" must be 1-20 letters, digits or "_"`,
      a.type !== "String" && (a.minLength !== undefined || a.maxLength !== undefined)
        ? `custom attribute "${raw}": lengths are for String attributes`
        : undefined,
      a.type !== "Number" && (a.min !== undefined || a.max !== undefined) ? `custom attribute "${raw}": min/max are for Number attributes` : undefined,
      a.maxLength !== undefined && (a.maxLength < 1 || a.maxLength > 2048) ? `custom attribute "${raw}": maxLength must be 1..2048` : undefined,
    ];
  });
}
