import { describe, expect, it } from "vitest";
import { isGravitonClass, minimumStorage, parameterGroupFamily, supportsPerformanceInsights, validateInstanceClass } from "./engine";
import { engineParameters } from "./parameters";

describe("validateInstanceClass", () => {
  it.each([
    "db.t3.micro",
    "db.t3.small",
    "db.t4g.micro",
    "db.t3.medium",
    "db.r6g.large",
    "db.m6g.large",
    "db.m6i.32xlarge",
    "db.r7g.16xlarge",
    "db.m5.24xlarge",
  ])("accepts %s for both engines", (c) => {
    expect(validateInstanceClass("postgres", c)).toBeUndefined();
    expect(validateInstanceClass("mysql", c)).toBeUndefined();
  });
  it("names the problem", () => {
    expect(validateInstanceClass("postgres", "t3.micro")).toBe('instance class "t3.micro" must look like "db.<family>.<size>", e.g. "db.t3.micro"');
    expect(validateInstanceClass("postgres", "db.x9.large")).toMatch(
      /^instance class "db.x9.large": family db.x9 is not known for postgres; known families: db.t3, db.t4g,/,
    );
    expect(validateInstanceClass("mysql", "db.t3.nano")).toBe(
      'instance class "db.t3.nano": db.t3 sizes for mysql are micro, small, medium, large, xlarge, 2xlarge',
    );
    expect(validateInstanceClass("postgres", "db.r6g.24xlarge")).toMatch(/db.r6g sizes for postgres are large, .*16xlarge$/);
  });
});

describe("supportsPerformanceInsights", () => {
  it("is false for the smallest burstable classes only", () => {
    for (const c of ["db.t3.micro", "db.t3.small", "db.t4g.micro", "db.t4g.small"]) expect(supportsPerformanceInsights(c)).toBe(false);
    for (const c of ["db.t3.medium", "db.t4g.medium", "db.r6g.large", "db.m6g.large"]) expect(supportsPerformanceInsights(c)).toBe(true);
  });
});

describe("engine helpers", () => {
  it("minimumStorage is 20 GB for gp3 and 100 GB for io1/io2", () => {
    expect(minimumStorage("postgres", "gp3")).toBe(20);
    expect(minimumStorage("mysql", "gp3")).toBe(20);
    expect(minimumStorage("postgres", "io2")).toBe(100);
  });
  it("parameterGroupFamily follows the engine's major version", () => {
    expect(parameterGroupFamily("postgres", "16.4")).toBe("postgres16");
    expect(parameterGroupFamily("postgres", "17")).toBe("postgres17");
    expect(parameterGroupFamily("mysql", "8.0.39")).toBe("mysql8.0");
    expect(parameterGroupFamily("mysql", "8.4.3")).toBe("mysql8.4");
    expect(() => parameterGroupFamily("mysql", "8")).toThrow('mysql engine version "8" needs major.minor');
    expect(() => parameterGroupFamily("postgres", "latest")).toThrow('engine version "latest" must start with a version number');
  });
  it("isGravitonClass spots the g families", () => {
    expect(isGravitonClass("db.r6g.large")).toBe(true);
    expect(isGravitonClass("db.t4g.micro")).toBe(true);
    expect(isGravitonClass("db.m6gd.large")).toBe(true);
    expect(isGravitonClass("db.m6i.large")).toBe(false);
  });
});

describe("engineParameters", () => {
  const base = { forceSsl: true, logStatement: "ddl", slowQueryMs: 1000, extra: {} } as const;
  it("postgres: force_ssl and statement logging, sorted by name", () => {
    expect(engineParameters("postgres", base)).toEqual([
      { name: "log_min_duration_statement", value: "1000", applyMethod: "immediate" },
      { name: "log_statement", value: "ddl", applyMethod: "immediate" },
      { name: "rds.force_ssl", value: "1", applyMethod: "immediate" },
    ]);
  });
  it("mysql: require_secure_transport and the slow query log", () => {
    expect(engineParameters("mysql", { ...base, forceSsl: false, slowQueryMs: 500 })).toEqual([
      { name: "log_output", value: "FILE", applyMethod: "immediate" },
      { name: "long_query_time", value: "0.5", applyMethod: "immediate" },
      { name: "require_secure_transport", value: "0", applyMethod: "immediate" },
      { name: "slow_query_log", value: "1", applyMethod: "immediate" },
    ]);
  });
  it("extras win and apply at the next reboot", () => {
    const params = engineParameters("postgres", { ...base, extra: { shared_preload_libraries: "pg_stat_statements", log_statement: "all" } });
    expect(params.find((x) => x.name === "log_statement")).toEqual({ name: "log_statement", value: "all", applyMethod: "pending-reboot" });
    expect(params.map((x) => x.name)).toEqual(["log_min_duration_statement", "log_statement", "rds.force_ssl", "shared_preload_libraries"]);
  });
});
