import { describe, expect, it } from "vitest";
import { Dashboard } from "./dashboard";
import { type DashboardWidget, renderDashboardBody } from "./dashboard-body";
import { only, onlyData, synthJson } from "@infra/testing-core/json";

const widgets: DashboardWidget[] = [
  { type: "text", markdown: "# Platform" },
  { type: "metric", title: "EC2 CPU", metrics: [["AWS/EC2", "CPUUtilization", { AutoScalingGroupName: "asg" }]], yAxis: { min: 0, max: 100 } },
  {
    type: "metric",
    title: "RDS",
    period: 60,
    stat: "Maximum",
    metrics: [["AWS/RDS", "DatabaseConnections", { DBInstanceIdentifier: "db", Role: "WRITER" }, { label: "connections" }]],
  },
  { type: "metric", title: "wide", width: 18, metrics: [["AWS/ECS", "CPUReservation", { ClusterName: "c" }]] },
];

describe("renderDashboardBody", () => {
  it("flows widgets through the 24-column grid with a fixed key order", () => {
    expect(renderDashboardBody(widgets, "us-east-1")).toBe(
      JSON.stringify({
        widgets: [
          { type: "text", x: 0, y: 0, width: 24, height: 2, properties: { markdown: "# Platform" } },
          {
            type: "metric",
            x: 0,
            y: 2,
            width: 12,
            height: 6,
            properties: {
              metrics: [["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "asg"]],
              view: "timeSeries",
              stacked: false,
              region: "us-east-1",
              stat: "Average",
              period: 300,
              title: "EC2 CPU",
              yAxis: { left: { min: 0, max: 100 } },
            },
          },
          {
            type: "metric",
            x: 12,
            y: 2,
            width: 12,
            height: 6,
            properties: {
              metrics: [["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", "db", "Role", "WRITER", { label: "connections" }]],
              view: "timeSeries",
              stacked: false,
              region: "us-east-1",
              stat: "Maximum",
              period: 60,
              title: "RDS",
            },
          },
          {
            type: "metric",
            x: 0,
            y: 8,
            width: 18,
            height: 6,
            properties: {
              metrics: [["AWS/ECS", "CPUReservation", "ClusterName", "c"]],
              view: "timeSeries",
              stacked: false,
              region: "us-east-1",
              stat: "Average",
              period: 300,
              title: "wide",
            },
          },
        ],
      }),
    );
  });

  it("sorts dimensions, so insertion order does not change the JSON", () => {
    const a = renderDashboardBody([{ type: "metric", title: "t", metrics: [["N", "M", { B: "2", A: "1" }]] }], "r");
    const b = renderDashboardBody([{ type: "metric", title: "t", metrics: [["N", "M", { A: "1", B: "2" }]] }], "r");
    expect(a).toBe(b);
    expect(JSON.parse(a).widgets[0].properties.metrics).toEqual([["N", "M", "A", "1", "B", "2"]]);
  });

  it("rejects empty metric widgets and impossible sizes", () => {
    expect(() => renderDashboardBody([{ type: "metric", title: "none", metrics: [] }], "r")).toThrow('metric widget "none" has no metrics');
    expect(() => renderDashboardBody([{ type: "text", markdown: "x", width: 25 }], "r")).toThrow("widget 0 has width 25: must be 1..24");
  });
});

describe("Dashboard", () => {
  it("uses the given region, or the provider's region from data.aws_region", () => {
    const fixed = only(
      synthJson((s) => new Dashboard(s, "d", { name: "prod-overview", widgets, region: "eu-west-1" })),
      "aws_cloudwatch_dashboard",
    );
    expect(fixed.dashboard_name).toBe("prod-overview");
    expect(fixed.dashboard_body).toBe(renderDashboardBody(widgets, "eu-west-1"));

    const json = synthJson((s) => new Dashboard(s, "d", { name: "prod-overview", widgets }));
    onlyData(json, "aws_region");
    expect(only(json, "aws_cloudwatch_dashboard").dashboard_body).toContain('"region":"${data.aws_region.d_region_');
  });

  it("is byte-identical across synths", () => {
    const a = synthJson((s) => new Dashboard(s, "d", { name: "x", widgets, region: "us-east-1" }));
    const b = synthJson((s) => new Dashboard(s, "d", { name: "x", widgets, region: "us-east-1" }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("rejects bad names and empty dashboards", () => {
    expect(() => synthJson((s) => new Dashboard(s, "d", { name: "has space", widgets }))).toThrow('Dashboard "has space": a dashboard name has');
    expect(() => synthJson((s) => new Dashboard(s, "d", { name: "x", widgets: [] }))).toThrow('Dashboard "x": no widgets');
  });
});
