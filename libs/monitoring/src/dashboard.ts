import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { DataAwsRegion } from "@cdktf/provider-aws/lib/data-aws-region";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import { type DashboardWidget, renderDashboardBody } from "./dashboard-body";

export interface DashboardProps {
  /** Dashboard name (letters, digits, "-", "_"). */
  readonly name: string;
  /** Widgets in reading order; they flow left to right in a 24-column grid. */
  readonly widgets: readonly DashboardWidget[];
  /** Region the metric widgets read from. @default the provider's region */
  readonly region?: string;
}

const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** A CloudWatch dashboard described as typed data; its JSON body is deterministic. */
export class Dashboard extends Construct {
  readonly dashboardName: string;
  readonly dashboardArn: string;

  constructor(scope: Construct, id: string, props: DashboardProps) {
    super(scope, id);
    markLibrary(this, "monitoring");
    if (!DASHBOARD_NAME.test(props.name)) {
      throw new Error(`Dashboard "${props.name}": a dashboard name has 1-255 letters, digits, "-" or "_"`);
    }
    if (props.widgets.length === 0) throw new Error(`Dashboard "${props.name}": no widgets`);
    const region = props.region ?? new DataAwsRegion(this, "region").region;
    const dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.name,
      dashboardBody: renderDashboardBody(props.widgets, region),
    });
    this.dashboardName = dashboard.dashboardName;
    this.dashboardArn = dashboard.dashboardArn;
  }
}
