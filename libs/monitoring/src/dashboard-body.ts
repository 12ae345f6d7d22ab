/** One metric line: [namespace, metricName, dimensions?, options?]. */
export type DashboardMetric = readonly [
  namespace: string,
  metricName: string,
  dimensions?: Readonly<Record<string, string>>,
  options?: { readonly label?: string; readonly stat?: string },
];

export interface MetricWidget {
  readonly type: "metric";
  readonly title: string;
  readonly metrics: readonly DashboardMetric[];
  /** Seconds per datapoint. @default 300 */
  readonly period?: number;
  /** @default "Average" */
  readonly stat?: string;
  /** @default "timeSeries" */
  readonly view?: "timeSeries" | "singleValue" | "bar" | "pie";
  /** @default false */
  readonly stacked?: boolean;
  /** Fixed left Y axis range, e.g. { min: 0, max: 100 } for percentages. @default automatic */
  readonly yAxis?: { readonly min?: number; readonly max?: number };
  /** Grid columns (of 24). @default 12 */
  readonly width?: number;
  /** Grid rows. @default 6 */
  readonly height?: number;
}

export interface TextWidget {
  readonly type: "text";
  readonly markdown: string;
  /** @default 24 */
  readonly width?: number;
  /** @default 2 */
  readonly height?: number;
}

export interface AlarmStatusWidget {
  readonly type: "alarm";
  readonly title: string;
  readonly alarmArns: readonly string[];
  /** @default 24 */
  readonly width?: number;
  /** @default 3 */
  readonly height?: number;
}

export type DashboardWidget = MetricWidget | TextWidget | AlarmStatusWidget;

const GRID_WIDTH = 24;

function size(w: DashboardWidget): { width: number; height: number } {
  switch (w.type) {
    case "metric":
      return { width: w.width ?? 12, height: w.height ?? 6 };
    case "text":
      return { width: w.width ?? 24, height: w.height ?? 2 };
    case "alarm":
      return { width: w.width ?? 24, height: w.height ?? 3 };
  }
}

/** Dimensions sorted by name: the same metric always renders the same way. */
function metricLine(m: DashboardMetric): unknown[] {
  const [namespace, metricName, dimensions, options] = m;
  const dims = Object.keys(dimensions ?? {})
    .sort()
    .flatMap((k) => [k, dimensions![k]!]);
  const opts: Record<string, string> = {};
  if (options?.label !== undefined) opts.label = options.label;
  if (options?.stat !== undefined) opts.stat = options.stat;
  return Object.keys(opts).length > 0 ? [namespace, metricName, ...dims, opts] : [namespace, metricName, ...dims];
}

function properties(w: DashboardWidget, region: string): Record<string, unknown> {
  switch (w.type) {
    case "metric": {
      const p: Record<string, unknown> = {
        metrics: w.metrics.map(metricLine),
        view: w.view ?? "timeSeries",
        stacked: w.stacked ?? false,
        region,
        stat: w.stat ?? "Average",
        period: w.period ?? 300,
        title: w.title,
      };
      if (w.yAxis)
        p.yAxis = { left: { ...(w.yAxis.min !== undefined ? { min: w.yAxis.min } : {}), ...(w.yAxis.max !== undefined ? { max: w.yAxis.max } : {}) } };
      return p;
    }
    case "text":
      return { markdown: w.markdown };
    case "alarm":
      return { alarms: [...w.alarmArns], title: w.title };
  }
}

/**
 * The dashboard_body JSON: widgets flow left to right in CloudWatch's 24-column grid, wrapping to a new
 * row when the next one does not fit. Keys are written in a fixed order, so the output is byte-stable.
 */
export function renderDashboardBody(widgets: readonly DashboardWidget[], region: string): string {
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  const placed = widgets.map((w, i) => {
    const { width, height } = size(w);
    if (width < 1 || width > GRID_WIDTH) throw new Error(`widget ${i} has width ${width}: must be 1..${GRID_WIDTH}`);
    if (height < 1 || height > 1000) throw new Error(`widget ${i} has height ${height}: must be 1..1000`);
    if (w.type === "metric" && w.metrics.length === 0) throw new Error(`metric widget "${w.title}" has no metrics`);
    if (x + width > GRID_WIDTH) {
      x = 0;
      y += rowHeight;
      rowHeight = 0;
    }
    const out = { type: w.type, x, y, width, height, properties: properties(w, region) };
    x += width;
    rowHeight = Math.max(rowHeight, height);
    return out;
  });
  return JSON.stringify({ widgets: placed });
}
