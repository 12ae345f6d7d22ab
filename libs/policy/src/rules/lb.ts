/** Load balancer kinds: several rules only concern application load balancers. */
import type { SynthResource } from "../types";
import { isTrue } from "./helpers";

export const LB_TYPES = ["aws_lb", "aws_alb"];

export const isApplication = (lb: SynthResource) => lb.values["load_balancer_type"] === undefined || lb.values["load_balancer_type"] === "application";
export const isInternetFacing = (lb: SynthResource) => !isTrue(lb.values["internal"]);
