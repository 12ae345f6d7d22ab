import type { DbEngine } from "./engine";

export interface EngineParameterOptions {
  readonly forceSsl: boolean;
  /** Postgres log_statement. */
  readonly logStatement: "none" | "ddl" | "mod" | "all";
  /** Statements slower than this (ms) are logged (postgres log_min_duration_statement, mysql long_query_time). */
  readonly slowQueryMs: number;
  /** Extra parameters, applied at the next reboot (static parameters cannot be applied immediately). */
  readonly extra: Readonly<Record<string, string>>;
}

export interface EngineParameter {
  readonly name: string;
  readonly value: string;
  readonly applyMethod: "immediate" | "pending-reboot";
}

/**
 * The parameter group contents: TLS enforcement and statement logging for the engine, then the
 * caller's extras (which win), sorted by name so the JSON does not depend on insertion order.
 */
export function engineParameters(engine: DbEngine, o: EngineParameterOptions): EngineParameter[] {
  const params = new Map<string, EngineParameter>();
  const set = (name: string, value: string, applyMethod: EngineParameter["applyMethod"] = "immediate") => params.set(name, { name, value, applyMethod });
  if (engine === "postgres") {
    set("rds.force_ssl", o.forceSsl ? "1" : "0");
    set("log_statement", o.logStatement);
    set("log_min_duration_statement", String(o.slowQueryMs));
  } else {
    set("require_secure_transport", o.forceSsl ? "1" : "0");
    set("slow_query_log", "1");
    set("long_query_time", String(o.slowQueryMs / 1000));
    // The slow query log goes to the log file that CloudWatch exports, not to a table.
    set("log_output", "FILE");
  }
  for (const [name, value] of Object.entries(o.extra)) set(name, value, "pending-reboot");
  return [...params.values()].sort((a, b) => a.name.localeCompare(b.name));
}
