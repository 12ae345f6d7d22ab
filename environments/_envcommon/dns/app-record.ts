import { defineModule } from "@infra/config";
import { appRecordInputs } from "@infra/platform-inputs";

/**
 * app.<zone>: an alias to the primary region's ALB; with `routing.mode: "failover"` (prod) Route 53
 * PRIMARY/SECONDARY records with a health check on the primary, the secondary being the deployment's
 * `secondary` dependency (the DR region's ingress).
 */
export const appRecord = defineModule({
  workload: "platform",
  category: "dns",
  module: "app-record",
  builder: "platform/app-record",
  schema: appRecordInputs,
  source: "environments/_envcommon/dns/app-record.ts",
  // Seed 004 resource tags over the workload's (ADR 0070).
  tags: { service: "dns" },
  dependencies: {
    zone: { category: "dns", module: "zone" },
    ingress: { category: "services", module: "ingress" },
    // The service behind the ALB: what the name serves, and what prod's HTTPS health check probes.
    app: { category: "services", module: "app" },
  },
  defaults: () => ({ recordName: "app", routing: { mode: "simple" as const } }),
});
