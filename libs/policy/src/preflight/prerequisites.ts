import type { DeclaredPrerequisite, EnvIndex, StackView } from "./types";

/** A secret's name from its name or (full or partial) ARN: a full ARN ends in `-` and 6 random characters. */
export function secretNameOf(nameOrArn: string): string {
  const arn = /^arn:aws[\w-]*:secretsmanager:[^:]+:\d{12}:secret:(.+?)(-[A-Za-z0-9]{6})?$/.exec(nameOrArn);
  return arn ? arn[1]! : nameOrArn;
}

const zoneNameOf = (name: string) => name.toLowerCase().replace(/\.$/, "");

/**
 * The declared prerequisite that provides `name` to `stack` (same account, or a declaration that
 * names no account), if any: what `infra preflight` checks before deploy, so the rules accept it.
 */
export function declaredPrerequisite(env: EnvIndex, kind: "secrets" | "zones", name: string, stack: StackView): DeclaredPrerequisite | undefined {
  const normalize = kind === "secrets" ? secretNameOf : zoneNameOf;
  const wanted = normalize(name);
  return (env.facts.prerequisites?.[kind] ?? []).find(
    (p) => normalize(p.name) === wanted && (p.account === undefined || stack.account === undefined || p.account === stack.account),
  );
}
