import { type BadConfigCase, FILES, inputCase, prod, withWorkload } from "./variants";

/** Prod at phase 3, where the seed's X-Ray and Prometheus (and so the collector) exist. */
const prodPhase3 = () => withWorkload(prod(), "atlas", { phase: 3 });

/** The services' telemetry path (ADR 0101): traces need the collector, and its image is pinned. */
export const SERVICES_CASES: readonly BadConfigCase[] = [
  inputCase(
    "atlas X-Ray without the collector sidecar (segments would have no path to X-Ray)",
    prodPhase3,
    "atlas-services/ecs",
    { collector: null },
    FILES.prod.atlas,
    "xray is set but collector is not",
  ),
  inputCase(
    "atlas collector image on a floating tag",
    prodPhase3,
    "atlas-services/ecs",
    { collector: { image: "public.ecr.aws/aws-observability/aws-otel-collector:latest", memoryReservation: 128 } },
    FILES.prod.atlas,
    'must pin a version, not "latest"',
    { at: "collector.image" },
  ),
];
