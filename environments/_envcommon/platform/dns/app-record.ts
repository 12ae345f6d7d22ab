import { appRecordInputs } from "@infra/platform-inputs";
import { zone } from "./zone";
import { app } from "../services/app";
import { ingress } from "../services/ingress";
import { platformModule } from "../workload";

/**
 * app.<zone>: an alias to the primary region's ALB; with `routing.mode: "failover"` (prod) Route 53
 * PRIMARY/SECONDARY records with a health check on the primary, the secondary being the deployment's
 * `secondary` dependency (the DR region's ingress).
 */
export const appRecord = platformModule("dns/app-record", {
  schema: appRecordInputs,
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "dns" },
  dependencies: {
    zone,
    ingress,
    // The service behind the ALB: what the name serves, and what prod's HTTPS health check probes.
    app,
  },
  defaults: () => ({ recordName: "app", routing: { mode: "simple" as const } }),
});
